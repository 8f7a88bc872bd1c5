package com.pulse.notification.config;

import com.pulse.problems.reactive.NettyRefusals;
import com.pulse.problems.reactive.ProblemWebExceptionHandler;
import com.pulse.problems.reactive.QueryStringWebFilter;
import com.pulse.problems.reactive.ReactiveApiExceptionHandler;
import com.pulse.problems.reactive.ReactiveProblems;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error this service gives over HTTP is a problem, in the shared reactive form ({@code com.pulse.problems
 * .reactive}): controller errors (an event stream's 400 included, which used to come back as an event), errors of
 * filters and security, Reactor Netty's own refusals (URL or headers too large, not HTTP), and query strings with
 * control characters, refused before a controller or the inbox query reads them.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReactiveApiExceptionHandler.class)
class WebErrorsConfiguration {

  @Bean
  ReactiveProblems reactiveProblems(JsonMapper json) {
    return new ReactiveProblems(json);
  }

  @Bean
  @Order(ProblemWebExceptionHandler.ORDER)
  ProblemWebExceptionHandler problemWebExceptionHandler(ReactiveProblems problems) {
    return new ProblemWebExceptionHandler(problems);
  }

  @Bean
  QueryStringWebFilter queryStringWebFilter(ReactiveProblems problems) {
    return new QueryStringWebFilter(problems);
  }

  @Bean
  NettyServerCustomizer nettyRefusalsAsProblems(JsonMapper json) {
    return server -> NettyRefusals.apply(server, json);
  }
}
