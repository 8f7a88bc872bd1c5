import type { HttpClient } from './http.js';
import { scopedApi, type ScopedApi } from './scoped.js';

/**
 * SEAM: spc-service (seed 001: products, measurements, control charts, capability, quality alerts) is not merged yet.
 * Its typed calls and types come with it, generated from its OpenAPI document (item 3); until then `request` reaches
 * `/api/spc/**` with the same token and problem handling. Live feeds: `spc:alerts`, `spc:product:{id}`.
 */
export type SpcApi = ScopedApi;

export function spcApi(http: HttpClient): SpcApi {
  return scopedApi(http, '/api/spc');
}
