package com.pulse.gateway.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Service addresses for the load balancer, served by Spring Cloud's simple discovery client: the instances of
 * {@link ServiceAddresses} ({@code OCS_URL=http://a:8081,http://b:8081}) become its instances, so routes reach them
 * as {@code lb://<service>}, round robin. The routes themselves live in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

  @Bean
  SimpleReactiveDiscoveryProperties simpleReactiveDiscoveryProperties(ServiceAddresses addresses) {
    Map<String, List<InstanceProperties>> instances = new HashMap<>();
    addresses.services().forEach((service, urls) -> {
      List<InstanceProperties> list = new ArrayList<>(urls.size());
      for (int i = 0; i < urls.size(); i++) {
        InstanceProperties instance = new InstanceProperties();
        instance.setInstanceId(service + "-" + i);
        instance.setUri(urls.get(i));
        if (instance.getPort() < 0) {
          instance.setPort(instance.isSecure() ? 443 : 80);
        }
        list.add(instance);
      }
      instances.put(service, list);
      log.info("Service {}: {}", service, urls);
    });
    SimpleReactiveDiscoveryProperties properties = new SimpleReactiveDiscoveryProperties();
    properties.setInstances(instances);
    return properties;
  }
}
