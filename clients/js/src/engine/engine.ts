import { decideReconnect, type BackoffOptions, type CloseInfo } from '../core/backoff.js';
import { PulseError } from '../core/errors.js';
import type { PositionBook } from '../core/positions.js';
import type { ConnectionState, TransportKind } from '../core/state.js';
import type { TokenKeeper } from '../core/token.js';
import { CloseCode } from '../protocol/close-codes.js';
import type { EventFrame, EventsPage, HistoryFrame, Presence } from '../protocol/frames.js';
import { HttpClient } from '../rest/http.js';
import { PollingTransport } from '../transports/polling.js';
import { SseTransport } from '../transports/sse.js';
import { WebSocketTransport } from '../transports/websocket.js';
import type { NetworkMonitor } from './network.js';
import type { Transport, TransportHandler, TransportSettings } from './transport.js';

/** Where the engine's results go: the page's listeners, and (in a leader tab) the other tabs. */
export interface EngineSink {
  event(frame: EventFrame): void;
  reset(channel: string): void;
  channelError(channel: string, error: PulseError): void;
  error(error: PulseError): void;
  state(state: Omit<ConnectionState, 'role'>): void;
}

export interface EngineOptions extends TransportSettings {
  /** The transports to use, best first (default websocket, sse, polling). */
  transports: TransportKind[];
  backoff: BackoffOptions;
  /** Handshakes that never open, in a row, before the next transport is tried (default 2). */
  fallbackAfterFailures: number;
  /** How often a fallback tries the better transports again, ms (default 60,000, ±50% jitter). */
  upgradeIntervalMs: number;
  /** Failed attempts in a row after which the state says `offline` (default 4). */
  offlineAfterFailures: number;
  /** A connection live this long resets the backoff, ms (default 5,000): a server that accepts and drops at once
   * does not get hammered. */
  stableAfterMs: number;
  random: () => number;
  network: NetworkMonitor | undefined;
}

type Timer = ReturnType<typeof setTimeout>;

/**
 * The one connection: picks the transport, reconnects after it ends (backoff, close codes, token renewal), falls back
 * from WebSocket to SSE to polling when a transport never opens and climbs back when a better one works again, and
 * reports a single {@link ConnectionState}. Every transport shares the {@link PositionBook}, so whatever the switch,
 * the next one resumes where the last one stood.
 */
export class ConnectionEngine {
  private wanted = new Set<string>();
  private readonly refused = new Set<string>();
  private transport: Transport | undefined;
  private probe: Transport | undefined;
  private kindIndex = 0;
  private probeIndex = 0;
  private failuresAtKind = 0;
  private attempt = 0;
  private everLive = false;
  /** Transports (by index) that opened at least once: they are not blocked, whatever fails later. */
  private readonly worked = new Set<number>();
  private liveSince: number | undefined;
  private renewToken = false;
  private renewedJustBefore = false;
  private started = false;
  private stopped = false;
  private reconnectTimer: Timer | undefined;
  private upgradeTimer: Timer | undefined;
  private stopWatchingNetwork: (() => void) | undefined;
  private current: Omit<ConnectionState, 'role'> = {
    status: 'idle',
    transport: null,
    attempt: 0,
    nextRetryAt: null,
    session: null,
    user: null,
    lastError: null,
  };
  private readonly http: HttpClient;

  constructor(
    private readonly options: EngineOptions,
    private readonly tokens: TokenKeeper,
    private readonly book: PositionBook,
    private readonly sink: EngineSink,
  ) {
    this.http = new HttpClient({
      baseUrl: options.baseUrl,
      fetch: options.fetch,
      getToken: ({ reason }) => (reason === 'rejected' ? tokens.renew('rejected') : tokens.current()),
    });
  }

  /** The channels to be on; positions of channels dropped are forgotten (a later subscription starts live). */
  setChannels(channels: ReadonlySet<string>): void {
    for (const channel of this.wanted) {
      if (!channels.has(channel)) {
        this.book.forget(channel);
        this.refused.delete(channel);
      }
    }
    this.wanted = new Set(channels);
    if (this.wanted.size > 0) this.start();
    this.transport?.sync();
  }

  /** Connects even with no channel wanted (the channels joined on connect still arrive). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.stopWatchingNetwork = this.options.network?.watch((online) => this.onNetwork(online));
    void this.connect();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.upgradeTimer);
    this.stopWatchingNetwork?.();
    this.transport?.close();
    this.probe?.close();
    this.transport = this.probe = undefined;
    this.book.endConnection();
    this.setState({ status: 'closed', nextRetryAt: null });
  }

  /** Presence over the socket when it is live, else `GET /api/notifications/presence`. */
  async presence(channel: string): Promise<Presence> {
    const overSocket = this.transport?.presence?.(channel);
    if (overSocket) return overSocket;
    return (await this.http.get<Presence>(this.options.paths.presence, { query: { channel } })).data;
  }

  /** The channel's last events held by the server, oldest first. */
  async history(channel: string, limit = 100): Promise<HistoryFrame> {
    const overSocket = this.transport?.history?.(channel, limit);
    if (overSocket) return overSocket;
    const page = (await this.http.get<EventsPage>(this.options.paths.events, { query: { channel, limit } })).data;
    return { type: 'history', channel, position: page.position, events: page.events };
  }

  private channels(): ReadonlySet<string> {
    return new Set([...this.wanted].filter((channel) => !this.refused.has(channel)));
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.reconnectTimer);
    if (this.options.network?.online() === false) {
      this.setState({ status: 'offline', nextRetryAt: null, lastError: 'the device is offline' });
      return;
    }
    const kind = this.options.transports[this.kindIndex]!;
    const status =
      this.attempt >= this.options.offlineAfterFailures ? 'offline' : this.everLive ? 'reconnecting' : 'connecting';
    this.setState({ status, transport: kind, nextRetryAt: null });
    let token: string;
    this.renewedJustBefore = this.renewToken;
    try {
      token = this.renewToken ? await this.tokens.renew('rejected') : await this.tokens.current();
      this.renewToken = false;
    } catch (error) {
      if (this.stopped) return;
      this.sink.error(new PulseError('TOKEN', 'getToken() failed', undefined, error));
      this.scheduleReconnect({ opened: false, error }, false);
      return;
    }
    if (this.stopped) return;
    const transport = this.create(kind);
    this.transport = transport;
    transport.start(token);
  }

  private create(kind: TransportKind): Transport {
    let transport: Transport;
    const context = {
      settings: this.options,
      tokens: this.tokens,
      book: this.book,
      channels: () => this.channels(),
      handler: this.handlerFor(() => transport),
    };
    transport =
      kind === 'websocket'
        ? new WebSocketTransport(context)
        : kind === 'sse'
          ? new SseTransport(context)
          : new PollingTransport(context);
    return transport;
  }

  /** Callbacks for one transport; those of a transport that is no longer current are ignored. */
  private handlerFor(self: () => Transport): TransportHandler {
    const active = () => !this.stopped && (this.transport === self() || this.probe === self());
    return {
      opened: (info) => {
        if (!active()) return;
        if (this.probe === self()) this.adoptProbe();
        this.onOpened(info);
      },
      event: (frame) => {
        if (active() && this.transport === self()) this.sink.event(frame);
      },
      subscribed: (channel, recovered, askedSince) => {
        if (active() && askedSince && !recovered && this.wanted.has(channel)) this.sink.reset(channel);
      },
      refused: (channel, error) => {
        if (!active()) return;
        this.refused.add(channel);
        this.sink.channelError(channel, error);
      },
      sinceRefused: (channels) => {
        if (!active()) return;
        for (const channel of channels) if (this.wanted.has(channel)) this.sink.reset(channel);
      },
      error: (error) => {
        if (active()) this.sink.error(error);
      },
      closed: (info) => {
        if (this.stopped) return;
        if (this.probe === self()) {
          this.probe = undefined;
          this.scheduleUpgrade();
        } else if (this.transport === self()) {
          this.transport = undefined;
          this.onClosed(info);
        }
      },
    };
  }

  private onOpened(info: { session?: string; user?: ConnectionState['user'] }): void {
    this.everLive = true;
    this.worked.add(this.kindIndex);
    this.liveSince = this.options.now();
    this.failuresAtKind = 0;
    this.setState({
      status: 'live',
      transport: this.options.transports[this.kindIndex]!,
      nextRetryAt: null,
      session: info.session ?? null,
      user: info.user ?? this.current.user,
      lastError: null,
    });
    if (this.kindIndex > 0) this.scheduleUpgrade();
  }

  private onClosed(info: CloseInfo): void {
    this.book.endConnection();
    clearTimeout(this.upgradeTimer);
    this.probe?.close();
    this.probe = undefined;
    if (info.code === CloseCode.MESSAGE_TOO_BIG) {
      this.sink.error(new PulseError('CLOSED', `closed by the server: ${info.code} ${info.reason ?? ''}`.trim()));
    }
    this.scheduleReconnect(info, true);
  }

  private scheduleReconnect(info: CloseInfo, fromTransport: boolean): void {
    const now = this.options.now();
    if (info.opened && this.liveSince !== undefined && now - this.liveSince >= this.options.stableAfterMs) {
      this.attempt = 0;
    }
    this.liveSince = undefined;
    const decision = decideReconnect(info, this.attempt, this.options.backoff, this.options.random, this.renewedJustBefore);
    if (decision.countsAsFailure) this.attempt++;
    this.renewToken = decision.renewToken;
    let delay = decision.delayMs;
    if (fromTransport && !info.opened && !decision.serverAskedToWait && !decision.renewToken
        && !this.worked.has(this.kindIndex)) {
      // a transport that never opens may be blocked (a proxy that drops WebSocket upgrades, one that buffers SSE);
      // one that has worked is not: its failures mean the server is away (a restart), and falling back then would
      // turn every client of a restarted server into an SSE stream or a poll every few seconds
      this.failuresAtKind++;
      const kinds = this.options.transports.length;
      if (kinds > 1 && this.failuresAtKind >= this.options.fallbackAfterFailures) {
        this.failuresAtKind = 0;
        this.probeIndex = 0;
        // down the ladder at once; after the last one, back to the top with the backoff (all of them failed: the
        // server is more likely down than every transport blocked)
        this.kindIndex = (this.kindIndex + 1) % kinds;
        if (this.kindIndex > 0) delay = Math.min(delay, this.options.random() * this.options.backoff.baseMs);
      }
    }
    const offline = this.attempt >= this.options.offlineAfterFailures;
    this.setState({
      status: offline ? 'offline' : this.everLive ? 'reconnecting' : 'connecting',
      attempt: this.attempt,
      nextRetryAt: now + delay,
      session: null,
      lastError: describe(info),
    });
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }

  /** On a fallback: try a better transport now and then; when it opens it takes over. */
  private scheduleUpgrade(): void {
    clearTimeout(this.upgradeTimer);
    if (this.kindIndex === 0 || this.stopped) return;
    const delay = this.options.upgradeIntervalMs * (0.5 + this.options.random());
    this.upgradeTimer = setTimeout(() => void this.startProbe(), delay);
  }

  private async startProbe(): Promise<void> {
    if (this.stopped || this.probe || !this.transport || this.kindIndex === 0) return;
    const kind = this.options.transports[this.probeIndex % this.kindIndex]!;
    this.probeIndex++;
    let token: string;
    try {
      token = await this.tokens.current();
    } catch {
      this.scheduleUpgrade();
      return;
    }
    if (this.stopped || this.probe || !this.transport) return;
    const probe = this.create(kind);
    this.probe = probe;
    probe.start(token);
  }

  /** The probe opened: it replaces the fallback, which stops before the probe reads anything more. */
  private adoptProbe(): void {
    const probe = this.probe!;
    this.transport?.close();
    this.transport = probe;
    this.probe = undefined;
    this.kindIndex = this.options.transports.indexOf(probe.kind);
    this.failuresAtKind = 0;
  }

  private onNetwork(online: boolean): void {
    if (this.stopped) return;
    if (!online && !this.transport) {
      clearTimeout(this.reconnectTimer);
      this.setState({ status: 'offline', nextRetryAt: null, lastError: 'the device is offline' });
    } else if (online && !this.transport) {
      clearTimeout(this.reconnectTimer);
      const delay = this.options.random() * this.options.backoff.baseMs;
      this.setState({ nextRetryAt: this.options.now() + delay });
      this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    }
  }

  private setState(patch: Partial<Omit<ConnectionState, 'role'>>): void {
    this.current = { ...this.current, ...patch };
    this.sink.state(this.current);
  }
}

function describe(info: CloseInfo): string {
  if (info.byClient === 'connect-timeout') return 'the connection did not open in time';
  if (info.byClient === 'heartbeat-timeout') return 'no answer to ping';
  if (info.byClient === 'token-rejected') return 'the new token was refused';
  if (info.status !== undefined) return `refused with HTTP ${info.status}`;
  if (info.code !== undefined) return `closed ${info.code}${info.reason ? ` (${info.reason})` : ''}`;
  if (info.error instanceof Error) return info.error.message;
  return 'the connection ended';
}
