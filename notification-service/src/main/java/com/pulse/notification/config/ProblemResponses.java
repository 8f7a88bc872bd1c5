package com.pulse.notification.config;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem details with the RFC 6750 {@code WWW-Authenticate} challenge. A refused WebSocket
 * handshake gets the same answer, before any upgrade happens.
 */
public final class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  /** Also the socket handshake refusals' texts: one wording however the token is missing or bad. */
  public static final String TOKEN_REQUIRED = "An access token is required: send 'Authorization: Bearer <token>'"
      + " (WebSocket handshakes may pass it as the access_token query parameter).";
  public static final String TOKEN_INVALID = "The access token is invalid or expired.";

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    if (failure instanceof OAuth2AuthenticationException invalid) {
      return write(exchange, HttpStatus.UNAUTHORIZED, "Bearer error=\"" + invalid.getError().getErrorCode() + "\"",
          TOKEN_INVALID);
    }
    return write(exchange, HttpStatus.UNAUTHORIZED, "Bearer", TOKEN_REQUIRED);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return write(exchange, HttpStatus.FORBIDDEN, "Bearer error=\"insufficient_scope\"",
        "Your role does not allow this.");
  }

  private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String challenge, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
