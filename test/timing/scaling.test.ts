/**
 * Hostile layouts must cost time linear in the input (issue 13): each shape is checked at n and
 * 16n, and the check fails when the time grows more than 48× (a linear check grows about 16×, a
 * quadratic one 256×; see test/support/growth.ts).
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../src/core/languageService';
import { checkFields } from '../../src/api/mock/mockValidation';
import { globMatcher } from '../../src/server/projectConfigFile';
import { checkPayload } from '../../src/lib/checkPayload';
import { growth, GROWTH_FACTOR, GROWTH_LIMIT } from '../support/growth';

const ENTRY = {
  platform_order_id: 'o-1',
  store_id: '35f12dff-1581-11e9-a054-00505684fd45',
  currency: 'TWD',
  total_price: 100,
  final_price: 100,
};

/** Each shape of the issue, as a function of its size. */
const HOSTILE_SHAPES: Record<string, { n: number; uri: string; make: (n: number) => string }> = {
  // One entry with n unknown keys (was a scan of every property per unknown key).
  'unknown keys': {
    n: 1_000,
    uri: 'file:///s/unknown.jkopay.json',
    make: (n) => JSON.stringify({ ...ENTRY, ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1])) }),
  },
  // n entries on one line, each missing a field (was a backward scan of the line per payload for the fix's indentation).
  'one-line array': {
    n: 500,
    uri: 'file:///s/line.jkopay.json',
    make: (n) => JSON.stringify(Array.from({ length: n }, () => ENTRY)),
  },
  // `[{},{},…]` on one line: six missing fields per object, each finding's position and fix on the one line
  // (was a search of the rest of the line per finding). Blank space between the objects makes the line long
  // enough at test sizes for a per-finding scan to show, as it did for 100,000 objects in 300 KB.
  'empty objects on one line': {
    n: 500,
    uri: 'file:///s/empty.jkopay.json',
    make: (n) => `[${Array.from({ length: n }, () => `{}${' '.repeat(200)}`).join(',')}]`,
  },
  // Suppression comments that open a block and never close it (issue 23: each searched the rest of the file
  // for its `*/`; 80,000 of them took 26 s, 20,000 took 2.9 s).
  'unterminated suppression comments': {
    n: 1_000,
    uri: 'file:///s/suppressions.jkopay.json',
    make: (n) => `${'/* jkopay-ignore-file\n'.repeat(n)}{}`,
  },
};

describe('linear time on hostile layouts', function () {
  this.timeout(120_000);
  const service = getLanguageService();

  for (const [name, shape] of Object.entries(HOSTILE_SHAPES)) {
    it(`checks ${name} in linear time (n → ${GROWTH_FACTOR}n grows < ${GROWTH_LIMIT}×)`, () => {
      const texts = new Map([shape.n, GROWTH_FACTOR * shape.n].map((n) => [n, shape.make(n)]));
      const run = (n: number) => {
        const document = TextDocument.create(shape.uri, 'jkopay', 1, texts.get(n)!);
        service.doValidation(document);
        service.doValidation(document, service.parseDocument(document));
      };
      const { small, large, ratio } = growth(run, shape.n);
      assert.ok(
        ratio < GROWTH_LIMIT,
        `${name}: ${small.toFixed(1)} ms at n=${shape.n}, ${large.toFixed(1)} ms at ${GROWTH_FACTOR}n (×${ratio.toFixed(1)})`,
      );
    });
  }

  // The mock judges a body with the same checks: one signed entry with 100,000 unknown keys blocked it for 32–35 s.
  it(`the mock checks a body with many unknown keys in linear time (n → ${GROWTH_FACTOR}n grows < ${GROWTH_LIMIT}×)`, () => {
    const bodies = new Map([1_000, GROWTH_FACTOR * 1_000].map((n) => [n, HOSTILE_SHAPES['unknown keys'].make(n)]));
    const run = (n: number) => {
      const text = bodies.get(n)!;
      checkFields('entry', text, 'TWD');
    };
    const { small, large, ratio } = growth(run, 1_000);
    assert.ok(
      ratio < GROWTH_LIMIT,
      `mock: ${small.toFixed(1)} ms at n=1000, ${large.toFixed(1)} ms at ${GROWTH_FACTOR}n (×${ratio.toFixed(1)})`,
    );
  });

  // Code actions for diagnostics a client sends back (issue 23): each one's line was found by a scan from the
  // start of the document, so n diagnostics on a document of n lines cost n² (1,000 on 10 MB: 30 s).
  it(`answers code actions for n diagnostics on n lines in linear time (n → ${GROWTH_FACTOR}n grows < ${GROWTH_LIMIT}×)`, () => {
    const documents = new Map(
      [2_000, GROWTH_FACTOR * 2_000].map((n) => [n, TextDocument.create('file:///s/lines.jkopay.json', 'jkopay', 1, '{}\n'.repeat(n))]),
    );
    const made = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        range: { start: { line: n - 1 - (i % 50), character: 0 }, end: { line: n - 1, character: 1 } },
        source: 'jkopay',
        code: `c${i}`,
        message: 'made up',
      }));
    const diagnostics = new Map([...documents.keys()].map((n) => [n, made(n)]));
    const run = (n: number) => service.doCodeActions(documents.get(n)!, diagnostics.get(n)!);
    const { small, large, ratio } = growth(run, 2_000);
    assert.ok(
      ratio < GROWTH_LIMIT,
      `code actions: ${small.toFixed(1)} ms at n=2000, ${large.toFixed(1)} ms at ${GROWTH_FACTOR}n (×${ratio.toFixed(1)})`,
    );
  });

  // An exclude glob from a repository's configuration against hostile file names (issue 23: compiled to a
  // backtracking RegExp, `*a*a*a*a*a*a*a*a*a*a*a*a*b` held `jkopay check .` for minutes on a name of 34 `a`s).
  it(`matches a catastrophic exclude glob in time linear in the name (n → ${GROWTH_FACTOR}n grows < ${GROWTH_LIMIT}×)`, () => {
    const excluded = globMatcher(['*a*a*a*a*a*a*a*a*a*a*a*a*b'], '/r');
    const names = new Map([200, GROWTH_FACTOR * 200].map((n) => [n, `/r/${'a'.repeat(n)}.jkopay.json`]));
    const run = (n: number) => {
      for (let i = 0; i < 50; i++) assert.equal(excluded(names.get(n)!), false);
    };
    const { small, large, ratio } = growth(run, 200);
    assert.ok(
      ratio < GROWTH_LIMIT,
      `glob: ${small.toFixed(1)} ms at n=200, ${large.toFixed(1)} ms at ${GROWTH_FACTOR}n (×${ratio.toFixed(1)})`,
    );
  });

  // The library's checkPayload on a value with n unknown keys (issue 23: 80,000 keys took 3.9 s, the line of each
  // finding found by a walk from the first line).
  it(`the library checks a value with many unknown keys in linear time (n → ${GROWTH_FACTOR}n grows < ${GROWTH_LIMIT}×)`, () => {
    const values = new Map(
      [1_000, GROWTH_FACTOR * 1_000].map((n) => [
        n,
        { ...ENTRY, ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1])) },
      ]),
    );
    const run = (n: number) => void checkPayload('entry', values.get(n)!);
    const { small, large, ratio } = growth(run, 1_000);
    assert.ok(
      ratio < GROWTH_LIMIT,
      `checkPayload: ${small.toFixed(1)} ms at n=1000, ${large.toFixed(1)} ms at ${GROWTH_FACTOR}n (×${ratio.toFixed(1)})`,
    );
  });

  // Marker comments in TS: n markers above one literal (each used to rescan the comments before it: 4,000 took 6 s).
  // The marker detection itself has its own layouts in markerScaling.test.ts; this is the whole check.
  it(`finds marker comments in TS in linear time (n → ${GROWTH_FACTOR}n grows < ${GROWTH_LIMIT}×)`, () => {
    const texts = new Map(
      [250, GROWTH_FACTOR * 250].map((n) => [n, `${'// @jkopay entry\n'.repeat(n)}const p = { platform_order_id: 'o' };\n`]),
    );
    const run = (n: number) => service.doValidation(TextDocument.create('file:///s/markers.ts', 'typescript', 1, texts.get(n)!));
    const { small, large, ratio } = growth(run, 250);
    assert.ok(
      ratio < GROWTH_LIMIT,
      `markers: ${small.toFixed(1)} ms at n=250, ${large.toFixed(1)} ms at ${GROWTH_FACTOR}n (×${ratio.toFixed(1)})`,
    );
  });
});
