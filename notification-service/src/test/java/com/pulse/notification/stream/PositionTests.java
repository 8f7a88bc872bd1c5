package com.pulse.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PositionTests {

  @Test
  void aPositionIsWrittenAsTopicPartitionOffsetAndReadBack() {
    Position position = new Position("ocs.orders.v1", 2, 1187);

    assertThat(position).hasToString("ocs.orders.v1:2:1187");
    assertThat(Position.parse("ocs.orders.v1:2:1187")).isEqualTo(position);
  }

  @Test
  void offsetsCompareWithinAPartition() {
    Position earlier = Position.parse("ocs.orders.v1:0:9");
    Position later = Position.parse("ocs.orders.v1:0:10");

    assertThat(earlier).isLessThan(later);
    assertThat(earlier.samePartition(later)).isTrue();
    assertThat(earlier.samePartition(Position.parse("ocs.orders.v1:1:9"))).isFalse();
  }

  @Test
  void anythingElseIsRefused() {
    for (String text : new String[] {null, "", "ocs.orders.v1", "ocs.orders.v1:1", ":1:2", "t:x:1", "t:1:-3",
        "t:1:9999999999999999999"}) {
      assertThatThrownBy(() -> Position.parse(text)).as(String.valueOf(text))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
