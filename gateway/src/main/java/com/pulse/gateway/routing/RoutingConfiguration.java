package com.pulse.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service addresses for the load balancer; the routes themselves live in {@code application.yml}. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

  @Bean
  ConfiguredServiceInstances configuredServiceInstances(ServiceAddresses addresses) {
    return new ConfiguredServiceInstances(addresses);
  }
}
