package com.pulse.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** A launcher for {@link LocalStackStopTests}' child JVM: starts a stack on free ports in a fresh data directory. */
final class StackStarter {

  private StackStarter() {
  }

  public static void main(String[] args) throws Exception {
    LocalStackOptions options = new LocalStackOptions(PulseLocal.repositoryRoot(),
        Files.createTempDirectory("pulse-stop"), false, LocalStackOptions.Ports.free());
    // PostgreSQL runs detached (pg_ctl): the test finds it by its port, not among this JVM's children
    System.out.println("postgres-port " + options.ports().postgres());
    LocalStack stack = LocalStack.start(options);
    System.out.println("started " + stack.gatewayUrl());
    Thread.currentThread().join();
  }
}
