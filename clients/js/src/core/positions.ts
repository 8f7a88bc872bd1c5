import type { Position } from '../protocol/frames.js';

/**
 * The last resume point per channel — what makes a reconnect, a tab hand-over or a transport switch lose nothing.
 *
 * Every whole position a connection receives (an `event` frame's, a `subscribed` frame's, an SSE id) accounts for
 * every channel that connection is **live** on: events of one connection travel in order, so everything of a live
 * channel up to that point has arrived. The book therefore advances every live channel on every frame, not only the
 * channels the event matched: a quiet channel (`user:…`) otherwise keeps an old position, and after a server restart
 * that position lies before the re-read window and comes back `recovered:false`, a refetch for nothing.
 *
 * Channels that are subscribed but not yet live (a `subscribe` in flight) keep their own older position until their
 * `subscribed` arrives. A channel nobody listens to any more is forgotten: subscribing to it again is live-only.
 */
export class PositionBook {
  private readonly positions = new Map<string, Position>();
  private readonly live = new Set<string>();
  private readonly watchers = new Set<() => void>();
  /** The channels the server joined on connect last time: recovered through the handshake's `since` next time. */
  autoJoined: string[] = [];

  get(channel: string): Position | undefined {
    return this.positions.get(channel);
  }

  has(channel: string): boolean {
    return this.positions.has(channel);
  }

  isLive(channel: string): boolean {
    return this.live.has(channel);
  }

  /** A polling page (or a hand-over snapshot): this channel, and only it, stands at `position`. */
  set(channel: string, position: Position): void {
    if (this.positions.get(channel) === position) return;
    this.positions.set(channel, position);
    this.changed();
  }

  /** The channel is caught up at `position` (its `subscribed`), and from now on advances with every frame. */
  markLive(channel: string, position: Position): void {
    this.live.add(channel);
    this.set(channel, position);
  }

  /** A whole position arrived on the connection: every live channel now stands there. */
  advanceLive(position: Position): void {
    let changed = false;
    for (const channel of this.live) {
      if (this.positions.get(channel) !== position) {
        this.positions.set(channel, position);
        changed = true;
      }
    }
    if (changed) this.changed();
  }

  /** The connection ended (or a new one began): nothing is live until the server says so again. */
  endConnection(): void {
    this.live.clear();
  }

  /** Nobody listens to the channel any more: its next subscription starts live, not from an old position. */
  forget(channel: string): void {
    this.live.delete(channel);
    if (this.positions.delete(channel)) this.changed();
  }

  snapshot(): Record<string, Position> {
    return Object.fromEntries(this.positions);
  }

  /**
   * Mirrors another tab's book (a follower copies the leader's after every event, so that it can take over from
   * exactly there): positions only; liveness belongs to a connection.
   */
  replace(snapshot: Record<string, Position>, autoJoined: string[]): void {
    let changed = false;
    for (const channel of [...this.positions.keys()]) {
      if (!(channel in snapshot)) {
        this.positions.delete(channel);
        changed = true;
      }
    }
    for (const [channel, position] of Object.entries(snapshot)) {
      if (this.positions.get(channel) !== position) {
        this.positions.set(channel, position);
        changed = true;
      }
    }
    this.autoJoined = [...autoJoined];
    if (changed) this.changed();
  }

  /** Called after every change; returns the unsubscribe function. */
  watch(watcher: () => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private changed(): void {
    for (const watcher of this.watchers) watcher();
  }
}

/**
 * The oldest of several whole positions, partition by partition — for the one place a single `since` must cover
 * channels that stand at different points: an SSE stream's `Last-Event-ID` and a socket handshake's `since`. The
 * result is whole when the inputs are; replaying from it re-sends what some channels already had, and
 * {@link DeliveredEvents} drops those.
 *
 * This reads the documented written form (`topic:p:o,p:o;topic:p:o`); anything else yields undefined and the
 * caller recovers channel by channel instead of guessing.
 */
export function oldestPosition(positions: readonly Position[]): Position | undefined {
  if (positions.length === 0) return undefined;
  if (positions.every((p) => p === positions[0])) return positions[0];
  const parsed = positions.map(parsePosition);
  if (parsed.some((p) => p === undefined)) return undefined;
  const all = parsed as Map<string, Map<number, number>>[];
  const oldest = new Map<string, Map<number, number>>();
  for (const position of all) {
    for (const [topic, partitions] of position) {
      let target = oldest.get(topic);
      if (!target) oldest.set(topic, (target = new Map()));
      for (const partition of partitions.keys()) {
        // a partition a position does not name counts as -1 (PROTOCOL.md)
        const offsets = all.map((other) => other.get(topic)?.get(partition) ?? -1);
        target.set(partition, Math.min(...offsets));
      }
    }
  }
  return [...oldest]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([topic, partitions]) =>
        `${topic}:` + [...partitions].sort(([a], [b]) => a - b).map(([p, o]) => `${p}:${o}`).join(','),
    )
    .join(';');
}

function parsePosition(text: Position): Map<string, Map<number, number>> | undefined {
  const result = new Map<string, Map<number, number>>();
  if (text === '') return result;
  for (const group of text.split(';')) {
    const colon = group.indexOf(':');
    if (colon <= 0) return undefined;
    const partitions = new Map<number, number>();
    for (const pair of group.slice(colon + 1).split(',')) {
      const match = /^(\d+):(-1|\d+)$/.exec(pair);
      if (!match) return undefined;
      partitions.set(Number(match[1]), Number(match[2]));
    }
    result.set(group.slice(0, colon), partitions);
  }
  return result;
}
