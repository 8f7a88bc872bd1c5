import type { EventsPage, Presence } from '../protocol/frames.js';
import type { HttpClient } from './http.js';

/**
 * notification-service's REST side (PROTOCOL.md): the "events since" query a page uses to reload after
 * `recovered:false` (or that polling uses), and presence.
 */
export interface NotificationsApi {
  /** At most `limit` events of the channel after `since` (without it: the latest); `position` is the next `since`. */
  events(channel: string, options?: { since?: string; limit?: number }): Promise<EventsPage>;
  /** How many connections and distinct users are on the channel, across every instance. */
  presence(channel: string): Promise<Presence>;
}

export function notificationsApi(http: HttpClient): NotificationsApi {
  return {
    async events(channel, options = {}) {
      return (await http.get<EventsPage>('/api/notifications/events', { query: { channel, ...options } })).data;
    },
    async presence(channel) {
      return (await http.get<Presence>('/api/notifications/presence', { query: { channel } })).data;
    },
  };
}
