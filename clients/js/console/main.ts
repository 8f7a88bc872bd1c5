/**
 * The Pulse console: sign in as any demo user, then watch live delivery work — the connection's state and last resume
 * point, the channels the user may join, every event once, the inbox with its unread count, and the OCS worklist
 * updating live with its actions; the SPC control chart, the queue board and a patient's journey, a live poll with
 * presence, each for the roles that may use it. Built by esbuild (scripts/console.mjs) into the gateway's /console/.
 */
import { GatewaySession, PulseClient, createPulseApi } from '../src/index.js';
import type { ConnectionState, PulseApi } from '../src/index.js';
import { Channels, suggestedChannels } from './channels.js';
import { type Claims, byId, claimsOf, el, problemText } from './dom.js';
import { Inbox } from './inbox.js';
import { MyJourneyPanel, QueuePanel } from './journey.js';
import { SpcPanel } from './spc.js';
import { VotePanel } from './vote.js';
import { Worklist } from './worklist.js';

const origin = location.origin;

byId('sign-in').addEventListener('submit', (e) => {
  e.preventDefault();
  void signIn(byId<HTMLInputElement>('username').value.trim(), byId<HTMLInputElement>('password').value);
});

async function signIn(username: string, password: string): Promise<void> {
  byId('sign-in-error').textContent = '';
  let session: GatewaySession;
  try {
    session = await GatewaySession.signIn({ url: origin }, username, password);
  } catch (error) {
    byId('sign-in-error').textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  const claims = claimsOf(session.accessToken!);
  const api = createPulseApi({ url: origin, getToken: session.getToken });
  const pulse = new PulseClient({ url: origin, getToken: session.getToken });
  (window as unknown as { pulse: PulseClient }).pulse = pulse; // for a look from the browser's devtools

  byId('sign-in').hidden = true;
  byId('app').hidden = false;
  byId('who').hidden = false;
  byId('who').textContent = `${claims.name ?? claims.sub} (${claims.roles.join(', ')})`;
  byId('sign-out').hidden = false;
  byId('sign-out').addEventListener('click', () => {
    pulse.close();
    void session.signOut().finally(() => location.reload());
  });

  pulse.onState(showState);
  pulse.onPositions((positions) => {
    const last = Object.entries(positions).at(-1);
    byId('position').textContent = last ? `${last[1]} (${last[0]})` : '–';
  });

  const inbox = new Inbox(api);
  const worklist = Worklist.for(claims) ? new Worklist(api, claims) : undefined;
  const channels = new Channels(pulse, (event) => {
    worklist?.apply(event);
    inbox.changed();
  }, () => void worklist?.reload());

  const { home, more } = suggestedChannels(claims);
  byId('channel-suggestions').replaceChildren(...[...home, ...more].map((c) => el('option', { value: c })));
  byId('subscribe').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = byId<HTMLInputElement>('channel');
    if (input.value.trim()) channels.subscribe(input.value.trim());
    input.value = '';
  });
  home.forEach((channel) => channels.subscribe(channel));
  await Promise.all([worklist?.reload(), inbox.reload()].map((p) => p?.catch((error) => {
    byId('orders-error').textContent = String(error);
  })));
  await startPanels(api, pulse, claims);
}

/** The domain panels, each only for the roles its service lets use it; a panel that fails to load says why. */
async function startPanels(api: PulseApi, pulse: PulseClient, claims: Claims): Promise<void> {
  const loads: [string, Promise<void>][] = [];
  if (SpcPanel.for(claims)) loads.push(['spc-error', new SpcPanel(api, pulse, claims).reload()]);
  if (QueuePanel.for(claims)) {
    const queues = new QueuePanel(api, pulse, claims);
    loads.push(['queue-error', Promise.resolve().then(() => queues.start())]);
  }
  if (MyJourneyPanel.for(claims)) loads.push(['my-journey-error', new MyJourneyPanel(api, pulse, claims).reload()]);
  if (VotePanel.for(claims)) loads.push(['vote-error', new VotePanel(api, pulse, claims).reload()]);
  await Promise.all(loads.map(([errorId, load]) => load.catch((error) => { byId(errorId).textContent = problemText(error); })));
}

function showState(state: ConnectionState): void {
  const badge = byId('connection');
  badge.dataset.status = state.status;
  badge.textContent = state.status === 'live' ? `live (${state.transport})` : state.status;
  byId('state').textContent = state.status + (state.lastError ? ` — ${state.lastError}` : '');
  byId('transport').textContent = state.transport ?? '–';
  byId('role').textContent = state.role;
}
