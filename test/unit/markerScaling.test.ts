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
  stacked: (n) => `${'// @jkopay entry\n'.repeat(n * 4)}const a = ${LITERAL};\n`,
};

function bestOf(runs: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('marker comments are found in one pass', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: 4× the markers take less than 6× the time`, function () {
      this.timeout(120_000);
      const small = make(1500);
      const large = make(6000);
      const expected = name === 'stacked' ? 1 : 6000;
      assert.equal(parseSourceDocument('file:///m.ts', large).payloads.length, expected);
      const t1 = bestOf(3, () => parseSourceDocument('file:///m.ts', small));
      const t4 = bestOf(3, () => parseSourceDocument('file:///m.ts', large));
      assert.ok(t4 < 6 * t1 + 20, `${name}: ${t1.toFixed(1)} ms at n, ${t4.toFixed(1)} ms at 4n`);
    });
  }
});
