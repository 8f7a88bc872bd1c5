package com.pulse.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The other instances' presence: the newest share counts, a goodbye removes it, silence ends it after the ttl. */
class PresenceSharesTests {

  private static final long SECOND = 1_000_000_000L;
  private final PresenceShares shares = new PresenceShares(Duration.ofSeconds(7));

  @Test
  void theNewestShareOfAnInstanceReplacesItsPreviousOne() {
    shares.received("a", Map.of("vote:poll:7", new PresenceShares.Members(3, Set.of("u1", "u2"))), 0);
    shares.received("a", Map.of("vote:poll:7", new PresenceShares.Members(1, Set.of("u1"))), 2 * SECOND);
    shares.received("b", Map.of("vote:poll:7", new PresenceShares.Members(2, Set.of("u1", "u3"))), 2 * SECOND);

    assertThat(shares.on("vote:poll:7", 3 * SECOND)).extracting(PresenceShares.Members::clients)
        .containsExactlyInAnyOrder(1, 2);
    assertThat(shares.on("vote:poll:8", 3 * SECOND)).isEmpty();
  }

  @Test
  void aKilledInstanceLeavesWithinTheTimeToLiveAndAStoppedOneAtOnce() {
    shares.received("killed", Map.of("vote:poll:7", new PresenceShares.Members(5, Set.of("u1"))), 0);
    shares.received("stopped", Map.of("vote:poll:7", new PresenceShares.Members(2, Set.of("u2"))), 0);

    shares.received("stopped", Map.of(), SECOND);
    assertThat(shares.on("vote:poll:7", 6 * SECOND)).extracting(PresenceShares.Members::clients).containsExactly(5);
    assertThat(shares.on("vote:poll:7", 7 * SECOND + 1)).isEmpty();
    assertThat(shares.instances(7 * SECOND + 1)).isZero();
  }
}
