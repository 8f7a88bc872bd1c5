package com.pulse.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

/**
 * The service instances of {@link ServiceAddresses}, for Spring Cloud LoadBalancer (round robin over
 * {@code lb://<service>}). Instances declared the Spring Cloud way
 * ({@code spring.cloud.discovery.client.simple.instances}) are found as well, by the simple discovery client.
 */
final class ConfiguredServiceInstances implements ReactiveDiscoveryClient {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConfiguredServiceInstances.class);

  private final Map<String, List<ServiceInstance>> instances;

  ConfiguredServiceInstances(ServiceAddresses addresses) {
    this.instances = Map.copyOf(index(addresses.services()));
    instances.forEach((service, list) -> log.info("Service {}: {}", service,
        list.stream().map(ServiceInstance::getUri).toList()));
  }

  @Override
  public String description() {
    return "Pulse service addresses (pulse.gateway.services)";
  }

  @Override
  public Flux<ServiceInstance> getInstances(String serviceId) {
    return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
  }

  @Override
  public Flux<String> getServices() {
    return Flux.fromIterable(instances.keySet());
  }

  private static Map<String, List<ServiceInstance>> index(Map<String, List<URI>> services) {
    Map<String, List<ServiceInstance>> byService = new java.util.HashMap<>();
    services.forEach((service, urls) -> {
      List<ServiceInstance> list = new ArrayList<>();
      for (int i = 0; i < urls.size(); i++) {
        URI url = urls.get(i);
        boolean secure = "https".equalsIgnoreCase(url.getScheme()) || "wss".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
        list.add(new DefaultServiceInstance(service + "-" + i, service, url.getHost(), port, secure));
      }
      byService.put(service, List.copyOf(list));
    });
    return byService;
  }
}
