import * as assert from 'node:assert/strict';
import { service, withCaret } from './helpers';

function hover(textWithCaret: string, lang: 'en' | 'zh-TW' = 'en', uri?: string): string {
  const ls = service({ lang });
  const { document, position } = withCaret(textWithCaret, uri);
  const h = ls.doHover(document, ls.parseDocument(document), position);
  return h ? (h.contents as { value: string }).value : '';
}

function complete(textWithCaret: string) {
  const ls = service();
  const { document, position } = withCaret(textWithCaret);
  return ls.doComplete(document, ls.parseDocument(document), position).items;
}

describe('hover', () => {
  it('documents a field on its key', () => {
    const text = hover('{ "total_pr|ice": 100, "currency": "JPY" }');
    assert.match(text, /\*\*total_price\*\*/);
    assert.match(text, /JPY: 0 decimal places, minimum 5/);
  });

  it('explains a result code with the exact message of the row it matches', () => {
    const text = hover('{ "result": "2|00", "message": "Store not found", "result_object": null }');
    assert.match(text, /`Store not found`/);
    assert.doesNotMatch(text, /Order price below limit/);
  });

  it('lists every row of a code when the message does not narrow it', () => {
    const text = hover('{ "result": "20|0", "result_object": null }');
    assert.match(text, /Store not found/);
    assert.match(text, /Order price below limit for this currency/);
  });

  it('explains a free-text 922 by the row whose message varies', () => {
    const text = hover(
      '{ "result": "9|22", "message": "Refund failed: account frozen", "result_object": null }',
      'en',
      'file:///r.refund.jkopay.json',
    );
    assert.doesNotMatch(text, /`Refund amount exceeds order final price`/);
    assert.match(text, /922/);
  });

  it('keeps the official typo of refund 100', () => {
    assert.match(hover('{ "result": "10|0", "message": "Invaid Order ID" }'), /Invaid Order ID/);
  });

  it('explains a documented message string', () => {
    assert.match(hover('{ "result": "105", "message": "Inconsistent refund |amount" }'), /refund_order_id/);
  });

  it('speaks Traditional Chinese', () => {
    assert.match(hover('{ "result": "0|00", "message": null, "result_object": {} }', 'zh-TW'), /[\u4e00-\u9fff]/);
    assert.match(hover('{ "curren|cy": "TWD" }', 'zh-TW'), /必填/);
  });

  it('says nothing outside a field', () => {
    assert.equal(hover('|{ "currency": "TWD" }'), '');
  });
});

describe('completion', () => {
  it('offers the missing keys of the endpoint, required first', () => {
    const labels = complete('{ "platform_order_id": "o", | }').map((i) => i.label);
    assert.ok(labels.includes('currency'));
    assert.ok(!labels.includes('platform_order_id'));
    assert.ok(labels.indexOf('store_id') < labels.indexOf('escrow'));
  });

  it('offers the currencies as values', () => {
    const labels = complete('{ "currency": | }').map((i) => i.label);
    assert.deepEqual(labels, ['"TWD"', '"JPY"', '"USD"', '"CNY"', '"HKD"']);
  });

  it('replaces the value being typed', () => {
    const [first] = complete('{ "currency": "U|" }');
    assert.ok(first.textEdit && 'range' in first.textEdit);
    assert.deepEqual((first.textEdit as { range: unknown }).range, { start: { line: 0, character: 14 }, end: { line: 0, character: 17 } });
  });

  it('offers whole-payload snippets in an empty file and in a top-level array', () => {
    assert.deepEqual(
      complete('|').map((i) => i.label),
      ['jkopay-entry', 'jkopay-refund', 'jkopay-inquiry'],
    );
    assert.equal(complete('[ {}, | ]').length, 3);
  });

  it('offers refund keys in a refund payload', () => {
    const labels = complete('{ "refund_amount": 1, | }').map((i) => i.label);
    assert.ok(labels.includes('refund_order_id'));
    assert.ok(!labels.includes('total_price'));
  });
});
