package com.pulse.notification.admission;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The browser origins allowed to open a socket or an SSE stream when the service is reached directly
 * ({@code pulse.notification.allowed-origins}, the gateway's {@code PULSE_ALLOWED_ORIGINS} by default): a page of any
 * other site may not ride a user's token here (cross-site WebSocket hijacking). A request without {@code Origin} is
 * not a browser's cross-site request and passes; {@code *} allows every origin.
 */
@Component
public final class AllowedOrigins {

  private final Set<String> origins;

  public AllowedOrigins(@Value("${pulse.notification.allowed-origins:http://localhost:3000,http://localhost:5173}")
      List<String> origins) {
    this.origins = origins.stream().map(String::trim).filter(origin -> !origin.isEmpty())
        .map(AllowedOrigins::normalized).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * True for no {@code Origin}, an allow-listed one, or the service's own ({@code Origin}'s authority equal to
   * {@code Host}: same-origin, e.g. the gateway's proxy, whose WebSocket client names the target as its origin).
   */
  public boolean allows(String origin, String host) {
    if (origin == null || origins.contains("*") || origins.contains(normalized(origin.trim()))) {
      return true;
    }
    String authority = normalized(origin.trim()).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
    return host != null && authority.equals(host.trim().toLowerCase(Locale.ROOT));
  }

  private static String normalized(String origin) {
    String lower = origin.toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
