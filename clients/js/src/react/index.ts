/**
 * `@pulse/client/react`: the seeds' hand-made hooks, replaced.
 *
 * - Seed 000's `subscribeOCSSocket` singleton plus `OCSNotificationProvider` becomes `<PulseProvider client={pulse}>`
 *   around the app and `usePulseChannel('ocs:job:RIS', { onEvent })` in each page: one connection, one listener per
 *   component, no duplicate toasts, and no "refresh 300 ms later" (events follow the commit).
 * - Seed 002's `useRealtimeWebSocket({ onMessage, autoReconnect })` becomes `usePulseChannel('vote:poll:7', …)` for
 *   the messages and `usePulseState()` for `isConnected` (`state.status === 'live'`); reconnecting, recovery and the
 *   polling fallback are the client's job, not the page's.
 *
 * Handlers are read through a ref, so passing a new object on every render does not resubscribe — the seed's
 * `useEffect` dependency loop that created toasts without end cannot happen here.
 */
import { createContext, createElement, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { PulseClient } from '../client.js';
import type { ChannelHandlers } from '../core/listeners.js';
import type { ConnectionState } from '../core/state.js';
import type { Position } from '../protocol/frames.js';

const PulseContext = createContext<PulseClient | null>(null);

/** Makes `client` the one every hook below uses. Create the client once per signed-in user, outside render. */
export function PulseProvider(props: { client: PulseClient; children?: ReactNode }): ReactNode {
  return createElement(PulseContext.Provider, { value: props.client }, props.children);
}

/** The provider's client (or the one passed). */
export function usePulseClient(client?: PulseClient): PulseClient {
  const provided = useContext(PulseContext);
  const found = client ?? provided;
  if (!found) throw new Error('usePulse… needs a <PulseProvider client={…}> above it, or a client argument');
  return found;
}

/**
 * Listens to `channel` while the component is mounted (and the channel stays the same); `null` listens to nothing.
 * The latest handlers are always the ones called.
 */
export function usePulseChannel<T = unknown>(
  channel: string | null,
  handlers: ChannelHandlers<T>,
  client?: PulseClient,
): void {
  const pulse = usePulseClient(client);
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (channel === null) return undefined;
    const id = pulse.subscribe<T>(channel, {
      onEvent: (event, context) => latest.current.onEvent?.(event, context),
      onReset: (name) => latest.current.onReset?.(name),
      onError: (error) => latest.current.onError?.(error),
    });
    return () => pulse.unsubscribe(id);
  }, [pulse, channel]);
}

/** The connection state (`status`, `transport`, `role`…), re-rendering on change only. */
export function usePulseState(client?: PulseClient): ConnectionState {
  const pulse = usePulseClient(client);
  return useSyncExternalStore(
    (onChange) => pulse.onState(onChange),
    () => pulse.getState(),
    () => pulse.getState(),
  );
}

/** The last resume point per channel (changes with every event: use where it is shown). */
export function usePulsePositions(client?: PulseClient): Readonly<Record<string, Position>> {
  const pulse = usePulseClient(client);
  return useSyncExternalStore(
    (onChange) => pulse.onPositions(onChange),
    () => pulse.getPositions(),
    () => pulse.getPositions(),
  );
}
