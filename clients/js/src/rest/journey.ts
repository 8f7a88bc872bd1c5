import type { HttpClient } from './http.js';
import { scopedApi, type ScopedApi } from './scoped.js';

/**
 * SEAM: journey-service's REST API (seeds 003/004: patient actions, staff actions, queues, the published transition
 * table) is not merged yet; typed calls and types come with it (item 3). Until then `request` reaches
 * `/api/journey/**`. Live feeds: `journey:patient:{id}`, `journey:queue:{examId}`.
 */
export type JourneyApi = ScopedApi;

export function journeyApi(http: HttpClient): JourneyApi {
  return scopedApi(http, '/api/journey');
}
