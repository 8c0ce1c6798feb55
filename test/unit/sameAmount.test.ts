/**
 * The library's sameAmount: an answer's padded amount against the amount a request sent, by exact
 * value (never as text, never through a float), and a clear usage error for what is no amount.
 */
import * as assert from 'node:assert/strict';
import { JkoPayUsageError, sameAmount } from '../../src/lib';

describe('library: sameAmount', () => {
  it('takes the padding of the currency as the same value', () => {
    assert.equal(sameAmount('12.50', 12.5), true);
    assert.equal(sameAmount('100', 100), true);
    assert.equal(sameAmount('0.02', 0.02), true);
    assert.equal(sameAmount('1230', '1230.00'), true);
    assert.equal(sameAmount('12.50', '12.5'), true);
  });

  it('tells amounts apart where a float would not', () => {
    assert.equal(sameAmount('12.51', 12.5), false);
    // 0.1 + 0.2 is sent as 0.30000000000000004: not the 0.30 JKOPay charged.
    assert.equal(sameAmount('0.30', 0.1 + 0.2), false);
    // Equal as doubles, different as amounts.
    assert.equal(Number('9007199254740993') === 9007199254740992, true);
    assert.equal(sameAmount('9007199254740993', '9007199254740992'), false);
  });

  it('reads a number the way JSON.stringify sent it', () => {
    assert.equal(sameAmount('100000000000000000000', 1e20), true);
    assert.equal(sameAmount('0.0000001', 1e-7), true);
  });

  it('refuses what is no amount, saying what it got', () => {
    for (const [answer, sent, pattern] of [
      [undefined, 1, /answer's amount must be a decimal string.*not undefined.*is the field present/],
      ['12,50', 12.5, /not "12,50"/],
      ['1e2', 100, /not "1e2"/],
      [' 12', 12, /not " 12"/],
      ['12.50', Number.NaN, /amount sent must be a finite number.*not NaN/],
      ['12.50', Number.POSITIVE_INFINITY, /not Infinity/],
      ['12.50', '', /not ""/],
      ['12.50', null, /not null/],
    ] as const) {
      assert.throws(
        () => sameAmount(answer as never, sent as never),
        (e: unknown) => e instanceof JkoPayUsageError && pattern.test(e.message),
        `${String(answer)} / ${String(sent)}`,
      );
    }
  });
});
