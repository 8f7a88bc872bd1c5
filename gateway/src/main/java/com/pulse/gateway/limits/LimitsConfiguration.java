package com.pulse.gateway.limits;

import com.pulse.gateway.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

  @Bean
  RateLimitFilter rateLimitFilter(LimitProperties limits, ProblemWriter problems) {
    return new RateLimitFilter(limits, problems);
  }

  @Bean
  BodySizeLimitFilter bodySizeLimitFilter(LimitProperties limits, ProblemWriter problems) {
    return new BodySizeLimitFilter(limits, problems);
  }
}
