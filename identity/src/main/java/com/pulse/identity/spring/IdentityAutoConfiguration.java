package com.pulse.identity.spring;

import com.pulse.identity.CallerReader;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link CallerReader} per application from {@code pulse.identity.*}, and the JWT converter built on it. */
@AutoConfiguration
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CallerReader callerReader(IdentityProperties properties) {
    return new CallerReader(properties.mapping());
  }

  /** Only where Spring Security's JWT support is on the class path (every service; not a plain Kafka consumer). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken")
  static class JwtConversion {

    @Bean
    @ConditionalOnMissingBean
    CallerAuthenticationConverter callerAuthenticationConverter(CallerReader reader) {
      return new CallerAuthenticationConverter(reader);
    }
  }
}
