/**
 * The request bytes: built once from the payload model, numbers exactly as written, `$schema`
 * and comments gone, strings and keys as JSON; the inquiry query with literal commas.
 */
import * as assert from 'node:assert/strict';
import { buildInquiryQuery, buildRequestBody, prepareRequest, RequestBuildError } from '../../../src/api/requestBody';
import { computeDigest } from '../../../src/api/signing';
import { parseJsonDocument } from '../../../src/core/json/jsonDocument';
import type { ObjectNode, Payload } from '../../../src/core/model/model';

function payloadOf(text: string, uri = 'file:///x.jkopay.json'): Payload {
  const doc = parseJsonDocument(uri, text);
  assert.equal(doc.payloads.length, 1, 'one payload');
  return doc.payloads[0];
}

describe('api/requestBody', () => {
  it('keeps every number as written and drops $schema and comments', () => {
    const text = `{
      "$schema": "./entry.schema.json", // editor only
      "platform_order_id": "o-1",
      "total_price": 100.50,
      "final_price": 12345678901234567890,
      "unredeem": 1e2,
      "neg": -0.10,
      "products": [{"name": "茶", "unit_count": 1, "unit_price": 0.1, "unit_final_price": 100.500}]
    }`;
    const body = buildRequestBody(payloadOf(text).node);
    assert.equal(
      body,
      '{"platform_order_id":"o-1","total_price":100.50,"final_price":12345678901234567890,"unredeem":1e2,"neg":-0.10,' +
        '"products":[{"name":"茶","unit_count":1,"unit_price":0.1,"unit_final_price":100.500}]}',
    );
    assert.notEqual(JSON.stringify(JSON.parse(body)), body, 'a JSON.parse round trip would have changed the bytes');
  });

  it('writes strings and keys as JSON, escapes included, non-ASCII as is', () => {
    const body = buildRequestBody(
      payloadOf('{"platform_order_id": "a\\"b\\\\c\\u0001/é\\u00e9", "k\\ney": true, "n": null, "e": false}').node,
    );
    assert.equal(body, '{"platform_order_id":"a\\"b\\\\c\\u0001/éé","k\\ney":true,"n":null,"e":false}');
    assert.deepEqual(JSON.parse(body), { platform_order_id: 'a"b\\c\u0001/éé', 'k\ney': true, n: null, e: false });
  });

  it('keeps a nested $schema key (only the top-level one is editor-only) and duplicate keys as written', () => {
    const body = buildRequestBody(payloadOf('{"a": {"$schema": 1}, "x": 1, "x": 2}').node);
    assert.equal(body, '{"a":{"$schema":1},"x":1,"x":2}');
  });

  it('signs exactly the bytes it sends', () => {
    const prepared = prepareRequest(payloadOf('{"platform_order_id": "r-1", "refund_amount": 10.00}', 'file:///r.refund.jkopay.json'));
    assert.equal(prepared.method, 'POST');
    assert.equal(prepared.path, '/platform/refund');
    assert.equal(prepared.body, '{"platform_order_id":"r-1","refund_amount":10.00}');
    assert.equal(prepared.signedText, prepared.body);
    assert.equal(computeDigest('s', prepared.signedText), computeDigest('s', Buffer.from(prepared.body!, 'utf8')));
  });

  it('reproduces vector V4 from a payload file', () => {
    const text = `{"platform_order_id":"demo-order-001","store_id":"35f12dff-1581-11e9-a054-00505684fd45","currency": "TWD","total_price":10,"final_price":10,"unredeem":10,"result_display_url":"https://display.com","result_url":"https://result-callback.xxx/xxx"}`;
    const prepared = prepareRequest(payloadOf(text));
    const key = 'r0odDC1e9LHXDmxuvmOv9bgaWLf2CXB2c4gMheoFucVKNMi1K0Id9zwRHJF1r-kdtAKriKgb11VDlo7Kb8R-FQ';
    assert.equal(computeDigest(key, prepared.signedText), '5591d94a4057387bfdd984a79945a2941affe59404a73e7b9a380f9cc97c78b4');
  });

  it('builds the inquiry query with literal commas from an array or a string', () => {
    const fromArray = prepareRequest(payloadOf('{"platform_order_ids": ["87", "88"]}'));
    assert.equal(fromArray.method, 'GET');
    assert.equal(fromArray.signedText, 'platform_order_ids=87,88');
    assert.equal(fromArray.path, '/platform/inquiry?platform_order_ids=87,88');
    assert.equal(fromArray.body, undefined);
    assert.equal(computeDigest('QxN1X', fromArray.signedText), 'a0836fefb028ea7493118c8b5eb6752113f552ac8ef35f3cb8cda91808c77188');
    const fromString = prepareRequest(payloadOf('{"$schema": "inquiry.schema.json", "platform_order_ids": "test123,demo-order-001"}'));
    assert.equal(fromString.signedText, 'platform_order_ids=test123,demo-order-001');
  });

  it('percent-encodes each id on its own, never the separating comma', () => {
    const node = payloadOf('{"platform_order_ids": ["a b", "c&d", "中"]}').node;
    assert.equal(buildInquiryQuery(node), 'platform_order_ids=a%20b,c%26d,%E4%B8%AD');
  });

  it('refuses what cannot be sent as written', () => {
    assert.throws(() => prepareRequest(payloadOf('{"result": "000", "message": null}')), RequestBuildError);
    assert.throws(() => buildInquiryQuery(payloadOf('{"platform_order_ids": []}').node), /empty id/);
    assert.throws(() => buildInquiryQuery(payloadOf('{"platform_order_ids": "a,,b"}').node), /empty id/);
    // Half a surrogate pair has no UTF-8 form: a build error naming the id, not encodeURIComponent's URIError.
    assert.throws(
      () => buildInquiryQuery(payloadOf('{"platform_order_ids": ["ok", "\\ud800"]}').node),
      /platform_order_ids\[1\].*lone UTF-16 surrogate/,
    );
    // What the TypeScript front-end will hand over for values only known at run time, or in JS spellings.
    const unknown: ObjectNode = {
      type: 'object',
      offset: 0,
      length: 10,
      properties: [{ key: 'total_price', keyOffset: 1, keyLength: 13, value: { type: 'unknown', offset: 15, length: 5 } }],
    };
    assert.throws(() => buildRequestBody(unknown), /only known when the program runs/);
    // The runner and `jkopay send` show the reason in the display language.
    assert.throws(
      () => buildRequestBody(unknown),
      (e: unknown) =>
        e instanceof RequestBuildError && e.messageIn('zh-TW') === '「total_price」要到程式執行時才知道；請寫成字面值才能送出此 payload',
    );
    const hex: ObjectNode = {
      type: 'object',
      offset: 0,
      length: 10,
      properties: [{ key: 'total_price', keyOffset: 1, keyLength: 13, value: { type: 'number', offset: 15, length: 4, text: '0x10' } }],
    };
    assert.throws(() => buildRequestBody(hex), /not a JSON number/);
  });
});
