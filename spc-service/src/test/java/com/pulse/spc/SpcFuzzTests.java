package com.pulse.spc;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.fuzz.ApiFuzz;
import com.pulse.testsupport.fuzz.Endpoint;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the SPC API, spoiled one part at a time: never a 5xx, every error a problem. The endpoints run
 * against a real product with values and an open alert, so their bodies get past the lookups.
 */
@PulseIntegrationTest
class SpcFuzzTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @TestFactory
  Stream<DynamicTest> noSpoiledRequestIsA5xxOrAnswersWithoutAProblem() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long product = api.product(2);
    api.batch(product, List.of(10.0, 10.1, 9.9, 10.0, 10.7, 10.2));
    JsonNode alerts = SpcClient.json(api.get("/api/spc/alerts?productId=" + product, TestUser.QA_JUNG));
    String id = Long.toString(product);
    String alert = alerts.path("items").get(0).path("id").asString();
    return ApiFuzz.on(port, TestUser.ADMIN::bearer).over(List.of(
        Endpoint.post("/api/spc/products", "{\"code\":\"FUZZ-1\",\"name\":\"Fuzz\",\"unit\":\"mm\",\"lsl\":1,"
            + "\"usl\":2,\"target\":1.5,\"subgroupSize\":3,\"rules\":{\"tests\":[1,2],\"k\":{\"2\":8}},"
            + "\"capabilityThreshold\":1.33}"),
        Endpoint.get("/api/spc/products"),
        Endpoint.get("/api/spc/products/{id}").pathVariable("id", id),
        Endpoint.put("/api/spc/products/{id}/spec", "{\"lsl\":9.4,\"usl\":10.6,\"target\":10}")
            .pathVariable("id", id),
        Endpoint.post("/api/spc/products/{id}/measurements", "{\"value\":10.01,\"subgroupNumber\":4,"
            + "\"sampleNumber\":1,\"measuredAt\":\"2026-11-22T09:00:00Z\"}").pathVariable("id", id),
        Endpoint.post("/api/spc/products/{id}/measurements/batch", "{\"measurements\":[{\"value\":10.02}]}")
            .pathVariable("id", id),
        Endpoint.get("/api/spc/products/{id}/chart").pathVariable("id", id).query("last", "20"),
        Endpoint.post("/api/spc/products/{id}/control-limits", "{\"fromSubgroup\":1,\"toSubgroup\":3,"
            + "\"exclude\":[2]}").pathVariable("id", id),
        Endpoint.get("/api/spc/products/{id}/control-limits").pathVariable("id", id),
        Endpoint.get("/api/spc/products/{id}/control-limits/versions").pathVariable("id", id),
        Endpoint.post("/api/spc/products/{id}/capability", "{\"fromSubgroup\":1,\"toSubgroup\":3}")
            .pathVariable("id", id),
        Endpoint.get("/api/spc/products/{id}/capability").pathVariable("id", id),
        Endpoint.post("/api/spc/alerts", "{\"productId\":" + id + ",\"alertType\":\"MANUAL\",\"priority\":2,"
            + "\"title\":\"Check gauge\",\"message\":\"Gauge R&R due\"}"),
        Endpoint.get("/api/spc/alerts").query("status", "OPEN").query("minPriority", "2").query("productId", id)
            .query("type", "OUT_OF_SPEC").query("from", "2026-01-01T00:00:00Z").query("to", "2030-01-01T00:00:00Z")
            .query("page", "0").query("size", "20"),
        Endpoint.get("/api/spc/alerts/stats").query("productId", id),
        Endpoint.get("/api/spc/alerts/{id}").pathVariable("id", alert),
        Endpoint.post("/api/spc/alerts/{id}/acknowledge").pathVariable("id", alert),
        Endpoint.post("/api/spc/alerts/{id}/resolve", "{\"cause\":\"Worn tool\",\"action\":\"Replaced\"}")
            .pathVariable("id", alert)));
  }
}
