import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { PulseClient } from '../src/client.js';
import { FakePulseServer } from './support/fake-server.js';
import { fakeClient, record, waitFor } from './support/helpers.js';

let server: FakePulseServer;
const clients: PulseClient[] = [];
const track = (client: PulseClient) => (clients.push(client), client);

before(async () => {
  server = await new FakePulseServer().start();
});
after(() => server.stop());
afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  Object.assign(server, { blockWebSocket: false, hangWebSocket: false, blockSse: false, blockPolling: false });
  await waitFor(() => server.openSockets.length === 0 && server.sseStreams.size === 0, 'all closed');
  server.handshakes.length = 0;
  server.sseRequests.length = 0;
  server.pollRequests.length = 0;
});

describe('SSE when WebSocket is blocked', () => {
  it('falls back after handshakes that never open, with the same subscription API, and resumes with Last-Event-ID', async () => {
    server.blockWebSocket = true;
    const client = track(fakeClient(server, { upgradeIntervalMs: 60_000 }));
    const a = record(client, 'ch:a');
    const b = record(client, 'ch:b');
    await waitFor(() => client.getState().status === 'live', 'live', 4_000);
    assert.equal(client.getState().transport, 'sse');
    assert.equal(server.handshakes.length, 2, 'two WebSocket tries before SSE');
    assert.equal(server.sseRequests[0]!.channels.split(',').sort().join(','), 'ch:a,ch:b');

    const sent = [server.publish(['ch:a']), server.publish(['ch:a', 'ch:b'])];
    await waitFor(() => a.events.length === 2 && b.events.length === 1, 'events over SSE');
    server.dropAll();
    sent.push(server.publish(['ch:a']));
    await waitFor(() => a.events.length === 3, 'missed event after the stream dropped');
    assert.equal(server.sseRequests.at(-1)!.lastEventId, sent[1]!.after);
    assert.deepEqual(a.ids(), sent.map((e) => e.id));
    assert.deepEqual(a.resets, []);
  });

  it('also when the handshake hangs: the connect timeout counts it as failed', async () => {
    server.hangWebSocket = true;
    const client = track(fakeClient(server, { connectTimeoutMs: 150 }));
    const a = record(client, 'ch:a');
    await waitFor(() => client.getState().transport === 'sse' && client.getState().status === 'live', 'sse', 4_000);
    assert.equal(server.handshakes.length, 2);
    await waitFor(() => [...server.sseStreams].some((s) => s.channels.has('ch:a')), 'streaming ch:a');
    server.publish(['ch:a']);
    await waitFor(() => a.events.length === 1, 'event over sse');
  });

  it('reopens the stream when a channel is added; the new channel is live-only, the others lose nothing', async () => {
    server.blockWebSocket = true;
    const client = track(fakeClient(server));
    const a = record(client, 'ch:a');
    await waitFor(() => client.getState().transport === 'sse' && client.getState().status === 'live', 'sse');
    const old = server.publish(['ch:a', 'ch:c']);
    await waitFor(() => a.events.length === 1, 'first');
    const c = record(client, 'ch:c');
    await waitFor(() => server.sseRequests.some((r) => r.channels.includes('ch:c')), 'reopened with ch:c');
    await waitFor(() => [...server.sseStreams].some((s) => s.channels.has('ch:c')), 'stream has ch:c');
    const next = server.publish(['ch:a', 'ch:c']);
    await waitFor(() => a.events.length === 2 && c.events.length === 1, 'both');
    assert.deepEqual(c.ids(), [next.id], 'ch:c gets nothing from before its subscription');
    assert.deepEqual(a.ids(), [old.id, next.id]);
  });
});

describe('no fallback for a transport that has worked', () => {
  it('stays on WebSocket while the server is away after a session, and comes back on it', async () => {
    const client = track(fakeClient(server, { upgradeIntervalMs: 60_000 }));
    const a = record(client, 'ch:a');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:a') === true, 'subscribed');
    const seen = server.publish(['ch:a']);
    await waitFor(() => a.events.length === 1, 'an event before the restart');
    assert.equal(client.getState().transport, 'websocket');

    server.blockWebSocket = true; // a restarting server refuses every handshake for a while
    server.dropAll();
    await waitFor(() => server.handshakes.length >= 6, 'several refused handshakes', 4_000);
    assert.equal(client.getState().transport, 'websocket', 'still WebSocket after refused handshakes');
    assert.equal(server.sseRequests.length + server.pollRequests.length, 0, 'no SSE stream, no poll');

    const missed = server.publish(['ch:a']);
    server.blockWebSocket = false;
    await waitFor(() => a.events.length === 2, 'the missed event, on WebSocket again', 4_000);
    assert.equal(client.getState().transport, 'websocket');
    assert.deepEqual(a.ids(), [seen.id, missed.id]);
  });
});

describe('polling when SSE is blocked too', () => {
  it('polls each channel from its position, delivers each event once per channel, and resets past the history', async () => {
    server.blockWebSocket = true;
    server.blockSse = true;
    const client = track(fakeClient(server));
    const a = record(client, 'ch:a');
    const b = record(client, 'ch:b');
    await waitFor(() => client.getState().status === 'live', 'live', 4_000);
    assert.equal(client.getState().transport, 'polling');
    await waitFor(() => client.getPositions()['ch:a'] !== undefined && client.getPositions()['ch:b'] !== undefined, 'positions');
    const sent = [server.publish(['ch:a']), server.publish(['ch:a', 'ch:b']), server.publish(['ch:b'])];
    await waitFor(() => a.events.length === 2 && b.events.length === 2, 'polled');
    assert.deepEqual(a.ids(), [sent[0]!.id, sent[1]!.id]);
    assert.deepEqual(b.ids(), [sent[1]!.id, sent[2]!.id]);

    server.blockPolling = true;
    await waitFor(() => client.getState().status !== 'live', 'polling fails');
    server.publish(['ch:a']);
    server.trimHistory();
    server.blockPolling = false;
    await waitFor(() => a.resets.length === 1, 'reset after the gap', 4_000);
  });
});

describe('back to WebSocket', () => {
  it('upgrades from a fallback once WebSocket works again, without losing or doubling events', async () => {
    server.blockWebSocket = true;
    const client = track(fakeClient(server, { upgradeIntervalMs: 300 }));
    const a = record(client, 'ch:a');
    await waitFor(() => client.getState().transport === 'sse' && client.getState().status === 'live', 'sse');
    const sent = [server.publish(['ch:a'])];
    await waitFor(() => a.events.length === 1, 'over sse');
    server.blockWebSocket = false;
    await waitFor(() => client.getState().transport === 'websocket' && server.openSockets[0]?.channels.has('ch:a') === true, 'upgraded', 4_000);
    await waitFor(() => server.sseStreams.size === 0, 'sse closed');
    sent.push(server.publish(['ch:a']), server.publish(['ch:a']));
    await waitFor(() => a.events.length === 3, 'over websocket');
    assert.deepEqual(a.ids(), sent.map((e) => e.id));
  });
});
