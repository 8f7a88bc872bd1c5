package com.pulse.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTests {

  @TempDir
  Path directory;

  @Test
  void createsTheKeyFileWhenAbsent() throws Exception {
    Path file = directory.resolve("nested").resolve("signing-key.json");

    SigningKey key = SigningKeys.loadOrCreate(file);

    assertThat(file).isRegularFile();
    RSAKey stored = RSAKey.parse(Files.readString(file));
    assertThat(stored.isPrivate()).isTrue();
    assertThat(stored.size()).isEqualTo(2048);
    assertThat(stored.getKeyID()).isEqualTo(key.kid()).isEqualTo(stored.computeThumbprint().toString());
    assertThat(stored.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void reusesTheKeyFileWhenPresent() {
    Path file = directory.resolve("signing-key.json");
    SigningKey first = SigningKeys.loadOrCreate(file);

    SigningKey second = SigningKeys.loadOrCreate(file);

    assertThat(second.kid()).isEqualTo(first.kid());
    assertThat(second.publicKey()).isEqualTo(first.publicKey());
    assertThat(second.jwk()).isEqualTo(first.jwk());
  }

  @Test
  void aKeyWithoutKidGetsItsThumbprint() throws Exception {
    RSAKey withoutKid = new RSAKeyGenerator(2048).generate();
    Path file = directory.resolve("no-kid.json");
    Files.writeString(file, withoutKid.toJSONString());

    assertThat(SigningKeys.loadOrCreate(file).kid()).isEqualTo(withoutKid.computeThumbprint().toString());
  }

  @Test
  void refusesAFileWithoutAPrivateRsaKey() throws Exception {
    Path publicOnly = directory.resolve("public.json");
    Files.writeString(publicOnly, SigningKeys.generate().jwk().toPublicJWK().toJSONString());
    Path garbage = directory.resolve("garbage.json");
    Files.writeString(garbage, "not a key");

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(publicOnly))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(publicOnly.toString());
    assertThatThrownBy(() -> SigningKeys.loadOrCreate(garbage))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(garbage.toString());
    assertThat(garbage).hasContent("not a key");
  }

  @Test
  void refusesAKeyShorterThan2048Bits() throws Exception {
    Path file = directory.resolve("short.json");
    Files.writeString(file, new RSAKeyGenerator(1024, true).keyID("short").generate().toJSONString());

    assertThatThrownBy(() -> SigningKeys.loadOrCreate(file)).hasMessageContaining("1024 bits");
  }
}
