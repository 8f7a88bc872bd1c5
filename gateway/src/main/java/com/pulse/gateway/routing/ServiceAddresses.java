package com.pulse.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each service runs ({@code pulse.gateway.services.<service>}): one or more base URLs, which routes reach as
 * {@code lb://<service>}. A comma-separated value is a list, so {@code OCS_URL=http://a:8081,http://b:8081} gives two
 * load-balanced instances.
 *
 * @param services base URLs by service id, e.g. {@code ocs -> [http://localhost:8081]}
 */
@ConfigurationProperties("pulse.gateway")
public record ServiceAddresses(@DefaultValue Map<String, List<URI>> services) {

  public ServiceAddresses {
    services.forEach((service, urls) -> urls.forEach(url -> {
      if (url.getHost() == null || url.getScheme() == null) {
        throw new IllegalArgumentException("pulse.gateway.services." + service + ": '" + url
            + "' is not a base URL like http://host:port");
      }
    }));
    services = Map.copyOf(services);
  }
}
