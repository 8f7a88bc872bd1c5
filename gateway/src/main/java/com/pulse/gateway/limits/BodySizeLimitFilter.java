package com.pulse.gateway.limits;

import com.pulse.gateway.web.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies above {@code pulse.gateway.limits.max-body-size} get 413 problem details: without forwarding anything
 * when {@code Content-Length} says so, and as soon as the limit is crossed for a body sent without a length (chunked).
 */
final class BodySizeLimitFilter implements WebFilter, Ordered {

  static final String TOO_LARGE = "The request body is larger than %d bytes.";

  private final long maxBytes;
  private final long maxDiscardedBytes;
  private final String detail;
  private final ProblemWriter problems;

  BodySizeLimitFilter(LimitProperties limits, ProblemWriter problems) {
    this.maxBytes = limits.maxBodySize().toBytes();
    this.maxDiscardedBytes = 2 * maxBytes;
    this.detail = TOO_LARGE.formatted(maxBytes);
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return -150; // before token validation: an oversized body is refused without further work
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long length = request.getHeaders().getContentLength();
    if (length > maxBytes) {
      // the unread body is still on its way: reusing this connection would make the next request part of it
      exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      Mono<Void> refuse = problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, detail);
      if (length > maxDiscardedBytes) {
        return refuse;
      }
      // Most clients read the answer only once they have sent the whole body; closing the connection under them
      // reads as a network error, not as this 413. A body up to twice the limit is read and dropped first (as
      // Tomcat's maxSwallowSize does); anything larger is not worth the bandwidth.
      return request.getBody().doOnNext(DataBufferUtils::release).then(refuse);
    }
    if (length >= 0 || !request.getHeaders().containsHeader("Transfer-Encoding")) {
      return chain.filter(exchange);
    }
    return chain.filter(exchange.mutate().request(new Counted(request)).build());
  }

  /** Counts a chunked body as it streams through and fails it once it is too large. */
  private final class Counted extends ServerHttpRequestDecorator {

    Counted(ServerHttpRequest delegate) {
      super(delegate);
    }

    @Override
    public Flux<DataBuffer> getBody() {
      long[] seen = {0};
      return super.getBody().handle((buffer, sink) -> {
        seen[0] += buffer.readableByteCount();
        if (seen[0] > maxBytes) {
          DataBufferUtils.release(buffer);
          sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail));
        } else {
          sink.next(buffer);
        }
      });
    }
  }
}
