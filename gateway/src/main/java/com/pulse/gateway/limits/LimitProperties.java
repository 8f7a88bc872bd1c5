package com.pulse.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits ({@code pulse.gateway.limits.*}). Rates are token buckets: {@code capacity} requests at once,
 * refilled at {@code perSecond}.
 *
 * @param user requests per signed-in user (the token's {@code sub})
 * @param anonymous requests per client IP without a token (sign-in, refresh, JWKS)
 * @param webSocketHandshakes new WebSocket handshakes per user (or IP)
 * @param maxBodySize largest request body; larger ones get 413
 */
@ConfigurationProperties("pulse.gateway.limits")
public record LimitProperties(
    @DefaultValue({"4000", "2000"}) Rate user,
    @DefaultValue({"40", "10"}) Rate anonymous,
    @DefaultValue({"20", "1"}) Rate webSocketHandshakes,
    @DefaultValue("1MB") DataSize maxBodySize) {

  /** A token bucket: up to {@code capacity} at once, {@code perSecond} more each second. */
  public record Rate(long capacity, double perSecond) {

    public Rate {
      if (capacity < 1 || perSecond <= 0) {
        throw new IllegalArgumentException("a rate needs capacity >= 1 and perSecond > 0");
      }
    }
  }
}
