import { PulseError } from '../core/errors.js';
import type { PositionBook } from '../core/positions.js';
import type { ConnectionState } from '../core/state.js';
import type { ConnectionEngine, EngineSink } from '../engine/engine.js';
import type { EventFrame, HistoryFrame, Presence } from '../protocol/frames.js';
import type { BroadcastChannelLike, LockManagerLike } from './environment.js';
import { isTabMessage, type TabMessage } from './messages.js';

/** What the coordinator needs from the page's client. */
export interface TabHost {
  readonly book: PositionBook;
  localChannels(): Set<string>;
  deliver(frame: EventFrame): void;
  reset(channel: string): void;
  channelError(channel: string, error: PulseError): void;
  error(error: PulseError): void;
  setState(state: ConnectionState): void;
  createEngine(sink: EngineSink): ConnectionEngine;
  /** `connect()` was called: connect even without channels. */
  wantsConnection(): boolean;
}

/** How the page's client reaches the connection: directly ({@link SoloLink}) or through the leader tab. */
export interface Link {
  start(): void;
  channelsChanged(): void;
  connect(): void;
  presence(channel: string): Promise<Presence>;
  history(channel: string, limit: number): Promise<HistoryFrame>;
  stop(): void;
}

interface PendingRequest {
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One socket for all tabs of an origin (and user). Every tab asks for the same Web Lock; the tab that holds it is the
 * **leader** and runs the {@link ConnectionEngine} for the union of every tab's channels, relaying each event (with
 * its positions) over a `BroadcastChannel`; the others are **followers** that keep their own listeners and dedupe.
 *
 * Hand-over: a leader tab that closes or crashes releases the lock, the next waiting tab gets it and starts an
 * engine from the positions it mirrored from the last relayed event. Events the old leader received but never
 * relayed are replayed by the server; events relayed and replayed again are dropped by each tab's dedupe. So a
 * hand-over loses nothing and doubles nothing.
 */
export class TabCoordinator implements Link {
  private role: 'leader' | 'follower' = 'follower';
  private engine: ConnectionEngine | undefined;
  private channel: BroadcastChannelLike | undefined;
  private readonly needs = new Map<string, Set<string>>();
  private readonly requests = new Map<string, PendingRequest>();
  private readonly lockAbort = new AbortController();
  private releaseLock: (() => void) | undefined;
  private leaderTab: string | undefined;
  private lastState: Omit<ConnectionState, 'role'> | undefined;
  private nextRequest = 1;
  private stopped = false;
  private unwatchPage: (() => void) | undefined;

  constructor(
    private readonly host: TabHost,
    private readonly options: {
      locks: LockManagerLike;
      openChannel: (name: string) => BroadcastChannelLike;
      key: string;
      tabId: string;
      requestTimeoutMs: number;
    },
  ) {}

  get isLeader(): boolean {
    return this.role === 'leader';
  }

  start(): void {
    const name = `pulse:${this.options.key}`;
    this.channel = this.options.openChannel(name);
    this.channel.onmessage = (message) => {
      if (isTabMessage(message.data)) this.receive(message.data);
    };
    this.post({ t: 'hello', tab: this.options.tabId });
    this.announce();
    this.watchPageLifecycle();
    this.options.locks
      .request(name, { mode: 'exclusive', signal: this.lockAbort.signal }, () => {
        if (this.stopped) return Promise.resolve();
        this.becomeLeader();
        return new Promise<void>((resolve) => (this.releaseLock = resolve));
      })
      .catch(() => {
        // aborted while waiting: this tab closed before its turn came
      });
  }

  channelsChanged(): void {
    if (this.role === 'leader') this.engine?.setChannels(this.wanted());
    else this.announce();
  }

  connect(): void {
    if (this.role === 'leader') this.engine?.start();
  }

  presence(channel: string): Promise<Presence> {
    if (this.engine) return this.engine.presence(channel);
    return this.relay<Presence>({ kind: 'presence', channel });
  }

  history(channel: string, limit: number): Promise<HistoryFrame> {
    if (this.engine) return this.engine.history(channel, limit);
    return this.relay<HistoryFrame>({ kind: 'history', channel, limit });
  }

  stop(): void {
    if (this.stopped) return;
    this.post({ t: 'bye', tab: this.options.tabId });
    // silent from here: the engine's last state ("closed") is this tab's, not the others'
    this.stopped = true;
    this.engine?.stop();
    this.engine = undefined;
    this.releaseLock?.();
    this.lockAbort.abort();
    for (const pending of this.requests.values()) {
      clearTimeout(pending.timer);
      pending.reject(new PulseError('CLOSED_BY_CLIENT', 'the client was closed'));
    }
    this.requests.clear();
    this.unwatchPage?.();
    this.channel?.close();
  }

  /**
   * A page going away (or into the back/forward cache) tells the others its channels are no longer wanted; coming
   * back from the cache it announces them again. A leader's lock is released by the browser itself.
   */
  private watchPageLifecycle(): void {
    const target = globalThis as unknown as {
      addEventListener?: (type: string, listener: (event: { persisted?: boolean }) => void) => void;
      removeEventListener?: (type: string, listener: (event: { persisted?: boolean }) => void) => void;
    };
    if (typeof target.addEventListener !== 'function') return;
    const hide = () => this.post({ t: 'bye', tab: this.options.tabId });
    const show = (event: { persisted?: boolean }) => {
      if (event.persisted) this.announce();
    };
    target.addEventListener('pagehide', hide);
    target.addEventListener('pageshow', show);
    this.unwatchPage = () => {
      target.removeEventListener?.('pagehide', hide);
      target.removeEventListener?.('pageshow', show);
    };
  }

  /** Every tab's channels: this tab's own and those the others announced. */
  private wanted(): Set<string> {
    const all = this.host.localChannels();
    for (const channels of this.needs.values()) for (const channel of channels) all.add(channel);
    return all;
  }

  private announce(): void {
    this.post({ t: 'need', tab: this.options.tabId, channels: [...this.host.localChannels()] });
  }

  private becomeLeader(): void {
    this.role = 'leader';
    this.leaderTab = this.options.tabId;
    const wanted = this.wanted();
    // positions of channels no remaining tab wants would replay a gap nobody listened to
    for (const channel of Object.keys(this.host.book.snapshot())) {
      if (!wanted.has(channel)) this.host.book.forget(channel);
    }
    this.engine = this.host.createEngine(this.relayingSink());
    this.post({ t: 'leader', tab: this.options.tabId });
    this.engine.setChannels(wanted);
    if (this.host.wantsConnection()) this.engine.start();
  }

  private relayingSink(): EngineSink {
    const { host } = this;
    const book = () => ({ positions: host.book.snapshot(), autoJoined: host.book.autoJoined });
    return {
      event: (frame) => {
        host.deliver(frame);
        this.post({ t: 'event', frame, ...book() });
      },
      reset: (channel) => {
        host.reset(channel);
        this.post({ t: 'reset', channel });
      },
      channelError: (channel, error) => {
        host.channelError(channel, error);
        this.post({ t: 'channel-error', channel, code: error.code, message: error.message });
      },
      error: (error) => {
        host.error(error);
        this.post({ t: 'error', code: error.code, message: error.message });
      },
      state: (state) => {
        this.lastState = state;
        host.setState({ ...state, role: 'leader' });
        this.post({ t: 'state', state, ...book() });
      },
    };
  }

  private receive(message: TabMessage): void {
    if (this.stopped) return;
    const { host } = this;
    const leading = this.role === 'leader';
    switch (message.t) {
      case 'need':
        this.needs.set(message.tab, new Set(message.channels));
        if (leading) this.engine?.setChannels(this.wanted());
        return;
      case 'bye':
        this.needs.delete(message.tab);
        if (leading) this.engine?.setChannels(this.wanted());
        else if (message.tab === this.leaderTab && this.lastState) {
          // the leader left; until the next one reports, say so
          this.setFollowerState({ ...this.lastState, status: 'reconnecting', session: null });
        }
        return;
      case 'leader':
        this.leaderTab = message.tab;
        this.announce();
        return;
      case 'hello':
        if (leading && this.lastState) {
          this.post({
            t: 'state',
            state: this.lastState,
            positions: host.book.snapshot(),
            autoJoined: host.book.autoJoined,
          });
        }
        return;
      case 'event':
        if (leading) return;
        host.book.replace(message.positions, message.autoJoined);
        host.deliver(message.frame);
        return;
      case 'state':
        if (leading) return;
        host.book.replace(message.positions, message.autoJoined);
        this.setFollowerState(message.state);
        return;
      case 'reset':
        if (!leading) host.reset(message.channel);
        return;
      case 'channel-error':
        if (!leading) host.channelError(message.channel, new PulseError(message.code, message.message, message.channel));
        return;
      case 'error':
        if (!leading) host.error(new PulseError(message.code, message.message));
        return;
      case 'request':
        if (leading) void this.answer(message);
        return;
      case 'response': {
        if (message.tab !== this.options.tabId) return;
        const pending = this.requests.get(message.id);
        if (!pending) return;
        this.requests.delete(message.id);
        clearTimeout(pending.timer);
        if (message.ok) pending.resolve(message.value as never);
        else pending.reject(new PulseError(message.code, message.message));
        return;
      }
    }
  }

  private setFollowerState(state: Omit<ConnectionState, 'role'>): void {
    this.lastState = state;
    this.host.setState({ ...state, role: 'follower' });
  }

  private async answer(message: Extract<TabMessage, { t: 'request' }>): Promise<void> {
    const base = { t: 'response' as const, id: message.id, tab: message.tab };
    try {
      const value =
        message.kind === 'presence'
          ? await this.engine!.presence(message.channel)
          : await this.engine!.history(message.channel, message.limit);
      this.post({ ...base, ok: true, value });
    } catch (error) {
      const code = error instanceof PulseError ? error.code : 'TRANSPORT';
      this.post({ ...base, ok: false, code, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private relay<T>(
    request: { kind: 'presence'; channel: string } | { kind: 'history'; channel: string; limit: number },
  ): Promise<T> {
    const id = `${this.options.tabId}:${this.nextRequest++}`;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.requests.delete(id);
        reject(new PulseError('TIMEOUT', 'the leader tab did not answer'));
      }, this.options.requestTimeoutMs);
      this.requests.set(id, { resolve: resolve as (value: never) => void, reject, timer });
      this.post({ t: 'request', id, tab: this.options.tabId, ...request });
    });
  }

  private post(message: TabMessage): void {
    if (!this.channel || this.stopped) return;
    try {
      this.channel.postMessage(message);
    } catch {
      // a closed channel (the tab is going away): nothing to tell
    }
  }
}
