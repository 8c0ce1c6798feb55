/**
 * Finding `// @jkopay kind` markers is linear in the file, whatever the layout: one marker per
 * statement, per array item, all on one line, or thousands stacked above one statement: 16× the
 * input may take at most 48× the time (test/support/growth.ts).
 */
import * as assert from 'node:assert/strict';
import { parseSourceDocument } from '../../src/core/source/sourceDocument';
import { growth, GROWTH_FACTOR, GROWTH_LIMIT } from '../support/growth';

const LITERAL = "{ platform_order_id: 'o', store_id: 's', currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0 }";

const SHAPES: Record<string, (n: number) => string> = {
  statements: (n) => Array.from({ length: n }, (_, i) => `// @jkopay entry\nconst a${i} = ${LITERAL};\n`).join(''),
  'array items': (n) => `export const all = [\n${Array.from({ length: n }, () => `  // @jkopay entry\n  ${LITERAL},\n`).join('')}];\n`,
  'one line': (n) => `export const all = [${Array.from({ length: n }, () => `/* @jkopay entry */ ${LITERAL}`).join(',')}];\n`,
  stacked: (n) => `${'// @jkopay entry\n'.repeat(n * 8)}const a = ${LITERAL};\n`,
};

describe('marker comments are found in one pass', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: ${GROWTH_FACTOR}× the markers take less than ${GROWTH_LIMIT}× the time`, function () {
      this.timeout(120_000);
      const n = 600;
      const texts = new Map([n, GROWTH_FACTOR * n].map((size) => [size, make(size)]));
      const expected = name === 'stacked' ? 1 : GROWTH_FACTOR * n;
      assert.equal(parseSourceDocument('file:///m.ts', texts.get(GROWTH_FACTOR * n)!).payloads.length, expected);
      const { small, large, ratio } = growth((size) => parseSourceDocument('file:///m.ts', texts.get(size)!), n);
      // Linear is 16×; the quadratic scans this replaced took 256× and more.
      assert.ok(
        ratio < GROWTH_LIMIT,
        `${name}: ${small.toFixed(0)} ms at n=${n}, ${large.toFixed(0)} ms at ${GROWTH_FACTOR}n (×${ratio.toFixed(1)})`,
      );
    });
  }
});
