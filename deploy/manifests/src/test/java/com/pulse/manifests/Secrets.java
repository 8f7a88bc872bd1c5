package com.pulse.manifests;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The Secrets the manifests may refer to: those they declare, and those the operators make from them. */
final class Secrets {

  /** The keys of the Secret CloudNativePG makes for a cluster's application owner ({@code <cluster>-app}). */
  private static final Set<String> CLOUDNATIVEPG_APP_KEYS =
      Set.of("username", "user", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

  private Secrets() {}

  /** The keys of the named Secret; empty when nothing declares or makes it. */
  static Set<String> keys(List<Manifest> manifests, String name) {
    var declared = manifests.stream().filter(m -> m.is("Secret", name)).findFirst();
    if (declared.isPresent()) {
      return java.util.stream.Stream.concat(
              Yaml.map(declared.get().document().get("data")).keySet().stream(),
              Yaml.map(declared.get().document().get("stringData")).keySet().stream())
          .collect(Collectors.toSet());
    }
    boolean madeByCloudNativePg = Manifests.ofKind(manifests, "Cluster")
        .anyMatch(cluster -> name.equals(cluster.name() + "-app"));
    return madeByCloudNativePg ? CLOUDNATIVEPG_APP_KEYS : Set.of();
  }
}
