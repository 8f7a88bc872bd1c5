package com.pulse.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamPositionTests {

  @Test
  void writesPartitionsGroupedByTopicAndReadsItBack() {
    StreamPosition position = StreamPosition.of(Map.of(new PartitionId("ocs.orders.v1", 1), 7L,
        new PartitionId("ocs.orders.v1", 0), 15L, new PartitionId("spc.alerts.v1", 0), -1L));

    assertThat(position.toString()).isEqualTo("ocs.orders.v1:0:15,1:7;spc.alerts.v1:0:-1");
    assertThat(StreamPosition.parse(position.toString())).isEqualTo(position);
  }

  @Test
  void anEventPositionIsAPositionNamingOnePartition() {
    StreamPosition position = StreamPosition.parse("ocs.orders.v1:2:1187");

    assertThat(position.offset(new PartitionId("ocs.orders.v1", 2))).isEqualTo(1187);
    assertThat(position.offset(new PartitionId("ocs.orders.v1", 0))).isEqualTo(-1);
    assertThat(position.isBefore(new Position("ocs.orders.v1", 2, 1188))).isTrue();
    assertThat(position.isBefore(new Position("ocs.orders.v1", 2, 1187))).isFalse();
  }

  @Test
  void movingPastAnEventOnlyEverGrows() {
    StreamPosition position = StreamPosition.parse("ocs.orders.v1:0:5");

    assertThat(position.with(new Position("ocs.orders.v1", 0, 3))).isSameAs(position);
    assertThat(position.with(new Position("ocs.orders.v1", 1, 3)).toString()).isEqualTo("ocs.orders.v1:0:5,1:3");
    assertThat(position.max(StreamPosition.parse("ocs.orders.v1:0:9")).toString()).isEqualTo("ocs.orders.v1:0:9");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "ocs.orders.v1", "ocs.orders.v1:", "ocs.orders.v1:0", "ocs.orders.v1:a:1",
      "ocs.orders.v1:0:-2", ":0:1", "ocs.orders.v1:0:1;", "ocs.orders.v1:0:1,,"})
  void rejectsWhatIsNotAPosition(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> StreamPosition.parse(text));
  }
}
