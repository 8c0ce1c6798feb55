/**
 * Finding `// @jkopay kind` markers is linear in the file, whatever the layout: one marker per
 * statement, per array item, all on one line, or thousands stacked above one statement. A
 * bench-style check with a generous margin (4× the input may take at most 6× the time), not a
 * wall-clock assertion.
 */
import * as assert from 'node:assert/strict';
import { parseSourceDocument } from '../../src/core/sourceDocument';

const LITERAL = "{ platform_order_id: 'o', store_id: 's', currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0 }";

const SHAPES: Record<string, (n: number) => string> = {
  statements: (n) => Array.from({ length: n }, (_, i) => `// @jkopay entry\nconst a${i} = ${LITERAL};\n`).join(''),
  'array items': (n) => `export const all = [\n${Array.from({ length: n }, () => `  // @jkopay entry\n  ${LITERAL},\n`).join('')}];\n`,
  'one line': (n) => `export const all = [${Array.from({ length: n }, () => `/* @jkopay entry */ ${LITERAL}`).join(',')}];\n`,
  stacked: (n) => `${'// @jkopay entry\n'.repeat(n * 8)}const a = ${LITERAL};\n`,
};

/**
 * The smallest ratio of the time for `large` to the time for `small` over runs taken in turns: a
 * burst of machine load inflates some pairs, but a quadratic algorithm is ≥ 16× in every pair.
 */
function smallestRatio(runs: number, small: () => void, large: () => void): { ratio: number; times: string } {
  let ratio = Infinity;
  const times: string[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    small();
    const t1 = performance.now() - start;
    start = performance.now();
    large();
    const t4 = performance.now() - start;
    ratio = Math.min(ratio, t4 / Math.max(t1, 1));
    times.push(`${t1.toFixed(0)}/${t4.toFixed(0)} ms`);
  }
  return { ratio, times: times.join(', ') };
}

describe('marker comments are found in one pass', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: 4× the markers take less than 6× the time`, function () {
      this.timeout(120_000);
      const small = make(1500);
      const large = make(6000);
      const expected = name === 'stacked' ? 1 : 6000;
      assert.equal(parseSourceDocument('file:///m.ts', large).payloads.length, expected);
      parseSourceDocument('file:///m.ts', small);
      const { ratio, times } = smallestRatio(
        5,
        () => parseSourceDocument('file:///m.ts', small),
        () => parseSourceDocument('file:///m.ts', large),
      );
      // Linear is 4×; the quadratic scans this replaced took 16× and more.
      assert.ok(ratio < 6, `${name}: n/4n took ${times}`);
    });
  }
});
