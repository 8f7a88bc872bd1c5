package com.pulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, from Linux {@code /proc}: the listening socket's inode in
 * {@code /proc/net/tcp} (and {@code tcp6}), then the process holding {@code socket:[inode]} among its descriptors.
 * Works for any process of the same user (or any, as root), whoever started it.
 */
public final class ListeningPorts {

  private static final String LISTEN = "0A";

  private ListeningPorts() {}

  /** The pid listening on {@code port}, if any is found. */
  public static OptionalLong pid(int port) {
    Map<Integer, Long> inodes = listeningInodes();
    Long inode = inodes.get(port);
    if (inode == null) {
      return OptionalLong.empty();
    }
    String socket = "socket:[" + inode + "]";
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> holds(p, socket)).mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  private static boolean holds(Path process, String socket) {
    try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
      return fds.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().equals(socket);
        } catch (IOException | UnsupportedOperationException e) {
          return false;
        }
      });
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<Integer, Long> listeningInodes() {
    Map<Integer, Long> inodes = new HashMap<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        Files.readAllLines(Path.of(table)).stream().skip(1).forEach(line -> {
          long[] parsed = parseListening(line);
          if (parsed != null) {
            inodes.putIfAbsent((int) parsed[0], parsed[1]);
          }
        });
      } catch (IOException e) {
        // no IPv6 table on this machine, or no /proc at all: nothing found there
      }
    }
    return inodes;
  }

  /**
   * One row of {@code /proc/net/tcp}: {port, inode} when it is a listening socket, else null. The local address is
   * {@code hex-ip:hex-port} (field 2), the state field 4 ({@code 0A} = LISTEN), the inode field 10.
   */
  static long[] parseListening(String line) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length < 10 || !fields[3].equals(LISTEN)) {
      return null;
    }
    String local = fields[1];
    int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
    return new long[] {port, Long.parseLong(fields[9])};
  }
}
