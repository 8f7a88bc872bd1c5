package com.pulse.bench.spc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasurementFramesTests {

  @Test
  void readsTheEventsValueExactly() {
    double sent = 50.123456789012345;
    String frame = "{\"type\":\"event\",\"event\":{\"type\":\"spc.measurement.recorded\",\"data\":{\"measurementId\":"
        + "7,\"value\":" + sent + ",\"withinControl\":false}}}";

    assertThat(MeasurementFrames.valueOf(frame)).isEqualTo(sent);
  }

  @Test
  void readsExponentsAndNegativeNumbers() {
    assertThat(MeasurementFrames.valueOf("{\"value\":-1.5E-7}")).isEqualTo(-1.5E-7);
  }

  @Test
  void aFrameWithoutValueGivesNothing() {
    assertThat(MeasurementFrames.valueOf("{\"type\":\"pong\"}")).isNull();
  }

  @Test
  void everyNthValueIsBeyondThreeSigmaAndTheOthersWithin() {
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < 200; i++) {
      double z = (SpcProducts.value(random, i, 20) - SpcProducts.CENTER) / SpcProducts.SIGMA;
      if (i % 20 == 19) {
        assertThat(z).isGreaterThan(3);
      } else {
        assertThat(Math.abs(z)).isLessThanOrEqualTo(2.5);
      }
    }
  }
}
