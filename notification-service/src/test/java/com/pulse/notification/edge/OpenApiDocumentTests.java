package com.pulse.notification.edge;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.openapi.OpenApiSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST part's OpenAPI document is the one checked in for the JavaScript client
 * ({@code clients/js/openapi/notification.json}): an API change fails here until the copy and the types are renewed.
 */
@PulseIntegrationTest
class OpenApiDocumentTests {

  @LocalServerPort int port;

  @Test
  void theDocumentIsTheCheckedInOne() {
    OpenApiSnapshot.assertCheckedIn(port, "notification");
  }
}
