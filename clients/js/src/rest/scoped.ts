import type { HttpClient, HttpResult, RequestOptions } from './http.js';

/**
 * Untyped calls under one service's prefix — what a domain module is before its types exist. Each stub module
 * (`spc`, `journey`, `vote`) is one of these today; when its service lands and item 3 generates its types, the stub
 * becomes a typed module like `ocs/api.ts` with the same factory name, and callers move from `request` to named calls.
 */
export interface ScopedApi {
  /** The service's prefix behind the gateway, e.g. `/api/spc`. */
  readonly prefix: string;
  request<T>(method: string, path: string, options?: RequestOptions): Promise<HttpResult<T>>;
}

export function scopedApi(http: HttpClient, prefix: string): ScopedApi {
  return {
    prefix,
    request: (method, path, options) => http.request(method, `${prefix}${path.startsWith('/') ? path : `/${path}`}`, options),
  };
}
