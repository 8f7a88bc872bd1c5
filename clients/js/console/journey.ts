import type { CloudEvent, PulseApi, PulseClient } from '../src/index.js';
import { type Claims, attempt, byId, debounce, el, hasRole, time } from './dom.js';

interface BoardEntry {
  queue_number: number;
  patient_name: string;
  state: string;
  room: string | null;
  estimated_wait_time: number | null;
}

export interface Board {
  exam_id: string;
  exam_name: string;
  rooms_open: number;
  now_serving: BoardEntry[];
  called: BoardEntry[];
  waiting: BoardEntry[];
  timestamp: string;
}

interface QueueDetail {
  exam_id: string;
  exam_name: string;
  state: string;
  queue_number: number;
  estimated_wait_time: number | null;
  room: string | null;
}

export interface Journey {
  patient_id: string;
  journey_state: string;
  queue_details: QueueDetail[];
  appointments: { exam_id: string; exam_name: string; scheduled_at: string; status: string }[];
  available_actions: string[];
  timestamp: string;
  /** The patient's version: grows with every change (absent from servers before it was added). */
  version?: number;
}

/** One button per action the server offers now; `confirm_arrival` once per exam of today's appointments not yet queued. */
export function actionButtons(journey: Journey, run: (action: string, payload?: Record<string, string>) => void): HTMLElement[] {
  const queued = new Set(journey.queue_details.map((q) => q.exam_id));
  return journey.available_actions.flatMap((action) => {
    if (action !== 'confirm_arrival') return [button(action, action.replace(/_/g, ' '), () => run(action))];
    return journey.appointments.filter((a) => !queued.has(a.exam_id)).map((a) =>
      button(action, `confirm arrival: ${a.exam_name}`, () => run(action, { exam_id: a.exam_id }), a.exam_id));
  });
}

function button(action: string, label: string, onClick: () => void, exam?: string): HTMLElement {
  const b = el('button', { type: 'button', 'data-action': action, ...(exam ? { 'data-exam': exam } : {}) }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A journey (the `/me` shape) as text: state, queue entries, appointments; the buttons are added by the caller. */
function renderJourney(prefix: string, journey: Journey, run: (action: string, payload?: Record<string, string>) => void): void {
  const state = byId(`${prefix}-state`);
  state.textContent = journey.journey_state;
  state.dataset.state = journey.journey_state;
  byId(`${prefix}-queues`).replaceChildren(...journey.queue_details.map((q) => el('li', { 'data-exam': q.exam_id, 'data-queue-state': q.state },
    `${q.exam_name}: no. ${q.queue_number}, ${q.state}`,
    q.room ? ` — go to ${q.room}` : '', q.estimated_wait_time != null ? ` — about ${q.estimated_wait_time} min` : '')));
  byId(`${prefix}-appointments`).replaceChildren(...journey.appointments.map((a) =>
    el('li', {}, `${time(a.scheduled_at)} ${a.exam_name} (${a.status})`)));
  renderActions(byId(`${prefix}-actions`), journey, run);
}

/**
 * The action buttons, replaced only when the offered actions change: a reload that re-rendered the same buttons
 * between a press and its release would swallow the click.
 */
function renderActions(container: HTMLElement, journey: Journey, run: (action: string, payload?: Record<string, string>) => void): void {
  const actions = actionButtons(journey, run);
  const offered = JSON.stringify([journey.patient_id, ...actions.map((b) => [b.dataset.action, b.dataset.exam ?? ''])]);
  if (container.dataset.offered === offered) return;
  container.dataset.offered = offered;
  container.replaceChildren(...(actions.length ? actions : [el('span', { class: 'meta' }, 'Nothing to do now: the staff will call you.')]));
}

/**
 * The patient's own journey (journey-service `/api/journey/me`): the state and the actions the server offers now,
 * as buttons; every change of the patient's channel reloads it, and a call shows as an alert.
 */
export class MyJourneyPanel {
  private readonly reloadSoon = debounce(() => void this.reload(), 50);
  private shownVersion = -1;
  private shownAt = 0;

  constructor(private readonly api: PulseApi, pulse: PulseClient, claims: Claims) {
    byId('my-journey').hidden = false;
    pulse.subscribe(`journey:patient:${claims.patientId}`, {
      onEvent: (event) => this.onEvent(event),
      onReset: () => this.reloadSoon(),
    });
  }

  static for(claims: Claims): boolean {
    return hasRole(claims, 'PATIENT') && !!claims.patientId;
  }

  private onEvent(event: CloudEvent): void {
    if (event.type === 'journey.patient.called') {
      const call = event.data as { exam_name: string; room?: string; queue_number: number };
      byId('my-call').textContent = `You are called: ${call.exam_name}, no. ${call.queue_number}${call.room ? `, ${call.room}` : ''}`;
    }
    this.reloadSoon();
  }

  async reload(): Promise<void> {
    await attempt('my-journey-error', async () => this.show((await this.api.journey.request<Journey>('GET', '/me')).data));
  }

  /**
   * Shows a journey unless a newer one is shown already (an answer can arrive after the next event's reload). The
   * patient's version decides; a read's timestamp is when it was read, so a slow read of the old state can carry a
   * later timestamp than the action's answer.
   */
  private show(journey: Journey): void {
    if (journey.version != null) {
      if (journey.version < this.shownVersion) return;
      this.shownVersion = journey.version;
    } else {
      const at = Date.parse(journey.timestamp);
      if (at < this.shownAt) return;
      this.shownAt = at;
    }
    renderJourney('my', journey, (action, payload) => void attempt('my-journey-error', async () =>
      this.show((await this.api.journey.request<Journey>('POST', '/me/actions', { body: { action_type: action, payload } })).data)));
  }
}

/**
 * The staff's view (NURSE, DOCTOR, ADMIN act; SYSTEMMANAGER reads; a DISPLAY shows its department's board only): an
 * exam queue's board, replaced by each `journey.queue.updated` (the event carries the whole board), "call next", and
 * one patient's journey with the staff actions the server offers.
 */
export class QueuePanel {
  private exam: string | undefined;
  private boardSubscription: string | undefined;
  private boardAt = 0;
  private patient: string | undefined;
  private patientSubscription: string | undefined;
  private readonly reloadPatientSoon = debounce(() => void this.reloadPatient(), 50);

  constructor(private readonly api: PulseApi, private readonly pulse: PulseClient, private readonly claims: Claims) {
    const acts = hasRole(claims, 'NURSE', 'DOCTOR', 'ADMIN');
    const display = !hasRole(claims, 'NURSE', 'DOCTOR', 'ADMIN', 'SYSTEMMANAGER');
    byId('queues').hidden = false;
    byId('call-next').hidden = !acts;
    byId('patient-lookup').hidden = display;
    byId<HTMLSelectElement>('queue-exam').disabled = display;
    byId('queue-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.showBoard(byId<HTMLSelectElement>('queue-exam').value);
    });
    byId<HTMLSelectElement>('queue-exam').addEventListener('change', (e) => this.showBoard((e.target as HTMLSelectElement).value));
    byId('call-next').addEventListener('click', () => void attempt('queue-error', async () => {
      const { data } = await this.api.journey.request<Journey>('POST', `/queues/${this.exam}/call-next`, { body: {} });
      const entry = data.queue_details.find((q) => q.exam_id === this.exam && q.state === 'called');
      byId('queue-result').textContent = `Called patient ${data.patient_id}`
        + (entry ? `: no. ${entry.queue_number}${entry.room ? ` to ${entry.room}` : ''}` : '');
      this.showPatient(data.patient_id);
    }));
    byId('patient-lookup').addEventListener('submit', (e) => {
      e.preventDefault();
      this.showPatient(byId<HTMLInputElement>('patient-id').value.trim());
    });
  }

  static for(claims: Claims): boolean {
    return hasRole(claims, 'NURSE', 'DOCTOR', 'ADMIN', 'SYSTEMMANAGER') || (hasRole(claims, 'DISPLAY') && !!claims.department);
  }

  start(): void {
    const exam = hasRole(this.claims, 'NURSE', 'DOCTOR', 'ADMIN', 'SYSTEMMANAGER') ? 'XRAY' : this.claims.department!;
    const select = byId<HTMLSelectElement>('queue-exam');
    if (!Array.from(select.options).some((o) => o.value === exam)) select.append(el('option', { value: exam }, exam));
    this.showBoard(exam);
  }

  private showBoard(exam: string): void {
    if (exam === this.exam) return;
    if (this.boardSubscription) this.pulse.unsubscribe(this.boardSubscription);
    this.exam = exam;
    this.boardAt = 0;
    byId<HTMLSelectElement>('queue-exam').value = exam;
    this.boardSubscription = this.pulse.subscribe(`journey:queue:${exam}`, {
      onEvent: (event) => {
        if (event.type === 'journey.queue.updated') this.render(event.data as Board);
      },
      onReset: () => void this.reloadBoard(),
      onError: (error) => { byId('queue-error').textContent = `live board refused: ${error.code ?? error.message}`; },
    });
    void this.reloadBoard();
  }

  private async reloadBoard(): Promise<void> {
    const exam = this.exam;
    await attempt('queue-error', async () => {
      const { data } = await this.api.journey.request<Board>('GET', `/queues/${exam}`);
      if (exam === this.exam) this.render(data);
    });
  }

  /** The board, unless a newer one is shown already (a REST answer can arrive after the next event). */
  private render(board: Board): void {
    const at = Date.parse(board.timestamp);
    if (board.exam_id !== this.exam || at < this.boardAt) return;
    this.boardAt = at;
    const root = byId('board');
    root.dataset.exam = board.exam_id;
    const row = (e: BoardEntry) => el('li', { 'data-queue-number': String(e.queue_number), 'data-queue-state': e.state },
      el('strong', {}, `No. ${e.queue_number}`), ` ${e.patient_name} · ${e.state}`,
      e.room ? ` · ${e.room}` : '', e.estimated_wait_time != null ? ` · ~${e.estimated_wait_time} min` : '');
    const column = (id: string, title: string, entries: BoardEntry[]) => el('div', { class: 'column' },
      el('h3', { id: `${id}-title` }, `${title} `, el('span', { class: 'count', 'data-count': id }, String(entries.length))),
      el('ol', { 'aria-labelledby': `${id}-title`, 'data-column': id }, ...entries.map(row)));
    root.replaceChildren(
      column('board-serving', 'Now serving', board.now_serving),
      column('board-called', 'Called', board.called),
      column('board-waiting', 'Waiting', board.waiting));
    byId('board-meta').textContent = `${board.exam_name}: ${board.rooms_open} room(s) open · ${time(board.timestamp)}`;
  }

  private showPatient(patientId: string): void {
    if (!patientId) return;
    if (this.patientSubscription) this.pulse.unsubscribe(this.patientSubscription);
    this.patient = patientId;
    byId('staff-journey').hidden = false;
    byId('staff-patient').textContent = patientId;
    this.patientSubscription = this.pulse.subscribe(`journey:patient:${patientId}`, {
      onEvent: () => this.reloadPatientSoon(),
      onReset: () => this.reloadPatientSoon(),
    });
    void this.reloadPatient();
  }

  private async reloadPatient(): Promise<void> {
    const patient = this.patient;
    if (!patient) return;
    await attempt('staff-journey-error', async () => {
      const { data } = await this.api.journey.request<Journey>('GET', `/patients/${encodeURIComponent(patient)}`);
      if (patient !== this.patient) return;
      const run = hasRole(this.claims, 'NURSE', 'DOCTOR', 'ADMIN')
        ? (action: string, payload?: Record<string, string>) => void attempt('staff-journey-error', () =>
          this.api.journey.request('POST', `/patients/${encodeURIComponent(patient)}/actions`, { body: { action_type: action, payload } })
            .then(() => this.reloadPatientSoon()))
        : () => undefined;
      renderJourney('staff', hasRole(this.claims, 'NURSE', 'DOCTOR', 'ADMIN') ? data : { ...data, available_actions: [] }, run);
    });
  }
}
