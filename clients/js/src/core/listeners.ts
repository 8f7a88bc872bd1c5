import type { CloudEvent, EventFrame, Position } from '../protocol/frames.js';
import { DeliveredEvents } from './dedupe.js';
import { PulseError } from './errors.js';

/** What a listener is told along with an event. */
export interface EventContext {
  /** The channel this subscription is for. */
  channel: string;
  /** Every channel of the connection the event matched. */
  channels: readonly string[];
  /** The resume point right after the event, when the transport gives one per event. */
  position?: Position;
}

/** The callbacks of one subscription. Each is optional; a throwing callback does not stop the others. */
export interface ChannelHandlers<T = unknown> {
  /** An event of the channel, once, in the order the server sent it. */
  onEvent?: (event: CloudEvent<T>, context: EventContext) => void;
  /**
   * The gap since the last event could not be recovered (`recovered:false`, or a position the server no longer
   * accepts): reload the state over REST, then keep listening — events from now on arrive as usual.
   */
  onReset?: (channel: string) => void;
  /** The channel was refused (`FORBIDDEN`, `UNKNOWN_CHANNEL`, …) or something about the connection went wrong. */
  onError?: (error: PulseError) => void;
}

interface Subscription {
  id: string;
  channel: string;
  handlers: ChannelHandlers<any>;
}

/**
 * The page's listeners — seed 000's `listeners` array with listener ids, without its module globals: one registry per
 * {@link ../client.PulseClient}. Delivery goes through {@link DeliveredEvents}, so a listener never sees an event twice
 * whatever path it came by (live, replay after a reconnect, another tab's relay, a fallback transport).
 */
export class ListenerRegistry {
  private readonly byId = new Map<string, Subscription>();
  private readonly byChannel = new Map<string, Map<string, Subscription>>();
  private readonly delivered: DeliveredEvents;
  private nextId = 1;

  constructor(
    dedupeCapacity: number,
    private readonly reportListenerError: (error: unknown) => void,
    private readonly idPrefix = 'sub',
  ) {
    this.delivered = new DeliveredEvents(dedupeCapacity);
  }

  /** Adds a listener; returns its id and whether it is the channel's first. */
  add<T>(channel: string, handlers: ChannelHandlers<T>): { id: string; first: boolean } {
    const id = `${this.idPrefix}-${this.nextId++}`;
    const subscription: Subscription = { id, channel, handlers };
    this.byId.set(id, subscription);
    let listeners = this.byChannel.get(channel);
    const first = !listeners;
    if (!listeners) this.byChannel.set(channel, (listeners = new Map()));
    listeners.set(id, subscription);
    return { id, first };
  }

  /** Removes a listener; returns its channel and whether it was the channel's last, or undefined for an unknown id. */
  remove(id: string): { channel: string; last: boolean } | undefined {
    const subscription = this.byId.get(id);
    if (!subscription) return undefined;
    this.byId.delete(id);
    const listeners = this.byChannel.get(subscription.channel)!;
    listeners.delete(id);
    const last = listeners.size === 0;
    if (last) this.byChannel.delete(subscription.channel);
    return { channel: subscription.channel, last };
  }

  channels(): Set<string> {
    return new Set(this.byChannel.keys());
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Delivers an event frame to the listeners of each of its channels that has not had this event yet. */
  deliver(frame: EventFrame): void {
    for (const channel of frame.channels) {
      const listeners = this.byChannel.get(channel);
      if (!listeners || !this.delivered.firstTime(frame.event.id, channel)) continue;
      const context: EventContext = { channel, channels: frame.channels, position: frame.position };
      for (const { handlers } of [...listeners.values()]) {
        this.call(() => handlers.onEvent?.(frame.event, context));
      }
    }
  }

  reset(channel: string): void {
    for (const { handlers } of [...(this.byChannel.get(channel)?.values() ?? [])]) {
      this.call(() => handlers.onReset?.(channel));
    }
  }

  channelError(channel: string, error: PulseError): void {
    for (const { handlers } of [...(this.byChannel.get(channel)?.values() ?? [])]) {
      this.call(() => handlers.onError?.(error));
    }
  }

  /** An error about the connection as a whole: every listener that asked for errors hears it. */
  errorAll(error: PulseError): void {
    for (const { handlers } of [...this.byId.values()]) {
      this.call(() => handlers.onError?.(error));
    }
  }

  private call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.reportListenerError(error);
    }
  }
}
