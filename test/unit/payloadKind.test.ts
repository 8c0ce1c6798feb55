import * as assert from 'node:assert/strict';
import { parseJsonDocument } from '../../src/core/json/jsonDocument';

const kinds = (text: string, uri = 'file:///x/p.jkopay.json') =>
  parseJsonDocument(uri, text).payloads.map((p) => `${p.kind}/${p.kindReason}`);

describe('payload kind', () => {
  it('follows $schema first', () => {
    assert.deepEqual(kinds('{"$schema": "./schemas/inquiry.schema.json", "refund_amount": 1}', 'file:///a.entry.jkopay.json'), [
      'inquiry/schema',
    ]);
  });

  it('then the file name', () => {
    assert.deepEqual(kinds('{"refund_amount": 1}', 'file:///a.entry.jkopay.json'), ['entry/fileName']);
  });

  it('knows a saved response by its fields whatever the file name', () => {
    assert.deepEqual(kinds('{"result": "105", "message": "Inconsistent refund amount"}', 'file:///a.refund.jkopay.json'), [
      'response/fields',
    ]);
  });

  it('then the fields', () => {
    assert.deepEqual(kinds('{"refund_amount": 1}'), ['refund/fields']);
    assert.deepEqual(kinds('{"refund_order_id": "r"}'), ['refund/fields']);
    assert.deepEqual(kinds('{"platform_order_ids": []}'), ['inquiry/fields']);
    assert.deepEqual(kinds('{"result": "000", "result_object": {}}'), ['response/fields']);
    assert.deepEqual(kinds('{"result": "000"}'), ['entry/fields']);
    assert.deepEqual(kinds('{}'), ['entry/fields']);
  });

  it('resolves each element of an array on its own', () => {
    assert.deepEqual(kinds('[{"refund_amount": 1}, {"platform_order_ids": "a"}, 3, {}]'), [
      'refund/fields',
      'inquiry/fields',
      'entry/fields',
    ]);
  });
});
