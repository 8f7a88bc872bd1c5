package com.pulse.testsupport.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spoiled request lines and headers: query parameters, path variables, methods, oversized or broken headers. */
final class TargetProbes {

  /** Already percent-encoded; never valid: control characters, surrogates, bytes that are not UTF-8, bad escapes. */
  static final List<String> REFUSED_ENCODED = List.of("%00", "P-1%00", "a%01b", "%1B%5B2J", "%7F", "%C2%85",
      "%ED%A0%80", "%C0%80", "%FF", "%zz", "%E");
  /** Perhaps valid somewhere, never a reason for a 5xx (encoded here). */
  static final List<String> OTHER_VALUES = List.of("", " ", "-1", "0", "1.5", "99999999999999999999999", "1e400",
      "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0000-01-01", "9999-12-31T23:59:59Z", "true",
      "null", "[]", "{}", "..", "%", "x".repeat(6000));
  static final List<String> ODD_METHODS = List.of("TRACE", "FOO", "PROPFIND", "CONNECT");

  private TargetProbes() {}

  static List<Probe> of(Endpoint endpoint, Map<String, String> headers) {
    List<Probe> probes = new ArrayList<>();
    for (String parameter : endpoint.query().keySet()) {
      for (String value : REFUSED_ENCODED) {
        probes.add(get(endpoint, headers, "?" + parameter + "=" + value,
            target(endpoint, endpoint.samplePath(), parameter, value), true));
      }
      for (String value : OTHER_VALUES) {
        probes.add(get(endpoint, headers, "?" + parameter + "=" + abbreviate(value),
            target(endpoint, endpoint.samplePath(), parameter, encode(value)), false));
      }
      probes.add(get(endpoint, headers, "?" + parameter + " given twice",
          target(endpoint, endpoint.samplePath(), null, null) + "&" + parameter + "="
              + encode(endpoint.query().get(parameter)), false));
    }
    probes.add(get(endpoint, headers, "an unknown parameter with a NUL in its name",
        target(endpoint, endpoint.samplePath(), null, null) + (endpoint.query().isEmpty() ? "?" : "&") + "x%00=1",
        true));
    for (String variable : endpoint.pathVariables().keySet()) {
      for (String value : REFUSED_ENCODED) {
        probes.add(get(endpoint, headers, "{" + variable + "} = " + value,
            target(endpoint, endpoint.path(variable, value), null, null), true));
      }
      for (String value : List.of("-1", "99999999999999999999", "x".repeat(6000), "..%2F..%2Factuator%2Fenv",
          "%2e%2e", "..;", "a;b=c", "%2F")) {
        probes.add(get(endpoint, headers, "{" + variable + "} = " + abbreviate(value),
            target(endpoint, endpoint.path(variable, value), null, null), false));
      }
    }
    String sample = target(endpoint, endpoint.samplePath(), null, null);
    for (String method : ODD_METHODS) {
      probes.add(new Probe(endpoint + " as " + method, method, sample, headers, null, true));
    }
    Map<String, String> huge = new LinkedHashMap<>(headers);
    huge.put("X-Padding", "x".repeat(70_000));
    probes.add(new Probe(endpoint + " with 70 KB of headers", endpoint.method(), sample, huge, null, true));
    probes.add(new Probe(endpoint + " with a 70 KB URL", endpoint.method(), sample + (sample.contains("?") ? "&"
        : "?") + "pad=" + "x".repeat(70_000), headers, null, true));
    Map<String, String> control = new LinkedHashMap<>(headers);
    control.put("X-Fuzz", "a\u0001b");
    probes.add(new Probe(endpoint + " with a control character in a header", endpoint.method(), sample, control,
        null, false));
    return probes;
  }

  /** The endpoint's method and body (if any) with a spoiled target. */
  private static Probe get(Endpoint endpoint, Map<String, String> headers, String name, String target,
      boolean mustRefuse) {
    Map<String, String> withType = new LinkedHashMap<>(headers);
    if (endpoint.body() != null) {
      withType.put("Content-Type", "application/json");
    }
    return new Probe(endpoint + " " + name, endpoint.method(), target, withType,
        endpoint.body() == null ? null : endpoint.body().getBytes(StandardCharsets.UTF_8), mustRefuse);
  }

  /** The path and the sample query, with one parameter's value (already encoded) replaced. */
  private static String target(Endpoint endpoint, String path, String parameter, String encodedValue) {
    StringBuilder target = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, String> sample : endpoint.query().entrySet()) {
      target.append(separator).append(encode(sample.getKey())).append('=').append(
          sample.getKey().equals(parameter) ? encodedValue : encode(sample.getValue()));
      separator = '&';
    }
    return target.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
  }
}
