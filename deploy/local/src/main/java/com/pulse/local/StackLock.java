package com.pulse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One stack per data directory: an exclusive file lock on {@value #FILE} in it, holding the owner's pid, taken before
 * anything is deleted or started and released when the stack stops. A second start on the same data refuses at once
 * ("Pulse is already running, pid N") instead of wiping the running stack's data under it. The operating system
 * releases the lock when its process dies, however it dies.
 */
final class StackLock implements AutoCloseable {

  static final String FILE = "pulse.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private StackLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code dataDirectory} (created if need be), or refuses with who holds it. */
  static StackLock acquire(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      Path file = dataDirectory.resolve(FILE);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisJvm) {
        lock = null;
      }
      if (lock == null) {
        String owner = owner(file);
        channel.close();
        throw new AlreadyRunningException("Pulse is already running, pid " + owner + " (data " + dataDirectory
            + "); stop it first, or use another --data-dir");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)),
          0);
      channel.force(true);
      return new StackLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + dataDirectory, e);
    }
  }

  private static String owner(Path file) {
    try {
      String pid = Files.readString(file).trim();
      return pid.isEmpty() ? "unknown" : pid;
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Another stack holds the data directory. */
  static final class AlreadyRunningException extends IllegalStateException {
    AlreadyRunningException(String message) {
      super(message);
    }
  }
}
