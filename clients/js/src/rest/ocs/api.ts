import type { HttpClient } from '../http.js';
import type { CreateOrder, Order, WorklistPage, WorklistQuery } from './types.js';

/** An order with its `ETag`, ready for a conditional action. */
export interface VersionedOrder {
  order: Order;
  /** `"3"`: pass it back as `ifMatch`. */
  etag: string;
}

/** `If-Match` for an action: the ETag from a read, the order's `version`, or `*`. */
export interface ActionOptions {
  ifMatch?: string | number;
  signal?: AbortSignal;
}

/**
 * ocs-service through the gateway (`/api/ocs/**`, `ocs-service/README.md`). Refusals are `PulseProblemError`s: 409
 * carries {@link OrderConflict} (`currentStatus`, `allowedActions`, who holds the order), 412
 * {@link OrderPreconditionFailed}; both carry the winning `etag`. No refresh delay is needed after an action: the
 * event is published after the commit, so a read on receipt already shows the change.
 */
export interface OcsApi {
  create(order: CreateOrder, options?: { signal?: AbortSignal }): Promise<VersionedOrder>;
  get(id: string, options?: { signal?: AbortSignal }): Promise<VersionedOrder>;
  /** The caller's worklist, filtered and paged. */
  list(query?: WorklistQuery, options?: { signal?: AbortSignal }): Promise<WorklistPage>;
  accept(id: string, options?: ActionOptions): Promise<VersionedOrder>;
  start(id: string, options?: ActionOptions): Promise<VersionedOrder>;
  /** `result`: 1–4000 characters. */
  complete(id: string, result: string, options?: ActionOptions): Promise<VersionedOrder>;
  /** `reason`: 1–500 characters. */
  cancel(id: string, reason: string, options?: ActionOptions): Promise<VersionedOrder>;
}

const BASE = '/api/ocs/orders';

export function ocsApi(http: HttpClient): OcsApi {
  const versioned = async (call: Promise<{ data: Order; etag: string | undefined }>): Promise<VersionedOrder> => {
    const { data, etag } = await call;
    return { order: data, etag: etag ?? `"${data.version}"` };
  };
  const action = (id: string, name: string, body: unknown, options: ActionOptions = {}) =>
    versioned(http.post<Order>(`${BASE}/${encodeURIComponent(id)}/${name}`, body, options));
  return {
    create: (order, options = {}) => versioned(http.post<Order>(BASE, order, options)),
    get: (id, options = {}) => versioned(http.get<Order>(`${BASE}/${encodeURIComponent(id)}`, options)),
    async list(query = {}, options = {}) {
      const { status, sort, ...rest } = query;
      const statuses = status === undefined ? undefined : typeof status === 'string' ? [status] : status;
      const result = await http.get<WorklistPage>(BASE, {
        ...options,
        query: { ...rest, status: statuses?.join(','), sort: sort?.join(',') },
      });
      return result.data;
    },
    accept: (id, options) => action(id, 'accept', undefined, options),
    start: (id, options) => action(id, 'start', undefined, options),
    complete: (id, result, options) => action(id, 'complete', { result }, options),
    cancel: (id, reason, options) => action(id, 'cancel', { reason }, options),
  };
}
