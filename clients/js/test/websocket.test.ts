import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { PulseClient } from '../src/client.js';
import type { ConnectionState } from '../src/core/state.js';
import { FakePulseServer } from './support/fake-server.js';
import { duplicates, fakeClient, record, sleep, waitFor } from './support/helpers.js';
import { makeToken } from './support/tokens.js';

let server: FakePulseServer;
const clients: PulseClient[] = [];
const track = (client: PulseClient) => (clients.push(client), client);

before(async () => {
  server = await new FakePulseServer().start();
});
after(() => server.stop());
afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await waitFor(() => server.openSockets.length === 0, 'sockets closed');
  Object.assign(server, { refuseHandshakes: [], closeOnOpen: [], answerPings: true, heartbeat: 25, acceptPositions: true });
  server.handshakes.length = 0;
  server.clientFrames.length = 0;
  server.invalidRefreshTokens.clear();
});

describe('one connection for the page', () => {
  it('shares one socket among every listener, subscribes each channel once, unsubscribes with its last listener', async () => {
    const client = track(fakeClient(server));
    const a1 = record(client, 'ch:a');
    const a2 = record(client, 'ch:a');
    const b = record(client, 'ch:b');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:b') === true && server.openSockets[0]!.channels.has('ch:a'), 'subscribed');
    assert.equal(server.handshakes.length, 1);
    const subscribes = server.clientFrames.filter((f) => f.type === 'subscribe').map((f) => f.channel);
    assert.deepEqual(subscribes.sort(), ['ch:a', 'ch:b']);

    const shared = server.publish(['ch:a', 'ch:b']);
    server.publish(['ch:a']);
    await waitFor(() => a1.events.length === 2 && b.events.length === 1, 'events');
    assert.deepEqual(a1.ids(), a2.ids());
    assert.deepEqual(b.ids(), [shared.id]);

    client.unsubscribe(a1.id);
    await sleep(30);
    assert.equal(server.clientFrames.filter((f) => f.type === 'unsubscribe').length, 0, 'ch:a still has a listener');
    client.unsubscribe(a2.id);
    await waitFor(() => server.clientFrames.some((f) => f.type === 'unsubscribe' && f.channel === 'ch:a'), 'unsubscribe');
    server.publish(['ch:a']);
    await sleep(30);
    assert.equal(a1.events.length, 2, 'a removed listener hears nothing more');
  });

  it('reports a refused channel to its listeners and does not ask for it again after a reconnect', async () => {
    const client = track(fakeClient(server));
    const refused = record(client, 'forbidden:x');
    const fine = record(client, 'ch:a');
    await waitFor(() => refused.errors.includes('FORBIDDEN'), 'FORBIDDEN');
    assert.deepEqual(fine.errors, []);
    server.dropAll();
    await waitFor(() => server.handshakes.length === 2 && server.openSockets[0]?.channels.has('ch:a') === true, 'back');
    assert.equal(server.clientFrames.filter((f) => f.channel === 'forbidden:x').length, 1);
  });

  it('answers presence and history over the socket', async () => {
    const client = track(fakeClient(server));
    record(client, 'vote:poll:7');
    await waitFor(() => client.getState().status === 'live', 'live');
    await waitFor(() => server.openSockets[0]?.channels.has('vote:poll:7') === true, 'joined');
    const stored = server.publish(['vote:poll:7']);
    assert.deepEqual(await client.presence('vote:poll:7'), { channel: 'vote:poll:7', clients: 1, users: 1 });
    const history = await client.history('vote:poll:7', 10);
    assert.deepEqual(history.events.map((e) => e.event.id), [stored.id]);
  });
});

describe('recovery', () => {
  it('after a drop, resubscribes with the last position: nothing lost, nothing twice, in order', async () => {
    const client = track(fakeClient(server));
    const a = record(client, 'ch:a');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:a') === true, 'subscribed');
    const sent = [server.publish(['ch:a']), server.publish(['ch:b']), server.publish(['ch:a'])];
    await waitFor(() => a.events.length === 2, 'before the drop');
    server.dropAll();
    sent.push(server.publish(['ch:a']), server.publish(['ch:a', 'ch:b']), server.publish(['ch:a']));
    await waitFor(() => a.events.length === 5, 'missed events replayed');
    sent.push(server.publish(['ch:a']));
    await waitFor(() => a.events.length === 6, 'live again');
    const expected = sent.filter((e) => e.channels.includes('ch:a')).map((e) => e.id);
    assert.deepEqual(a.ids(), expected);
    const resubscribe = server.clientFrames.filter((f) => f.type === 'subscribe' && f.channel === 'ch:a');
    assert.equal(resubscribe.length, 2);
    assert.equal(resubscribe[1]!.since, sent[2]!.after, 'the position of the last frame seen');
    assert.deepEqual(a.resets, []);
  });

  it('two channels recovered one after the other both get the missed event they share (the server names it once)', async () => {
    const client = track(fakeClient(server));
    const a = record(client, 'ch:a');
    const b = record(client, 'ch:b');
    await waitFor(() => server.openSockets[0]?.channels.size === 3, 'subscribed');
    server.publish(['ch:a', 'ch:b']);
    await waitFor(() => a.events.length === 1 && b.events.length === 1, 'first');
    server.dropAll();
    const shared = server.publish(['ch:a', 'ch:b']);
    const onlyB = server.publish(['ch:b']);
    await waitFor(() => a.events.length === 2 && b.events.length === 3, () => `a=${a.events.length} b=${b.events.length}`);
    assert.deepEqual(b.ids().slice(1), [shared.id, onlyB.id]);
  });

  it('recovers the channels joined on connect through the handshake\'s since, before any live event', async () => {
    const client = track(fakeClient(server));
    const mine = record(client, 'user:alice');
    await waitFor(() => client.getState().status === 'live', 'live');
    const first = server.publish(['user:alice']);
    await waitFor(() => mine.events.length === 1, 'first');
    server.dropAll();
    const missed = server.publish(['user:alice']);
    await waitFor(() => mine.events.length === 2, 'missed');
    assert.equal(server.handshakes[1]!.since, first.after);
    assert.equal(server.clientFrames.filter((f) => f.type === 'subscribe').length, 0, 'no subscribe for an auto-joined channel');
    assert.deepEqual(mine.ids(), [first.id, missed.id]);
  });

  it('advances a quiet channel with every frame, so its position stays current', async () => {
    const client = track(fakeClient(server));
    record(client, 'ch:quiet');
    record(client, 'ch:busy');
    await waitFor(() => server.openSockets[0]?.channels.size === 3, 'subscribed');
    const last = [server.publish(['ch:busy']), server.publish(['ch:busy'])][1]!;
    await waitFor(() => client.getPositions()['ch:quiet'] === last.after, 'quiet channel advanced');
  });

  it('beyond the history: recovered:false → onReset, then live', async () => {
    const client = track(fakeClient(server));
    const a = record(client, 'ch:a');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:a') === true, 'subscribed');
    server.publish(['ch:a']);
    await waitFor(() => a.events.length === 1, 'first');
    server.dropAll();
    server.publish(['ch:a']);
    server.trimHistory();
    await waitFor(() => a.resets.length === 1, 'reset');
    assert.deepEqual(a.resets, ['ch:a']);
    assert.equal(a.events.length, 1, 'the lost event is not pretended');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:a') === true, 'live');
    server.publish(['ch:a']);
    await waitFor(() => a.events.length === 2, 'live after the reset');
  });

  it('a position the server refuses (foreign) → onReset and a live subscription, for subscribed and auto-joined channels', async () => {
    const client = track(fakeClient(server));
    const a = record(client, 'ch:a');
    const mine = record(client, 'user:alice');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:a') === true, 'subscribed');
    server.publish(['ch:a', 'user:alice']);
    await waitFor(() => a.events.length === 1 && mine.events.length === 1, 'first');
    server.acceptPositions = false;
    server.dropAll();
    await waitFor(() => a.resets.length === 1 && mine.resets.length === 1, 'both reset');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:a') === true, 'ch:a live');
    server.publish(['ch:a', 'user:alice']);
    await waitFor(() => a.events.length === 2 && mine.events.length === 2, 'live after');
  });

  it('drops an event the server sends twice (an instance a few ms behind), and one event of two channels reaches each once', async () => {
    const client = track(fakeClient(server));
    const a = record(client, 'ch:a');
    const b = record(client, 'ch:b');
    await waitFor(() => server.openSockets[0]?.channels.size === 3, 'subscribed');
    const both = server.publish(['ch:a', 'ch:b']);
    await waitFor(() => a.events.length === 1 && b.events.length === 1, 'once each');
    server.resend(both);
    server.dropAll();
    await waitFor(() => server.handshakes.length === 2 && server.openSockets[0]?.channels.size === 3, 'reconnected');
    server.resend(both);
    const next = server.publish(['ch:a']);
    await waitFor(() => a.events.length === 2, 'next');
    assert.deepEqual(a.ids(), [both.id, next.id]);
    assert.deepEqual(b.ids(), [both.id]);
  });
});

describe('reconnect policy', () => {
  it('1013 "retry after 1s": waits that long (plus jitter) before the next handshake', async () => {
    server.closeOnOpen = [{ code: 1013, reason: 'user connection limit; retry after 1s' }];
    const client = track(fakeClient(server, { random: () => 0.5 }));
    record(client, 'ch:a');
    await waitFor(() => server.handshakes.length === 2, 'second handshake', 4_000);
    const gap = server.handshakes[1]!.at - server.handshakes[0]!.at;
    assert.ok(gap >= 1_000 && gap < 1_800, `gap ${gap} ms`);
    await waitFor(() => client.getState().status === 'live', 'live');
  });

  it('a 503 handshake with Retry-After: 1 waits a second (Node reads the header)', async () => {
    server.refuseHandshakes = [{ status: 503, headers: { 'Retry-After': '1' } }];
    const client = track(fakeClient(server, { random: () => 0 }));
    record(client, 'ch:a');
    await waitFor(() => server.handshakes.length === 2, 'second handshake', 4_000);
    const gap = server.handshakes[1]!.at - server.handshakes[0]!.at;
    assert.ok(gap >= 1_000 && gap < 1_300, `gap ${gap} ms`);
  });

  it('1012: back within restartJitterMs, without counting a failure; 4029: waits floodMs at least', async () => {
    const client = track(fakeClient(server, { backoff: { baseMs: 20, capMs: 200, restartJitterMs: 50, floodMs: 400 } }));
    record(client, 'ch:a');
    await waitFor(() => client.getState().status === 'live', 'live');
    server.closeAll(1012, 'restart');
    await waitFor(() => server.handshakes.length === 2 && client.getState().status === 'live', 'back after 1012');
    assert.ok(server.handshakes[1]!.at - server.handshakes[0]!.at < 300);
    assert.equal(client.getState().attempt, 0);
    server.closeAll(4029, 'flood');
    const closedAt = Date.now();
    await waitFor(() => server.handshakes.length === 3, 'back after 4029', 3_000);
    assert.ok(server.handshakes[2]!.at - closedAt >= 390, `${server.handshakes[2]!.at - closedAt} ms`);
  });

  it('failed handshakes back off exponentially with full jitter, capped', async () => {
    server.refuseHandshakes = Array.from({ length: 6 }, () => ({ status: 500 }));
    const client = track(
      fakeClient(server, { transports: ['websocket'], random: () => 0.999, backoff: { baseMs: 40, capMs: 400 } }),
    );
    record(client, 'ch:a');
    await waitFor(() => server.handshakes.length === 7, 'seven handshakes', 5_000);
    const gaps = server.handshakes.slice(1).map((h, i) => h.at - server.handshakes[i]!.at);
    const ceilings = [40, 80, 160, 320, 400, 400];
    gaps.forEach((gap, i) => assert.ok(gap >= ceilings[i]! * 0.95 && gap < ceilings[i]! + 150, `gap ${i}: ${gap} vs ${ceilings[i]}`));
  });

  it('a silent connection (no pong) is given up and replaced', async () => {
    server.heartbeat = 1;
    server.answerPings = false;
    const client = track(fakeClient(server, { pongTimeoutMs: 200 }));
    record(client, 'ch:a');
    await waitFor(() => server.handshakes.length === 2, 'reconnected after a missing pong', 4_000);
    assert.ok(server.clientFrames.some((f) => f.type === 'ping'));
  });
});

describe('tokens', () => {
  it('refreshes in band before exp: the same socket lives on with the new token', async () => {
    const reasons: string[] = [];
    const client = track(
      fakeClient(server, {
        getToken: ({ reason }) => (reasons.push(reason), makeToken({ sub: 'alice', ttlSeconds: 3 })),
      }),
    );
    const a = record(client, 'ch:a');
    await waitFor(() => server.clientFrames.some((f) => f.type === 'refresh'), 'refresh sent', 4_000);
    await sleep(1_500);
    assert.equal(server.handshakes.length, 1, 'no reconnect: the token was replaced in time');
    assert.deepEqual(reasons.slice(0, 2), ['initial', 'expiring']);
    server.publish(['ch:a']);
    await waitFor(() => a.events.length === 1, 'still live');
  });

  it('TOKEN_INVALID: asks getToken() again and sends the new one', async () => {
    const reasons: string[] = [];
    let n = 0;
    const tokens: string[] = [];
    const client = track(
      fakeClient(server, {
        getToken: ({ reason }) => {
          reasons.push(reason);
          const token = makeToken({ sub: 'alice', ttlSeconds: n++ === 0 ? 2 : 60 });
          tokens.push(token);
          if (n === 2) server.invalidRefreshTokens.add(token);
          return token;
        },
      }),
    );
    record(client, 'ch:a');
    await waitFor(() => server.clientFrames.filter((f) => f.type === 'refresh').length === 2, 'two refreshes', 4_000);
    assert.deepEqual(reasons, ['initial', 'expiring', 'rejected']);
    await sleep(1_200);
    assert.equal(server.handshakes.length, 1);
  });

  it('4001: gets a new token first, then reconnects with since; nothing lost', async () => {
    const reasons: string[] = [];
    const client = track(
      fakeClient(server, { getToken: ({ reason }) => (reasons.push(reason), makeToken({ sub: 'alice' })) }),
    );
    const a = record(client, 'ch:a');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:a') === true, 'subscribed');
    server.publish(['ch:a']);
    await waitFor(() => a.events.length === 1, 'first');
    server.closeAll(4001, 'token expired');
    server.publish(['ch:a']);
    await waitFor(() => a.events.length === 2, 'missed one recovered');
    assert.deepEqual(reasons, ['initial', 'rejected']);
    assert.notEqual(server.handshakes[1]!.token, server.handshakes[0]!.token);
  });
});

describe('connection state', () => {
  it('goes idle → connecting → live → reconnecting → live → closed, naming the transport', async () => {
    const client = track(fakeClient(server));
    const states: ConnectionState[] = [client.getState()];
    client.onState((state) => states.push(state));
    record(client, 'ch:a');
    await waitFor(() => client.getState().status === 'live', 'live');
    server.dropAll();
    await waitFor(() => states.filter((s) => s.status === 'live').length === 2, 'live again');
    client.close();
    const statuses = states.map((s) => s.status).filter((s, i, all) => s !== all[i - 1]);
    assert.deepEqual(statuses, ['idle', 'connecting', 'live', 'reconnecting', 'live', 'closed']);
    assert.equal(states.find((s) => s.status === 'live')!.transport, 'websocket');
    assert.equal(states.find((s) => s.status === 'live')!.user?.id, 'alice');
    assert.equal(duplicates(states.map((s) => JSON.stringify(s))).length, 0, 'no state is announced twice');
  });

  it('says offline after offlineAfterFailures failed attempts, and live once one works', async () => {
    server.refuseHandshakes = Array.from({ length: 4 }, () => ({ status: 500 }));
    const client = track(fakeClient(server, { transports: ['websocket'], offlineAfterFailures: 3 }));
    const statuses: string[] = [];
    client.onState((s) => statuses.push(s.status));
    record(client, 'ch:a');
    await waitFor(() => client.getState().status === 'live', 'live', 4_000);
    assert.ok(statuses.includes('offline'));
    assert.equal(statuses.indexOf('connecting') < statuses.indexOf('offline'), true);
  });
});
