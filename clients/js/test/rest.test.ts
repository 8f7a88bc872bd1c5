import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { GatewaySession } from '../src/auth/gateway-session.js';
import { createPulseApi, isProblem, PulseProblemError, type Order, type OrderConflict } from '../src/rest/index.js';
import { makeToken, readToken } from './support/tokens.js';

/**
 * A stand-in for the gateway in front of ocs-service, answering as `ocs-service/README.md` and `gateway/README.md`
 * say: ETag = version, If-Match → 412, a second accept → 409 with the conflict members, problem+json errors, token
 * rotation.
 */
class FakeGateway {
  readonly orders = new Map<string, Order>();
  readonly requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: unknown }> = [];
  readonly refreshTokens = new Set<string>();
  rejectedTokens = new Set<string>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => this.handle(req, res, text ? JSON.parse(text) : undefined));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: any): void {
    const url = new URL(req.url!, this.url);
    this.requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-Id': 'req-1', ...headers });
      res.end(value === undefined ? undefined : JSON.stringify(value));
    };
    const problem = (status: number, title: string, extra: object = {}, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/problem+json', 'X-Request-Id': 'req-1', ...headers });
      res.end(JSON.stringify({ type: 'about:blank', title, status, instance: url.pathname, ...extra }));
    };
    if (url.pathname === '/auth/token') {
      if (body?.password !== 'pulse') return problem(401, 'Unauthorized');
      return json(200, this.tokens(body.username));
    }
    if (url.pathname === '/auth/refresh') {
      if (!this.refreshTokens.delete(body?.refresh_token)) return problem(401, 'Unauthorized', { detail: 'refresh token used or unknown' });
      return json(200, this.tokens('dr.kim'));
    }
    const token = req.headers.authorization?.replace('Bearer ', '');
    if (!readToken(token) || this.rejectedTokens.has(token!)) return problem(401, 'Unauthorized', {}, { 'WWW-Authenticate': 'Bearer' });
    if (url.pathname === '/auth/logout') return json(204, undefined);
    const match = /^\/api\/ocs\/orders(?:\/([^/]+)(?:\/(accept|start|complete|cancel))?)?$/.exec(url.pathname);
    if (!match) return problem(404, 'Not Found');
    const [, id, action] = match;
    if (!id && req.method === 'POST') {
      if (!body?.patientId) return problem(400, 'Invalid request', { detail: 'Invalid fields: patientId', errors: [{ field: 'patientId', message: 'must not be blank' }] });
      const order: Order = {
        id: randomUUID(), patientId: body.patientId, doctorId: 'dr.kim', jobRole: body.jobRole, orderCode: body.orderCode,
        priority: body.priority ?? 'ROUTINE', notes: body.notes ?? null, status: 'REQUESTED', workerId: null, result: null,
        cancelReason: null, version: 1, createdAt: new Date().toISOString(), acceptedAt: null, startedAt: null,
        completedAt: null, cancelledAt: null,
      };
      this.orders.set(order.id, order);
      return json(201, order, { ETag: '"1"', Location: `/api/ocs/orders/${order.id}` });
    }
    if (!id) return json(200, { items: [...this.orders.values()], page: 0, size: 20, totalItems: this.orders.size, totalPages: 1 });
    const order = this.orders.get(id);
    if (!order) return problem(404, 'Not Found');
    if (!action) return json(200, order, { ETag: `"${order.version}"` });
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== '*' && ifMatch !== `"${order.version}"`) {
      return problem(412, 'Precondition Failed', { orderId: id, currentStatus: order.status, version: order.version }, { ETag: `"${order.version}"` });
    }
    if (action === 'accept' && order.status !== 'REQUESTED') {
      return problem(409, 'Action not allowed in this status', {
        detail: `Order ${id} is already accepted by ${order.workerId} (it is ${order.status}). Allowed now: start, cancel.`,
        orderId: id, action: 'accept', currentStatus: order.status, allowedActions: ['start', 'cancel'], workerId: order.workerId, version: order.version,
      }, { ETag: `"${order.version}"` });
    }
    const next: Order = { ...order, version: order.version + 1 };
    if (action === 'accept') Object.assign(next, { status: 'ACCEPTED', workerId: readToken(token)!.sub });
    if (action === 'start') next.status = 'IN_PROGRESS';
    if (action === 'complete') Object.assign(next, { status: 'COMPLETED', result: body.result });
    if (action === 'cancel') Object.assign(next, { status: 'CANCELLED', cancelReason: body.reason });
    this.orders.set(id, next);
    return json(200, next, { ETag: `"${next.version}"` });
  }

  private tokens(sub: string) {
    const refresh = randomUUID();
    this.refreshTokens.add(refresh);
    return { access_token: makeToken({ sub }), token_type: 'Bearer', expires_in: 1800, refresh_token: refresh, refresh_expires_in: 28800 };
  }
}

let gateway: FakeGateway;
before(async () => {
  gateway = await new FakeGateway().start();
});
after(() => gateway.stop());

describe('OCS over REST', () => {
  it('creates, reads, lists with filters and runs the lifecycle with If-Match', async () => {
    const api = createPulseApi({ url: gateway.url, getToken: () => makeToken({ sub: 'ris.park' }) });
    const created = await api.ocs.create({ patientId: 'P-1001', jobRole: 'RIS', orderCode: 'CT-HEAD', priority: 'STAT' });
    assert.equal(created.order.status, 'REQUESTED');
    assert.equal(created.etag, '"1"');
    const read = await api.ocs.get(created.order.id);
    assert.equal(read.order.id, created.order.id);

    await api.ocs.list({ jobRole: 'RIS', status: ['REQUESTED', 'ACCEPTED'], assigned: false, size: 50, sort: ['priority', '-createdAt'] });
    const listed = new URL(gateway.requests.at(-1)!.url, gateway.url).searchParams;
    assert.equal(listed.get('status'), 'REQUESTED,ACCEPTED');
    assert.equal(listed.get('assigned'), 'false');
    assert.equal(listed.get('sort'), 'priority,-createdAt');

    const accepted = await api.ocs.accept(created.order.id, { ifMatch: read.etag });
    assert.equal(gateway.requests.at(-1)!.headers['if-match'], '"1"');
    assert.equal(accepted.order.workerId, 'ris.park');
    const started = await api.ocs.start(created.order.id, { ifMatch: accepted.order.version });
    assert.equal(gateway.requests.at(-1)!.headers['if-match'], '"2"');
    const completed = await api.ocs.complete(created.order.id, 'No acute haemorrhage.', { ifMatch: started.etag });
    assert.equal(completed.order.status, 'COMPLETED');
    assert.deepEqual(gateway.requests.at(-1)!.body, { result: 'No acute haemorrhage.' });
  });

  it('turns RFC 9457 problems into typed PulseProblemErrors: 409 conflict members, 412 with the winning ETag, 400 fields', async () => {
    const api = createPulseApi({ url: gateway.url, getToken: () => makeToken({ sub: 'lis.choi' }) });
    const { order } = await api.ocs.create({ patientId: 'P-2', jobRole: 'LIS', orderCode: 'CBC' });
    await api.ocs.accept(order.id);

    const conflict = await api.ocs.accept(order.id).catch((e: unknown) => e);
    assert.ok(isProblem<OrderConflict>(conflict, 409));
    assert.equal(conflict.extensions.currentStatus, 'ACCEPTED');
    assert.deepEqual(conflict.extensions.allowedActions, ['start', 'cancel']);
    assert.equal(conflict.extensions.workerId, 'lis.choi');
    assert.equal(conflict.etag, '"2"');
    assert.equal(conflict.requestId, 'req-1');
    assert.match(conflict.message, /already accepted by lis.choi/);

    const stale = await api.ocs.cancel(order.id, 'twice', { ifMatch: 1 }).catch((e: unknown) => e);
    assert.ok(stale instanceof PulseProblemError && stale.status === 412 && stale.etag === '"2"');

    const invalid = await api.ocs.create({ patientId: '', jobRole: 'RIS', orderCode: 'X' }).catch((e: unknown) => e);
    assert.ok(isProblem(invalid, 400));
    assert.equal(invalid.fieldError('patientId'), 'must not be blank');
  });

  it('on 401 asks getToken() again (reason "rejected") and retries once', async () => {
    const stale = makeToken({ sub: 'dr.kim' });
    gateway.rejectedTokens.add(stale);
    const reasons: string[] = [];
    const api = createPulseApi({
      url: gateway.url,
      getToken: ({ reason }) => (reasons.push(reason), reason === 'initial' ? stale : makeToken({ sub: 'dr.kim' })),
    });
    const page = await api.ocs.list();
    assert.ok(Array.isArray(page.items));
    assert.deepEqual(reasons, ['initial', 'rejected']);
  });
});

describe('GatewaySession', () => {
  it('signs in, refreshes with rotation (concurrent refreshes share one request), signs out', async () => {
    const session = await GatewaySession.signIn({ url: gateway.url }, 'dr.kim', 'pulse');
    assert.equal(session.userId, 'dr.kim');
    const first = await session.getToken({ reason: 'initial' });
    assert.equal(first, session.accessToken);
    const before = gateway.requests.filter((r) => r.url === '/auth/refresh').length;
    const [a, b] = await Promise.all([session.getToken({ reason: 'expiring' }), session.getToken({ reason: 'rejected' })]);
    assert.equal(a, b);
    assert.notEqual(a, first);
    assert.equal(gateway.requests.filter((r) => r.url === '/auth/refresh').length, before + 1);
    await session.getToken({ reason: 'expiring' });
    await session.signOut();
    assert.equal(gateway.requests.at(-1)!.url, '/auth/logout');
    assert.equal(session.accessToken, undefined);
  });

  it('a wrong password is a 401 problem', async () => {
    const refused = await GatewaySession.signIn({ url: gateway.url }, 'dr.kim', 'nope').catch((e: unknown) => e);
    assert.ok(isProblem(refused, 401));
  });
});
