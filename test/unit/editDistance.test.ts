/**
 * The capped edit distance behind "did you mean" and message search, against the textbook
 * definition on random strings (including long ones, which grow its reused buffer).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance } from '../../src/data/editDistance';

/** Levenshtein distance by the full table, uncapped. */
function levenshtein(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return table[a.length][b.length];
}

describe('editDistance', () => {
  it('is the Levenshtein distance, or the cap when that is at least the cap', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_', '街'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 1, max: 14 }), (a, b, cap) => {
        assert.equal(editDistance(a, b, cap), Math.min(levenshtein(a, b), cap));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('stays right when a long string grows its buffer between short ones', () => {
    const long = 'platform_order_id'.repeat(20);
    assert.equal(editDistance('store_id', 'stor_id', 3), 1);
    assert.equal(editDistance(long, `${long}x`, 1000), 1);
    assert.equal(editDistance('total_price', 'totl_prise', 3), 2);
    assert.equal(editDistance('currency', 'final_price', 3), 3);
  });
});
