package com.pulse.testsupport.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One endpoint with a valid sample request: the fuzzer spoils one part of it at a time.
 *
 * @param path the path, {@code {name}} for each path variable
 * @param pathVariables a valid value for each path variable (as it goes in the path, already encoded)
 * @param query a valid value for each query parameter the endpoint reads (not encoded)
 * @param body a valid JSON body, or null when the endpoint takes none
 */
public record Endpoint(String method, String path, Map<String, String> pathVariables, Map<String, String> query,
    String body) {

  public Endpoint {
    pathVariables = Map.copyOf(pathVariables);
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
  }

  public static Endpoint get(String path) {
    return new Endpoint("GET", path, Map.of(), Map.of(), null);
  }

  /** A POST that takes no body (an action). */
  public static Endpoint post(String path) {
    return new Endpoint("POST", path, Map.of(), Map.of(), null);
  }

  public static Endpoint post(String path, String body) {
    return new Endpoint("POST", path, Map.of(), Map.of(), body);
  }

  public static Endpoint put(String path, String body) {
    return new Endpoint("PUT", path, Map.of(), Map.of(), body);
  }

  public Endpoint pathVariable(String name, String value) {
    Map<String, String> variables = new LinkedHashMap<>(pathVariables);
    variables.put(name, value);
    return new Endpoint(method, path, variables, query, body);
  }

  public Endpoint query(String name, String value) {
    Map<String, String> parameters = new LinkedHashMap<>(query);
    parameters.put(name, value);
    return new Endpoint(method, path, pathVariables, parameters, body);
  }

  /** The path with the given value for one variable and the samples for the others. */
  String path(String variable, String value) {
    String resolved = path;
    for (Map.Entry<String, String> sample : pathVariables.entrySet()) {
      resolved = resolved.replace("{" + sample.getKey() + "}",
          sample.getKey().equals(variable) ? value : sample.getValue());
    }
    return resolved;
  }

  String samplePath() {
    return path(null, null);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
