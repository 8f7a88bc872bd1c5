package com.pulse.spc.product;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code If-Match} header (RFC 9110 §13.1.1) against the product's ETag, which is its version in quotes.
 * Strong comparison: a weak tag never matches; {@code *} matches any existing product.
 */
public final class IfMatch {

  private static final Pattern STRONG = Pattern.compile("\"(\\d{1,18})\"");
  private static final Pattern WEAK = Pattern.compile("W/\"[^\"]*\"");

  private final String header;
  private final boolean any;
  private final Set<Long> versions;

  private IfMatch(String header, boolean any, Set<Long> versions) {
    this.header = header;
    this.any = any;
    this.versions = versions;
  }

  /**
   * The condition the header states, or {@code null} when there is none.
   *
   * @throws org.springframework.web.ErrorResponseException 400 naming {@code If-Match} when it is not a list of
   *     entity tags
   */
  public static IfMatch parse(String header) {
    if (header == null) {
      return null;
    }
    if (header.strip().equals("*")) {
      return new IfMatch(header, true, Set.of());
    }
    Set<Long> versions = new HashSet<>();
    for (String tag : header.split(",")) {
      String trimmed = tag.strip();
      Matcher strong = STRONG.matcher(trimmed);
      if (strong.matches()) {
        versions.add(Long.parseLong(strong.group(1)));
      } else if (!WEAK.matcher(trimmed).matches()) {
        throw SpcProblems.invalid("If-Match",
            "must be \"*\" or entity tags such as \"3\" (the product's ETag), got " + header);
      }
    }
    return new IfMatch(header.strip(), false, Set.copyOf(versions));
  }

  public boolean matches(long version) {
    return any || versions.contains(version);
  }

  @Override
  public String toString() {
    return header;
  }
}
