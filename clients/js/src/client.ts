import { PulseError } from './core/errors.js';
import { ListenerRegistry, type ChannelHandlers } from './core/listeners.js';
import { PositionBook } from './core/positions.js';
import { INITIAL_STATE, Observable, type ConnectionState } from './core/state.js';
import { readJwtClaims, TokenKeeper } from './core/token.js';
import { ConnectionEngine, type EngineOptions, type EngineSink } from './engine/engine.js';
import { engineOptions, type PulseClientOptions } from './options.js';
import type { EventFrame, HistoryFrame, Position, Presence } from './protocol/frames.js';
import { TabCoordinator, type Link, type TabHost } from './tabs/coordinator.js';
import { browserTabs, type TabsOptions } from './tabs/environment.js';

/**
 * The page's one realtime client: every component subscribes through it, and it keeps one connection for all of them
 * (and, with tabs on, for all tabs of the origin). This is seed 000's singleton socket with its listener ids, minus
 * the module globals: make one `PulseClient` per signed-in user (React: hand it to `PulseProvider` from `@pulse/client/react`).
 *
 * ```ts
 * const pulse = new PulseClient({ url: 'http://localhost:8080', getToken: () => session.accessToken() });
 * const id = pulse.subscribe('ocs:job:RIS', { onEvent: (e) => worklist.apply(e.data), onReset: () => worklist.reload() });
 * pulse.unsubscribe(id);
 * ```
 */
export class PulseClient {
  private readonly registry: ListenerRegistry;
  private readonly book = new PositionBook();
  private readonly tokens: TokenKeeper;
  private readonly engineSettings: EngineOptions;
  private readonly stateValue = new Observable<ConnectionState>(INITIAL_STATE);
  private readonly positionsValue = new Observable<Record<string, Position>>({});
  private link: Link | undefined;
  private starting: Promise<void> | undefined;
  private connectAsked = false;
  private closed = false;

  constructor(private readonly options: PulseClientOptions) {
    this.engineSettings = engineOptions(options);
    this.tokens = new TokenKeeper(options.getToken, this.engineSettings.now, options.tokenRefreshMarginMs);
    this.registry = new ListenerRegistry(
      options.dedupeCapacity ?? 10_000,
      options.onListenerError ?? ((error) => console.error('[pulse] a listener threw', error)),
    );
    this.book.watch(() => this.positionsValue.update(this.book.snapshot()));
  }

  /**
   * Listens to a channel; returns the id to {@link unsubscribe} with. The first listener of a channel subscribes it on
   * the server (live from now); later ones share that subscription. Connects on first use.
   */
  subscribe<T = unknown>(channel: string, handlers: ChannelHandlers<T>): string {
    if (this.closed) throw new Error('this PulseClient is closed');
    const { id, first } = this.registry.add(channel, handlers);
    if (first) this.channelsChanged();
    return id;
  }

  /** Stops a listener; the channel's last listener leaving unsubscribes it on the server. Unknown ids are ignored. */
  unsubscribe(id: string): void {
    const removed = this.registry.remove(id);
    if (removed?.last) this.channelsChanged();
  }

  /** Connects even before any subscription (the channels the server joins on connect are then received). */
  connect(): void {
    this.connectAsked = true;
    this.ensureLink().then(
      () => this.link?.connect(),
      () => {},
    );
  }

  /** Ends the connection (a leader tab hands it over) and every timer. The client cannot be used again. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.link?.stop();
    this.link = undefined;
    this.stateValue.update({ ...this.stateValue.get(), status: 'closed', nextRetryAt: null });
  }

  /** The connection state now; the same object until it changes (fit for `useSyncExternalStore`). */
  getState(): ConnectionState {
    return this.stateValue.get();
  }

  /** Calls `listener` on every state change; returns the function that stops it. */
  onState(listener: (state: ConnectionState) => void): () => void {
    return this.stateValue.subscribe(listener);
  }

  /** The last resume point per channel (what a reconnect would send as `since`). */
  getPositions(): Readonly<Record<string, Position>> {
    return this.positionsValue.get();
  }

  onPositions(listener: (positions: Readonly<Record<string, Position>>) => void): () => void {
    return this.positionsValue.subscribe(listener);
  }

  /** How many connections and users are on the channel across every instance (channels that keep presence). */
  async presence(channel: string): Promise<Presence> {
    await this.ensureLink();
    return this.link!.presence(channel);
  }

  /** The channel's last events the server holds, oldest first. */
  async history(channel: string, limit = 100): Promise<HistoryFrame> {
    await this.ensureLink();
    return this.link!.history(channel, limit);
  }

  private channelsChanged(): void {
    if (this.link) this.link.channelsChanged();
    else this.ensureLink().catch(() => {});
  }

  private ensureLink(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('this PulseClient is closed'));
    if (!this.starting) {
      this.starting = this.startLink().catch((error: unknown) => {
        // getToken() failed before anything could start: tell the listeners, try again on the next call
        this.starting = undefined;
        this.registry.errorAll(new PulseError('TOKEN', 'getToken() failed', undefined, error));
        throw error;
      });
    }
    return this.starting;
  }

  private async startLink(): Promise<void> {
    const tabs = this.tabsOptions();
    let link: Link;
    if (tabs) {
      // the tabs that share a connection must be the same user's
      const key = tabs.key ?? `${this.engineSettings.baseUrl}|${readJwtClaims(await this.tokens.current()).sub ?? ''}`;
      if (this.closed) return;
      link = new TabCoordinator(this.host(), {
        locks: tabs.locks,
        openChannel: tabs.openChannel,
        key,
        tabId: tabs.tabId ?? randomId(),
        requestTimeoutMs: tabs.requestTimeoutMs ?? 10_000,
      });
      this.stateValue.update({ ...this.stateValue.get(), role: 'follower', status: 'connecting' });
    } else {
      link = new SoloLink(this.host(), () => this.connectAsked);
    }
    this.link = link;
    link.start();
  }

  private tabsOptions(): (TabsOptions & Required<Pick<TabsOptions, 'locks' | 'openChannel'>>) | undefined {
    const { tabs } = this.options;
    if (tabs === false) return undefined;
    const found = browserTabs();
    if (tabs === undefined || tabs === true) return found;
    const locks = tabs.locks ?? found?.locks;
    const openChannel = tabs.openChannel ?? found?.openChannel;
    return locks && openChannel ? { ...tabs, locks, openChannel } : undefined;
  }

  private host(): TabHost {
    const registry = this.registry;
    return {
      book: this.book,
      localChannels: () => registry.channels(),
      deliver: (frame: EventFrame) => registry.deliver(frame),
      reset: (channel: string) => registry.reset(channel),
      channelError: (channel: string, error: PulseError) => registry.channelError(channel, error),
      error: (error: PulseError) => registry.errorAll(error),
      setState: (state: ConnectionState) => {
        if (!this.closed) this.stateValue.update(state);
      },
      createEngine: (sink: EngineSink) => new ConnectionEngine(this.engineSettings, this.tokens, this.book, sink),
      wantsConnection: () => this.connectAsked,
    };
  }
}

/** This tab's own connection, no sharing. */
class SoloLink implements Link {
  private readonly engine: ConnectionEngine;

  constructor(
    private readonly host: TabHost,
    private readonly connectAsked: () => boolean,
  ) {
    this.engine = host.createEngine({
      event: (frame) => host.deliver(frame),
      reset: (channel) => host.reset(channel),
      channelError: (channel, error) => host.channelError(channel, error),
      error: (error) => host.error(error),
      state: (state) => host.setState({ ...state, role: 'solo' }),
    });
  }

  start(): void {
    this.engine.setChannels(this.host.localChannels());
    if (this.connectAsked()) this.engine.start();
  }

  channelsChanged(): void {
    this.engine.setChannels(this.host.localChannels());
  }

  connect(): void {
    this.engine.start();
  }

  presence(channel: string): Promise<Presence> {
    return this.engine.presence(channel);
  }

  history(channel: string, limit: number): Promise<HistoryFrame> {
    return this.engine.history(channel, limit);
  }

  stop(): void {
    this.engine.stop();
  }
}

function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
