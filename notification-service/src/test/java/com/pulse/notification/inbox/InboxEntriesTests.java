package com.pulse.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.pulse.notification.channel.RoutingRules;
import com.pulse.notification.preference.Priority;
import com.pulse.notification.stream.Position;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract's own example event, as the inbox stores it. */
class InboxEntriesTests {

  private final InboxEntries entries = new InboxEntries(new RoutingRules());
  private final Position position = new Position("ocs.orders.v1", 2, 1187);

  @Test
  void routesTitlesAndRanksTheExampleOrder() throws IOException {
    String json = example().replace("\"ROUTINE\"", "\"URGENT\"");

    InboxEntry entry = entries.read(json, position, null);

    assertThat(entry.eventId()).isEqualTo("4f1c2a0e-7b7e-4c59-9a55-5f3d8c1e2b10");
    assertThat(entry.type()).isEqualTo("ocs.order.created");
    assertThat(entry.channels()).containsExactly("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS");
    assertThat(entry.priority()).isEqualTo(Priority.HIGH);
    assertThat(entry.title()).isEqualTo("URGENT RIS order CT-HEAD: requested");
    assertThat(entry.summary()).isEqualTo("Patient P-1001 · ordered by dr.kim");
    assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:15:02.123Z"));
    assertThat(entry.position()).isEqualTo("ocs.orders.v1:2:1187");
    assertThat(entry.json()).isEqualTo(json);
  }

  @Test
  void aRoutineOrderIsNormalAndItsTitleSaysNoPriority() throws IOException {
    InboxEntry entry = entries.read(example(), position, null);

    assertThat(entry.priority()).isEqualTo(Priority.NORMAL);
    assertThat(entry.title()).isEqualTo("RIS order CT-HEAD: requested");
  }

  @Test
  void anUnknownTypeGoesNowhereAndFallsBackToTheRecordTime() {
    Instant recorded = Instant.parse("2026-11-22T10:00:00Z");

    InboxEntry entry = entries.read("{\"id\":\"x\",\"type\":\"lab.thing.happened\",\"subject\":\"s-1\"}", position,
        recorded);

    assertThat(entry.channels()).isEmpty();
    assertThat(entry.title()).isEqualTo("lab.thing.happened");
    assertThat(entry.summary()).isEqualTo("s-1");
    assertThat(entry.occurredAt()).isEqualTo(recorded);
  }

  @Test
  void refusesWhatIsNotACloudEvent() {
    assertThatIllegalArgumentException().isThrownBy(() -> entries.read("not json", position, null));
    assertThatIllegalArgumentException().isThrownBy(() -> entries.read("[1,2]", position, null));
    assertThatIllegalArgumentException().isThrownBy(() -> entries.read("{\"id\":1,\"type\":\"t\"}", position, null));
  }

  private static String example() throws IOException {
    try (InputStream in = InboxEntriesTests.class.getResourceAsStream("/examples/ocs.order.created.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
