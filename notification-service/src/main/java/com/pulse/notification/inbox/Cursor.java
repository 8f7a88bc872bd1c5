package com.pulse.notification.inbox;

import com.pulse.problems.InvalidFieldsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of the inbox ended: the last entry's time and sequence number. Opaque to clients (base64url), so the
 * order's details can change without breaking them; entries arriving meanwhile never shift a page.
 */
record Cursor(Instant time, long seq) {

  String encode() {
    String plain = time.getEpochSecond() + "." + time.getNano() + "." + seq;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws InvalidFieldsException naming {@code cursor} when the text is not one this service gave out */
  static Cursor decode(String text) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\.");
      if (parts.length != 3) {
        throw new IllegalArgumentException("three parts expected");
      }
      return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
          Long.parseLong(parts[2]));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new InvalidFieldsException("cursor", "not a cursor from a previous page: '" + text + "'");
    }
  }
}
