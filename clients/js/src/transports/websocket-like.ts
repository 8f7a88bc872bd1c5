/**
 * The part of the WHATWG `WebSocket` the client uses — the browser's, Node 22's global, or the `ws` package's (Node
 * 20 has no global `WebSocket`): `new PulseClient({ WebSocket })` takes any of them.
 */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export const OPEN = 1;

/**
 * Node's `ws` reports a refused handshake's HTTP answer through its `unexpected-response` event, which is how a Node
 * client honours `Retry-After` on a 503/429 (browsers never see the status). Duck-typed so no import of `ws` is
 * needed; returns false when `socket` is not a `ws` socket.
 */
export function onRefusedHandshake(
  socket: WebSocketLike,
  callback: (status: number, retryAfter: string | undefined) => void,
): boolean {
  const emitter = socket as unknown as {
    on?: (event: string, listener: (req: unknown, res: NodeLikeResponse) => void) => void;
    terminate?: () => void;
  };
  if (typeof emitter.on !== 'function' || typeof emitter.terminate !== 'function') return false;
  emitter.on('unexpected-response', (_req, res) => {
    const header = res.headers?.['retry-after'];
    callback(res.statusCode ?? 0, Array.isArray(header) ? header[0] : header);
    res.resume?.();
    // with a listener, ws leaves aborting to us; terminate() ends the handshake and emits error + close (1006)
    emitter.terminate!();
  });
  return true;
}

interface NodeLikeResponse {
  statusCode?: number;
  headers?: Record<string, string | string[] | undefined>;
  resume?: () => void;
}
