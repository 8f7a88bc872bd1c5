package com.pulse.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** Spoiled bodies: every value of the sample replaced in turn, then the document and its content type. */
final class BodyProbes {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String MARK = "__pulse_fuzz__";

  /** Never valid in any string: control characters, unpaired surrogates (as JSON escapes), broken UTF-8 bytes. */
  static final Map<String, byte[]> REFUSED_VALUES = values(
      "\"\\u0000\"", "\"P-1\\u0000\"", "\"a\\u0001b\"", "\"\\u001b[2J\"", "\"\\u007f\"", "\"\\u0085\"",
      "\"\\ud800x\"", "\"x\\udc00\"", "\"\\udc00\\ud800\"");
  static final Map<String, byte[]> REFUSED_BYTES = Map.of(
      "raw NUL in a string", bytes('"', 'a', 0, 'b', '"'),
      "overlong NUL (C0 80)", bytes('"', 0xC0, 0x80, '"'),
      "surrogate as UTF-8 (ED A0 80)", bytes('"', 0xED, 0xA0, 0x80, '"'),
      "byte FF", bytes('"', 0xFF, '"'));
  /** Perhaps valid for some field, never a reason for a 5xx. */
  static final Map<String, byte[]> OTHER_VALUES = values(
      "1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "1.5", "-0", "0", "true",
      "null", "[]", "{}", "[[[[[[]]]]]]", "\"\"", "\" \"", "\"x\"", "\"-999999999-01-01T00:00:00Z\"",
      "\"" + "x".repeat(100_000) + "\"");

  private BodyProbes() {}

  static List<Probe> of(Endpoint endpoint, String target, Map<String, String> headers) {
    List<Probe> probes = new ArrayList<>();
    JsonNode sample = JSON.readTree(endpoint.body());
    for (String pointer : leaves(sample, "")) {
      REFUSED_VALUES.forEach((name, value) -> probes.add(
          probe(endpoint, target, headers, "body" + pointer + " = " + name, replace(sample, pointer, value), true)));
      REFUSED_BYTES.forEach((name, value) -> probes.add(
          probe(endpoint, target, headers, "body" + pointer + " = " + name, replace(sample, pointer, value), true)));
      OTHER_VALUES.forEach((name, value) -> probes.add(probe(endpoint, target, headers,
          "body" + pointer + " = " + abbreviate(name), replace(sample, pointer, value), false)));
    }
    probes.addAll(documents(endpoint, target, headers, sample));
    probes.addAll(contentTypes(endpoint, target, headers));
    return probes;
  }

  private static List<Probe> documents(Endpoint endpoint, String target, Map<String, String> headers,
      JsonNode sample) {
    String text = JSON.writeValueAsString(sample);
    List<Probe> probes = new ArrayList<>();
    if (sample instanceof ObjectNode object && !object.isEmpty()) {
      String first = object.propertyNames().iterator().next();
      String duplicated = "{" + JSON.writeValueAsString(first) + ":" + JSON.writeValueAsString(object.get(first))
          + "," + text.substring(1);
      probes.add(probe(endpoint, target, headers, "a key given twice", utf8(duplicated), true));
      probes.add(probe(endpoint, target, headers, "nested 100,000 deep",
          replace(sample, "/" + escape(first), utf8("[".repeat(100_000) + "]".repeat(100_000))), true));
    }
    probes.add(probe(endpoint, target, headers, "text after the document", utf8(text + " x"), true));
    probes.add(probe(endpoint, target, headers, "cut in half", utf8(text.substring(0, text.length() / 2)), true));
    probes.add(probe(endpoint, target, headers, "a byte FF between tokens", concat(utf8(" "), bytes(0xFF),
        utf8(text)), true));
    probes.add(probe(endpoint, target, headers, "nested objects 100,000 deep",
        utf8("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)), false));
    probes.add(probe(endpoint, target, headers, "4 MB of JSON", utf8("{\"padding\":\"" + "x".repeat(4 << 20)
        + "\"," + text.substring(1)), false));
    for (String document : List.of("", "[]", "null", "42", "\"text\"", "{}")) {
      probes.add(probe(endpoint, target, headers, "the document " + (document.isEmpty() ? "(empty)" : document),
          utf8(document), false));
    }
    return probes;
  }

  private static List<Probe> contentTypes(Endpoint endpoint, String target, Map<String, String> headers) {
    byte[] body = utf8(endpoint.body());
    List<Probe> probes = new ArrayList<>();
    Map<String, byte[]> typed = new LinkedHashMap<>();
    typed.put("text/plain", body);
    typed.put("application/xml", utf8("<order/>"));
    typed.put("application/x-www-form-urlencoded", utf8("a=%00&b=1"));
    typed.put("multipart/form-data; boundary=pulse", utf8("--pulse\r\nContent-Disposition: form-data; name=\"a\""
        + "\r\n\r\n\u0000\r\n--pulse--\r\n"));
    typed.put("multipart/form-data", body);
    typed.put("application/octet-stream", body);
    typed.forEach((type, content) -> {
      Map<String, String> withType = new LinkedHashMap<>(headers);
      withType.put("Content-Type", type);
      probes.add(new Probe(endpoint + " with Content-Type " + type, endpoint.method(), target, withType, content,
          true));
    });
    probes.add(new Probe(endpoint + " without a Content-Type", endpoint.method(), target, headers, body, true));
    return probes;
  }

  private static Probe probe(Endpoint endpoint, String target, Map<String, String> headers, String name,
      byte[] body, boolean mustRefuse) {
    Map<String, String> json = new LinkedHashMap<>(headers);
    json.put("Content-Type", "application/json");
    return new Probe(endpoint + " " + name, endpoint.method(), target, json, body, mustRefuse);
  }

  /** JSON pointers of every value: scalars, and arrays and objects as a whole. */
  static List<String> leaves(JsonNode node, String pointer) {
    List<String> leaves = new ArrayList<>();
    if (!pointer.isEmpty()) {
      leaves.add(pointer);
    }
    if (node instanceof ObjectNode object) {
      object.propertyNames().forEach(name -> leaves.addAll(leaves(object.get(name), pointer + "/" + escape(name))));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        leaves.addAll(leaves(array.get(i), pointer + "/" + i));
      }
    }
    return leaves;
  }

  /** The sample with the value at {@code pointer} replaced by raw bytes (which need not be JSON). */
  static byte[] replace(JsonNode sample, String pointer, byte[] raw) {
    JsonNode copy = sample.deepCopy();
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    JsonNode container = parent.isEmpty() ? copy : copy.at(parent);
    if (container instanceof ObjectNode object) {
      object.set(last, StringNode.valueOf(MARK));
    } else if (container instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), StringNode.valueOf(MARK));
    }
    String text = JSON.writeValueAsString(copy);
    int at = text.indexOf("\"" + MARK + "\"");
    return concat(utf8(text.substring(0, at)), raw, utf8(text.substring(at + MARK.length() + 2)));
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static Map<String, byte[]> values(String... texts) {
    Map<String, byte[]> values = new LinkedHashMap<>();
    for (String text : texts) {
      values.put(text, utf8(text));
    }
    return values;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
  }
}
