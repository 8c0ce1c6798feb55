/**
 * Suppression comments through the language service: what they silence, the unused-suppression
 * hint, codes turned off by the settings, and the "Ignore this problem on this line" quick fix
 * whose comment then silences exactly that problem.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../src/core/languageService';

const ENTRY = [
  '{',
  '  "platform_order_id": "o1",',
  '  "store_id": "s",',
  '  "currency": "TWD",',
  '  "total_price": 100.5,',
  '  "final_price": 100,',
  '  "unredeem": 0',
  '}',
].join('\n');

function diagnose(text: string, severity: Record<string, 'off'> = {}) {
  const service = getLanguageService({ severity });
  const document = TextDocument.create('file:///a.entry.jkopay.json', 'jkopay', 1, text);
  return { service, document, diagnostics: service.doValidation(document) };
}

describe('suppressions', () => {
  it('offers "Ignore this problem on this line", and its comment silences the problem', () => {
    const { service, document, diagnostics } = diagnose(ENTRY);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['currency-precision'],
    );
    const ignore = service.doCodeActions(document, diagnostics).find((a) => a.title.startsWith('Ignore this problem on this line'));
    assert.ok(ignore, 'no ignore action');
    const edits = ignore.edit!.changes![document.uri];
    const fixed = TextDocument.applyEdits(document, edits);
    assert.match(fixed, /\n {2}\/\/ jkopay-ignore-next-line currency-precision\n {2}"total_price": 100\.5,/);
    assert.deepEqual(diagnose(fixed).diagnostics, []);
  });

  it('narrows by codes, reports unused directives as hints, and lets codes turned off need none', () => {
    const other = ENTRY.replace('  "total_price": 100.5,', '  // jkopay-ignore-next-line below-minimum\n  "total_price": 100.5,');
    const { diagnostics } = diagnose(other);
    assert.deepEqual(diagnostics.map((d) => `${d.code}:${d.range.start.line}`).sort(), ['currency-precision:5', 'unused-suppression:4']);
    assert.equal(diagnostics.find((d) => d.code === 'unused-suppression')!.severity, 4);
    const file = `// jkopay-ignore-file currency-precision\n${ENTRY}`;
    assert.deepEqual(diagnose(file).diagnostics, []);
    // Turned off by the settings: not reported, so the directive silences nothing and is unused.
    assert.deepEqual(
      diagnose(file, { 'currency-precision': 'off' }).diagnostics.map((d) => d.code),
      ['unused-suppression'],
    );
  });

  it('does not take a directive quoted inside a comment or string for one', () => {
    const quoted = ENTRY.replace('"store_id": "s"', '"store_id": "s // jkopay-ignore-file"');
    assert.deepEqual(
      diagnose(quoted).diagnostics.map((d) => d.code),
      ['currency-precision'],
    );
  });

  // The directives are found in one pass (issue 23); these are the block-comment cases that pass must keep.
  it('reads block-comment directives to their first */ and ignores unterminated ones', () => {
    const price = '  "total_price": 100.5,';
    const block = ENTRY.replace(price, `  /* jkopay-ignore-next-line\n     currency-precision -- legacy */\n${price}`);
    assert.deepEqual(diagnose(block).diagnostics, []);
    // A block directive that never closes silences nothing; one after it on its own line still works.
    const unterminated = `/* jkopay-ignore-file\n${ENTRY.replace(price, `  // jkopay-ignore-next-line currency-precision\n${price}`)}`;
    const codes = diagnose(unterminated).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('currency-precision'), codes.join());
  });
});
