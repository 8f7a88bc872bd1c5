package com.pulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * WebSocket clients through the gateway that hand each complete text frame, with the moment it arrived, to one
 * handler. Opened in waves, so a thousand handshakes do not all land on the gateway in the same millisecond.
 */
public final class FrameSockets implements AutoCloseable {

  /** Receives every text frame of every socket, on the socket's own thread: keep it short. */
  public interface Handler {
    void frame(int socket, String text, long nanos);
  }

  private static final int WAVE = 100;

  private final List<WebSocket> sockets = new ArrayList<>();
  private final List<CompletableFuture<?>> sending = new ArrayList<>();

  private FrameSockets() {}

  /** Opens one socket per URI; fails if any handshake fails. */
  public static FrameSockets open(List<URI> uris, Handler handler) {
    FrameSockets opened = new FrameSockets();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int from = 0; from < uris.size(); from += WAVE) {
      List<CompletableFuture<WebSocket>> wave = new ArrayList<>();
      for (int i = from; i < Math.min(uris.size(), from + WAVE); i++) {
        wave.add(client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
            .buildAsync(uris.get(i), new Listener(i, handler)));
      }
      wave.forEach(future -> {
        opened.sockets.add(future.join());
        opened.sending.add(CompletableFuture.completedFuture(null));
      });
    }
    return opened;
  }

  public int size() {
    return sockets.size();
  }

  /** Sends a text frame after whatever this socket was still sending. */
  public synchronized void send(int socket, String text) {
    WebSocket ws = sockets.get(socket);
    sending.set(socket, sending.get(socket).thenCompose(done -> ws.sendText(text, true)));
  }

  @Override
  public void close() {
    sockets.forEach(WebSocket::abort);
  }

  private static final class Listener implements WebSocket.Listener {
    private final int index;
    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();

    Listener(int index, Handler handler) {
      this.index = index;
      this.handler = handler;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        handler.frame(index, frame, now);
      }
      socket.request(1);
      return null;
    }
  }
}
