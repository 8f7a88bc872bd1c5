/**
 * OCS types, written by hand from `ocs-service/README.md` and common-events' `OrderSnapshot`.
 *
 * SEAM (issue 15, item 3): this file is the only place OCS shapes are declared. When ocs-service publishes its
 * OpenAPI document, these declarations are replaced by re-exports of the generated types under the same names
 * (`export type { Order } from '../generated/ocs.js'`), and `api.ts` does not change.
 */

export type JobRole = 'RIS' | 'LIS';
export type OrderPriority = 'ROUTINE' | 'URGENT' | 'STAT';
export type OrderStatus = 'REQUESTED' | 'ACCEPTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';
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

/** `POST /api/ocs/orders` body. */
export interface CreateOrder {
  /** 1–64 characters. */
  patientId: string;
  jobRole: JobRole;
  /** 1–64 characters. */
  orderCode: string;
  /** Default `ROUTINE`. */
  priority?: OrderPriority;
  /** Up to 2000 characters. */
  notes?: string;
}

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
