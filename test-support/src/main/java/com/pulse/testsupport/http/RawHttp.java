package com.pulse.testsupport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, with the request exactly as given: the request line is not checked,
 * the path not encoded, the body not touched. {@code Connection: close} on every request built here, so the answer
 * ends when the server closes.
 */
public final class RawHttp {

  private static final int TIMEOUT_MILLIS = 20_000;

  private RawHttp() {}

  /** A request built from parts: {@code Host}, {@code Content-Length} and {@code Connection: close} added. */
  public static Response send(int port, String method, String target, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      request.writeBytes(body);
    }
    return send(port, request.toByteArray());
  }

  /** The bytes as they are, then whatever the server answers until it closes. */
  public static Response send(int port, byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before reading everything (a body over its limit): read the answer
      }
      return Response.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from 127.0.0.1:" + port, e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        answer.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      if (answer.size() == 0) {
        throw e;
      }
    }
    return answer.toByteArray();
  }

  /**
   * An answer: status, headers (names in lower case), body (de-chunked).
   *
   * @param headers the last value of each header
   */
  public record Response(int status, Map<String, String> headers, byte[] body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    static Response parse(byte[] raw) {
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.") || end < 0) {
        throw new IllegalStateException("not an HTTP answer: " + text.substring(0, Math.min(200, text.length())));
      }
      String[] lines = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
              lines[i].substring(colon + 1).trim());
        }
      }
      byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = dechunk(body);
      } else if (headers.containsKey("content-length")) {
        int length = Integer.parseInt(headers.get("content-length"));
        body = java.util.Arrays.copyOf(body, Math.min(length, body.length));
      }
      return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int position = 0;
      while (position < chunked.length) {
        int lineEnd = indexOf(chunked, position);
        if (lineEnd < 0) {
          break;
        }
        String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
        int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        int start = lineEnd + 2;
        body.write(chunked, start, Math.min(size, chunked.length - start));
        position = start + size + 2;
      }
      return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
      for (int i = from; i + 1 < bytes.length; i++) {
        if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
          return i;
        }
      }
      return -1;
    }
  }
}
