/**
 * The JSON front-end's fast token path must be invisible: on any text, `JsonTokens` gives exactly
 * the tokens of jsonc-parser's scanner (kind, offset, length, scan error, value). Random texts are
 * built from the fragments where the two could part: near-numbers, near-keywords, strings with
 * escapes or control characters, comments, unusual blank space, stray characters.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { JsonTokens } from '../../src/core/jsonTokens';

interface Token {
  kind: SyntaxKind;
  offset: number;
  length: number;
  error: number;
  value: string;
}

function scannerTokens(text: string): Token[] {
  const scanner = createScanner(text, true);
  const tokens: Token[] = [];
  for (;;) {
    const kind = scanner.scan();
    const error = scanner.getTokenError();
    tokens.push({ kind, offset: scanner.getTokenOffset(), length: scanner.getTokenLength(), error, value: scanner.getTokenValue() });
    if (kind === SyntaxKind.EOF) return tokens;
  }
}

function fastTokens(text: string): Token[] {
  const reader = new JsonTokens(text);
  const tokens: Token[] = [];
  for (;;) {
    const kind = reader.next();
    tokens.push({ kind, offset: reader.offset, length: reader.length, error: reader.error, value: reader.value() });
    if (kind === SyntaxKind.EOF) return tokens;
  }
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

describe('JsonTokens (the fast token path)', () => {
  it('gives the scanner’s own tokens on texts built from tricky fragments', () => {
    fc.assert(
      fc.property(fragmentText, (text) => {
        assert.deepEqual(fastTokens(text), scannerTokens(text));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('gives the scanner’s own tokens on random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        assert.deepEqual(fastTokens(text), scannerTokens(text));
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });

  it('gives the scanner’s own tokens on an ordinary payload file, with a byte-order mark skipped as parseJson does', () => {
    const text = '[\n  {\n    "platform_order_id": "order-1",\n    "total_price": 380.5,\n    "escrow": false,\n    "x": null\n  }\n]\n';
    assert.deepEqual(fastTokens(text), scannerTokens(text));
    const reader = new JsonTokens(`\ufeff${text}`, 1);
    assert.equal(reader.next(), SyntaxKind.OpenBracketToken);
    assert.equal(reader.offset, 1);
  });
});
