import type { CloudEvent, PulseApi, PulseClient } from '../src/index.js';
import { type Claims, attempt, byId, debounce, el, hasRole } from './dom.js';

interface Poll {
  id: number;
  title: string;
  status: string;
  maxChoices: number;
  options: { id: number; label: string }[];
}

interface Count {
  optionId: number;
  label: string;
  votes: number | null;
}

interface Stats {
  pollId: number;
  status: string;
  totalVoters: number;
  resultsVisible: boolean;
  options: Count[];
  myBallot: number[] | null;
  version: number;
}

/** A `vote.poll.tallied` event's data: the whole tally at its version (counts null while hidden). */
interface Tally {
  pollId: number;
  status: string;
  version: number;
  totalVoters: number;
  resultsVisible: boolean;
  options: Count[];
}

/** How often presence is asked again: the server counts on request, it does not push. */
const PRESENCE_EVERY_MS = 3_000;

/**
 * A live poll (vote-service) for EMPLOYEE, ADMIN and SYSTEMMANAGER: the open polls (the list follows `vote:polls`),
 * one poll's tallies kept current by `vote.poll.tallied` (a hidden tally refetches `/stats`, which knows whether this
 * user may see counts), a ballot for employees, and how many are online on the poll (presence).
 */
export class VotePanel {
  private poll: Poll | undefined;
  private polls: Poll[] = [];
  private subscription: string | undefined;
  private version = 0;
  private myBallot: number[] | null = null;
  private presenceTimer: ReturnType<typeof setInterval> | undefined;
  private readonly reloadListSoon = debounce(() => void this.reload(), 100);
  private readonly reloadStatsSoon = debounce(() => void this.reloadStats(), 50);

  constructor(private readonly api: PulseApi, private readonly pulse: PulseClient, private readonly claims: Claims) {
    byId('vote').hidden = false;
    byId<HTMLSelectElement>('poll-select').addEventListener('change', (e) => this.show(Number((e.target as HTMLSelectElement).value)));
    byId('ballot').addEventListener('submit', (e) => {
      e.preventDefault();
      const chosen = Array.from(byId('ballot').querySelectorAll<HTMLInputElement>('input[name="option"]:checked'), (i) => Number(i.value));
      void attempt('vote-error', async () => {
        await this.api.vote.request('PUT', `/polls/${this.poll?.id}/ballot`, { body: { optionIds: chosen } });
        this.reloadStatsSoon();
      });
    });
    pulse.subscribe('vote:polls', { onEvent: () => this.reloadListSoon(), onReset: () => this.reloadListSoon() });
  }

  static for(claims: Claims): boolean {
    return hasRole(claims, 'EMPLOYEE', 'ADMIN', 'SYSTEMMANAGER');
  }

  async reload(): Promise<void> {
    const { data } = await this.api.vote.request<{ items: Poll[] }>('GET', '/polls', { query: { status: 'open' } });
    this.polls = data.items;
    byId('poll-select').replaceChildren(...data.items.map((p) => el('option', { value: String(p.id) }, p.title)));
    if (this.poll && data.items.some((p) => p.id === this.poll!.id)) byId<HTMLSelectElement>('poll-select').value = String(this.poll.id);
    else if (data.items[0]) this.show(data.items[0].id);
    else byId('tally').replaceChildren(el('li', { class: 'meta' }, 'No open poll.'));
  }

  /** Shows one poll and follows its channel (leaving the previous poll's). */
  show(pollId: number): void {
    const poll = this.polls.find((p) => p.id === pollId);
    if (!poll) return;
    if (this.subscription) this.pulse.unsubscribe(this.subscription);
    clearInterval(this.presenceTimer);
    this.poll = poll;
    this.version = 0;
    byId<HTMLSelectElement>('poll-select').value = String(pollId);
    byId('poll-title').textContent = poll.title;
    const channel = `vote:poll:${pollId}`;
    this.subscription = this.pulse.subscribe(channel, {
      onEvent: (event) => this.onEvent(event),
      onReset: () => this.reloadStatsSoon(),
      onError: (error) => { byId('vote-error').textContent = `live tally refused: ${error.code ?? error.message}`; },
    });
    this.presenceTimer = setInterval(() => void this.presence(channel), PRESENCE_EVERY_MS);
    void this.presence(channel);
    void this.reloadStats();
  }

  private onEvent(event: CloudEvent): void {
    if (event.type !== 'vote.poll.tallied') return;
    const tally = event.data as Tally;
    if (tally.pollId !== this.poll?.id) return;
    if (tally.resultsVisible) this.render(tally);
    else this.reloadStatsSoon(); // hidden in the event: /stats shows counts to this user if they may see them
  }

  private async reloadStats(): Promise<void> {
    const poll = this.poll;
    if (!poll) return;
    await attempt('vote-error', async () => {
      const { data } = await this.api.vote.request<Stats>('GET', `/polls/${poll.id}/stats`);
      if (poll.id !== this.poll?.id) return;
      this.myBallot = data.myBallot;
      this.renderBallot();
      this.render(data);
    });
  }

  /** The tally, unless a newer version is shown already. */
  private render(tally: Tally | Stats): void {
    if (tally.version < this.version) return;
    this.version = tally.version;
    const root = byId('tally');
    root.dataset.version = String(tally.version);
    const most = Math.max(1, ...tally.options.map((o) => o.votes ?? 0));
    root.replaceChildren(...tally.options.map((o) => el('li', { 'data-option': String(o.optionId) },
      el('span', { class: 'label' }, o.label), ' ',
      el('span', { class: 'bar', style: `width: ${((o.votes ?? 0) / most) * 100}%`, 'aria-hidden': 'true' }), ' ',
      el('span', { 'data-votes': String(o.optionId), 'aria-label': `${o.label}: votes` }, o.votes == null ? 'hidden' : String(o.votes)))));
    byId('voters').textContent = String(tally.totalVoters);
    byId('poll-status').textContent = tally.status + (tally.resultsVisible ? '' : ' — counts shown after you vote or when it closes');
  }

  /** The ballot form: one choice per poll option, the user's current ballot checked; only employees vote. */
  private renderBallot(): void {
    const poll = this.poll!;
    const form = byId('ballot');
    form.hidden = !hasRole(this.claims, 'EMPLOYEE');
    const type = poll.maxChoices > 1 ? 'checkbox' : 'radio';
    byId('ballot-options').replaceChildren(...poll.options.map((o) => {
      const input = el('input', { type, name: 'option', value: String(o.id) }) as HTMLInputElement;
      input.checked = this.myBallot?.includes(o.id) ?? false;
      return el('label', { class: 'choice' }, input, ` ${o.label}`);
    }));
    byId('ballot-hint').textContent = poll.maxChoices > 1 ? `Up to ${poll.maxChoices} choices.` : '';
  }

  private async presence(channel: string): Promise<void> {
    try {
      const online = await this.pulse.presence(channel);
      if (channel !== `vote:poll:${this.poll?.id}`) return;
      byId('presence').textContent = String(online.users);
      byId('presence-clients').textContent = String(online.clients);
    } catch {
      byId('presence').textContent = '?';
    }
  }
}
