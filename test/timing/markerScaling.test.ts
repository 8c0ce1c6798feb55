/**
 * Finding `// @jkopay kind` markers is linear in the file, whatever the layout: one marker per
 * statement, per array item, all on one line, or thousands stacked above one statement: 4× the
 * input may take at most 6× the time (test/support/growth.ts).
 */
import * as assert from 'node:assert/strict';
import { parseSourceDocument } from '../../src/core/sourceDocument';
import { growth } from '../support/growth';

const LITERAL = "{ platform_order_id: 'o', store_id: 's', currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0 }";

const SHAPES: Record<string, (n: number) => string> = {
  statements: (n) => Array.from({ length: n }, (_, i) => `// @jkopay entry\nconst a${i} = ${LITERAL};\n`).join(''),
  'array items': (n) => `export const all = [\n${Array.from({ length: n }, () => `  // @jkopay entry\n  ${LITERAL},\n`).join('')}];\n`,
  'one line': (n) => `export const all = [${Array.from({ length: n }, () => `/* @jkopay entry */ ${LITERAL}`).join(',')}];\n`,
  stacked: (n) => `${'// @jkopay entry\n'.repeat(n * 8)}const a = ${LITERAL};\n`,
};

describe('marker comments are found in one pass', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: 4× the markers take less than 6× the time`, function () {
      this.timeout(120_000);
      const texts = new Map([1500, 6000].map((n) => [n, make(n)]));
      const expected = name === 'stacked' ? 1 : 6000;
      assert.equal(parseSourceDocument('file:///m.ts', texts.get(6000)!).payloads.length, expected);
      const { small, large, ratio } = growth((n) => parseSourceDocument('file:///m.ts', texts.get(n)!), 1500);
      // Linear is 4×; the quadratic scans this replaced took 16× and more.
      assert.ok(ratio < 6, `${name}: ${small.toFixed(0)} ms at n=1500, ${large.toFixed(0)} ms at 4n (×${ratio.toFixed(1)})`);
    });
  }
});
