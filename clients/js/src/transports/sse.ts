import type { CloseInfo } from '../core/backoff.js';
import { PulseError } from '../core/errors.js';
import { oldestPosition } from '../core/positions.js';
import type { TransportKind } from '../core/state.js';
import { httpUrl, type Transport, type TransportContext } from '../engine/transport.js';
import { retryAfterFromHeader } from '../protocol/close-codes.js';
import type { EventFrame, SseSubscribed } from '../protocol/frames.js';
import { deliverableChannels, withChannels } from './delivery.js';
import { SseParser, type SseMessage } from './sse-parser.js';

type Timer = ReturnType<typeof setTimeout>;

/**
 * `/sse?channels=…`, the first fallback: one stream for all wanted channels, resumed with `Last-Event-ID`. The
 * stream's channel list is fixed, so a change of the wanted channels reopens it from where it stands (nothing is lost:
 * the live channels' position goes along). A channel new to the stream is live-only, as a `subscribe` without `since`
 * is: the replay the stream's `Last-Event-ID` would bring it is not delivered.
 *
 * The stream is restarted with a new token before the current one expires (SSE has no in-band refresh).
 */
export class SseTransport implements Transport {
  readonly kind: TransportKind = 'sse';
  private abort: AbortController | undefined;
  private token = '';
  private opened = false;
  private ended = false;
  private streamChannels = '';
  private readonly recovering = new Set<string>();
  private connectTimer: Timer | undefined;
  private refreshTimer: Timer | undefined;
  private restartQueued = false;

  constructor(private readonly context: TransportContext) {}

  start(token: string): void {
    this.token = token;
    const refreshIn = this.context.tokens.refreshDelay(token);
    if (refreshIn !== undefined) this.refreshTimer = setTimeout(() => void this.renewToken(), refreshIn);
    void this.open();
  }

  sync(): void {
    if (this.ended || this.restartQueued) return;
    this.restartQueued = true;
    // one reopen for a burst of subscribe/unsubscribe calls in the same tick
    queueMicrotask(() => {
      this.restartQueued = false;
      if (!this.ended && this.key(this.context.channels()) !== this.streamChannels) void this.open();
    });
  }

  close(): void {
    this.shutDown();
  }

  private key(channels: ReadonlySet<string>): string {
    return [...channels].sort().join(',');
  }

  private async open(): Promise<void> {
    const { settings, book, handler } = this.context;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const wanted = this.context.channels();
    this.streamChannels = this.key(wanted);
    this.recovering.clear();
    // a new stream: its channels are live again only once its `subscribed` says so
    book.endConnection();
    if (wanted.size === 0) {
      // nothing to stream: open and wait for a channel
      this.markOpened();
      return;
    }
    const withPositions = [...wanted].filter((channel) => book.has(channel));
    const since = oldestPosition(withPositions.map((channel) => book.get(channel)!));
    const unrecoverable = since === undefined ? withPositions : [];
    if (since !== undefined) withPositions.forEach((channel) => this.recovering.add(channel));
    const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${this.token}` };
    if (since !== undefined) headers['Last-Event-ID'] = since;
    clearTimeout(this.connectTimer);
    this.connectTimer = setTimeout(() => {
      if (this.abort === abort && !this.opened) this.end({ opened: false, byClient: 'connect-timeout' });
    }, settings.connectTimeoutMs);
    let response: Response;
    try {
      response = await settings.fetch(httpUrl(settings, settings.paths.sse, { channels: this.streamChannels }), {
        headers,
        signal: abort.signal,
        cache: 'no-store',
      });
    } catch (error) {
      if (this.abort === abort) this.end({ opened: this.opened, error });
      return;
    }
    if (this.abort !== abort) return;
    if (!response.ok || !response.body) {
      void response.body?.cancel();
      this.end({
        opened: this.opened,
        status: response.status,
        retryAfterMs: retryAfterFromHeader(response.headers.get('Retry-After'), settings.now()),
      });
      return;
    }
    if (unrecoverable.length > 0) {
      unrecoverable.forEach((channel) => book.forget(channel));
      handler.sinceRefused(unrecoverable);
    }
    await this.read(response.body, abort);
  }

  private async read(body: ReadableStream<Uint8Array>, abort: AbortController): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser((message) => this.onMessage(message));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (this.abort !== abort) return;
        if (done) break;
        // the first bytes (an event or a keep-alive comment) prove the stream gets through
        this.markOpened();
        parser.push(decoder.decode(value, { stream: true }));
        if (this.abort !== abort) return;
      }
    } catch (error) {
      if (this.abort === abort) this.end({ opened: this.opened, error });
      return;
    } finally {
      reader.releaseLock();
    }
    // the server ended the stream (a reader that fell behind, a restart): resume from the book
    if (this.abort === abort) this.end({ opened: this.opened });
  }

  private markOpened(): void {
    clearTimeout(this.connectTimer);
    if (this.opened) return;
    this.opened = true;
    this.context.handler.opened({});
  }

  private onMessage(message: SseMessage): void {
    const { book, handler } = this.context;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.data);
    } catch {
      return;
    }
    if (message.event === 'subscribed') {
      const subscribed = parsed as SseSubscribed;
      const wanted = this.context.channels();
      for (const channel of subscribed.channels) {
        if (wanted.has(channel)) book.markLive(channel, subscribed.position);
        handler.subscribed(channel, subscribed.recovered, this.recovering.has(channel));
      }
      this.recovering.clear();
      return;
    }
    const frame = parsed as EventFrame;
    if (frame.type !== 'event' || !frame.event) return;
    const replay = frame.channels.some((channel) => this.recovering.has(channel));
    if (frame.position !== undefined && !replay) book.advanceLive(frame.position);
    handler.event(withChannels(frame, deliverableChannels(frame, (channel) => book.isLive(channel), this.recovering)));
  }

  private async renewToken(): Promise<void> {
    try {
      this.token = await this.context.tokens.renew('expiring');
    } catch (error) {
      this.context.handler.error(new PulseError('TOKEN', 'getToken() failed', undefined, error));
      return;
    }
    if (this.ended) return;
    const refreshIn = this.context.tokens.refreshDelay(this.token);
    if (refreshIn !== undefined) this.refreshTimer = setTimeout(() => void this.renewToken(), refreshIn);
    void this.open();
  }

  private end(info: CloseInfo): void {
    if (this.ended) return;
    this.shutDown();
    this.context.handler.closed(info);
  }

  private shutDown(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.connectTimer);
    clearTimeout(this.refreshTimer);
    this.abort?.abort();
    this.abort = undefined;
  }
}
