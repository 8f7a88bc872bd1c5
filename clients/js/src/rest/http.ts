import type { GetToken } from '../core/token.js';
import { retryAfterFromHeader } from '../protocol/close-codes.js';
import { PulseProblemError, type ProblemDetails } from './problem.js';

/** How REST calls reach the gateway. */
export interface HttpOptions {
  /** The gateway, e.g. `http://localhost:8080` (or `''`/`location.origin` when the page is served by it). */
  baseUrl: string;
  /** The same callback the realtime client uses; a 401 asks it again with `reason: 'rejected'` and retries once. */
  getToken?: GetToken;
  fetch?: typeof fetch;
  /** Sent as `X-Request-Id` (1–128 of letters, digits, `-_.:`) so a support call can find the request in the logs. */
  requestId?: () => string | undefined;
}

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** `If-Match`: an ETag (`"3"`), a version number (quoted for you), or `*`. */
  ifMatch?: string | number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A successful answer with what the caller may need besides the body. */
export interface HttpResult<T> {
  status: number;
  data: T;
  /** The `ETag` (the resource's version), for a later `If-Match`. */
  etag: string | undefined;
  location: string | undefined;
  headers: Headers;
}

/**
 * The one place REST calls go through: bearer token, JSON in and out, and every refusal turned into a
 * {@link PulseProblemError} (the services and the gateway all answer RFC 9457). Domain modules (`ocs`, `spc`, …) are
 * thin typed functions over it; item 3 replaces their hand-written types with OpenAPI-generated ones, not this.
 */
export class HttpClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: HttpOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
    let response = await this.send(method, path, options, 'initial');
    if (response.status === 401 && this.options.getToken) {
      void response.body?.cancel();
      response = await this.send(method, path, options, 'rejected');
    }
    return this.read<T>(response);
  }

  get<T>(path: string, options?: RequestOptions): Promise<HttpResult<T>> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<HttpResult<T>> {
    return this.request<T>('POST', path, { ...options, body });
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    reason: 'initial' | 'rejected',
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    if (this.options.getToken) headers.Authorization = `Bearer ${await this.options.getToken({ reason })}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = formatIfMatch(options.ifMatch);
    const requestId = this.options.requestId?.();
    if (requestId) headers['X-Request-Id'] = requestId;
    return this.fetchImpl(this.url(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  }

  private url(path: string, query: Query | undefined): string {
    const url = new URL(path, this.options.baseUrl || globalThis.location?.origin);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) value.forEach((item) => url.searchParams.append(key, String(item)));
      else url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  private async read<T>(response: Response): Promise<HttpResult<T>> {
    const text = await response.text();
    const etag = response.headers.get('ETag') ?? undefined;
    if (!response.ok) {
      let problem: ProblemDetails = { status: response.status };
      try {
        const parsed: unknown = text ? JSON.parse(text) : {};
        if (parsed && typeof parsed === 'object') problem = parsed as ProblemDetails;
      } catch {
        problem = { status: response.status, detail: text.slice(0, 500) || undefined };
      }
      throw new PulseProblemError(response.status, problem, {
        requestId: response.headers.get('X-Request-Id') ?? undefined,
        retryAfterMs: retryAfterFromHeader(response.headers.get('Retry-After'), Date.now()),
        etag,
      });
    }
    return {
      status: response.status,
      data: (text ? JSON.parse(text) : undefined) as T,
      etag,
      location: response.headers.get('Location') ?? undefined,
      headers: response.headers,
    };
  }
}

/** `3` → `"3"`; an ETag or `*` as given. */
export function formatIfMatch(value: string | number): string {
  return typeof value === 'number' ? `"${value}"` : value;
}
