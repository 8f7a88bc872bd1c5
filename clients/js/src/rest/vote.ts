import type { HttpClient } from './http.js';
import { scopedApi, type ScopedApi } from './scoped.js';

/**
 * SEAM: vote-service (seed 002: polls, one vote per employee, live tallies) is not merged into this branch yet;
 * typed calls and types come with it (item 3). Until then `request` reaches `/api/vote/**`. Live feeds: `vote:polls`,
 * `vote:poll:{id}`; "how many are online" is {@link ../client.PulseClient.presence}.
 */
export type VoteApi = ScopedApi;

export function voteApi(http: HttpClient): VoteApi {
  return scopedApi(http, '/api/vote');
}
