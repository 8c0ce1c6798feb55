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

/** The best of `runs` timings of each, taken in turns so that a burst of machine load weighs on both alike. */
function bestOfInTurns(runs: number, a: () => void, b: () => void): [number, number] {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    a();
    bestA = Math.min(bestA, performance.now() - start);
    start = performance.now();
    b();
    bestB = Math.min(bestB, performance.now() - start);
  }
  return [bestA, bestB];
}

describe('marker comments are found in one pass', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: 4× the markers take less than 6× the time`, function () {
      this.timeout(120_000);
      const small = make(1500);
      const large = make(6000);
      const expected = name === 'stacked' ? 1 : 6000;
      assert.equal(parseSourceDocument('file:///m.ts', large).payloads.length, expected);
      const [t1, t4] = bestOfInTurns(5, () => parseSourceDocument('file:///m.ts', small), () => parseSourceDocument('file:///m.ts', large));
      // Linear is 4×; the quadratic scans this replaced took 16× and more.
      assert.ok(t4 < 6 * t1 + 30, `${name}: ${t1.toFixed(1)} ms at n, ${t4.toFixed(1)} ms at 4n`);
    });
  }
});
