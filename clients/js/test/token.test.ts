import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJwtClaims, TokenKeeper } from '../src/core/token.js';
import { makeToken } from './support/tokens.js';

describe('TokenKeeper', () => {
  it('reads exp and sub without verifying', () => {
    const claims = readJwtClaims(makeToken({ sub: 'dr.kim', exp: 2_000_000_000 }));
    assert.deepEqual(claims, { exp: 2_000_000_000, sub: 'dr.kim' });
    assert.deepEqual(readJwtClaims('not-a-jwt'), {});
  });

  it('schedules the refresh marginMs before exp, or a tenth of a short life before it', () => {
    const now = 1_000_000_000_000;
    const keeper = new TokenKeeper(() => 't', () => now, 30_000);
    assert.equal(keeper.refreshDelay(makeToken({ sub: 'a', exp: now / 1000 + 1800 })), 1_770_000);
    assert.equal(keeper.refreshDelay(makeToken({ sub: 'a', exp: now / 1000 + 10 })), 9_000);
  });

  it('shares one getToken() call between concurrent callers (a refresh token works once)', async () => {
    let calls = 0;
    const keeper = new TokenKeeper(async () => `t${++calls}`, Date.now);
    const [a, b] = await Promise.all([keeper.renew('expiring'), keeper.renew('rejected')]);
    assert.equal(calls, 1);
    assert.equal(a, b);
    assert.equal(await keeper.current(), 't1');
  });
});
