package com.pulse.gateway.web;

import com.pulse.problems.reactive.NettyRefusals;
import com.pulse.problems.reactive.QueryStringWebFilter;
import com.pulse.problems.reactive.ReactiveApiExceptionHandler;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the gateway answers itself is a problem, in the shared reactive form ({@code com.pulse.problems
 * .reactive}): its own endpoints ({@link ReactiveApiExceptionHandler}), routing failures ({@link
 * GatewayErrorHandler}), filters ({@link ProblemWriter}), Reactor Netty's own refusals (URL or headers too large,
 * not HTTP, not a URI), and a query string or path with control characters, refused before it is proxied.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReactiveApiExceptionHandler.class)
class WebConfiguration {

  @Bean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  @Bean
  QueryStringWebFilter queryStringWebFilter(ProblemWriter problems) {
    return new QueryStringWebFilter(problems);
  }

  @Bean
  NettyServerCustomizer nettyRefusalsAsProblems(JsonMapper json) {
    return server -> NettyRefusals.apply(server, json);
  }
}
