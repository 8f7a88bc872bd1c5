package com.pulse.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Off unless an endpoint is configured; with one, exported and sampled. */
class TracingDefaultsTests {

  @Test
  void withoutAnEndpointNothingIsRecordedAndNoExporterIsMade() {
    assertThat(TracingDefaults.defaults(null, null))
        .containsExactlyEntriesOf(java.util.Map.of("management.opentelemetry.tracing.sampler", "always-off"));
    assertThat(TracingDefaults.defaults("  ", null)).doesNotContainKey(TracingDefaults.BOOT_ENDPOINT);
  }

  @Test
  void pulsesEndpointIsHandedToBootsExporterAndSamplesEveryNewTrace() {
    assertThat(TracingDefaults.defaults("http://collector:4318/v1/traces", null))
        .containsEntry(TracingDefaults.BOOT_ENDPOINT, "http://collector:4318/v1/traces")
        .containsEntry("management.tracing.sampling.probability", "1.0")
        .doesNotContainKey("management.opentelemetry.tracing.sampler");
  }

  @Test
  void bootsOwnEndpointPropertyTurnsItOnToo() {
    assertThat(TracingDefaults.defaults(null, "http://tempo:4318/v1/traces"))
        .containsEntry("management.tracing.sampling.probability", "1.0")
        .doesNotContainKey(TracingDefaults.BOOT_ENDPOINT);
  }
}
