package com.pulse.bench.socket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's clients: {@link FleetMember} processes, each holding a slice of the connections from a source
 * address of its own ({@code 127.0.0.10}, {@code .11}, ...), driven over their stdin/stdout. Separate processes
 * because one process may hold at most 20,000 files here; separate source addresses because one address has about
 * 28,000 ports towards one server port.
 */
final class Fleet implements AutoCloseable {

  private final List<Client> clients = new ArrayList<>();

  /**
   * Starts the processes (they connect only on {@link #open}).
   *
   * @param tokens one token per connection, in this order
   * @param perProcess connections per client process
   * @param reconnect whether clients reconnect (with {@code since}) when a connection is lost
   */
  static Fleet start(String uri, List<String> tokens, int perProcess, boolean reconnect, Path logs) {
    try {
      Files.createDirectories(logs);
      Path tokenFile = Files.createTempFile(logs, "tokens", ".txt");
      Files.write(tokenFile, tokens);
      Fleet fleet = new Fleet();
      for (int from = 0, index = 0; from < tokens.size(); from += perProcess, index++) {
        int to = Math.min(tokens.size(), from + perProcess);
        fleet.clients.add(Client.start(index, List.of(uri, tokenFile.toString(), String.valueOf(from),
            String.valueOf(to), "127.0.0." + (10 + index), String.valueOf(reconnect), "200", "1"), logs));
      }
      return fleet;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int processes() {
    return clients.size();
  }

  /** Asks every client process at once; their answers, in process order. */
  List<String> ask(String command) {
    List<CompletableFuture<String>> answers = clients.stream()
        .map(client -> CompletableFuture.supplyAsync(() -> client.ask(command))).toList();
    return answers.stream().map(CompletableFuture::join).toList();
  }

  /** Asks one client process. */
  String ask(int process, String command) {
    return clients.get(process).ask(command);
  }

  long[] pids() {
    return clients.stream().mapToLong(client -> client.process().process().pid()).toArray();
  }

  @Override
  public void close() {
    clients.forEach(Client::stop);
  }

  private record Client(LineProcess process) {

    static Client start(int index, List<String> args, Path logs) {
      List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
          "-Xms128m", "-Xmx1g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
          FleetMember.class.getName()));
      command.addAll(args);
      return new Client(LineProcess.start(command, logs.resolve("fleet-" + index + ".log")));
    }

    String ask(String command) {
      return process.ask(command);
    }

    void stop() {
      process.stop();
    }
  }
}
