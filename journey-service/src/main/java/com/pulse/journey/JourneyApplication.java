package com.pulse.journey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The patient journey and exam queues (seeds 003, 004): one server-side state machine, announced in order. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JourneyApplication {

  public static void main(String[] args) {
    SpringApplication.run(JourneyApplication.class, args);
  }
}
