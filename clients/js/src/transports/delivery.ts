import type { EventFrame } from '../protocol/frames.js';

/**
 * The channels an event frame is delivered to in this client.
 *
 * - Those of the frame's `channels` that are live here or recovering (a channel subscribed live-only is not told
 *   about a replay from before its subscription).
 * - Plus the recovering channels the event's `audience` names that the frame leaves out. The server sends an event
 *   once per connection, naming the channels the connection was in *when it sent it*, and skips it in a later
 *   channel's replay ("had it through another channel"). Two channels recovered one after the other (two `subscribe`
 *   frames, or the handshake's channels) therefore get a shared event named for the first only. For a recovering
 *   channel the event is either in its gap (deliver) or was delivered before (dropped by the dedupe), so adding it is
 *   right.
 */
export function deliverableChannels(
  frame: EventFrame,
  isLive: (channel: string) => boolean,
  recovering: ReadonlySet<string>,
): string[] {
  const channels = frame.channels.filter((channel) => isLive(channel) || recovering.has(channel));
  const audience = typeof frame.event.audience === 'string' ? frame.event.audience.split(',') : [];
  for (const name of audience) {
    const channel = name.trim();
    if (recovering.has(channel) && !channels.includes(channel)) channels.push(channel);
  }
  return channels;
}

/** The frame with its channels narrowed (or widened) to `channels`, unchanged when they are the same. */
export function withChannels(frame: EventFrame, channels: string[]): EventFrame {
  const same = channels.length === frame.channels.length && channels.every((c, i) => c === frame.channels[i]);
  return same ? frame : { ...frame, channels };
}
