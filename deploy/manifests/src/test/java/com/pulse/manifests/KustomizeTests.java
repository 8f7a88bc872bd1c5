package com.pulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The kustomizations hold together: every file is used, every patch and image names something in the base. */
class KustomizeTests {

  private static final List<Manifest> BASE = Manifests.base();

  @Test
  void everyManifestFileIsInTheBaseOrAnOverlay() {
    Set<Path> listed = Yaml.list(Manifests.kustomization(Manifests.BASE).get("resources")).stream()
        .map(r -> Manifests.BASE.resolve((String) r).normalize()).collect(Collectors.toSet());
    Yaml.list(Manifests.kustomization(Manifests.PRODUCTION).get("patches")).stream()
        .map(p -> Manifests.PRODUCTION.resolve((String) Yaml.map(p).get("path")).normalize())
        .forEach(listed::add);

    assertThat(Manifests.files()).allSatisfy(file -> assertThat(listed).contains(file.normalize()));
    assertThat(listed).allSatisfy(file -> assertThat(Files.isRegularFile(file)).as("%s exists", file).isTrue());
  }

  @Test
  void everyObjectHasAKindANameAndIsNamedOnce() {
    assertThat(BASE).allSatisfy(m -> {
      assertThat(m.apiVersion()).as("apiVersion in %s", m.file()).isNotBlank();
      assertThat(m.kind()).as("kind in %s", m.file()).isNotBlank();
      assertThat(m.name()).as("name in %s", m.file()).isNotBlank();
    });
    assertThat(BASE.stream().map(m -> m.kind() + "/" + m.name())).doesNotHaveDuplicates();
  }

  @Test
  void everyProductionPatchAndImageNamesSomethingInTheBase() {
    assertThat(Manifests.patches(Manifests.PRODUCTION)).allSatisfy(patch -> Manifests.find(BASE, patch.kind(),
        patch.name()));
    Set<String> images = BASE.stream().filter(m -> m.kind().equals("Deployment"))
        .map(m -> ((String) Yaml.map(Yaml.list(Yaml.at(m.document(), "spec", "template", "spec", "containers"))
            .getFirst()).get("image")).split(":")[0]).collect(Collectors.toSet());

    assertThat(Yaml.list(Manifests.kustomization(Manifests.PRODUCTION).get("images")))
        .extracting(image -> (String) Yaml.map(image).get("name")).containsExactlyInAnyOrderElementsOf(images);
  }

  /** The signing key replaces the base's placeholder Secret under the same name, so the gateway finds it. */
  @Test
  void productionReplacesTheSigningKeyPlaceholder() {
    var generator = Yaml.map(Yaml.list(Manifests.kustomization(Manifests.PRODUCTION).get("secretGenerator"))
        .getFirst());

    assertThat(generator).containsEntry("name", "pulse-signing-key").containsEntry("behavior", "replace");
    assertThat(Secrets.keys(BASE, "pulse-signing-key")).containsExactly("signing-key.json");
    assertThat(Yaml.list(generator.get("files"))).containsExactly("signing-key.json=secrets/signing-key.json");
  }
}
