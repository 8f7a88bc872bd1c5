package com.pulse.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document against its checked-in copy in {@code clients/js/openapi/<service>.json}. The copy is
 * what {@code npm run openapi} turns into the client's TypeScript types (whose own test fails when they differ from
 * the copy), so between the two tests a changed API cannot reach a client unnoticed.
 *
 * <p>Renew the copy with {@code -Dpulse.openapi.write=true} (or {@code PULSE_OPENAPI_WRITE=true}) on the service's
 * test, then {@code npm run openapi} in {@code clients/js}.
 */
public final class OpenApiSnapshot {

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private OpenApiSnapshot() {
  }

  /** Fetches {@code /v3/api-docs} from the service on {@code port} and asserts it equals the checked-in copy. */
  public static void assertCheckedIn(int port, String service) {
    String current = canonical(fetch("http://localhost:" + port + "/v3/api-docs"));
    Path copy = checkedInCopy(service);
    if (writeRequested()) {
      write(copy, current);
      return;
    }
    assertThat(copy).as("checked-in OpenAPI document of %s (renew: -Dpulse.openapi.write=true on this test, then "
        + "npm run openapi in clients/js)", service).exists();
    assertThat(read(copy))
        .as("%s's OpenAPI document differs from %s: the API changed. Renew the copy with -Dpulse.openapi.write=true on "
            + "this test, then run npm run openapi in clients/js and commit both", service, copy)
        .isEqualTo(current);
  }

  /** The document as it is checked in: keys sorted, two-space indent, one newline at the end. */
  public static String canonical(String document) {
    Map<String, Object> tree = JSON.readValue(document, new TypeReference<Map<String, Object>>() { });
    return JSON.writeValueAsString(tree) + "\n";
  }

  /** {@code clients/js/openapi/<service>.json} of the repository the build runs in. */
  public static Path checkedInCopy(String service) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("clients/js/package.json"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no clients/js above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("clients/js/openapi").resolve(service + ".json");
  }

  private static boolean writeRequested() {
    return Boolean.getBoolean("pulse.openapi.write") || "true".equals(System.getenv("PULSE_OPENAPI_WRITE"));
  }

  private static String fetch(String url) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s without a token", url).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
