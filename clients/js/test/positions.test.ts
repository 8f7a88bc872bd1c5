import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeliveredEvents } from '../src/core/dedupe.js';
import { oldestPosition, PositionBook } from '../src/core/positions.js';

describe('PositionBook', () => {
  it('advances every live channel with each whole position, and leaves channels not yet live alone', () => {
    const book = new PositionBook();
    book.markLive('a', 't:0:1,1:1');
    book.markLive('b', 't:0:1,1:1');
    book.set('c', 't:0:0,1:0');
    book.advanceLive('t:0:5,1:3');
    assert.deepEqual(book.snapshot(), { a: 't:0:5,1:3', b: 't:0:5,1:3', c: 't:0:0,1:0' });
  });

  it('after the connection ends nothing advances; forgetting a channel drops its position', () => {
    const book = new PositionBook();
    book.markLive('a', 'p1');
    book.endConnection();
    book.advanceLive('p2');
    assert.equal(book.get('a'), 'p1');
    book.forget('a');
    assert.equal(book.has('a'), false);
  });

  it('replace mirrors another tab\'s book exactly', () => {
    const book = new PositionBook();
    book.set('gone', 'x');
    book.replace({ a: 'p' }, ['user:a']);
    assert.deepEqual(book.snapshot(), { a: 'p' });
    assert.deepEqual(book.autoJoined, ['user:a']);
  });
});

describe('oldestPosition', () => {
  it('takes the oldest offset of each partition; a partition one position leaves out counts as -1', () => {
    assert.equal(oldestPosition(['a.v1:0:5,1:9;b.v1:0:3', 'a.v1:0:7,1:2;b.v1:0:3']), 'a.v1:0:5,1:2;b.v1:0:3');
    assert.equal(oldestPosition(['a.v1:0:5,1:9', 'a.v1:0:7']), 'a.v1:0:5,1:-1');
    assert.equal(oldestPosition(['same', 'same']), 'same');
    assert.equal(oldestPosition([]), undefined);
    assert.equal(oldestPosition(['a.v1:0:5', 'garbage']), undefined);
  });
});

describe('DeliveredEvents', () => {
  it('says first time once per event and channel, and forgets the oldest beyond its capacity', () => {
    const delivered = new DeliveredEvents(2);
    assert.equal(delivered.firstTime('e1', 'a'), true);
    assert.equal(delivered.firstTime('e1', 'a'), false);
    assert.equal(delivered.firstTime('e1', 'b'), true);
    delivered.firstTime('e2', 'a');
    delivered.firstTime('e3', 'a');
    assert.equal(delivered.size, 2);
    assert.equal(delivered.firstTime('e1', 'a'), true, 'e1 was evicted');
  });
});
