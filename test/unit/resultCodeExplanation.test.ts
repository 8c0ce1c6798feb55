import * as assert from 'node:assert/strict';
import { explainCodeMarkdown, explainMessageMarkdown } from '../../src/core/texts/resultCodeDocs';
import { renderRows } from '../../src/cli/explainCommand';
import { explainQuery, explainResultCode, explainResultMessage, explainTransactionStatus } from '../../src/data/resultCodeExplanation';

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('structured result-code explanation', () => {
  it('gives every row of a code for an endpoint, current rows first', () => {
    const e = explainResultCode('922', 'refund');
    assert.equal(e.match, 'code');
    assert.deepEqual(ids(e.rows).sort(), ['refund.922.exceeds-final-price', 'refund.922.refund-failed']);
    assert.ok(e.rows.every((r) => r.meaning.en && r.meaning['zh-TW'] && r.action.en && r.action['zh-TW']));
  });

  it('narrows by the exact message received, else to the rows whose message varies', () => {
    const exact = explainResultCode('922', 'refund', 'Refund amount exceeds order final price');
    assert.equal(exact.match, 'exact-message');
    assert.deepEqual(ids(exact.rows), ['refund.922.exceeds-final-price']);
    const varying = explainResultCode('922', 'refund', 'Refund window closed for this merchant');
    assert.equal(varying.match, 'varying-message');
    assert.deepEqual(ids(varying.rows), ['refund.922.refund-failed']);
  });

  it('says none for an undocumented code and falls back to other endpoints for a known one', () => {
    assert.equal(explainResultCode('987').match, 'none');
    assert.deepEqual(explainResultCode('987').rows, []);
    const elsewhere = explainResultCode('922', 'entry');
    assert.ok(elsewhere.rows.length > 0, 'the refund rows answer when entry has no 922');
  });

  it('looks a text up by message, preferring the endpoint and the older flat table', () => {
    const e = explainResultMessage('Refund amount exceeds order final price', 'refund');
    assert.equal(e.match, 'message');
    assert.deepEqual(ids(e.rows), ['refund.922.exceeds-final-price']);
    assert.equal(explainResultMessage('no such text anywhere').match, 'none');
    assert.equal(explainQuery('922', 'refund').match, 'code');
    assert.equal(explainQuery('Refund amount exceeds order final price').match, 'message');
  });

  it('knows inquiry transaction statuses', () => {
    assert.equal(explainTransactionStatus(102)?.status, 102);
    assert.equal(explainTransactionStatus(-12345), undefined);
  });

  it('is only formatted by the hovers and the CLI: both show the same rows', () => {
    const rows = explainResultCode('922', 'refund').rows;
    const markdown = explainCodeMarkdown('922', 'zh-TW', 'refund');
    const text = renderRows(rows, 'zh-TW');
    for (const row of rows) {
      assert.ok(markdown.includes(row.meaning['zh-TW']), 'hover shows the meaning');
      assert.ok(text.includes(row.meaning['zh-TW']), 'CLI shows the meaning');
      assert.ok(markdown.includes(row.action['zh-TW']) && text.includes(row.action['zh-TW']));
    }
    assert.equal(explainMessageMarkdown('no such text anywhere', 'en'), undefined);
  });
});
