package com.pulse.spc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Statistical process control (seed 001): a plant's quality team records measurements; whoever is concerned learns at
 * once when a product goes out of spec, out of control, breaks a run rule or loses capability.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpcApplication {

  public static void main(String[] args) {
    SpringApplication.run(SpcApplication.class, args);
  }
}
