package com.pulse.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Kubernetes manifests: the base kustomization's resources and an overlay's patches. */
final class Manifests {

  static final Path K8S = Repository.path("deploy/k8s");
  static final Path BASE = K8S.resolve("base");
  static final Path PRODUCTION = K8S.resolve("overlays/production");

  private Manifests() {}

  /** Every object the base kustomization lists, in its order. */
  static List<Manifest> base() {
    return Yaml.list(kustomization(BASE).get("resources")).stream()
        .flatMap(resource -> read(BASE.resolve((String) resource)).stream()).toList();
  }

  /** An overlay's patches (partial objects merged into the base's by kind and name). */
  static List<Manifest> patches(Path overlay) {
    return Yaml.list(kustomization(overlay).get("patches")).stream()
        .map(patch -> (String) Yaml.map(patch).get("path"))
        .flatMap(path -> read(overlay.resolve(path)).stream()).toList();
  }

  static Map<String, Object> kustomization(Path directory) {
    return Yaml.document(directory.resolve("kustomization.yaml"));
  }

  static List<Manifest> read(Path file) {
    List<Manifest> manifests = new ArrayList<>();
    Yaml.documents(file).forEach(document -> manifests.add(new Manifest(file, document)));
    return manifests;
  }

  static Stream<Manifest> ofKind(List<Manifest> manifests, String kind) {
    return manifests.stream().filter(m -> kind.equals(m.kind()));
  }

  static Manifest find(List<Manifest> manifests, String kind, String name) {
    return manifests.stream().filter(m -> m.is(kind, name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the base"));
  }

  /** Every YAML file under deploy/k8s except the kustomizations themselves. */
  static List<Path> files() {
    return Repository.files("deploy/k8s", ".yaml", ".yml").stream()
        .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
        .filter(Files::isRegularFile).toList();
  }
}
