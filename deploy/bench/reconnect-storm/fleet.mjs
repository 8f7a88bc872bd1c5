// One process of @pulse/client clients (Node, `ws`), driven line by line over stdin/stdout by
// com.pulse.bench.socket.ClientRestartStorm, which restarts a real notification-service under them (issue 15,
// "Measure"). Every client subscribes `ocs:all` with the client's defaults (reconnect with full jitter, recovery from
// its resume point, dedupe by event id, SSE/polling fallbacks). Benchmark events carry their sequence number in
// `orderCode` ("B<seq>.<nanos>"); each client notes when it first got each one (a second copy the client let
// through counts as duplicated).
//
//   node fleet.mjs <base url> <token file> <from> <to> <capacity>
//
// open          → OPENED <clients live and subscribed> <their transports>
// attempts      → ATTEMPTS <epoch ms of every WebSocket handshake attempted since the last call, comma-separated or ->
// complete F L  → COMPLETE <clients holding every event F..L> <each such client's epoch ms of the last of them, ...>
// stats F L     → STATS <events of F..L missing, summed over clients> <duplicated> <resets> <transports>
// errors        → REASONS <why attempts ended since the last call (the client's lastError), most frequent first>
// close         → CLOSED
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const client = new URL('../../../clients/js/', import.meta.url);
const { PulseClient } = await import(new URL('dist/index.js', client).href);
const { WebSocket } = createRequire(new URL('package.json', client))('ws');

const [url, tokenFile, from, to, capacity] = process.argv.slice(2);
const tokens = readFileSync(tokenFile, 'utf8').split('\n').slice(Number(from), Number(to));
const now = () => performance.timeOrigin + performance.now();

let attempts = [];
const errors = new Map(); // why connections ended or failed, as the client reports it (lastError), and how often
// every handshake a client starts is one the server (or a gateway in front of it) sees, successful or not
class CountedWebSocket extends WebSocket {
  constructor(...args) {
    super(...args);
    attempts.push(Math.round(now()));
  }
}

const members = tokens.map((token, index) => {
  const pulse = new PulseClient({ url, getToken: () => token, WebSocket: CountedWebSocket, tabs: false, network: null });
  const member = { pulse, got: new Float64Array(Number(capacity)), duplicated: 0, resets: 0 };
  // users arrive over a few seconds, not in one millisecond: 2,000 first handshakes at once time out on two cores and
  // send clients to SSE before any storm (first-connect fallback), which is not what this benchmark measures
  setTimeout(() => subscribe(pulse, member), Math.floor(index / 50) * 250);
  return member;
});

function subscribe(pulse, member) {
  pulse.subscribe('ocs:all', {
    onEvent: (event) => {
      const seq = Number(/^B(\d+)\./.exec(event.data?.orderCode ?? '')?.[1]);
      if (!Number.isInteger(seq) || seq >= member.got.length) return;
      if (member.got[seq]) member.duplicated++;
      else member.got[seq] = now();
    },
    onReset: () => { member.resets++; },
  });
  let retryAt = null;
  pulse.onState((state) => {
    // an ended attempt schedules exactly one retry; other state changes repeat the last reason, so count here
    if (state.nextRetryAt && state.nextRetryAt !== retryAt && state.lastError) {
      errors.set(state.lastError, (errors.get(state.lastError) ?? 0) + 1);
    }
    retryAt = state.nextRetryAt;
  });
}

const live = (m) => m.pulse.getState().status === 'live' && m.pulse.getPositions()['ocs:all'] !== undefined;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function open() {
  const end = Date.now() + 120_000;
  while (!members.every(live) && Date.now() < end) await wait(50);
  return `OPENED ${members.filter(live).length} ${transports()}`;
}

function complete(first, last) {
  const times = [];
  for (const { got } of members) {
    let latest = 0;
    for (let seq = first; seq <= last; seq++) {
      if (!got[seq]) { latest = -1; break; }
      latest = Math.max(latest, got[seq]);
    }
    if (latest >= 0) times.push(Math.round(latest));
  }
  return `COMPLETE ${times.length} ${times.join(',') || '-'}`;
}

function stats(first, last) {
  let missing = 0;
  for (const { got } of members) for (let seq = first; seq <= last; seq++) if (!got[seq]) missing++;
  const duplicated = members.reduce((n, m) => n + m.duplicated, 0);
  const resets = members.reduce((n, m) => n + m.resets, 0);
  return `STATS ${missing} ${duplicated} ${resets} ${transports()}`;
}

function transports() {
  const count = {};
  for (const { pulse } of members) {
    const kind = pulse.getState().transport ?? 'none';
    count[kind] = (count[kind] ?? 0) + 1;
  }
  return Object.entries(count).map(([kind, n]) => `${kind}x${n}`).join(',');
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [command, a, b] = line.trim().split(' ');
  let answer;
  try {
    switch (command) {
      case 'open': answer = await open(); break;
      case 'attempts': answer = `ATTEMPTS ${attempts.join(',') || '-'}`; attempts = []; break;
      case 'complete': answer = complete(Number(a), Number(b)); break;
      case 'stats': answer = stats(Number(a), Number(b)); break;
      case 'errors': answer = `REASONS ${[...errors].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([e, n]) => `${n}x ${e}`).join(' | ').replace(/\s+/g, ' ') || '-'}`; errors.clear(); break;
      case 'close': for (const { pulse } of members) pulse.close(); answer = 'CLOSED'; break;
      default: answer = `ERROR unknown command ${command}`;
    }
  } catch (error) {
    answer = `ERROR ${String(error?.message ?? error).replace(/\s+/g, ' ')}`;
  }
  process.stdout.write(`${answer}\n`);
}
process.exit(0);
