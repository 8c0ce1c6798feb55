import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, makeDocument, service } from './helpers';
import { MAX_CODE_ACTIONS } from '../../src/core/features/codeActions';

/** Applies the first quick fix offered for `code` and returns the new text. */
function fix(text: string, code: string, title?: RegExp): string {
  const ls = service();
  const document = makeDocument(text);
  const diagnostics = ls.doValidation(document, ls.parseDocument(document)).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} diagnostic`);
  const actions = ls.doCodeActions(document, diagnostics).filter((a) => !title || title.test(a.title));
  assert.ok(actions.length > 0, `no fix for ${code}`);
  return applyEdits(document, actions[0].edit!.changes![document.uri]);
}

const base = '{"platform_order_id": "o", "store_id": "s", "currency": "USD", "total_price": 10, "final_price": 10, "unredeem": 0}';

describe('quick fixes', () => {
  it('rounds an amount to the currency decimals', () => {
    assert.equal(
      fix(base.replace('"total_price": 10', '"total_price": 10.005'), 'currency-precision'),
      base.replace('"total_price": 10', '"total_price": 10.01'),
    );
  });

  it('raises an amount to the currency minimum', () => {
    assert.equal(
      fix(base.replace('"final_price": 10', '"final_price": 0.01'), 'below-minimum'),
      base.replace('"final_price": 10', '"final_price": 0.02'),
    );
  });

  it('corrects the case of a currency', () => {
    assert.equal(fix(base.replace('"USD"', '"usd"'), 'invalid-value'), base);
  });

  it('switches http to https', () => {
    const text = base.replace('}', ', "confirm_url": "http://shop.example.com/c"}');
    assert.equal(fix(text, 'insecure-url'), base.replace('}', ', "confirm_url": "https://shop.example.com/c"}'));
  });

  it('renames an unknown key to the closest known one', () => {
    assert.equal(fix(base.replace('"unredeem"', '"unredem"'), 'unknown-field'), base);
  });

  it('adds all missing required fields as placeholders that keep failing until filled, never as a valid order', () => {
    const text = '{\n  "platform_order_id": "o",\n  "total_price": 1280\n}';
    const fixed = fix(text, 'missing-field');
    assert.match(fixed, /"store_id": ""/);
    assert.match(fixed, /"currency": "TWD"/);
    assert.match(fixed, /"final_price": 1280/, 'the price paid is the original price where that is written');
    const ls = service();
    const document = makeDocument(fixed);
    const left = ls.doValidation(document, ls.parseDocument(document)).map((d) => d.code);
    assert.ok(!left.includes('missing-field'), fixed);
    assert.ok(!left.includes('syntax-error'), fixed);
    assert.ok(left.includes('invalid-value'), `the empty store_id is a finding: ${left}`);
    // Without a total, both prices are zero: errors until they are filled.
    const blank = fix('{ "platform_order_id": "o" }', 'missing-field');
    const blankDocument = makeDocument(blank);
    const blankLeft = ls.doValidation(blankDocument, ls.parseDocument(blankDocument)).map((d) => d.code);
    assert.deepEqual(
      blankLeft.filter((c) => c === 'non-positive-amount'),
      ['non-positive-amount', 'non-positive-amount'],
      blank,
    );
  });

  it('writes the missing fields of a TS literal in its own style, with tab stops where the editor takes snippets', () => {
    const text = "const body = {\n  platform_order_id: 'o',\n  total_price: 99,\n};\npost('/platform/entry', body);\n";
    const document = TextDocument.create('file:///a.ts', 'typescript', 1, text);
    for (const snippetEdits of [false, true]) {
      const ls = service({ snippetEdits });
      const diagnostics = ls.doValidation(document, ls.parseDocument(document)).filter((d) => d.code === 'missing-field');
      const [action] = ls.doCodeActions(document, diagnostics).filter((a) => /Add missing/.test(a.title));
      if (!snippetEdits) {
        const fixed = applyEdits(document, action.edit!.changes![document.uri]);
        assert.match(
          fixed,
          /\n {2}store_id: '',\n {2}currency: 'TWD',\n {2}final_price: 99,\n {2}unredeem: 0,\n {2}platform_order_id: 'o'/,
          fixed,
        );
        continue;
      }
      const [change] = action.edit!.documentChanges as { textDocument: { version: number }; edits: { snippet?: { value: string } }[] }[];
      assert.equal(change.textDocument.version, 1);
      assert.equal(
        change.edits[0].snippet?.value,
        "store_id: '${1}',\n  currency: '${2:TWD}',\n  final_price: ${3:99},\n  unredeem: ${4:0},\n  ",
      );
    }
  });

  it('fills an empty object with valid JSON', () => {
    const fixed = fix('{}', 'missing-field');
    assert.doesNotThrow(() => JSON.parse(fixed));
    assert.deepEqual(Object.keys(JSON.parse(fixed)), [
      'platform_order_id',
      'store_id',
      'currency',
      'total_price',
      'final_price',
      'unredeem',
    ]);
  });

  // The diagnostics come back from the editor (issue 23): made-up ones must neither stall the server nor spoil the answer.
  describe('diagnostics sent back by a client', () => {
    const made = (line: number, code: string, data?: unknown) => ({
      range: { start: { line, character: 0 }, end: { line, character: 1 } },
      source: 'jkopay',
      code,
      message: 'made up',
      data,
    });
    const goodFix = (title: string) => ({ fixes: [{ title, edits: [{ range: made(0, '').range, newText: 'x' }] }] });

    it('passes over fixes of a wrong shape and keeps the others (was: one null dropped every action)', () => {
      const ls = service();
      const document = makeDocument(base);
      const diagnostics = [made(0, 'a', { fixes: [null, 5, { title: 3 }, { title: 't', edits: [null] }] }), made(0, 'b', goodFix('kept'))];
      const titles = ls.doCodeActions(document, diagnostics as never).map((a) => a.title);
      assert.deepEqual(titles, ['kept', 'Ignore this problem on this line (a)', 'Ignore this problem on this line (b)']);
    });

    it('ignores diagnostics on lines the document does not have (was: 1,000 on a 10 MB one-line document blocked the server 30 s)', () => {
      const ls = service();
      const document = makeDocument(`{"a": "${'x'.repeat(100_000)}"}`);
      const diagnostics = [made(1, 'a', goodFix('t')), made(5000, 'b'), { ...made(0, 'c'), range: null }, null];
      assert.deepEqual(ls.doCodeActions(document, diagnostics as never), []);
    });

    it(`answers at most ${MAX_CODE_ACTIONS} actions`, () => {
      const ls = service();
      const document = makeDocument(base);
      const diagnostics = Array.from({ length: 1000 }, (_, i) => made(0, `c${i}`, goodFix(`t${i}`)));
      assert.equal(ls.doCodeActions(document, diagnostics as never).length, MAX_CODE_ACTIONS);
    });
  });
});
