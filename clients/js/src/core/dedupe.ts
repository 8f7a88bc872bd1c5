/**
 * Which events went to which channels' listeners, for the last `capacity` events: the one thing that makes "nothing
 * twice" hold across reconnects, tab hand-overs and transport switches, where a replay may overlap what was already
 * delivered (PROTOCOL.md's "known limit": an instance a few milliseconds behind replays a few events again).
 *
 * Keyed by `event.id` (unique per CloudEvent) and per channel, because a polling client reads each channel apart and
 * meets the same event once per channel; each channel's listeners must still get it once. Bounded: a `Map` keeps
 * insertion order, so the oldest id is evicted first (LRU on insert, which is all dedupe needs).
 */
export class DeliveredEvents {
  private readonly seen = new Map<string, Set<string>>();

  constructor(private readonly capacity = 10_000) {}

  /** True (and remembered) the first time `eventId` is offered for `channel`. */
  firstTime(eventId: string, channel: string): boolean {
    let channels = this.seen.get(eventId);
    if (channels?.has(channel)) return false;
    if (!channels) {
      channels = new Set();
      this.seen.set(eventId, channels);
      if (this.seen.size > this.capacity) {
        const oldest = this.seen.keys().next().value as string;
        this.seen.delete(oldest);
      }
    }
    channels.add(channel);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
