import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideReconnect, DEFAULT_BACKOFF, fullJitter } from '../src/core/backoff.js';
import { retryAfterFromHeader, retryAfterFromReason } from '../src/protocol/close-codes.js';

const options = { ...DEFAULT_BACKOFF, baseMs: 100, capMs: 10_000 };
const at = (value: number) => () => value;

describe('full jitter backoff', () => {
  it('draws uniformly from [0, min(cap, base·2^attempt)): the bounds at random 0 and just below 1', () => {
    for (const attempt of [0, 1, 2, 3, 6, 7, 20]) {
      const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
      assert.equal(fullJitter(attempt, options, at(0)), 0);
      const top = fullJitter(attempt, options, at(0.999999));
      assert.ok(top < ceiling && top > ceiling * 0.999, `attempt ${attempt}: ${top} vs ${ceiling}`);
    }
  });

  it('spreads 10,000 draws over the whole interval (not clustered around a delay)', () => {
    const draws = Array.from({ length: 10_000 }, () => fullJitter(3, options, Math.random));
    const ceiling = 800;
    assert.ok(draws.every((d) => d >= 0 && d < ceiling));
    const buckets = new Array(8).fill(0);
    draws.forEach((d) => buckets[Math.floor(d / 100)]++);
    for (const count of buckets) assert.ok(count > 1_000 && count < 1_500, `bucket ${count}`);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    assert.ok(fullJitter(1_000, options, at(0.999999)) < options.capMs);
  });
});

describe('what each close asks for', () => {
  it('1012 (restart): within restartJitterMs, not counted as a failure', () => {
    const d = decideReconnect({ code: 1012, opened: true }, 5, options, at(0.5));
    assert.equal(d.delayMs, options.restartJitterMs / 2);
    assert.equal(d.countsAsFailure, false);
  });

  it('1013: the reason\'s "retry after Ns", then spread over as long again', () => {
    const reason = 'user connection limit; retry after 5s';
    assert.equal(decideReconnect({ code: 1013, reason, opened: false }, 0, options, at(0)).delayMs, 5_000);
    assert.equal(decideReconnect({ code: 1013, reason, opened: false }, 0, options, at(0.5)).delayMs, 7_500);
    assert.ok(decideReconnect({ code: 1013, reason, opened: false }, 0, options, at(0)).serverAskedToWait);
    assert.equal(decideReconnect({ code: 1013, opened: false }, 0, options, at(0)).delayMs, options.defaultRetryAfterMs);
  });

  it('4001 and 401: renew the token first, reconnect almost at once; a second rejection backs off', () => {
    for (const info of [{ code: 4001, opened: true }, { status: 401, opened: false }]) {
      const first = decideReconnect(info, 3, options, at(0.5));
      assert.equal(first.renewToken, true);
      assert.equal(first.delayMs, options.baseMs / 2);
      assert.equal(first.countsAsFailure, false);
      const again = decideReconnect(info, 3, options, at(0.5), true);
      assert.equal(again.renewToken, true);
      assert.equal(again.delayMs, 400);
    }
  });

  it('4008, 4009, 1006: full jitter on the attempt count', () => {
    for (const code of [4008, 4009, 1006]) {
      assert.equal(decideReconnect({ code, opened: true }, 2, options, at(0.5)).delayMs, 200);
    }
  });

  it('4029 (flood): at least floodMs, up to twice that', () => {
    assert.equal(decideReconnect({ code: 4029, opened: true }, 0, options, at(0)).delayMs, options.floodMs);
    assert.equal(decideReconnect({ code: 4029, opened: true }, 0, options, at(0.5)).delayMs, options.floodMs * 1.5);
  });

  it('503/429 with Retry-After: that long at least', () => {
    const d = decideReconnect({ status: 503, retryAfterMs: 2_000, opened: false }, 0, options, at(0));
    assert.equal(d.delayMs, 2_000);
    assert.ok(d.serverAskedToWait);
  });

  it('reads retry hints', () => {
    assert.equal(retryAfterFromReason('instance connection limit; retry after 12s'), 12_000);
    assert.equal(retryAfterFromReason('retry after 250ms'), 250);
    assert.equal(retryAfterFromReason('full'), undefined);
    assert.equal(retryAfterFromHeader('3', 0), 3_000);
    assert.equal(retryAfterFromHeader(new Date(10_000).toUTCString(), 4_000), 6_000);
    assert.equal(retryAfterFromHeader(null, 0), undefined);
  });
});
