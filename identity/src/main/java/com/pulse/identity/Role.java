package com.pulse.identity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every role a Pulse token can carry; the name is the claim's value. */
public enum Role {
  /** Sees and does everything in every domain. */
  ADMIN,
  /** Sees everything (seed 000's SYSTEMMANAGER). */
  SYSTEMMANAGER,
  DOCTOR,
  NURSE,
  /** Radiology worker. */
  RIS,
  /** Lab worker. */
  LIS,
  /** Plant quality engineer. */
  QUALITY,
  /** Plant line operator. */
  OPERATOR,
  PATIENT,
  /** Employee who votes (seed 002). */
  EMPLOYEE,
  /** A ward display account: shows one department's queue board and nothing else. */
  DISPLAY,
  /**
   * Another Pulse service calling on its own behalf (the gateway verifying a kiosk login, say): tokens the gateway
   * signs for itself, never a person's. Grants nothing a person's role does.
   */
  SERVICE;

  private static final Map<String, Role> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Role::name, Function.identity()));

  /** The role of that exact name, or empty for anything else. */
  public static Optional<Role> named(String name) {
    return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
  }
}
