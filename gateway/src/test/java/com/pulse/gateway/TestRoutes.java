package com.pulse.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Routes only tests need, beside the configured ones: {@code /api/unavailable/**} leads to a closed port,
 * {@code /api/flaky/**} to {@link Downstreams}' flaky server behind the circuit breaker {@code flaky}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRoutes {

  @Bean
  RouteLocator testRoutes(RouteLocatorBuilder routes) {
    return routes.routes()
        .route("unavailable", route -> route.path("/api/unavailable/**").uri("http://127.0.0.1:" + closedPort()))
        .route("flaky", route -> route.path("/api/flaky/**")
            .filters(filters -> filters.circuitBreaker(breaker -> breaker.setName("flaky")))
            .uri(Downstreams.flakyUrl()))
        .build();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
