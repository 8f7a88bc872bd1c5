package com.pulse.platform.web;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.fuzz.ApiFuzz;
import com.pulse.testsupport.fuzz.Endpoint;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform alone already keeps a service's endpoints free of 5xx: the test application's endpoints (a body
 * written to PostgreSQL, filters read by it, a typed path variable) through the shared fuzzer.
 */
@PulseIntegrationTest
class PlatformFuzzTests {

  @LocalServerPort int port;

  @TestFactory
  Stream<DynamicTest> noSpoiledRequestIsA5xxOrAnswersWithoutAProblem() {
    return ApiFuzz.on(port, TestUser.DR_KIM::bearer).over(List.of(
        Endpoint.post("/test/widgets", "{\"name\":\"w\",\"color\":\"RED\",\"size\":1}"),
        Endpoint.get("/test/widgets").query("name", "w").query("createdFrom", "2026-11-22T09:00:00Z"),
        Endpoint.get("/test/widgets/{id}").pathVariable("id", UUID.randomUUID().toString())));
  }
}
