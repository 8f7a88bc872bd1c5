package com.pulse.vote;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Employee polls (seed 002): employees vote on lunch places and menus; tallies reach every screen live. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VoteApplication {

  public static void main(String[] args) {
    SpringApplication.run(VoteApplication.class, args);
  }
}
