package com.pulse.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one door of Pulse: routes REST and WebSocket traffic to the services, issues and validates tokens. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

  /** Reactor Netty's I/O threads, unless set: one per core (its default, at least 4, only adds context switches). */
  static final String IO_THREADS = "reactor.netty.ioWorkerCount";

  public static void main(String[] args) {
    if (System.getProperty(IO_THREADS) == null) {
      System.setProperty(IO_THREADS, System.getenv().getOrDefault("PULSE_IO_THREADS",
          String.valueOf(Runtime.getRuntime().availableProcessors())));
    }
    SpringApplication.run(GatewayApplication.class, args);
  }
}
