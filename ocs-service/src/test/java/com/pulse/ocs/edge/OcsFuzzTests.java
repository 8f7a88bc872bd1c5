package com.pulse.ocs.edge;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.fuzz.ApiFuzz;
import com.pulse.testsupport.fuzz.Endpoint;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint of the order API, spoiled one part at a time (issue 11, item 4): never a 5xx, every error a problem,
 * and what can never be valid refused. The actions run against a real order, so their bodies get past the lookup.
 */
@PulseIntegrationTest
class OcsFuzzTests {

  @LocalServerPort int port;

  @TestFactory
  Stream<DynamicTest> noSpoiledRequestIsA5xxOrAnswersWithoutAProblem() {
    TestUser doctor = OcsApi.freshDoctor();
    String id = new OcsApi(port).create(doctor);
    String create = "{\"patientId\":\"P-1\",\"jobRole\":\"RIS\",\"orderCode\":\"CT-HEAD\",\"priority\":\"ROUTINE\","
        + "\"notes\":\"none\"}";
    return ApiFuzz.on(port, TestUser.ADMIN::bearer).over(List.of(
        Endpoint.post("/api/ocs/orders", create),
        Endpoint.get("/api/ocs/orders/{id}").pathVariable("id", id),
        Endpoint.get("/api/ocs/orders").query("jobRole", "RIS").query("status", "REQUESTED")
            .query("assigned", "false").query("workerId", "ris.park").query("doctorId", doctor.id())
            .query("patientId", "P-1").query("createdFrom", "2026-01-01").query("createdTo", "2026-12-31")
            .query("page", "0").query("size", "20").query("sort", "-createdAt"),
        Endpoint.post("/api/ocs/orders/{id}/accept").pathVariable("id", id),
        Endpoint.post("/api/ocs/orders/{id}/start").pathVariable("id", id),
        Endpoint.post("/api/ocs/orders/{id}/complete", "{\"result\":\"No acute findings.\"}")
            .pathVariable("id", id),
        Endpoint.post("/api/ocs/orders/{id}/cancel", "{\"reason\":\"Ordered twice.\"}").pathVariable("id", id)));
  }
}
