package com.pulse.platform.web;

import com.pulse.problems.ProblemTexts;
import com.pulse.problems.servlet.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code pulse.web.max-body-size} (1 MB, as the gateway) with a 413 problem, so a
 * service reached directly holds no more than it would behind the gateway: a declared {@code Content-Length} over
 * the limit before anything is read, a chunked body as soon as it passes the limit while being read.
 */
final class BodySizeFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final ServletProblems problems;

  BodySizeFilter(long maxBytes, ServletProblems problems) {
    this.maxBytes = maxBytes;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      refuse(request, response);
      return;
    }
    if (request.getContentLengthLong() >= 0) {
      chain.doFilter(request, response);
      return;
    }
    Limited limited = new Limited(request, maxBytes);
    try {
      chain.doFilter(limited, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!limited.exceeded) {
        throw e;
      }
    }
    if (limited.exceeded && !response.isCommitted()) {
      response.reset();
      refuse(request, response);
    }
  }

  /** True when {@code failure} came from reading a chunked body past the limit (a controller's JSON, say). */
  static boolean tooLarge(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLarge) {
        return true;
      }
    }
    return false;
  }

  /** Thrown by a limited body's stream; whoever reads it answers 413. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge(long maxBytes) {
      super("The request body is over " + maxBytes + " bytes");
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close"); // the rest of the body is not read
    problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ProblemTexts.CONTENT_TOO_LARGE);
  }

  /** A body without a declared length, cut off once it passes the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;
    private long read;
    private boolean exceeded;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream body = super.getInputStream();
        stream = new ServletInputStream() {
          @Override
          public int read() throws IOException {
            int next = body.read();
            count(next < 0 ? 0 : 1);
            return next;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
          }

          @Override
          public boolean isFinished() {
            return body.isFinished();
          }

          @Override
          public boolean isReady() {
            return body.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
          }
        };
      }
      return stream;
    }

    private void count(int bytes) throws IOException {
      read += bytes;
      if (read > maxBytes) {
        exceeded = true;
        throw new BodyTooLarge(maxBytes);
      }
    }
  }
}
