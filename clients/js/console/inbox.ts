import type { PulseApi } from '../src/index.js';
import { byId, el, time } from './dom.js';

interface InboxItem {
  id: string;
  type: string;
  title?: string;
  summary?: string;
  time?: string;
  read: boolean;
}

/** The user's inbox (notification-service, `/api/notifications`): the latest entries and the unread count. */
export class Inbox {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly api: PulseApi) {
    byId('read-all').addEventListener('click', () => {
      void this.api.http.post('/api/notifications/read-all').then(() => this.reload());
    });
  }

  /** Reloads soon: a burst of events reloads once. */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), 250);
  }

  async reload(): Promise<void> {
    const [page, unread] = await Promise.all([
      this.api.http.get<{ items: InboxItem[] }>('/api/notifications', { query: { size: 20 } }),
      this.api.http.get<{ unread: number }>('/api/notifications/unread-count'),
    ]);
    byId('unread').textContent = String(unread.data.unread);
    const list = byId('inbox');
    list.replaceChildren(...page.data.items.map((item) => {
      const row = el('li', { class: item.read ? 'read' : 'unread', 'data-inbox-id': item.id },
        item.title ?? item.type, ' ', el('span', { class: 'meta' }, `${item.summary ?? ''} · ${time(item.time)}`));
      if (!item.read) {
        const read = el('button', { type: 'button', 'aria-label': `Mark ${item.title ?? item.type} read` }, 'Read');
        read.addEventListener('click', () => void this.api.http.post(`/api/notifications/${item.id}/read`).then(() => this.reload()));
        row.append(' ', read);
      }
      return row;
    }));
  }
}
