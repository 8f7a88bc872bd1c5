import type { CloudEvent, EventContext, PulseClient } from '../src/index.js';
import { type Claims, byId, el, time } from './dom.js';

/**
 * The channels a user is offered: those the catalog (common-events' channel-catalog.json) lets their roles subscribe
 * to. Only a suggestion — notification-service decides, and a refusal shows next to the channel.
 */
export function suggestedChannels(claims: Claims): { home: string[]; more: string[] } {
  const has = (...roles: string[]) => roles.some((role) => claims.roles.includes(role));
  const home = [`user:${claims.sub}`];
  const more: string[] = [];
  if (has('ADMIN', 'SYSTEMMANAGER')) {
    home.push('ocs:all');
    more.push('ocs:job:RIS', 'ocs:job:LIS', 'spc:alerts', 'vote:polls');
  }
  if (has('DOCTOR')) home.push(`ocs:doctor:${claims.sub}`);
  if (has('RIS', 'LIS') && claims.jobRole) home.push(`ocs:job:${claims.jobRole}`);
  if (has('QUALITY', 'OPERATOR')) home.push('spc:alerts');
  if (has('EMPLOYEE')) home.push('vote:polls');
  if (has('PATIENT') && claims.patientId) home.push(`journey:patient:${claims.patientId}`);
  if (has('DISPLAY') && claims.department) home.push(`journey:queue:${claims.department}`);
  if (has('NURSE', 'DOCTOR', 'ADMIN', 'SYSTEMMANAGER')) more.push('journey:queue:XRAY', 'journey:queue:BLOOD', 'journey:queue:CT');
  return { home, more };
}

const MAX_FEED = 200;

/** The channel list with its subscriptions, and the live feed every subscribed channel writes into. */
export class Channels {
  private readonly subscriptions = new Map<string, string>();
  /** Which channels delivered each event: the same channel twice would be a duplicate (the client promises none). */
  private readonly seen = new Map<string, Set<string>>();
  private count = 0;
  private duplicates = 0;

  constructor(
    private readonly pulse: PulseClient,
    private readonly onEvent: (event: CloudEvent) => void,
    private readonly onReset: (channel: string) => void,
  ) {}

  subscribe(channel: string): void {
    if (this.subscriptions.has(channel)) return;
    const status = el('span', { class: 'meta', 'data-channel-status': channel }, 'subscribing');
    const leave = el('button', { type: 'button', 'aria-label': `Unsubscribe from ${channel}` }, 'Leave');
    const item = el('li', { 'data-channel': channel }, el('code', {}, channel), ' ', status, ' ', leave);
    leave.addEventListener('click', () => {
      const id = this.subscriptions.get(channel);
      if (id) this.pulse.unsubscribe(id);
      this.subscriptions.delete(channel);
      item.remove();
    });
    byId('channels').append(item);
    const id = this.pulse.subscribe(channel, {
      onEvent: (event, context) => {
        status.textContent = 'live';
        this.show(event, context);
      },
      onReset: (reset) => {
        status.textContent = 'reset: reloaded';
        this.onReset(reset);
      },
      onError: (error) => {
        status.textContent = `refused: ${error.code ?? error.message}`;
        item.classList.add('error');
      },
    });
    this.subscriptions.set(channel, id);
    status.textContent = 'subscribed';
  }

  /** An event once in the feed, even when two of the user's channels carry it. */
  private show(event: CloudEvent, context: EventContext): void {
    const channels = this.seen.get(event.id);
    if (channels) {
      if (channels.has(context.channel)) byId('duplicates').textContent = String(++this.duplicates);
      channels.add(context.channel);
      return;
    }
    this.seen.set(event.id, new Set([context.channel]));
    this.count++;
    byId('event-count').textContent = String(this.count);
    const feed = byId('feed');
    feed.prepend(el('li', { 'data-event-id': event.id, 'data-event-type': event.type, 'data-subject': event.subject ?? '' },
      el('strong', {}, event.title ?? event.type), ' ',
      el('span', { class: 'meta' }, `${event.type} · ${event.subject ?? ''} · ${context.channels.join(', ')} · ${time(event.time)}`)));
    while (feed.children.length > MAX_FEED) feed.lastElementChild?.remove();
    this.onEvent(event);
  }
}
