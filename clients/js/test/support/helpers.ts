import { WebSocket } from 'ws';
import { PulseClient } from '../../src/client.js';
import type { PulseClientOptions } from '../../src/options.js';
import type { CloudEvent } from '../../src/protocol/frames.js';
import type { WebSocketConstructor } from '../../src/transports/websocket-like.js';
import type { FakePulseServer } from './fake-server.js';
import { makeToken } from './tokens.js';

export const NodeWebSocket = WebSocket as unknown as WebSocketConstructor;

/** Polls `condition` every 5 ms until it holds; fails with `message` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, message: string | (() => string), timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for: ${typeof message === 'function' ? message() : message}`);
    }
    await sleep(5);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A client against the fake server with fast settings; every option can be overridden. */
export function fakeClient(server: FakePulseServer, options: Partial<PulseClientOptions> = {}): PulseClient {
  return new PulseClient({
    url: server.url,
    getToken: () => makeToken({ sub: 'alice' }),
    WebSocket: NodeWebSocket,
    tabs: false,
    network: null,
    connectTimeoutMs: 1_000,
    pollIntervalMs: 50,
    backoff: { baseMs: 20, capMs: 200, restartJitterMs: 20 },
    onListenerError: (error) => {
      throw error;
    },
    ...options,
  });
}

/** Subscribes and records what the channel's listener receives. */
export function record(client: PulseClient, channel: string) {
  const events: CloudEvent[] = [];
  const resets: string[] = [];
  const errors: string[] = [];
  const id = client.subscribe(channel, {
    onEvent: (event) => events.push(event),
    onReset: (name) => resets.push(name),
    onError: (error) => errors.push(error.code),
  });
  return { id, events, resets, errors, ids: () => events.map((event) => event.id) };
}

/** Asserts-friendly: how often each id occurs more than once. */
export function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}
