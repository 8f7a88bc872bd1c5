// Reconnect storm (issue 15, "Measure"): N @pulse/client clients on one server lose their sockets at once; how hard
// do they come back? With full jitter (the client's default: random(0, 500 ms) after a drop) and without (everyone
// waits the same 500 ms). Prints, per mode: the peak handshake rate the server sees, each client's time back to live
// (median, p99, max), the time until every client has every event published while they were away, lost and
// duplicated events.
//
// The server is clients/js's fake notification-service (same protocol, in a worker thread: storm-server.mjs), so what
// is measured is the client's policy, not a service's capacity. Build first:
//   (cd clients/js && npm ci && npm run build && npm run build:test)
//   node deploy/bench/reconnect-storm/reconnect-storm.mjs --clients=1000 --missed=5 --runs=3
// STORM_DEBUG=1 also prints each mode's handshake times after the drop (every tenth, ms).
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

const client = new URL('../../../clients/js/', import.meta.url);
const { PulseClient } = await import(new URL('dist/index.js', client).href);
const { makeToken } = await import(new URL('build/test/support/tokens.js', client).href);
const { WebSocket } = createRequire(new URL('package.json', client))('ws');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const clients = Number(args.clients ?? 1000);
const missed = Number(args.missed ?? 5);
const runs = Number(args.runs ?? 1);
const modes = (args.modes ?? 'full-jitter,no-jitter').split(',');

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition, what, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await wait(20);
  }
}
const percentile = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;

async function storm(mode) {
  const worker = new Worker(new URL('storm-server.mjs', import.meta.url), { workerData: { client: client.href } });
  const ask = async (command, answer) => {
    const reply = once(worker, 'message');
    if (command) worker.postMessage(command);
    const [message] = await reply;
    if (message.type !== answer) throw new Error(`expected ${answer}, got ${message.type}`);
    return message;
  };
  const server = await ask(undefined, 'started');
  const fleet = [];
  for (let i = 0; i < clients; i++) {
    const token = makeToken({ sub: `storm-${i}`, ttlSeconds: 3600 });
    const pulse = new PulseClient({
      url: server.url, getToken: () => token, WebSocket, tabs: false, network: null,
      random: mode === 'no-jitter' ? () => 1 : Math.random,
    });
    const member = { pulse, received: new Map(), backAt: undefined };
    pulse.subscribe('storm', { onEvent: (event) => member.received.set(event.id, (member.received.get(event.id) ?? 0) + 1) });
    pulse.onState((state) => { if (state.status === 'live' && member.droppedAt !== undefined) member.backAt ??= performance.now(); });
    fleet.push(member);
  }
  await until(() => fleet.every((m) => m.pulse.getPositions().storm !== undefined), 'every client live and subscribed');
  await wait(5_500); // past stableAfterMs: each client's backoff starts from its first step, as after a long session

  const droppedAt = performance.now();
  for (const member of fleet) member.droppedAt = droppedAt;
  const { at: droppedAtWall, from, ids } = await ask({ type: 'drop', missed }, 'dropped');
  await until(() => fleet.every((m) => ids.every((id) => m.received.has(id))), 'every client to recover every event');
  const allRecovered = performance.now() - droppedAt;
  await wait(1_000); // a late duplicate would show now

  const handshakes = (await ask({ type: 'report', from }, 'report')).handshakes.map((at) => at - droppedAtWall);
  if (process.env.STORM_DEBUG) console.error(mode, "handshake offsets ms", [...handshakes].sort((a, b) => a - b).filter((_, i, all) => i % Math.ceil(all.length / 10) === 0));
  const perWindow = new Map();
  for (const at of handshakes) perWindow.set(Math.floor(at / 100), (perWindow.get(Math.floor(at / 100)) ?? 0) + 1);
  const back = fleet.map((m) => (m.backAt ?? NaN) - droppedAt).sort((a, b) => a - b);
  const lost = fleet.reduce((n, m) => n + ids.filter((id) => !m.received.has(id)).length, 0);
  const duplicated = fleet.reduce((n, m) => n + [...m.received.values()].filter((c) => c > 1).length, 0);
  for (const member of fleet) member.pulse.close();
  await ask({ type: 'stop' }, 'stopped');
  await worker.terminate();
  return {
    mode, clients, handshakes: handshakes.length,
    peakPerSecond: Math.max(...perWindow.values()) * 10,
    p50: percentile(back, 0.5), p99: percentile(back, 0.99), max: back.at(-1), allRecovered, lost, duplicated,
  };
}

const rows = [];
for (let run = 1; run <= runs; run++) for (const mode of modes) rows.push({ run, ...(await storm(mode)) });
const ms = (v) => v.toFixed(0);
console.log(`\nReconnect storm: ${clients} clients dropped at once (1006), ${missed} events published while they were away\n`);
console.log('| mode | run | handshakes | peak handshakes/s (100 ms windows) | back live p50 ms | p99 ms | max ms | all recovered ms | lost | duplicated |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.mode} | ${r.run} | ${r.handshakes} | ${r.peakPerSecond} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.allRecovered)} | ${r.lost} | ${r.duplicated} |`);
}
process.exit(0);
