package com.pulse.manifests;

import java.util.List;
import java.util.Optional;

/**
 * One thing Pulse deploys: its module, the port it listens on and its own database (none for the gateway).
 * Deployment, Service, compose service and scrape target all carry the module's name.
 */
record Deployable(String name, int port, String database) {

  static final List<Deployable> ALL = List.of(
      new Deployable("gateway", 8080, null),
      new Deployable("ocs-service", 8081, "ocs"),
      new Deployable("spc-service", 8082, "spc"),
      new Deployable("journey-service", 8083, "journey"),
      new Deployable("vote-service", 8084, "vote"),
      new Deployable("notification-service", 8085, "notification"));

  static Deployable named(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no deployable " + name));
  }

  static Optional<Deployable> find(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The CloudNativePG cluster holding this deployable's database. */
  String databaseCluster() {
    return database + "-db";
  }

  ServiceSettings settings() {
    return ServiceSettings.of(this);
  }
}
