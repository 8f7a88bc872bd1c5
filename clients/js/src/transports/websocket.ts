import type { CloseInfo } from '../core/backoff.js';
import { PulseError } from '../core/errors.js';
import { oldestPosition } from '../core/positions.js';
import type { TransportKind } from '../core/state.js';
import type { Transport, TransportContext } from '../engine/transport.js';
import { httpUrl } from '../engine/transport.js';
import { CloseCode, retryAfterFromHeader } from '../protocol/close-codes.js';
import {
  CHANNEL_REFUSALS,
  parseServerFrame,
  type ClientFrame,
  type ConnectedFrame,
  type ErrorFrame,
  type EventFrame,
  type HistoryFrame,
  type Position,
  type Presence,
  type PresenceFrame,
  type SubscribedFrame,
} from '../protocol/frames.js';
import { deliverableChannels, withChannels } from './delivery.js';
import { OPEN, onRefusedHandshake, type WebSocketLike } from './websocket-like.js';

type Pending =
  | { kind: 'subscribe'; channel: string; since: Position | undefined }
  | { kind: 'refresh'; token: string; retried: boolean }
  | { kind: 'ping' }
  | { kind: 'presence'; resolve: (value: Presence) => void; reject: (error: unknown) => void; timer: Timer }
  | { kind: 'history'; resolve: (value: HistoryFrame) => void; reject: (error: unknown) => void; timer: Timer };

type Timer = ReturnType<typeof setTimeout>;

/**
 * `/ws`, protocol v1. Keeps the server's channel set equal to the wanted one (subscribing with each channel's
 * position), keeps the {@link PositionBook} current, pings when the socket has been silent for a heartbeat (browsers
 * cannot see the server's pings) and refreshes the token in band before it expires.
 *
 * Recovery of the channels the server joins on connect goes through the handshake's `since`: the server then replays
 * their missed events before any live one, in order. A `subscribe` with `since` for a channel already joined live
 * would let live events overtake the replay.
 */
export class WebSocketTransport implements Transport {
  readonly kind: TransportKind = 'websocket';
  private socket: WebSocketLike | undefined;
  private token = '';
  private opened = false;
  private ended = false;
  private refusedStatus: number | undefined;
  private retryAfter: string | undefined;
  private nextRef = 1;
  private readonly pending = new Map<number, Pending>();
  /** Channels the server has (joined on connect or subscribed by us). */
  private readonly onServer = new Set<string>();
  private autoJoined = new Set<string>();
  /** Auto-joined channels whose `subscribed` the handshake's `since` will bring. */
  private readonly awaitingHandshake = new Set<string>();
  /** Channels whose replay is under way: their events are delivered though they are not live yet. */
  private readonly recovering = new Set<string>();
  private handshakeSince: Position | undefined;
  private lastPosition: Position | undefined;
  private heartbeatMs = 25_000;
  private connectTimer: Timer | undefined;
  private silenceTimer: Timer | undefined;
  private pongTimer: Timer | undefined;
  private refreshTimer: Timer | undefined;

  constructor(private readonly context: TransportContext) {}

  start(token: string): void {
    const { settings, book } = this.context;
    if (!settings.WebSocket) {
      queueMicrotask(() =>
        this.end({ opened: false, error: new PulseError('TRANSPORT', 'no WebSocket implementation available') }),
      );
      return;
    }
    this.token = token;
    const wanted = this.context.channels();
    const resumable = book.autoJoined.filter((channel) => wanted.has(channel) && book.has(channel));
    this.handshakeSince = oldestPosition(resumable.map((channel) => book.get(channel)!));
    const url = httpUrl(settings, settings.paths.socket, { access_token: token, since: this.handshakeSince }).replace(
      /^http/,
      'ws',
    );
    const socket = new settings.WebSocket(url);
    this.socket = socket;
    onRefusedHandshake(socket, (status, retryAfter) => {
      this.refusedStatus = status;
      this.retryAfter = retryAfter;
    });
    socket.onmessage = (message) => this.receive(message.data);
    socket.onerror = () => {};
    socket.onclose = (event) =>
      this.end({
        code: event.code,
        reason: event.reason,
        opened: this.opened,
        status: this.refusedStatus,
        retryAfterMs: retryAfterFromHeader(this.retryAfter, settings.now()),
      });
    this.connectTimer = setTimeout(
      () => this.abandon({ code: CloseCode.CLIENT_TIMEOUT, opened: false, byClient: 'connect-timeout' }),
      settings.connectTimeoutMs,
    );
  }

  sync(): void {
    if (!this.opened || this.ended) return;
    const { book } = this.context;
    const wanted = this.context.channels();
    for (const channel of wanted) {
      if (this.onServer.has(channel)) continue;
      this.onServer.add(channel);
      if (this.awaitingHandshake.has(channel)) continue;
      if (this.autoJoined.has(channel) && !book.has(channel)) {
        // joined live on connect: it stands wherever the connection stands
        book.markLive(channel, this.lastPosition ?? '');
        continue;
      }
      const since = book.get(channel);
      if (since !== undefined) this.recovering.add(channel);
      this.send({ type: 'subscribe', channel, since }, { kind: 'subscribe', channel, since });
    }
    for (const channel of [...this.onServer]) {
      if (wanted.has(channel)) continue;
      this.onServer.delete(channel);
      this.recovering.delete(channel);
      // channels joined on connect stay: cheap, and a listener may come back to them
      if (!this.autoJoined.has(channel)) this.send({ type: 'unsubscribe', channel });
    }
  }

  presence(channel: string): Promise<Presence> | undefined {
    if (!this.isLive()) return undefined;
    return new Promise((resolve, reject) => {
      const timer = this.requestTimer(reject);
      this.send({ type: 'presence', channel }, { kind: 'presence', resolve, reject, timer });
    });
  }

  history(channel: string, limit: number): Promise<HistoryFrame> | undefined {
    if (!this.isLive()) return undefined;
    return new Promise((resolve, reject) => {
      const timer = this.requestTimer(reject);
      this.send({ type: 'history', channel, limit }, { kind: 'history', resolve, reject, timer });
    });
  }

  close(): void {
    this.shutDown(new PulseError('CLOSED_BY_CLIENT', 'the connection was closed'));
  }

  private isLive(): boolean {
    return this.opened && !this.ended && this.socket?.readyState === OPEN;
  }

  private requestTimer(reject: (error: unknown) => void): Timer {
    return setTimeout(
      () => reject(new PulseError('TIMEOUT', 'no answer from the server')),
      this.context.settings.requestTimeoutMs,
    );
  }

  private send(frame: ClientFrame, pending?: Pending): void {
    if (this.socket?.readyState !== OPEN) {
      if (pending && (pending.kind === 'presence' || pending.kind === 'history')) {
        clearTimeout(pending.timer);
        pending.reject(new PulseError('CLOSED', 'the connection is not open'));
      }
      return;
    }
    if (pending) {
      const ref = this.nextRef++;
      this.pending.set(ref, pending);
      frame = { ...frame, ref };
    }
    this.socket.send(JSON.stringify(frame));
  }

  private receive(data: unknown): void {
    if (this.ended || typeof data !== 'string') return;
    this.armSilenceTimer();
    const frame = parseServerFrame(data);
    if (!frame) return;
    switch (frame.type) {
      case 'connected':
        return this.onConnected(frame);
      case 'event':
        return this.onEvent(frame);
      case 'subscribed':
        return this.onSubscribed(frame);
      case 'error':
        return this.onError(frame);
      case 'refreshed':
        return this.onRefreshed(frame.ref);
      case 'presence':
      case 'history':
        return this.onAnswer(frame);
      case 'pong':
        if (frame.ref !== undefined) this.pending.delete(Number(frame.ref));
        return;
      default:
        return;
    }
  }

  private onConnected(frame: ConnectedFrame): void {
    const { book, handler, tokens } = this.context;
    clearTimeout(this.connectTimer);
    this.opened = true;
    handler.opened({ session: frame.session, user: frame.user });
    if (this.ended) return;
    book.endConnection();
    this.autoJoined = new Set(frame.channels);
    book.autoJoined = [...frame.channels];
    this.lastPosition = frame.position;
    if (this.handshakeSince !== undefined) {
      // every channel joined on connect is answered `subscribed` after its replay
      for (const channel of frame.channels) this.awaitingHandshake.add(channel);
      for (const channel of frame.channels) if (book.has(channel)) this.recovering.add(channel);
    }
    this.heartbeatMs = Math.max(1, frame.heartbeat) * 1000;
    this.armSilenceTimer();
    const refreshIn = tokens.refreshDelay(this.token);
    if (refreshIn !== undefined) this.refreshTimer = setTimeout(() => void this.refreshToken(false), refreshIn);
    this.sync();
  }

  private onEvent(frame: EventFrame): void {
    const { book, handler } = this.context;
    const replay = frame.channels.some((channel) => this.recovering.has(channel));
    if (frame.position !== undefined && !replay) {
      // a replayed frame's position is an old one: it must not move live channels back
      this.lastPosition = frame.position;
      book.advanceLive(frame.position);
    }
    handler.event(withChannels(frame, deliverableChannels(frame, (channel) => book.isLive(channel), this.recovering)));
  }

  private onSubscribed(frame: SubscribedFrame): void {
    const { book, handler } = this.context;
    const pending = frame.ref !== undefined ? this.pending.get(Number(frame.ref)) : undefined;
    if (frame.ref !== undefined) this.pending.delete(Number(frame.ref));
    const channel = frame.channel;
    const askedSince =
      pending?.kind === 'subscribe' ? pending.since !== undefined : this.awaitingHandshake.has(channel) && book.has(channel);
    this.awaitingHandshake.delete(channel);
    this.recovering.delete(channel);
    this.lastPosition = frame.position;
    if (this.context.channels().has(channel)) book.markLive(channel, frame.position);
    book.advanceLive(frame.position);
    handler.subscribed(channel, frame.recovered, askedSince);
  }

  private onError(frame: ErrorFrame): void {
    const { book, handler } = this.context;
    const ref = frame.ref === undefined ? undefined : Number(frame.ref);
    const pending = ref === undefined ? undefined : this.pending.get(ref);
    if (ref !== undefined) this.pending.delete(ref);
    if (pending?.kind === 'subscribe') {
      const channel = pending.channel;
      this.onServer.delete(channel);
      this.recovering.delete(channel);
      if (frame.code === 'BAD_REQUEST' && pending.since !== undefined) {
        // a position the server no longer accepts (partial, foreign): start live and let the app reload
        book.forget(channel);
        handler.sinceRefused([channel]);
        this.sync();
      } else if (CHANNEL_REFUSALS.has(frame.code)) {
        handler.refused(channel, new PulseError(frame.code, frame.message, channel));
      } else if (frame.code === 'RATE_LIMITED') {
        setTimeout(() => this.sync(), 1000);
      } else {
        handler.error(new PulseError(frame.code, frame.message, channel));
      }
      return;
    }
    if (pending?.kind === 'refresh') {
      if (frame.code === 'TOKEN_INVALID' && !pending.retried) void this.refreshToken(true);
      else this.abandon({ code: CloseCode.TOKEN_EXPIRED, opened: true, byClient: 'token-rejected' });
      return;
    }
    if (pending?.kind === 'presence' || pending?.kind === 'history') {
      clearTimeout(pending.timer);
      pending.reject(new PulseError(frame.code, frame.message));
      return;
    }
    if (ref === undefined && frame.code === 'BAD_REQUEST' && this.awaitingHandshake.size > 0) {
      // the handshake's `since` was refused: the channels joined on connect are live, their gap is lost
      const lost = [...this.awaitingHandshake].filter((channel) => book.has(channel));
      for (const channel of this.awaitingHandshake) {
        this.recovering.delete(channel);
        book.forget(channel);
        if (this.context.channels().has(channel)) book.markLive(channel, this.lastPosition ?? '');
      }
      this.awaitingHandshake.clear();
      handler.sinceRefused(lost);
      return;
    }
    handler.error(new PulseError(frame.code, frame.message));
  }

  private onAnswer(frame: PresenceFrame | HistoryFrame): void {
    if (frame.ref === undefined) return;
    const pending = this.pending.get(Number(frame.ref));
    if (!pending || (pending.kind !== 'presence' && pending.kind !== 'history')) return;
    this.pending.delete(Number(frame.ref));
    clearTimeout(pending.timer);
    if (pending.kind === 'presence' && frame.type === 'presence') {
      pending.resolve({ channel: frame.channel, clients: frame.clients, users: frame.users });
    } else if (pending.kind === 'history' && frame.type === 'history') {
      pending.resolve(frame);
    }
  }

  /** Before `exp`: a new token from the application, sent in band; the socket stays as it is. */
  private async refreshToken(retry: boolean): Promise<void> {
    let token: string;
    try {
      token = await this.context.tokens.renew(retry ? 'rejected' : 'expiring');
    } catch (error) {
      this.context.handler.error(new PulseError('TOKEN', 'getToken() failed; the connection ends when the token expires', undefined, error));
      return;
    }
    if (this.ended) return;
    this.send({ type: 'refresh', token }, { kind: 'refresh', token, retried: retry });
  }

  private onRefreshed(ref: unknown): void {
    const pending = ref === undefined ? undefined : this.pending.get(Number(ref));
    if (ref !== undefined) this.pending.delete(Number(ref));
    if (pending?.kind !== 'refresh') return;
    this.token = pending.token;
    clearTimeout(this.refreshTimer);
    const refreshIn = this.context.tokens.refreshDelay(this.token);
    if (refreshIn !== undefined) this.refreshTimer = setTimeout(() => void this.refreshToken(false), refreshIn);
  }

  /**
   * Silence for a heartbeat: send `ping`; silence for as long again: the connection is dead (a half-open TCP
   * connection can look open for minutes), so give up on it and reconnect.
   */
  private armSilenceTimer(): void {
    if (!this.opened || this.ended) return;
    clearTimeout(this.silenceTimer);
    clearTimeout(this.pongTimer);
    this.silenceTimer = setTimeout(() => {
      this.send({ type: 'ping' }, { kind: 'ping' });
      this.pongTimer = setTimeout(
        () => this.abandon({ code: CloseCode.CLIENT_TIMEOUT, opened: true, byClient: 'heartbeat-timeout' }),
        this.context.settings.pongTimeoutMs ?? this.heartbeatMs,
      );
    }, this.heartbeatMs);
  }

  /** Gives up on the socket without waiting for a closing handshake that may never come, and reports it. */
  private abandon(info: CloseInfo): void {
    if (this.ended) return;
    this.shutDown(new PulseError('CLOSED', 'the connection was lost'));
    this.context.handler.closed(info);
  }

  private end(info: CloseInfo): void {
    if (this.ended) return;
    this.shutDown(new PulseError('CLOSED', 'the connection was lost'));
    this.context.handler.closed(info);
  }

  private shutDown(reason: PulseError): void {
    if (this.ended) return;
    this.ended = true;
    for (const timer of [this.connectTimer, this.silenceTimer, this.pongTimer, this.refreshTimer]) clearTimeout(timer);
    for (const pending of this.pending.values()) {
      if (pending.kind === 'presence' || pending.kind === 'history') {
        clearTimeout(pending.timer);
        pending.reject(reason);
      }
    }
    this.pending.clear();
    const socket = this.socket;
    if (socket) {
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = () => {};
      try {
        socket.close(CloseCode.NORMAL);
      } catch {
        // a socket still connecting may refuse a code; it is being dropped anyway
      }
    }
  }
}
