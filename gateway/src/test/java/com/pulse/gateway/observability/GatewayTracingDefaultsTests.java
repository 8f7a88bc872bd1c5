package com.pulse.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tracing is left out of the gateway unless configured; on, it is exported and samples every new trace. */
class GatewayTracingDefaultsTests {

  @Test
  void offBootsTracingIsExcludedAndOtherExclusionsStay() {
    String excluded = (String) GatewayTracingDefaults.off(List.of("com.example.Other"))
        .get(GatewayTracingDefaults.EXCLUDE);

    assertThat(excluded.split(",")).startsWith("com.example.Other")
        .containsAll(GatewayTracingDefaults.TRACING).doesNotHaveDuplicates();
  }

  @Test
  void onPulsesEndpointGoesToBootsExporterAndEveryNewTraceIsSampled() {
    assertThat(GatewayTracingDefaults.on("http://collector:4318/v1/traces", null))
        .containsEntry(GatewayTracingDefaults.BOOT_ENDPOINT, "http://collector:4318/v1/traces")
        .containsEntry("management.tracing.sampling.probability", "1.0");
    assertThat(GatewayTracingDefaults.on(null, null)).doesNotContainKey(GatewayTracingDefaults.BOOT_ENDPOINT);
  }
}
