import type { BroadcastChannelLike, LockManagerLike } from '../../src/tabs/environment.js';

/**
 * Web Locks as browsers implement them for exclusive locks: requests for one name are granted in order, a lock is
 * held until its callback's promise settles, an aborted waiting request rejects. `crash(holder)` releases a lock as a
 * dying tab would, without its callback finishing.
 */
export class FakeLocks {
  private readonly queues = new Map<string, Array<{ grant: () => void; owner: FakeTabLocks }>>();
  private readonly held = new Map<string, { release: () => void; owner: FakeTabLocks }>();

  /** The `navigator.locks` of one tab. */
  forTab(): FakeTabLocks {
    return new FakeTabLocks(this);
  }

  request(owner: FakeTabLocks, name: string, signal: AbortSignal | undefined, callback: (lock: unknown) => Promise<unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          this.held.delete(name);
          resolve(undefined);
          this.next(name);
        };
        this.held.set(name, { release, owner });
        Promise.resolve(callback({ name })).then(release, release);
      };
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      const entry = { grant, owner };
      signal?.addEventListener('abort', () => {
        const index = queue.indexOf(entry);
        if (index >= 0) {
          queue.splice(index, 1);
          reject(new DOMException('aborted', 'AbortError'));
        }
      });
      queue.push(entry);
      if (!this.held.has(name)) this.next(name);
    });
  }

  /** The tab holding `name`'s lock dies: the lock goes to the next waiter. */
  crash(owner: FakeTabLocks): void {
    for (const [, holder] of this.held) if (holder.owner === owner) holder.release();
    for (const queue of this.queues.values()) {
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.owner === owner) queue.splice(i, 1);
    }
  }

  private next(name: string): void {
    const queue = this.queues.get(name);
    const entry = queue?.shift();
    if (!entry) return;
    // held from now: a request made before the grant runs must wait its turn
    this.held.set(name, { release: () => {}, owner: entry.owner });
    queueMicrotask(entry.grant);
  }
}

export class FakeTabLocks implements LockManagerLike {
  constructor(private readonly manager: FakeLocks) {}

  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown> {
    return this.manager.request(this, name, options.signal, callback);
  }
}

/**
 * BroadcastChannel semantics: a message reaches every other open channel of the same name (not the sender), in send
 * order, asynchronously, as a structured clone (JSON here, which is what the client sends).
 */
export class FakeBroadcastHub {
  private readonly channels = new Map<string, Set<FakeChannel>>();
  /** Every message posted, for assertions. */
  readonly log: unknown[] = [];

  open(name: string): FakeChannel {
    const channel = new FakeChannel(this, name);
    let set = this.channels.get(name);
    if (!set) this.channels.set(name, (set = new Set()));
    set.add(channel);
    return channel;
  }

  post(from: FakeChannel, message: unknown): void {
    this.log.push(message);
    const copy = JSON.stringify(message);
    for (const channel of this.channels.get(from.name) ?? []) {
      if (channel !== from) setTimeout(() => channel.deliver(JSON.parse(copy)), 0);
    }
  }

  close(channel: FakeChannel): void {
    this.channels.get(channel.name)?.delete(channel);
  }
}

export class FakeChannel implements BroadcastChannelLike {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  private closed = false;

  constructor(
    private readonly hub: FakeBroadcastHub,
    readonly name: string,
  ) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new DOMException('closed', 'InvalidStateError');
    this.hub.post(this, message);
  }

  deliver(data: unknown): void {
    if (!this.closed) this.onmessage?.({ data });
  }

  close(): void {
    this.closed = true;
    this.hub.close(this);
  }
}
