package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events reader on the JDK's HTTP client: each event (id, event name, data) queued as it arrives. */
final class SseClient implements AutoCloseable {

  record Event(String id, String name, String data) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<Event> arriving = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private final int status;

  SseClient(int port, String channels, String token, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sse?channels="
            + URLEncoder.encode(channels, StandardCharsets.UTF_8)))
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> answer = response.orTimeout(15, TimeUnit.SECONDS).join();
    status = answer.statusCode();
    Thread.ofVirtual().start(() -> read(answer.body()));
  }

  private void read(Stream<String> lines) {
    String[] current = new String[3];
    StringBuilder data = new StringBuilder();
    try {
      lines.forEach(line -> {
        if (line.isEmpty()) {
          if (current[0] != null || !data.isEmpty()) {
            arriving.add(new Event(current[0], current[1], data.toString()));
          }
          current[0] = null;
          current[1] = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          current[0] = line.substring(3);
        } else if (line.startsWith("event:")) {
          current[1] = line.substring(6);
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5));
        }
      });
    } catch (RuntimeException closed) {
      // the stream ended because the test closed it
    }
  }

  int status() {
    return status;
  }

  Event next() throws InterruptedException {
    Event event = arriving.poll(SocketClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("an SSE event within " + SocketClient.WAIT).isNotNull();
    return event;
  }

  @Override
  public void close() {
    response.thenAccept(answer -> answer.body().close());
  }
}
