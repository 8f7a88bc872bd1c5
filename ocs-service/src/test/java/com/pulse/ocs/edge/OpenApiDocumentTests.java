package com.pulse.ocs.edge;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.openapi.OpenApiSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The order API's OpenAPI document is the one checked in for the JavaScript client ({@code clients/js/openapi/ocs.json},
 * its types generated from it): an API change fails here until the copy and the types are renewed.
 */
@PulseIntegrationTest
class OpenApiDocumentTests {

  @LocalServerPort int port;

  @Test
  void theDocumentIsTheCheckedInOne() {
    OpenApiSnapshot.assertCheckedIn(port, "ocs");
  }
}
