/**
 * Property-based tests of the front-ends (issue 13), with fast-check: random and mutated payload
 * files and TS sources never make a public function of the core throw; formatting keeps the
 * findings; the streaming and retained checks agree; the decimal reader agrees with a reference.
 * Short and seeded in the unit suite (the same cases on every run); `npm run fuzz` runs many more
 * from a fresh seed (FUZZ_RUNS and FUZZ_SEED override both).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compare, decimal, format as formatDecimal, readNumber } from '../../src/core/model/decimal';
import { getDocumentSymbols } from '../../src/core/features/documentSymbols';
import { getFoldingRanges } from '../../src/core/features/folding';
import { formatPayloadChecked } from '../../src/core/features/formatting';
import { parseJsonDocument } from '../../src/core/json/jsonDocument';
import { getLanguageService } from '../../src/core/languageService';
import { validateJsonText, validatePayloads } from '../../src/core/rules/validation';
import { fuzzRuns } from '../support/fuzzRuns';

const { runs: RUNS, params } = fuzzRuns(5000);
const settings = { lang: 'en' as const, defaultCurrency: 'TWD' };

const FIELDS = [
  'platform_order_id',
  'store_id',
  'currency',
  'total_price',
  'final_price',
  'unredeem',
  'valid_time',
  'confirm_url',
  'result_url',
  'result_display_url',
  'payment_type',
  'escrow',
  'products',
  'name',
  'img',
  'unit_count',
  'unit_price',
  'unit_final_price',
  'refund_amount',
  'refund_order_id',
  'platform_order_ids',
  '$schema',
];

/** JSON number texts as people write them: integers, decimals with trailing zeros, exponents, huge digit runs. */
const numberText = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.stringMatching(/^[0-9]{1,4}$/)).map(([i, f]) => `${i}.${f}`),
  fc.tuple(fc.integer({ min: -9, max: 999 }), fc.integer({ min: -5, max: 5 })).map(([m, e]) => `${m}e${e}`),
  fc.stringMatching(/^[1-9][0-9]{15,30}$/),
);

const stringText = fc
  .oneof(
    fc.constantFrom(
      'TWD',
      'twd',
      'USD',
      'JPY',
      'https://example.com/cb',
      'http://127.0.0.1:3000/x',
      'http://shop.example/x',
      '2026-02-30 10:00:00',
      '2026-12-31 23:59:59',
      'a,b',
      'a, b',
      '',
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  )
  .map((s) => JSON.stringify(s));

/** Payload-like JSON text: known keys (and some unknown or duplicate ones) with values of any type. */
const valueText: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberText,
    stringText,
    fc.constantFrom('true', 'false', 'null'),
    tie('object'),
    tie('array'),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 })), tie('value')), { maxLength: 8 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
})).value;

const payloadObject = fc
  .array(fc.tuple(fc.constantFrom(...FIELDS), valueText), { maxLength: 14 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(',\n  ')}}`);

/** A payload file: one object or an array of them, sometimes with comments around. */
const payloadFile = fc
  .tuple(fc.array(payloadObject, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(
    ([objects, asArray, comment]) =>
      (comment ? '// payloads\n' : '') + (asArray ? `[${objects.join(',\n')}]` : objects[0]) + (comment ? ' /* end */' : ''),
  );

const SYNTAX_CHARS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  "'",
  '\\',
  '/',
  '*',
  '\n',
  '\r',
  ' ',
  '1',
  '.',
  'e',
  '-',
  '\u0000',
  '\u2028',
  '\ufeff',
  '\ud800',
];

/** A text with random edits: deleted ranges, inserted syntax characters, duplicated slices. */
function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.nat(),
    fc.nat({ max: 12 }),
    fc.oneof(fc.constantFrom(...SYNTAX_CHARS), fc.string({ maxLength: 4 }), fc.constant(null)),
  );
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 6 })).map(([text, edits]) => {
    for (const [at, length, insert] of edits) {
      const start = text.length ? at % text.length : 0;
      const inserted = insert ?? text.slice(start, start + length); // null: duplicate a slice
      text = text.slice(0, start) + inserted + text.slice(start + (insert === null ? 0 : length));
    }
    return text;
  });
}

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), mutated(payloadFile));

/** Every public entry of the core a document meets in the editor, at one offset. */
function exerciseAll(uri: string, languageId: string, text: string, offset: number): void {
  const service = getLanguageService({ lang: offset % 2 ? 'zh-TW' : 'en' });
  const document = TextDocument.create(uri, languageId, 1, text);
  const doc = service.parseDocument(document);
  service.doValidation(document);
  const diagnostics = service.doValidation(document, doc);
  const position = document.positionAt(text.length ? offset % (text.length + 1) : 0);
  service.doHover(document, doc, position);
  service.doComplete(document, doc, position);
  service.doCodeActions(document, diagnostics);
  if (languageId === 'jkopay') {
    getFoldingRanges(document, doc);
    getDocumentSymbols(document, doc);
    formatPayloadChecked(document, { tabSize: (offset % 9) + 1, insertSpaces: offset % 3 !== 0 });
  }
}

/** Findings as the user reads them, position-free: what formatting must keep. */
function findingSummary(text: string): string[] {
  return validateJsonText('file:///f/p.jkopay.json', text, settings)
    .map((f) => `${f.code} ${f.message}`)
    .sort();
}

describe('fuzzing the front-ends', function () {
  this.timeout(120_000);

  it('the JSON front-end never throws on random or mutated files', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), (text, offset) => {
        exerciseAll('file:///f/fuzz.jkopay.json', 'jkopay', text, offset);
      }),
      params(),
    );
  });

  it('the streaming and the retained checks agree on random and mutated files', () => {
    fc.assert(
      fc.property(fc.oneof(payloadFile, anyText), (text) => {
        const uri = 'file:///f/fuzz.jkopay.json';
        assert.deepEqual(validateJsonText(uri, text, settings), validatePayloads(parseJsonDocument(uri, text), settings));
      }),
      params(),
    );
  });

  // Issue 23: the diagnostics a client sends back are input too (one null in their data dropped every action).
  it('code actions never throw on made-up diagnostics of any shape', () => {
    const service = getLanguageService();
    const document = TextDocument.create('file:///f/p.jkopay.json', 'jkopay', 1, '{\n  "a": 1\n}\n');
    const position = fc.record({ line: fc.oneof(fc.nat(5), fc.integer(), fc.anything()), character: fc.oneof(fc.nat(5), fc.anything()) });
    const diagnostic = fc.oneof(
      fc.anything(),
      fc.record({
        range: fc.oneof(fc.record({ start: position, end: position }), fc.anything()),
        source: fc.constantFrom('jkopay', 'other'),
        code: fc.oneof(fc.string(), fc.anything()),
        message: fc.string(),
        data: fc.oneof(
          fc.anything(),
          fc.record({ fixes: fc.array(fc.oneof(fc.anything(), fc.record({ title: fc.string(), edits: fc.anything() }))) }),
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 20 }), (diagnostics) => {
        assert.ok(Array.isArray(service.doCodeActions(document, diagnostics as never)));
      }),
      params(),
    );
  });

  it('parse → format → parse keeps the findings', () => {
    fc.assert(
      fc.property(payloadFile, fc.integer({ min: 1, max: 8 }), fc.boolean(), (text, tabSize, insertSpaces) => {
        const document = TextDocument.create('file:///f/p.jkopay.json', 'jkopay', 1, text);
        const { edits, refused } = formatPayloadChecked(document, { tabSize, insertSpaces });
        assert.equal(refused, undefined);
        const formatted = TextDocument.applyEdits(document, edits);
        assert.deepEqual(findingSummary(formatted), findingSummary(text));
      }),
      params(),
    );
  });

  it('the TS front-end never throws on random or mutated sources', () => {
    const source = fc
      .tuple(
        payloadObject,
        fc.constantFrom('// @jkopay entry\nconst p = ', 'const r: RefundRequest = ', 'export const x = ', 'f(', 'const q = { ...base, '),
      )
      .map(([object, head]) => `${head}${object.replace(/"(\w+)":/g, (_, k: string) => (k.length % 2 ? `${k}:` : `'${k}':`))};\n`);
    fc.assert(
      fc.property(fc.oneof(source, mutated(source), fc.string({ maxLength: 120 })), fc.nat(), (text, offset) => {
        exerciseAll('file:///f/fuzz.ts', 'typescript', text, offset);
      }),
      params(),
    );
  });

  it('the decimal reader never throws, and agrees with a double wherever a double is exact', () => {
    fc.assert(
      fc.property(fc.oneof(numberText, fc.string({ maxLength: 30 }), mutated(numberText)), (text) => {
        readNumber(text);
      }),
      params(RUNS * 4),
    );
    // Up to 15 significant digits and a modest exponent, doubles order decimals exactly: a reference.
    const exact = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[1-9][0-9]{0,6}$/),
        fc.stringMatching(/^[0-9]{0,6}$/),
        fc.integer({ min: -8, max: 8 }),
        fc.boolean(),
      )
      .map(([negative, int, frac, exp, withExp]) => `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}${withExp ? `e${exp}` : ''}`);
    fc.assert(
      fc.property(exact, exact, (a, b) => {
        const da = readNumber(a);
        const db = readNumber(b);
        assert.ok(da && db, `${a} or ${b} not read`);
        assert.equal(compare(da, db), Math.sign(Number(a) - Number(b)), `${a} vs ${b}`);
        assert.equal(Number(formatDecimal(decimal(a))), Number(a), a);
        if (!a.includes('e')) assert.equal(da.scale, a.includes('.') ? a.length - a.indexOf('.') - 1 : 0, a);
      }),
      params(RUNS * 4),
    );
  });
});
