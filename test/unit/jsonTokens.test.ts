/**
 * The JSON front-end's plain-token path must be invisible: on any text, `parseJson` (which reads
 * plain tokens itself) gives exactly the parse it gives when jsonc-parser's scanner reads every
 * token: the same nodes, offsets, values and problems. Random texts are built from the fragments
 * where the two could part: near-numbers, near-keywords, strings with escapes or control
 * characters, comments, unusual blank space, stray characters.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SyntaxKind } from 'jsonc-parser';
import { type JsonParseOptions, parseJson, readJson } from '../../src/core/json/jsonParser';
import { Token } from '../../src/core/json/jsonTokens';

/** The plain-token parse and the scanner-only parse agree, payload callbacks included. */
function assertSameParse(text: string, options: JsonParseOptions = {}): void {
  const seen: { plain: unknown[]; scanner: unknown[] } = { plain: [], scanner: [] };
  const plain = parseJson(text, { ...options, onPayload: (node) => seen.plain.push(node) });
  const scanner = readJson(text, { ...options, onPayload: (node) => seen.scanner.push(node) }, false);
  assert.deepEqual(plain, scanner, JSON.stringify(text));
  assert.deepEqual(seen.plain, seen.scanner);
}

const FRAGMENTS = [
  // blank space, including what the scanner counts and the fast path does not
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\v',
  '\f',
  '\u00a0',
  '\u2028',
  '\ufeff',
  // punctuation
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  // numbers and near-numbers
  '0',
  '-0',
  '01',
  '12',
  '-',
  '1.',
  '1.5',
  '.5',
  '1e',
  '1e+',
  '1e5',
  '1E-3',
  '-12.50e+2',
  '0x10',
  '1.2.3',
  'Infinity',
  'NaN',
  // keywords and near-keywords
  'true',
  'false',
  'null',
  'tru',
  'truex',
  'nulls',
  'False',
  'undefined',
  // strings
  '"a"',
  '""',
  '"total_price"',
  '"街口支付"',
  '"a\\"b"',
  '"\\u0041"',
  '"\\x"',
  '"tab\there"',
  '"line\nbreak"',
  '"unterminated',
  '"\\',
  '"emoji 😀"',
  '"lone \ud800"',
  // comments
  '// note\n',
  '/* block */',
  '/* open',
  '/',
  '#',
  // stray characters
  '@',
  '\u0000',
  '\u001f',
  '\\',
  "'single'",
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
/** The options that change what the parse keeps: a payload left out of the root array, a shallow depth limit. */
const parseOptions = fc.constantFrom<JsonParseOptions>({}, { dropPayloads: true }, { maxDepth: 2 }, { maxDepth: 0 });

describe('the plain-token path of the JSON front-end', () => {
  it('numbers its token kinds as jsonc-parser does', () => {
    const pairs: [Token, SyntaxKind][] = [
      [Token.OpenBrace, SyntaxKind.OpenBraceToken],
      [Token.CloseBrace, SyntaxKind.CloseBraceToken],
      [Token.OpenBracket, SyntaxKind.OpenBracketToken],
      [Token.CloseBracket, SyntaxKind.CloseBracketToken],
      [Token.Comma, SyntaxKind.CommaToken],
      [Token.Colon, SyntaxKind.ColonToken],
      [Token.Null, SyntaxKind.NullKeyword],
      [Token.True, SyntaxKind.TrueKeyword],
      [Token.False, SyntaxKind.FalseKeyword],
      [Token.String, SyntaxKind.StringLiteral],
      [Token.Number, SyntaxKind.NumericLiteral],
      [Token.EOF, SyntaxKind.EOF],
    ];
    for (const [ours, theirs] of pairs) assert.equal(ours, theirs);
  });

  it('gives the scanner’s parse on texts built from tricky fragments', () => {
    fc.assert(
      fc.property(fragmentText, parseOptions, (text, options) => assertSameParse(text, options)),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('gives the scanner’s parse on random strings and random JSON', () => {
    const texts = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.json());
    fc.assert(
      fc.property(texts, parseOptions, (text, options) => assertSameParse(text, options)),
      { numRuns: 2000, seed: 20261130 },
    );
  });

  it('gives the scanner’s parse on an ordinary payload file, with or without a byte-order mark', () => {
    const text = '[\n  {\n    "platform_order_id": "order-1",\n    "total_price": 380.5,\n    "escrow": false,\n    "x": null\n  }\n]\n';
    assertSameParse(text);
    assertSameParse(`\ufeff${text}`);
    assert.equal(parseJson(`\ufeff${text}`).root?.offset, 1);
  });
});
