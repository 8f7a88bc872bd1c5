import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { PulseClient } from '../src/client.js';
import { FakePulseServer } from './support/fake-server.js';
import { FakeBroadcastHub, FakeLocks } from './support/fake-tabs.js';
import { duplicates, fakeClient, record, sleep, waitFor } from './support/helpers.js';
import { makeToken } from './support/tokens.js';

let server: FakePulseServer;
const clients: PulseClient[] = [];

before(async () => {
  server = await new FakePulseServer().start();
});
after(() => server.stop());
afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await waitFor(() => server.openSockets.length === 0, 'sockets closed');
  server.handshakes.length = 0;
  server.clientFrames.length = 0;
});

/** Tabs of one browser: one lock manager, one broadcast hub. */
function browser() {
  const locks = new FakeLocks();
  const hub = new FakeBroadcastHub();
  const tab = (tabId: string, sub = 'alice') => {
    const client = fakeClient(server, {
      getToken: () => makeToken({ sub }),
      tabs: { locks: locks.forTab(), openChannel: (name) => hub.open(name), tabId },
    });
    clients.push(client);
    return client;
  };
  return { locks, hub, tab };
}

describe('one socket for all tabs', () => {
  it('elects one leader that subscribes every tab\'s channels, and relays each event to the tabs that listen', async () => {
    const { tab } = browser();
    const [one, two, three] = [tab('one'), tab('two'), tab('three')];
    const a1 = record(one, 'ch:a');
    const b2 = record(two, 'ch:b');
    const a3 = record(three, 'ch:a');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:a') === true && server.openSockets[0].channels.has('ch:b'), 'union subscribed');
    await sleep(50);
    assert.equal(server.handshakes.length, 1, 'one socket for three tabs');
    assert.deepEqual([one, two, three].map((c) => c.getState().role), ['leader', 'follower', 'follower']);
    await waitFor(() => [two, three].every((c) => c.getState().status === 'live'), 'followers see the leader\'s state');

    const sent = [server.publish(['ch:a']), server.publish(['ch:a', 'ch:b']), server.publish(['ch:b'])];
    await waitFor(() => a1.events.length === 2 && b2.events.length === 2 && a3.events.length === 2, 'relayed');
    assert.deepEqual(a3.ids(), [sent[0]!.id, sent[1]!.id]);
    assert.deepEqual(b2.ids(), [sent[1]!.id, sent[2]!.id]);
    assert.deepEqual(three.getPositions()['ch:a'], one.getPositions()['ch:a'], 'followers mirror the positions');

    assert.deepEqual(await three.presence('ch:a'), { channel: 'ch:a', clients: 1, users: 1 }, 'asked through the leader');
  });

  it('a follower\'s last listener leaving unsubscribes the channel at the leader', async () => {
    const { tab } = browser();
    const one = tab('one');
    const two = tab('two');
    record(one, 'ch:a');
    const b = record(two, 'ch:b');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:b') === true, 'ch:b joined');
    two.unsubscribe(b.id);
    await waitFor(() => server.clientFrames.some((f) => f.type === 'unsubscribe' && f.channel === 'ch:b'), 'unsubscribed');
  });

  it('hands over when the leader tab closes: the next tab resumes from the mirrored positions, nothing lost or doubled', async () => {
    const { tab } = browser();
    const one = tab('one');
    const two = tab('two');
    const three = tab('three');
    record(one, 'ch:a');
    const a2 = record(two, 'ch:a');
    const b3 = record(three, 'ch:b');
    await waitFor(() => server.openSockets[0]?.channels.has('ch:b') === true && server.openSockets[0].channels.has('ch:a'), 'joined');
    const sent = [server.publish(['ch:a', 'ch:b']), server.publish(['ch:a'])];
    await waitFor(() => a2.events.length === 2 && b3.events.length === 1, 'before');
    const lastRelayed = two.getPositions()['ch:a'];

    one.close();
    // events while nobody holds the socket
    sent.push(server.publish(['ch:a', 'ch:b']), server.publish(['ch:b']));
    await waitFor(() => two.getState().role === 'leader', 'tab two leads');
    await waitFor(() => server.openSockets.length === 1 && server.openSockets[0]!.channels.has('ch:b'), 'new socket');
    sent.push(server.publish(['ch:a', 'ch:b']));
    await waitFor(() => a2.events.length === 4 && b3.events.length === 4, () => `all events after the hand-over: a2=${a2.events.length} b3=${b3.events.length} frames=${JSON.stringify(server.clientFrames)} hs=${JSON.stringify(server.handshakes.map(h=>h.since))}`);
    await sleep(50);
    const expectA = sent.filter((e) => e.channels.includes('ch:a')).map((e) => e.id);
    const expectB = sent.filter((e) => e.channels.includes('ch:b')).map((e) => e.id);
    assert.deepEqual([...a2.ids()].sort(), [...expectA].sort());
    assert.deepEqual([...b3.ids()].sort(), [...expectB].sort());
    // order holds per aggregate (events with the same audience), as the server promises; two channels recovered one
    // after the other may interleave different aggregates' events
    const sameAudience = (ids: string[], audience: string) =>
      ids.filter((id) => sent.find((e) => e.id === id)!.channels.join() === audience);
    assert.deepEqual(sameAudience(b3.ids(), 'ch:a,ch:b'), sameAudience(expectB, 'ch:a,ch:b'));
    assert.deepEqual(sameAudience(b3.ids(), 'ch:b'), sameAudience(expectB, 'ch:b'));
    assert.equal(duplicates([...a2.ids(), ...b3.ids().map((id) => `b${id}`)]).length, 0);
    const resumed = server.clientFrames.filter((f) => f.type === 'subscribe' && f.channel === 'ch:a').at(-1);
    assert.equal(resumed?.since, lastRelayed, 'the new leader resumed ch:a from the position tab two mirrored');
    assert.equal(three.getState().role, 'follower');
    assert.equal(three.getState().status, 'live');
  });

  it('keeps different users apart: their tabs do not share a socket', async () => {
    const { tab } = browser();
    const alice = tab('one', 'alice');
    const bob = tab('two', 'bob');
    record(alice, 'ch:a');
    record(bob, 'ch:a');
    await waitFor(() => server.openSockets.length === 2, 'two sockets');
    assert.deepEqual([alice, bob].map((c) => c.getState().role), ['leader', 'leader']);
  });
});
