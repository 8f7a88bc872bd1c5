package com.pulse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack for every end-to-end test class of this module: started before the first class, stopped when the
 * test JVM exits (surefire may hand each class to JUnit on its own, so the stack cannot live in a JUnit store). The
 * demo orders are seeded right after the start, before any test opens a socket, so no test sees their events.
 */
final class RunningStack implements BeforeAllCallback {

  private static Started started;

  /** The stack's gateway, as a client; only valid inside a test class extended with this. */
  static synchronized StackClient client() {
    return started.client();
  }

  /** The base URLs of the notification-service instances, behind the gateway (two, so tests can move clients). */
  static synchronized List<String> notificationInstances() {
    return Arrays.stream(started.stack().options().ports().notification()).mapToObj(p -> "http://127.0.0.1:" + p)
        .toList();
  }

  /** ocs-service's own address, around the gateway (loopback only). */
  static synchronized String ocsUrl() {
    return "http://127.0.0.1:" + started.stack().options().ports().ocs();
  }

  /** How many demo orders were seeded at start. */
  static synchronized int demoOrders() {
    return started.demoOrders();
  }

  /** The stack itself: its processes and their ports. */
  static synchronized LocalStack stack() {
    return started.stack();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (RunningStack.class) {
      if (started == null) {
        Started stack = Started.start();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        started = stack;
      }
    }
  }

  /** A started stack; closing it stops every process and deletes its data. */
  record Started(LocalStack stack, StackClient client, int demoOrders) implements AutoCloseable {

    static Started start() {
      try {
        LocalStack stack = LocalStack.start(new LocalStackOptions(PulseLocal.repositoryRoot(),
            Files.createTempDirectory("pulse-e2e"), false, LocalStackOptions.Ports.free(2)));
        return new Started(stack, new StackClient(stack.gatewayUrl()),
            new DemoOrders(stack.gatewayUrl()).seedIfEmpty());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      stack.close();
    }
  }
}
