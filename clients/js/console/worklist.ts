import type { CloudEvent, Order, OrderSnapshot, PulseApi } from '../src/index.js';
import { PulseProblemError } from '../src/index.js';
import { type Claims, byId, el } from './dom.js';

type Action = 'accept' | 'start' | 'complete' | 'cancel';

/** Which buttons a row offers; ocs-service decides (a refusal shows as the problem's detail). */
function actionsFor(status: string, claims: Claims): Action[] {
  const worker = claims.roles.some((r) => ['RIS', 'LIS', 'ADMIN'].includes(r));
  const doctor = claims.roles.some((r) => ['DOCTOR', 'ADMIN'].includes(r));
  const actions: Action[] = [];
  if (worker && status === 'REQUESTED') actions.push('accept');
  if (worker && status === 'ACCEPTED') actions.push('start');
  if (worker && status === 'IN_PROGRESS') actions.push('complete');
  if (doctor && (status === 'REQUESTED' || status === 'ACCEPTED')) actions.push('cancel');
  return actions;
}

interface Row {
  id: string;
  patientId: string;
  priority: string;
  status: string;
  workerId: string | null;
  orderCode: string;
  jobRole: string;
  version: number;
}

/**
 * The OCS worklist: loaded once over REST, then kept current by the order events alone (each carries the whole
 * order), so an action here or anywhere else shows without a refresh.
 */
export class Worklist {
  private readonly rows = new Map<string, Row>();

  constructor(private readonly api: PulseApi, private readonly claims: Claims) {
    const doctor = claims.roles.includes('DOCTOR') || claims.roles.includes('ADMIN');
    byId('orders').hidden = false;
    byId('new-order').hidden = !doctor;
    byId('new-order').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run(() => this.api.ocs.create({
        patientId: byId<HTMLInputElement>('order-patient').value,
        jobRole: byId<HTMLSelectElement>('order-job').value as 'RIS' | 'LIS',
        orderCode: byId<HTMLInputElement>('order-code').value,
        priority: byId<HTMLSelectElement>('order-priority').value as 'ROUTINE' | 'URGENT' | 'STAT',
      }));
    });
  }

  static for(claims: Claims): boolean {
    return claims.roles.some((r) => ['ADMIN', 'DOCTOR', 'RIS', 'LIS'].includes(r));
  }

  async reload(): Promise<void> {
    const page = await this.api.ocs.list({ size: 50, sort: ['-createdAt'] });
    this.rows.clear();
    for (const order of page.items) this.rows.set(order.id, fromOrder(order));
    this.render();
  }

  /** An `ocs.order.*` event: the row as the event's snapshot says, unless a newer version is already shown. */
  apply(event: CloudEvent): void {
    if (!event.type.startsWith('ocs.order.')) return;
    const order = event.data as OrderSnapshot;
    const current = this.rows.get(order.orderId);
    if (current && current.version >= order.version) return;
    this.rows.set(order.orderId, { ...fromSnapshot(order) });
    this.render(order.orderId);
  }

  private render(changed?: string): void {
    const sorted = [...this.rows.values()].reverse();
    byId('worklist').replaceChildren(...sorted.map((row) => {
      const cells = el('td', {});
      for (const action of actionsFor(row.status, this.claims)) {
        const button = el('button', { type: 'button', 'data-action': action, 'aria-label': `${action} order ${row.orderCode} of ${row.patientId}` }, action);
        button.addEventListener('click', () => void this.act(row, action));
        cells.append(button);
      }
      return el('tr', { 'data-order-id': row.id, 'data-status': row.status, class: row.id === changed ? 'changed' : '' },
        el('td', {}, `${row.jobRole} ${row.orderCode}`), el('td', {}, row.patientId), el('td', {}, row.priority),
        el('td', { 'data-cell': 'status' }, row.status), el('td', {}, row.workerId ?? '–'), cells);
    }));
  }

  private act(row: Row, action: Action): Promise<void> {
    const ifMatch = row.version;
    return this.run(() => {
      switch (action) {
        case 'accept': return this.api.ocs.accept(row.id, { ifMatch });
        case 'start': return this.api.ocs.start(row.id, { ifMatch });
        case 'complete': return this.api.ocs.complete(row.id, prompt('Result', 'No acute findings.') ?? 'Done.', { ifMatch });
        case 'cancel': return this.api.ocs.cancel(row.id, prompt('Reason', 'Ordered twice.') ?? 'Cancelled.', { ifMatch });
      }
    });
  }

  /** Runs a command; its event updates the list, a refusal is shown. */
  private async run(command: () => Promise<unknown>): Promise<void> {
    byId('orders-error').textContent = '';
    try {
      await command();
    } catch (error) {
      byId('orders-error').textContent = error instanceof PulseProblemError
        ? `${error.status} ${error.title}: ${error.detail ?? ''}` : String(error);
    }
  }
}

function fromOrder(order: Order): Row {
  return { id: order.id, patientId: order.patientId, priority: order.priority, status: order.status,
    workerId: order.workerId, orderCode: order.orderCode, jobRole: order.jobRole, version: order.version };
}

function fromSnapshot(order: OrderSnapshot): Row {
  return { id: order.orderId, patientId: order.patientId, priority: order.priority, status: order.status,
    workerId: order.workerId, orderCode: order.orderCode, jobRole: order.jobRole, version: order.version };
}
