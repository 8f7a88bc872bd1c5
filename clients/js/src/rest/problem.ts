/** One invalid field of a 400 problem, as Pulse's services name them. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details as every Pulse service and the gateway answer errors. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * A refused REST call, typed: the status, the RFC 9457 members, the service's extension members (`E`, e.g. OCS's
 * {@link ../rest/ocs/types.OrderConflict}), and what the gateway adds (`X-Request-Id` to quote to operators,
 * `Retry-After` on 429/503, the `ETag` of the current version on 409/412).
 */
export class PulseProblemError<E extends object = Record<string, unknown>> extends Error {
  override readonly name = 'PulseProblemError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly errors: readonly FieldError[];
  /** The members beyond RFC 9457's own. */
  readonly extensions: Partial<E>;
  readonly requestId: string | undefined;
  /** Milliseconds, from `Retry-After`. */
  readonly retryAfterMs: number | undefined;
  /** The resource's current `ETag` (a 409 or 412 names the version that won). */
  readonly etag: string | undefined;

  constructor(
    status: number,
    problem: ProblemDetails,
    meta: { requestId?: string; retryAfterMs?: number; etag?: string } = {},
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    const { type, title, status: _status, detail, instance, errors, ...extensions } = problem;
    this.status = status;
    this.type = type ?? 'about:blank';
    this.title = title ?? `HTTP ${status}`;
    this.detail = detail;
    this.instance = instance;
    this.errors = Array.isArray(errors) ? errors : [];
    this.extensions = extensions as Partial<E>;
    this.requestId = meta.requestId;
    this.retryAfterMs = meta.retryAfterMs;
    this.etag = meta.etag;
  }

  /** The message of the named field, if the problem names it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

/** Narrows an unknown error to a problem with the given status. */
export function isProblem<E extends object = Record<string, unknown>>(
  error: unknown,
  status?: number,
): error is PulseProblemError<E> {
  return error instanceof PulseProblemError && (status === undefined || error.status === status);
}
