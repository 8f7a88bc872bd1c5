import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser, type SseMessage } from '../src/transports/sse-parser.js';

describe('SseParser', () => {
  it('reads events split anywhere across chunks, named and unnamed, with ids, comments and CRLF', () => {
    const messages: SseMessage[] = [];
    const parser = new SseParser((m) => messages.push(m));
    const stream = ':keep-alive\r\nid:p1\r\ndata:{"a":1}\r\n\r\nid: p2\nevent:subscribed\ndata:{"b":\ndata:2}\n\n';
    for (const chunk of stream.match(/[\s\S]{1,3}/g)!) parser.push(chunk);
    assert.deepEqual(messages, [
      { event: 'message', data: '{"a":1}', lastEventId: 'p1' },
      { event: 'subscribed', data: '{"b":\n2}', lastEventId: 'p2' },
    ]);
  });

  it('a CR at the end of a chunk followed by LF is one line break', () => {
    const messages: SseMessage[] = [];
    const parser = new SseParser((m) => messages.push(m));
    parser.push('data:x\r');
    parser.push('\n\r');
    parser.push('\n');
    assert.equal(messages.length, 1);
  });
});
