/** One dispatched server-sent event (WHATWG HTML, "Server-sent events", event stream interpretation). */
export interface SseMessage {
  /** `message` when the stream named none. */
  event: string;
  data: string;
  /** The last `id` seen so far in the stream (the next `Last-Event-ID`). */
  lastEventId: string;
}

/**
 * Incremental `text/event-stream` parser. The client reads SSE through `fetch` rather than `EventSource` because
 * `EventSource` cannot send `Authorization` or a chosen `Last-Event-ID`, hides the HTTP status (401 vs 503 vs a
 * blocked proxy), reconnects on its own schedule instead of the client's backoff, and does not exist in Node 20.
 */
export class SseParser {
  private buffer = '';
  private eventType = '';
  private data: string[] = [];
  private lastEventId = '';
  private sawCarriageReturn = false;

  constructor(private readonly dispatch: (message: SseMessage) => void) {}

  push(chunk: string): void {
    let text = chunk;
    if (this.sawCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    this.sawCarriageReturn = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      this.line(this.buffer.slice(start, i));
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.sawCarriageReturn = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) {
        this.dispatch({ event: this.eventType || 'message', data: this.data.join('\n'), lastEventId: this.lastEventId });
      }
      this.data = [];
      this.eventType = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.eventType = value;
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
  }
}
