package com.pulse.gateway.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The configured users and their password check. Password hashing is slow on purpose (bcrypt), so checks run on a
 * small pool of their own, never on the event loop that proxies traffic, and never on more threads than cores.
 */
public final class UserDirectory implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);
  private static final Pattern ENCODED = Pattern.compile("^\\{[^}]+}.+");
  private static final int QUEUED_CHECKS = 1_000;

  private final Map<String, UserAccount> accounts;
  private final PasswordEncoder passwords;
  /** Checked for unknown usernames, so that a wrong username costs as long as a wrong password. */
  private final String decoyHash;
  private final Scheduler checks;

  public UserDirectory(List<UserAccount> accounts, PasswordEncoder passwords) {
    this.accounts = index(accounts);
    this.passwords = passwords;
    this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    this.checks = Schedulers.newBoundedElastic(Runtime.getRuntime().availableProcessors(), QUEUED_CHECKS,
        "password-check");
    if (this.accounts.isEmpty()) {
      log.warn("No users configured (pulse.auth.users): POST /auth/token refuses everyone");
    } else {
      log.info("User directory: {} users", this.accounts.size());
    }
  }

  /**
   * The account whose username and password match, or empty; both outcomes take about one password hash.
   * A full check queue fails with {@link java.util.concurrent.RejectedExecutionException}.
   */
  public Mono<UserAccount> authenticate(String username, String password) {
    return Mono.fromCallable(() -> check(username, password)).subscribeOn(checks);
  }

  /** The account named {@code username}, e.g. when its refresh token is redeemed; empty when it no longer exists. */
  public java.util.Optional<UserAccount> find(String username) {
    return java.util.Optional.ofNullable(accounts.get(username));
  }

  public Set<String> usernames() {
    return accounts.keySet();
  }

  private UserAccount check(String username, String password) {
    UserAccount account = accounts.get(username);
    boolean matches = passwords.matches(password, account == null ? decoyHash : account.password());
    return account != null && matches ? account : null;
  }

  private static Map<String, UserAccount> index(List<UserAccount> accounts) {
    Map<String, UserAccount> byName = new LinkedHashMap<>();
    for (UserAccount account : accounts) {
      if (account.username() == null || account.username().isBlank()) {
        throw new IllegalArgumentException("pulse.auth.users: every user needs a username");
      }
      if (account.password() == null || !ENCODED.matcher(account.password()).matches()) {
        throw new IllegalArgumentException("pulse.auth.users: " + account.username()
            + " needs a password hash with its encoder id, e.g. {bcrypt}$2a$10$...");
      }
      if (account.roles().isEmpty()) {
        throw new IllegalArgumentException("pulse.auth.users: " + account.username() + " needs at least one role");
      }
      if (byName.putIfAbsent(account.username(), account) != null) {
        throw new IllegalArgumentException("pulse.auth.users: " + account.username() + " is configured twice");
      }
    }
    return Map.copyOf(byName);
  }

  @Override
  public void destroy() {
    checks.dispose();
  }
}
