package com.pulse.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.ChannelCatalog;
import com.pulse.events.Priority;
import com.pulse.notification.stream.EnvelopeReader;
import com.pulse.notification.stream.Position;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract's own example event, as the inbox stores it: the producer's audience, priority and words. */
class InboxEntriesTests {

  private final InboxEntries entries = new InboxEntries(ChannelCatalog.standard());
  private final EnvelopeReader reader = new EnvelopeReader();
  private final Position position = new Position("ocs.orders.v1", 2, 1187);

  @Test
  void addressesRanksAndTitlesTheExampleOrderAsItsProducerDid() throws IOException {
    String json = example().replace("\"priority\": \"NORMAL\"", "\"priority\": \"HIGH\"");

    InboxEntry entry = entry(json, null);

    assertThat(entry.eventId()).isEqualTo("4f1c2a0e-7b7e-4c59-9a55-5f3d8c1e2b10");
    assertThat(entry.type()).isEqualTo("ocs.order.created");
    assertThat(entry.channels()).containsExactly("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS");
    assertThat(entry.priority()).isEqualTo(Priority.HIGH);
    assertThat(entry.title()).isEqualTo("RIS order CT-HEAD: requested");
    assertThat(entry.summary()).isEqualTo("Patient P-1001 · ordered by dr.kim");
    assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-11-22T09:15:02.123Z"));
    assertThat(entry.position()).isEqualTo("ocs.orders.v1:2:1187");
    assertThat(entry.json()).isEqualTo(json);
  }

  @Test
  void anEventWithoutAnAnnouncementGoesNowhereAndShowsItsTypeAndSubject() {
    Instant recorded = Instant.parse("2026-11-22T10:00:00Z");

    InboxEntry entry = entry("{\"id\":\"x\",\"type\":\"lab.thing.happened\",\"subject\":\"s-1\"}", recorded);

    assertThat(entry.channels()).isEmpty();
    assertThat(entry.priority()).isEqualTo(Priority.NORMAL);
    assertThat(entry.title()).isEqualTo("lab.thing.happened");
    assertThat(entry.summary()).isEqualTo("s-1");
    assertThat(entry.occurredAt()).isEqualTo(recorded);
  }

  @Test
  void onlyChannelsTheCatalogDeclaresAreKept() {
    InboxEntry entry = entry("{\"id\":\"x\",\"type\":\"t\",\"audience\":\"ocs:job:XRAY,user:dr.kim\"}", Instant.EPOCH);

    assertThat(entry.channels()).containsExactly("user:dr.kim");
  }

  private InboxEntry entry(String json, Instant recorded) {
    return entries.entry(reader.read(position, json.getBytes(StandardCharsets.UTF_8), recorded));
  }

  private static String example() throws IOException {
    try (InputStream in = InboxEntriesTests.class.getResourceAsStream("/examples/ocs.order.created.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
