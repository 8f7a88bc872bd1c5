package com.pulse.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes, stores and reads the signing key. The key file is one private RSA JWK in JSON. */
public final class SigningKeys {

  static final int KEY_SIZE = 2048;

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  private SigningKeys() {
  }

  /** A new RSA 2048 key whose {@code kid} is its RFC 7638 thumbprint. */
  public static SigningKey generate() {
    try {
      return new SigningKey(new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate an RSA signing key", e);
    }
  }

  /**
   * The key stored in {@code file}; when the file does not exist yet, a new key written there (owner-only
   * permissions where the file system has them). Two processes creating the same file at once agree on one key.
   *
   * @throws IllegalStateException when the file exists but holds no usable RSA private key
   */
  public static SigningKey loadOrCreate(Path file) {
    if (Files.exists(file)) {
      SigningKey key = read(file);
      log.info("Signing key {} loaded from {}", key.kid(), file);
      return key;
    }
    SigningKey key = generate();
    if (!create(file, key)) {
      SigningKey winner = read(file);
      log.info("Signing key {} loaded from {} (created concurrently by another process)", winner.kid(), file);
      return winner;
    }
    log.info("Signing key {} created in {}", key.kid(), file);
    return key;
  }

  static SigningKey read(Path file) {
    try {
      JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
        throw new IllegalStateException("signing key file " + file + " must hold an RSA private key (JWK)");
      }
      if (rsa.size() < KEY_SIZE) {
        throw new IllegalStateException("signing key in " + file + " has " + rsa.size() + " bits, needs " + KEY_SIZE);
      }
      return new SigningKey(rsa.getKeyID() != null ? rsa : new RSAKey.Builder(rsa).keyIDFromThumbprint().build());
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("signing key file " + file + " is not a valid JWK: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read signing key file " + file, e);
    }
  }

  /** Writes {@code key} to {@code file} unless it exists; false when another process created it first. */
  private static boolean create(Path file, SigningKey key) {
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path temporary = Files.createTempFile(absolute.getParent(), ".signing-key", ".tmp");
      try {
        restrictToOwner(temporary);
        Files.writeString(temporary, key.jwk().toJSONString(), StandardCharsets.UTF_8);
        // a hard link never replaces an existing file, so a concurrent creator cannot be overwritten
        Files.createLink(absolute, temporary);
        return true;
      } catch (FileAlreadyExistsException concurrentlyCreated) {
        return false;
      } catch (UnsupportedOperationException noHardLinks) {
        Files.move(temporary, absolute);
        return true;
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (FileAlreadyExistsException concurrentlyCreated) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write signing key file " + file, e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
