import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readToken } from './tokens.js';

/**
 * A stand-in for notification-service that speaks PROTOCOL.md v1 faithfully enough to test a client against it:
 * whole positions over two partitions, recovery with `since` (replay, then `subscribed`, then live; `recovered:false`
 * beyond the trimmed history; `BAD_REQUEST` for a foreign position), one frame per event per connection, auto-joined
 * channels, refresh, ping, presence, token expiry (4001), the close codes, SSE with `Last-Event-ID`, and the REST
 * events query. Test knobs refuse, block or drop what a real network or server would.
 */
export const TOPIC = 'test.events.v1';
const PARTITIONS = 2;

interface StoredEvent {
  id: string;
  channels: string[];
  partition: number;
  offset: number;
  /** The whole position right after this event. */
  after: string;
  event: Record<string, unknown>;
}

interface Member {
  sub: string;
  channels: Set<string>;
  delivered: Set<string>;
  send(frame: object, id?: string): void;
}

export interface FakeConnection extends Member {
  socket: WebSocket;
  url: URL;
  exp: number;
  received: Array<Record<string, unknown>>;
}

export interface Refusal {
  status: number;
  headers?: Record<string, string>;
}

export class FakePulseServer {
  readonly events: StoredEvent[] = [];
  readonly connections = new Set<FakeConnection>();
  readonly sseStreams = new Set<Member & { response: ServerResponse }>();
  /** Every WebSocket handshake, accepted or not, with its time and `since`. */
  readonly handshakes: Array<{ at: number; since: string | null; token: string | null }> = [];
  readonly sseRequests: Array<{ at: number; channels: string; lastEventId: string | undefined }> = [];
  readonly pollRequests: Array<{ at: number; channel: string; since: string | null }> = [];
  /** Frames clients sent, in order. */
  readonly clientFrames: Array<Record<string, unknown>> = [];
  /** Next handshakes answered with these HTTP statuses instead of upgrading. */
  refuseHandshakes: Refusal[] = [];
  /** Next accepted sockets closed at once with this code and reason (1013 "retry after 1s"). */
  closeOnOpen: Array<{ code: number; reason: string }> = [];
  /** WebSocket upgrades dropped without an answer: a proxy that blocks WebSocket. */
  blockWebSocket = false;
  /** WebSocket upgrades left unanswered: a proxy that swallows them (only the client's connect timeout ends it). */
  hangWebSocket = false;
  /** SSE requests dropped: a proxy that blocks streaming too. */
  blockSse = false;
  blockPolling = false;
  answerPings = true;
  heartbeat = 25;
  /** Tokens `refresh` refuses with TOKEN_INVALID. */
  readonly invalidRefreshTokens = new Set<string>();
  /** Channels joined on connect, per user. */
  autoJoin: (sub: string) => string[] = (sub) => [`user:${sub}`];
  /** Channels no one may join. */
  forbidden = (channel: string) => channel.startsWith('forbidden:');

  private readonly offsets = new Array<number>(PARTITIONS).fill(-1);
  private readonly trimmedThrough = new Array<number>(PARTITIONS).fill(-1);
  private nextPartition = 0;
  private server: Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<Socket>();
  private expiryTimer: ReturnType<typeof setInterval> | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((request, response) => this.http(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('upgrade', (request, socket, head) => this.upgrade(request, socket as Socket, head));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.expiryTimer = setInterval(() => this.checkExpiry(), 100);
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.expiryTimer);
    for (const connection of this.connections) connection.socket.terminate();
    for (const stream of this.sseStreams) stream.response.destroy();
    for (const socket of this.sockets) socket.destroy();
    this.wss.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The position now: every partition as far as published. */
  position(): string {
    return `${TOPIC}:` + this.offsets.map((offset, partition) => `${partition}:${offset}`).join(',');
  }

  /** Publishes an event for `channels`; each connection and stream in any of them gets it once. */
  publish(channels: string[], data: unknown = {}, type = 'test.thing.happened'): StoredEvent {
    const partition = this.nextPartition;
    this.nextPartition = (this.nextPartition + 1) % PARTITIONS;
    const offset = ++this.offsets[partition]!;
    const id = randomUUID();
    const stored: StoredEvent = {
      id,
      channels,
      partition,
      offset,
      after: this.position(),
      event: {
        specversion: '1.0',
        id,
        source: '/test',
        type,
        subject: 'thing-1',
        time: new Date().toISOString(),
        audience: channels.join(','),
        data,
      },
    };
    this.events.push(stored);
    for (const member of [...this.connections, ...this.sseStreams]) {
      const matched = channels.filter((channel) => member.channels.has(channel));
      if (matched.length === 0) continue;
      member.delivered.add(id);
      member.send({ type: 'event', channels: matched, position: stored.after, event: stored.event }, stored.after);
    }
    return stored;
  }

  /** Forgets the history so far: a `since` before now is answered `recovered:false`. */
  trimHistory(): void {
    this.offsets.forEach((offset, partition) => (this.trimmedThrough[partition] = offset));
  }

  /** Closes every socket with a close frame. */
  closeAll(code: number, reason = ''): void {
    for (const connection of this.connections) connection.socket.close(code, reason);
  }

  /** Drops every socket and stream without a close frame (the client sees 1006). */
  dropAll(): void {
    for (const connection of this.connections) connection.socket.terminate();
    for (const stream of this.sseStreams) stream.response.destroy();
  }

  /** Live WebSocket connections. */
  get openSockets(): FakeConnection[] {
    return [...this.connections];
  }

  // ---- recovery ------------------------------------------------------------------------------------------------

  /** Sends an event again to everyone in its channels, as an instance a few milliseconds behind would replay it. */
  resend(stored: StoredEvent): void {
    for (const member of [...this.connections, ...this.sseStreams]) {
      const matched = stored.channels.filter((channel) => member.channels.has(channel));
      if (matched.length > 0) member.send({ type: 'event', channels: matched, position: stored.after, event: stored.event }, stored.after);
    }
  }

  /** False: every position is refused as foreign (the service's topics changed under the client). */
  acceptPositions = true;

  private parse(since: string): number[] | undefined {
    if (!this.acceptPositions) return undefined;
    const match = new RegExp(`^${TOPIC.replace(/\./g, '\\.')}:(.*)$`).exec(since);
    if (!match) return undefined;
    const offsets = new Array<number>(PARTITIONS).fill(NaN);
    for (const pair of match[1]!.split(',')) {
      const [partition, offset] = pair.split(':').map(Number);
      if (partition === undefined || offset === undefined || !(partition in offsets)) return undefined;
      offsets[partition] = offset;
    }
    return offsets.some(Number.isNaN) ? undefined : offsets;
  }

  /** The channel's events after `since`, or not recovered when some were trimmed. */
  private recover(channel: string, since: number[]): { recovered: boolean; events: StoredEvent[] } {
    if (since.some((offset, partition) => offset < this.trimmedThrough[partition]!)) {
      return { recovered: false, events: [] };
    }
    return {
      recovered: true,
      events: this.events.filter((e) => e.channels.includes(channel) && e.offset > since[e.partition]!),
    };
  }

  private join(member: Member, channel: string, since: number[] | undefined, ref?: unknown): void {
    let recovered = false;
    if (since) {
      const recovery = this.recover(channel, since);
      recovered = recovery.recovered;
      member.channels.add(channel);
      for (const event of recovery.events) {
        if (member.delivered.has(event.id)) continue; // had it through another of its channels
        member.delivered.add(event.id);
        const matched = event.channels.filter((c) => member.channels.has(c));
        member.send({ type: 'event', channels: matched, position: event.after, event: event.event }, event.after);
      }
    } else {
      member.channels.add(channel);
    }
    if (ref !== 'sse') {
      member.send({ type: 'subscribed', channel, recovered, position: this.position(), ...(ref === undefined ? {} : { ref }) });
    }
  }

  // ---- WebSocket -----------------------------------------------------------------------------------------------

  private upgrade(request: IncomingMessage, socket: Socket, head: Buffer): void {
    const url = new URL(request.url ?? '/', this.url);
    const token = url.searchParams.get('access_token');
    this.handshakes.push({ at: Date.now(), since: url.searchParams.get('since'), token });
    if (this.blockWebSocket) {
      socket.destroy();
      return;
    }
    if (this.hangWebSocket) return;
    const refusal = this.refuseHandshakes.shift();
    if (refusal) {
      this.refuseRaw(socket, refusal.status, refusal.headers);
      return;
    }
    const claims = readToken(token);
    if (url.pathname !== '/ws' || !claims || claims.exp * 1000 <= Date.now()) {
      this.refuseRaw(socket, 401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.open(ws, url, claims));
  }

  private refuseRaw(socket: Socket, status: number, headers: Record<string, string> = {}): void {
    const body = JSON.stringify({ title: 'Refused', status, instance: '/ws' });
    const lines = [
      `HTTP/1.1 ${status} Refused`,
      'Content-Type: application/problem+json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  }

  private open(socket: WebSocket, url: URL, claims: { sub: string; exp: number }): void {
    const connection: FakeConnection = {
      socket,
      url,
      sub: claims.sub,
      exp: claims.exp,
      channels: new Set(),
      delivered: new Set(),
      received: [],
      send: (frame) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      },
    };
    const closing = this.closeOnOpen.shift();
    if (closing) {
      socket.close(closing.code, closing.reason);
      return;
    }
    this.connections.add(connection);
    socket.on('close', () => this.connections.delete(connection));
    socket.on('message', (data) => this.command(connection, data.toString()));
    const autoJoined = this.autoJoin(claims.sub);
    const sinceText = url.searchParams.get('since');
    const since = sinceText === null ? undefined : this.parse(sinceText);
    connection.send({
      type: 'connected',
      session: randomUUID(),
      user: { id: claims.sub, name: claims.sub, roles: ['ADMIN'] },
      channels: autoJoined,
      heartbeat: this.heartbeat,
      position: this.position(),
    });
    for (const channel of autoJoined) {
      if (since) this.join(connection, channel, since);
      else connection.channels.add(channel);
    }
    if (sinceText !== null && !since) {
      connection.send({ type: 'error', code: 'BAD_REQUEST', message: 'the handshake\'s "since" is not a position; joined live only' });
    }
  }

  private command(connection: FakeConnection, text: string): void {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(text);
    } catch {
      connection.send({ type: 'error', code: 'BAD_FRAME', message: 'not JSON' });
      return;
    }
    connection.received.push(frame);
    this.clientFrames.push(frame);
    const ref = frame.ref;
    const withRef = (reply: object) => (ref === undefined ? reply : { ...reply, ref });
    const channel = frame.channel as string;
    switch (frame.type) {
      case 'subscribe': {
        if (this.forbidden(channel)) {
          connection.send(withRef({ type: 'error', code: 'FORBIDDEN', message: `you may not subscribe to ${channel}` }));
          return;
        }
        let since: number[] | undefined;
        if (frame.since !== undefined) {
          since = this.parse(String(frame.since));
          if (!since) {
            connection.send(withRef({ type: 'error', code: 'BAD_REQUEST', message: '"since": not a position of this service' }));
            return;
          }
        }
        this.join(connection, channel, since, ref);
        return;
      }
      case 'unsubscribe':
        connection.channels.delete(channel);
        connection.send(withRef({ type: 'unsubscribed', channel }));
        return;
      case 'ping':
        if (this.answerPings) connection.send(withRef({ type: 'pong' }));
        return;
      case 'refresh': {
        const claims = readToken(frame.token as string);
        if (!claims || claims.sub !== connection.sub || claims.exp * 1000 <= Date.now() || this.invalidRefreshTokens.has(frame.token as string)) {
          connection.send(withRef({ type: 'error', code: 'TOKEN_INVALID', message: 'the token is invalid' }));
          return;
        }
        connection.exp = claims.exp;
        connection.send(withRef({ type: 'refreshed', expires: new Date(claims.exp * 1000).toISOString() }));
        return;
      }
      case 'presence': {
        connection.send(withRef({ type: 'presence', channel, ...this.presenceOf(channel) }));
        return;
      }
      case 'history': {
        const events = this.events.filter((e) => e.channels.includes(channel)).slice(-Number(frame.limit ?? 100));
        connection.send(withRef({ type: 'history', channel, position: this.position(), events: events.map((e) => ({ position: `${TOPIC}:${e.partition}:${e.offset}`, event: e.event })) }));
        return;
      }
      default:
        connection.send(withRef({ type: 'error', code: 'UNKNOWN_TYPE', message: `unknown type '${String(frame.type)}'` }));
    }
  }

  presenceOf(channel: string): { clients: number; users: number } {
    const members = [...this.connections, ...this.sseStreams].filter((m) => m.channels.has(channel));
    return { clients: members.length, users: new Set(members.map((m) => m.sub)).size };
  }

  private checkExpiry(): void {
    const now = Date.now();
    for (const connection of this.connections) {
      if (connection.exp * 1000 <= now) connection.socket.close(4001, 'token expired');
    }
  }

  // ---- HTTP: SSE, events, presence ------------------------------------------------------------------------------

  private http(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.url);
    const auth = request.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('access_token');
    const claims = readToken(auth);
    const problem = (status: number, detail: string, extra: object = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/problem+json' });
      response.end(JSON.stringify({ title: 'Problem', status, detail, instance: url.pathname, ...extra }));
    };
    if (url.pathname === '/sse') {
      const lastEventId = request.headers['last-event-id'] as string | undefined;
      this.sseRequests.push({ at: Date.now(), channels: url.searchParams.get('channels') ?? '', lastEventId });
      if (this.blockSse) return void request.socket.destroy();
    }
    if (url.pathname === '/api/notifications/events') {
      this.pollRequests.push({ at: Date.now(), channel: url.searchParams.get('channel') ?? '', since: url.searchParams.get('since') });
      if (this.blockPolling) return void request.socket.destroy();
    }
    if (!claims || claims.exp * 1000 <= Date.now()) return problem(401, 'The access token is invalid or expired.');
    if (url.pathname === '/sse') return this.sse(url, request, response, claims.sub);
    if (url.pathname === '/api/notifications/events') {
      const channel = url.searchParams.get('channel') ?? '';
      const sinceText = url.searchParams.get('since');
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const page = (body: object) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ channel, ...body }));
      };
      const entry = (e: StoredEvent) => ({ position: `${TOPIC}:${e.partition}:${e.offset}`, event: e.event });
      if (sinceText === null) {
        const latest = this.events.filter((e) => e.channels.includes(channel)).slice(-limit);
        return page({ recovered: true, position: this.position(), events: latest.map(entry) });
      }
      const since = this.parse(sinceText);
      if (!since) return problem(400, 'Invalid fields: since', { errors: [{ field: 'since', message: 'not a position' }] });
      const recovery = this.recover(channel, since);
      if (!recovery.recovered) return page({ recovered: false, position: this.position(), events: [] });
      const events = recovery.events.slice(0, limit);
      let next = since;
      if (events.length === recovery.events.length) next = this.parse(this.position())!;
      else for (const e of events) next = next.map((offset, p) => (p === e.partition ? e.offset : offset));
      return page({ recovered: true, position: `${TOPIC}:` + next.map((o, p) => `${p}:${o}`).join(','), events: events.map(entry) });
    }
    if (url.pathname === '/api/notifications/presence') {
      const channel = url.searchParams.get('channel') ?? '';
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return void response.end(JSON.stringify({ channel, ...this.presenceOf(channel) }));
    }
    problem(404, 'no such endpoint');
  }

  private sse(url: URL, request: IncomingMessage, response: ServerResponse, sub: string): void {
    const channels = (url.searchParams.get('channels') ?? '').split(',').filter(Boolean);
    const lastEventId = request.headers['last-event-id'] as string | undefined;
    const since = lastEventId === undefined ? undefined : this.parse(lastEventId);
    if (lastEventId !== undefined && !since) {
      response.writeHead(400, { 'Content-Type': 'application/problem+json' });
      return void response.end(JSON.stringify({ title: 'Invalid request', status: 400, errors: [{ field: 'Last-Event-ID', message: 'not a position' }] }));
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    const stream = {
      sub,
      response,
      channels: new Set<string>(),
      delivered: new Set<string>(),
      send: (frame: object, id?: string) => {
        response.write(`${id ? `id:${id}\n` : ''}data:${JSON.stringify(frame)}\n\n`);
      },
    };
    let recovered = since !== undefined;
    for (const channel of channels) {
      if (since) recovered = this.recover(channel, since).recovered && recovered;
      this.join(stream, channel, since, 'sse');
    }
    const position = this.position();
    response.write(`id:${position}\nevent:subscribed\ndata:${JSON.stringify({ channels, recovered, position })}\n\n`);
    this.sseStreams.add(stream);
    response.on('close', () => this.sseStreams.delete(stream));
  }
}
