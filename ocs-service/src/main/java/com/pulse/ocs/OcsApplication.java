package com.pulse.ocs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Hospital orders (OCS): doctors order radiology and lab work; workers of that job role perform it. */
@SpringBootApplication
public class OcsApplication {

  public static void main(String[] args) {
    SpringApplication.run(OcsApplication.class, args);
  }
}
