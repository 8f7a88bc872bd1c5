package com.pulse.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserDirectoryTests {

  private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private static final String HASH = PASSWORDS.encode("secret");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private UserDirectory directory;

  @AfterEach
  void dispose() {
    if (directory != null) {
      directory.destroy();
    }
  }

  @Test
  void theRightPasswordAuthenticates() {
    directory = new UserDirectory(List.of(user("nurse.oh", HASH, List.of("NURSE"))), PASSWORDS);

    assertThat(directory.authenticate("nurse.oh", "secret").block(TIMEOUT))
        .extracting(UserAccount::username, UserAccount::name).containsExactly("nurse.oh", "nurse.oh");
  }

  @Test
  void aWrongPasswordOrUnknownUserIsEmpty() {
    directory = new UserDirectory(List.of(user("nurse.oh", HASH, List.of("NURSE"))), PASSWORDS);

    assertThat(directory.authenticate("nurse.oh", "guess").blockOptional(TIMEOUT)).isEmpty();
    assertThat(directory.authenticate("nobody", "secret").blockOptional(TIMEOUT)).isEmpty();
  }

  @Test
  void refusesPasswordsWithoutAnEncoderId() {
    assertThatThrownBy(() -> new UserDirectory(List.of(user("a", "secret", List.of("ADMIN"))), PASSWORDS))
        .hasMessageContaining("a needs a password hash with its encoder id");
  }

  @Test
  void refusesUsersWithoutRolesOrTwiceConfigured() {
    assertThatThrownBy(() -> new UserDirectory(List.of(user("a", HASH, List.of())), PASSWORDS))
        .hasMessageContaining("a needs at least one role");
    assertThatThrownBy(() -> new UserDirectory(
        List.of(user("a", HASH, List.of("ADMIN")), user("a", HASH, List.of("DOCTOR"))), PASSWORDS))
        .hasMessageContaining("a is configured twice");
  }

  @Test
  void anAccountNeverPrintsItsHash() {
    assertThat(user("a", HASH, List.of("ADMIN")).toString()).doesNotContain(HASH).doesNotContain("bcrypt");
  }

  private static UserAccount user(String username, String password, List<String> roles) {
    return new UserAccount(username, password, null, roles, null, null, null, null);
  }
}
