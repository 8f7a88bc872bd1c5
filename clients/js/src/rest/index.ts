import { HttpClient, type HttpOptions } from './http.js';
import { journeyApi, type JourneyApi } from './journey.js';
import { notificationsApi, type NotificationsApi } from './notifications.js';
import { ocsApi, type OcsApi } from './ocs/api.js';
import { spcApi, type SpcApi } from './spc.js';
import { voteApi, type VoteApi } from './vote.js';

/** Every service's REST API through the gateway, one module per domain. */
export interface PulseApi {
  http: HttpClient;
  ocs: OcsApi;
  spc: SpcApi;
  journey: JourneyApi;
  vote: VoteApi;
  notifications: NotificationsApi;
}

/** `createPulseApi({ url, getToken })`: the same `getToken` as the realtime client, so both renew tokens alike. */
export function createPulseApi(options: Omit<HttpOptions, 'baseUrl'> & { url: string }): PulseApi {
  const { url, ...rest } = options;
  const http = new HttpClient({ ...rest, baseUrl: url });
  return {
    http,
    ocs: ocsApi(http),
    spc: spcApi(http),
    journey: journeyApi(http),
    vote: voteApi(http),
    notifications: notificationsApi(http),
  };
}

export { HttpClient, formatIfMatch } from './http.js';
export type { HttpOptions, HttpResult, Query, RequestOptions } from './http.js';
export { PulseProblemError, isProblem } from './problem.js';
export type { FieldError, ProblemDetails } from './problem.js';
export { ocsApi } from './ocs/api.js';
export type { ActionOptions, OcsApi, VersionedOrder } from './ocs/api.js';
export type * from './ocs/types.js';
export { notificationsApi } from './notifications.js';
export type { NotificationsApi } from './notifications.js';
export { scopedApi } from './scoped.js';
export type { ScopedApi } from './scoped.js';
export { spcApi } from './spc.js';
export type { SpcApi } from './spc.js';
export { journeyApi } from './journey.js';
export type { JourneyApi } from './journey.js';
export { voteApi } from './vote.js';
export type { VoteApi } from './vote.js';
