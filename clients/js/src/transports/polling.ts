import type { CloseInfo } from '../core/backoff.js';
import type { TransportKind } from '../core/state.js';
import { httpUrl, type Transport, type TransportContext } from '../engine/transport.js';
import { retryAfterFromHeader } from '../protocol/close-codes.js';
import type { EventsPage } from '../protocol/frames.js';

/**
 * `GET /api/notifications/events?channel=&since=&limit=`, the last fallback: each wanted channel read in turn every
 * `pollIntervalMs`, from its own position (a page's `position` is the next `since`); a full page is followed at once
 * by the next. A channel polled for the first time is live-only: its first answer only gives the position.
 *
 * An event that several channels list comes once per channel's page; {@link DeliveredEvents} keeps each channel's
 * listeners to one copy.
 */
export class PollingTransport implements Transport {
  readonly kind: TransportKind = 'polling';
  private abort = new AbortController();
  private opened = false;
  private ended = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly context: TransportContext) {}

  start(): void {
    void this.loop();
  }

  /** A new channel is polled at once rather than at the next round. */
  sync(): void {
    this.wake?.();
  }

  close(): void {
    this.ended = true;
    clearTimeout(this.timer);
    this.abort.abort();
  }

  private async loop(): Promise<void> {
    const { settings } = this.context;
    while (!this.ended) {
      for (const channel of this.context.channels()) {
        if (this.ended) return;
        const ok = await this.pollChannel(channel);
        if (!ok) return;
      }
      if (!this.opened) this.markOpened();
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, settings.pollIntervalMs);
      });
      this.wake = undefined;
      clearTimeout(this.timer);
    }
  }

  /** Reads the channel until a page is not full; false when the transport ended. */
  private async pollChannel(channel: string): Promise<boolean> {
    const { settings, book, handler, tokens } = this.context;
    for (;;) {
      const since = book.get(channel);
      let response: Response;
      try {
        const token = await tokens.current();
        response = await settings.fetch(
          httpUrl(settings, settings.paths.events, {
            channel,
            since,
            limit: String(since === undefined ? 1 : settings.pollLimit),
          }),
          { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal: this.abort.signal },
        );
      } catch (error) {
        this.end({ opened: this.opened, error });
        return false;
      }
      if (this.ended) return false;
      if (!response.ok) {
        void response.body?.cancel();
        if (response.status === 400 && since !== undefined) {
          // the position is not one the server accepts any more: start live, the app reloads
          book.forget(channel);
          handler.sinceRefused([channel]);
          continue;
        }
        this.end({
          opened: this.opened,
          status: response.status,
          retryAfterMs: retryAfterFromHeader(response.headers.get('Retry-After'), settings.now()),
        });
        return false;
      }
      const page = (await response.json()) as EventsPage;
      if (this.ended) return false;
      if (!this.context.channels().has(channel)) return true;
      if (!this.opened) this.markOpened();
      if (since === undefined) {
        // first look at the channel: where it stands now; what came before is not this subscriber's
        book.set(channel, page.position);
        handler.subscribed(channel, false, false);
        return true;
      }
      if (!page.recovered) {
        book.set(channel, page.position);
        handler.subscribed(channel, false, true);
        return true;
      }
      for (const entry of page.events) {
        handler.event({ type: 'event', channels: [channel], event: entry.event });
        if (this.ended) return false;
      }
      book.set(channel, page.position);
      if (page.events.length < settings.pollLimit) return true;
    }
  }

  private markOpened(): void {
    this.opened = true;
    this.context.handler.opened({});
  }

  private end(info: CloseInfo): void {
    if (this.ended) return;
    this.close();
    this.context.handler.closed(info);
  }
}
