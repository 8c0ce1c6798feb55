/**
 * Formatting budgets (issue 13): jsonc-parser's formatter has no limits, so deep documents and
 * absurd options are refused or clamped before it runs, with a message in the user's language.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clampFormattingOptions, formatPayload, formatPayloadChecked, MAX_TAB_SIZE } from '../../src/core/features/formatting';
import { MAX_DEPTH } from '../../src/core/json/jsonParser';

const doc = (text: string) => TextDocument.create('file:///f/p.jkopay.json', 'jkopay', 1, text);

describe('formatting budgets', () => {
  it('refuses a 20,000-deep document at once, with a message, instead of building gigabytes of edits', () => {
    const text = `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    // No edit at all and the refusal's reason: it did not format (the gigabytes of edits it built came with edits).
    const result = formatPayloadChecked(doc(text), { tabSize: 2, insertSpaces: true });
    assert.deepEqual(result.edits, []);
    assert.match(result.refused ?? '', /nested 20001 levels deep, more than the 256 levels/);
    assert.match(formatPayloadChecked(doc(text), { tabSize: 2, insertSpaces: true }, undefined, 'zh-TW').refused ?? '', /未格式化/);
  });

  it('formats a document exactly at the depth limit', () => {
    const text = `${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`;
    const result = formatPayloadChecked(doc(text), { tabSize: 1, insertSpaces: true });
    assert.equal(result.refused, undefined);
    assert.ok(result.edits.length > 0);
  });

  it('clamps tabSize and insertSpaces to sane values', () => {
    assert.deepEqual(clampFormattingOptions({ tabSize: 50_000_000, insertSpaces: true }), { tabSize: MAX_TAB_SIZE, insertSpaces: true });
    assert.deepEqual(clampFormattingOptions({ tabSize: -3, insertSpaces: false }), { tabSize: 1, insertSpaces: false });
    assert.deepEqual(clampFormattingOptions({ tabSize: Number.NaN } as never), { tabSize: 4, insertSpaces: true });
    assert.deepEqual(clampFormattingOptions({ tabSize: '9' as never, insertSpaces: 'yes' as never }), { tabSize: 9, insertSpaces: true });
    const document = doc('{"a":{"b":[1,2]}}');
    const edits = formatPayload(document, { tabSize: 50_000_000, insertSpaces: true });
    const formatted = TextDocument.applyEdits(document, edits);
    assert.equal(
      formatted,
      `{\n${' '.repeat(16)}"a": {\n${' '.repeat(32)}"b": [\n${' '.repeat(48)}1,\n${' '.repeat(48)}2\n${' '.repeat(32)}]\n${' '.repeat(16)}}\n}`,
    );
  });

  it('refuses a document whose formatted text would be too large', () => {
    // 200 levels, then 300,000 items: each would get its own line indented 200 × 16 columns (~1 GB).
    const text = `${'['.repeat(200)}${'1,'.repeat(300_000)}1${']'.repeat(200)}`;
    const result = formatPayloadChecked(doc(text), { tabSize: 16, insertSpaces: true });
    assert.deepEqual(result.edits, []);
    assert.match(result.refused ?? '', /would exceed 32 MB/);
  });

  it('refuses a document too large to format without blocking the server for seconds', () => {
    const text = `[${'{"a": 1},'.repeat(500_000)}{}]`;
    const result = formatPayloadChecked(doc(text), { tabSize: 2, insertSpaces: true });
    assert.deepEqual(result.edits, []);
    assert.match(result.refused ?? '', /the document is 4\.3 MB; documents over 4 MB are not formatted/);
  });

  it('formats ordinary payloads as before, comments and number text kept', () => {
    const document = doc('// note\n[{"total_price":100.50,"currency":"TWD"},\n{"a":1e2}]');
    const formatted = TextDocument.applyEdits(document, formatPayload(document, { tabSize: 2, insertSpaces: true }));
    assert.equal(formatted, '// note\n[\n  {\n    "total_price": 100.50,\n    "currency": "TWD"\n  },\n  {\n    "a": 1e2\n  }\n]');
  });
});
