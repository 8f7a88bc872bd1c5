package com.pulse.problems;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What a client must send for a Java type, in words: {@code one of [RED, GREEN]}, {@code an integer},
 * {@code a UUID}. Used after "must be" in problems about JSON bodies, query parameters and path variables alike.
 */
public final class TypeDescriptions {

  private static final Map<Class<?>, String> NAMES = Map.ofEntries(
      Map.entry(String.class, "a string"),
      Map.entry(Integer.class, "an integer"), Map.entry(int.class, "an integer"),
      Map.entry(Long.class, "an integer"), Map.entry(long.class, "an integer"),
      Map.entry(Short.class, "an integer"), Map.entry(short.class, "an integer"),
      Map.entry(BigInteger.class, "an integer"),
      Map.entry(Double.class, "a number"), Map.entry(double.class, "a number"),
      Map.entry(Float.class, "a number"), Map.entry(float.class, "a number"),
      Map.entry(BigDecimal.class, "a number"),
      Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
      Map.entry(UUID.class, "a UUID"),
      Map.entry(Instant.class, "a date-time with an offset (2026-11-22T09:00:00Z)"),
      Map.entry(OffsetDateTime.class, "a date-time with an offset (2026-11-22T09:00:00Z)"),
      Map.entry(LocalDate.class, "a date (2026-11-22)"));

  private TypeDescriptions() {}

  public static String of(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    String name = NAMES.get(type);
    if (name != null) {
      return name;
    }
    return type.isRecord() || !type.getName().startsWith("java.") ? "an object" : "a " + type.getSimpleName();
  }
}
