package com.pulse.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a service is started: the same for its real start and for the training run of its {@link StartupCache}, which
 * must see the same JVM options, settings and environment to load the same classes.
 *
 * @param jvmOptions the stack's and the caller's, in that order
 */
record ServiceLaunch(String name, Path jar, int port, Map<String, String> properties,
    Map<String, String> environment, Path logDirectory, List<String> jvmOptions, StartupCache cache) {

  ServiceLaunch(String name, Path jar, int port, Map<String, String> properties, Map<String, String> environment,
      Path logDirectory, List<String> jvmOptions) {
    this(name, jar, port, Map.copyOf(properties), Map.copyOf(environment), logDirectory, List.copyOf(jvmOptions),
        StartupCache.of(jar, jvmOptions));
  }

  /** The same launch as another instance: its own name (and log), port and log directory. */
  ServiceLaunch instance(String otherName, int otherPort, Path otherLogDirectory) {
    return new ServiceLaunch(otherName, jar, otherPort, properties, environment, otherLogDirectory, jvmOptions, cache);
  }

  /** The JDK that runs this launcher (the one that built Pulse). */
  static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * {@code java <options> <launchArguments> --server.port=<port> --key=value ...}
   *
   * @param launchArguments which jar, and how its cache is used
   */
  List<String> command(List<String> launchArguments, int serverPort) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.addAll(launchArguments);
    command.add("--server.port=" + serverPort);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    return command;
  }
}
