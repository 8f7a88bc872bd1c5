/**
 * OCS types. The request bodies and enumerations are ocs-service's OpenAPI document's (`../generated/ocs.ts`, generated
 * by `npm run openapi` from `openapi/ocs.json`, which ocs-service's OpenApiDocumentTests keeps equal to its API). The
 * responses are written here because the document cannot say which members may be null; the checks at the end of
 * this file fail the build when they and the document disagree on a member or its type.
 */
import type { components } from '../generated/ocs.js';

type Schemas = components['schemas'];

export type JobRole = Schemas['CreateOrderRequest']['jobRole'];
export type OrderPriority = NonNullable<Schemas['CreateOrderRequest']['priority']>;
export type OrderStatus = NonNullable<Schemas['Order']['status']>;
export type OrderAction = 'accept' | 'start' | 'complete' | 'cancel';

/** An order as `GET /api/ocs/orders/{id}` answers it; `version` is also its `ETag`. */
export interface Order {
  id: string;
  patientId: string;
  doctorId: string;
  jobRole: JobRole;
  orderCode: string;
  priority: OrderPriority;
  notes: string | null;
  status: OrderStatus;
  workerId: string | null;
  result: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  acceptedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
}

/** `POST /api/ocs/orders` body: `patientId`, `orderCode` 1–64 characters, `priority` default `ROUTINE`, `notes` up to
 * 2000 characters. */
export type CreateOrder = Schemas['CreateOrderRequest'];

export type WorklistSortKey = 'priority' | 'createdAt' | 'acceptedAt' | 'startedAt' | 'completedAt';

/** `GET /api/ocs/orders` filters; each only narrows what the caller may see anyway. */
export interface WorklistQuery {
  jobRole?: JobRole;
  status?: OrderStatus | readonly OrderStatus[];
  /** true: a worker accepted it; false: nobody has. */
  assigned?: boolean;
  workerId?: string;
  doctorId?: string;
  patientId?: string;
  /** ISO instant or date (UTC), inclusive. */
  createdFrom?: string;
  /** ISO instant or date (UTC), exclusive; a date includes that whole day. */
  createdTo?: string;
  /** From 0, at most 10000. */
  page?: number;
  /** 1–100, default 20. */
  size?: number;
  /** Keys, each optionally prefixed with `-` for the reverse; default `priority,createdAt`. */
  sort?: readonly (WorklistSortKey | `-${WorklistSortKey}`)[];
}

export interface WorklistPage {
  items: Order[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

/** Extension members of a 409 (status does not allow the action, or another worker won). */
export interface OrderConflict {
  orderId: string;
  action: OrderAction;
  currentStatus: OrderStatus;
  allowedActions: OrderAction[];
  workerId: string | null;
  version: number;
}

/** Extension members of a 412 (`If-Match` names a version that is no longer current). */
export interface OrderPreconditionFailed {
  orderId: string;
  currentStatus: OrderStatus;
  version: number;
}

/** `data` of every `ocs.order.*` event (schema `urn:pulse:schema:ocs.order:v1`). */
export interface OrderSnapshot {
  orderId: string;
  patientId: string;
  doctorId: string;
  jobRole: JobRole;
  orderCode: string;
  priority: OrderPriority;
  notes: string | null;
  status: OrderStatus;
  /** Absent (null) on `ocs.order.created`. */
  previousStatus: OrderStatus | null;
  workerId: string | null;
  result: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  acceptedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
}

export type OrderEventType =
  | 'ocs.order.created'
  | 'ocs.order.accepted'
  | 'ocs.order.started'
  | 'ocs.order.completed'
  | 'ocs.order.cancelled';

/** Compile-time: `A` and `B` have the same members, and `A`'s non-null values are `B`'s. */
type Matches<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? { [K in keyof A]-?: NonNullable<A[K]> } extends B ? true : false
    : false
  : false;
type Assert<T extends true> = T;

/** Fails `tsc` when `Order` or `WorklistPage` here drift from ocs-service's OpenAPI document. */
export type OrderMatchesApi = Assert<Matches<Order, Schemas['Order']>>;
export type WorklistPageMatchesApi = Assert<Matches<Omit<WorklistPage, 'items'>, Omit<Schemas['WorklistPage'], 'items'>>>;
