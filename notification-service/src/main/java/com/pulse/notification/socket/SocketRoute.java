package com.pulse.notification.socket;

import java.util.regex.Pattern;

/**
 * One socket path and who serves it. The path may end in a {@code {name}} segment that captures an id; a trailing
 * slash is accepted either way (the seeds' clients add one).
 *
 * @param dialect the dialect serving the path, or null for {@code /ws} itself
 */
record SocketRoute(String path, DialectSocketHandler dialect) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

  /** The path parameter when {@code requested} is this route's path (empty string for a path without one); null when not. */
  String match(String requested) {
    String candidate = requested.length() > 1 && requested.endsWith("/")
        ? requested.substring(0, requested.length() - 1) : requested;
    int brace = path.indexOf('{');
    if (brace < 0) {
      return candidate.equals(path) ? "" : null;
    }
    String prefix = path.substring(0, brace);
    if (!candidate.startsWith(prefix)) {
      return null;
    }
    String parameter = candidate.substring(prefix.length());
    return ID.matcher(parameter).matches() ? parameter : null;
  }
}
