package com.pulse.manifests;

import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** One Kubernetes object from a file under deploy/k8s: as a map, or as the fabric8 model's type for its kind. */
record Manifest(Path file, Map<String, Object> document) {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  String kind() {
    return (String) document.get("kind");
  }

  String apiVersion() {
    return (String) document.get("apiVersion");
  }

  String name() {
    return (String) Yaml.at(document, "metadata", "name");
  }

  Map<String, Object> spec() {
    return Yaml.map(document.get("spec"));
  }

  /** The object as the fabric8 model reads it; a misspelt field is kept aside by the model, so it is not lost. */
  <T> T as(Class<T> type) {
    return MAPPER.convertValue(document, type);
  }

  boolean is(String kind, String name) {
    return kind.equals(kind()) && name.equals(name());
  }

  @Override
  public String toString() {
    return kind() + " " + name() + " (" + Repository.ROOT.relativize(file) + ")";
  }
}
