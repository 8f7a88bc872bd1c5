package com.pulse.notification.inbox;

import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the inbox and preference endpoints over real HTTP with a user's real signed token. */
public final class InboxClient {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** An answer: status, content type and body. */
  public record Response(int status, String contentType, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The fields named in a problem's {@code errors}. */
    public List<String> fields() {
      return json().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public InboxClient(int port) {
    this.port = port;
  }

  public Response get(TestUser user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET());
  }

  public Response post(TestUser user, String path) {
    return send(user, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Response put(TestUser user, String path, String json) {
    return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The caller's unread count. */
  public long unread(TestUser user) {
    Response response = get(user, "/api/notifications/unread-count");
    if (response.status() != 200) {
      throw new IllegalStateException("unread-count answered " + response);
    }
    return response.json().path("unread").asLong();
  }

  /** The event ids on the first page of the caller's inbox ({@code query} e.g. {@code size=100}). */
  public List<String> ids(TestUser user, String query) {
    Response response = get(user, "/api/notifications?" + query);
    if (response.status() != 200) {
      throw new IllegalStateException("list answered " + response);
    }
    return response.json().path("items").valueStream().map(item -> item.path("id").asString()).toList();
  }

  private Response send(TestUser user, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization", "Bearer " + TestTokens.shared().issue(user));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A doctor no other test uses, so their inbox holds exactly what a test published for them. */
  public static TestUser freshDoctor() {
    String id = "dr.t" + Long.toHexString(System.nanoTime());
    return new TestUser(id, "Dr. " + id, List.of("DOCTOR"), null, null, null);
  }
}
