import * as assert from 'node:assert/strict';
import { codes, validate } from './helpers';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonDocument } from '../../src/core/json/jsonDocument';
import { validateJsonText, validatePayloads } from '../../src/core/rules/validation';

const entry = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    platform_order_id: 'o-1',
    store_id: '35f12dff-1581-11e9-a054-00505684fd45',
    currency: 'TWD',
    total_price: 100,
    final_price: 100,
    unredeem: 0,
    ...fields,
  });

describe('validation', () => {
  it('finds nothing in a valid entry', () => {
    assert.deepEqual(codes(entry()), []);
  });

  it('reports an inquiry id that holds half a surrogate pair, which send cannot encode', () => {
    assert.deepEqual(codes('{"platform_order_ids": ["ok", "\\udc00x"]}'), ['invalid-format']);
    assert.deepEqual(codes('{"platform_order_ids": "ok,\\ud800"}'), ['invalid-format']);
    assert.deepEqual(codes('{"platform_order_ids": ["\\ud83d\\ude00"]}'), []);
  });

  it('judges amounts on the text as written', () => {
    // 100.50 is a legal USD amount; 1e2 is a legal TWD amount; 1e-1 TWD has one decimal place.
    assert.deepEqual(codes(entry({ currency: 'USD' }).replace('"total_price":100', '"total_price":100.50')), []);
    assert.deepEqual(codes(entry().replace('"total_price":100', '"total_price":1e2')), []);
    assert.deepEqual(codes(entry().replace('"unredeem":0', '"unredeem":1e-1')), ['currency-precision']);
  });

  it('passes the exact minimum and fails just below it', () => {
    assert.deepEqual(codes(entry({ currency: 'CNY', total_price: 0.11, final_price: 0.11 })), []);
    assert.deepEqual(codes(entry({ currency: 'HKD', total_price: 0.13, final_price: 0.12 })), ['below-minimum']);
  });

  it('says what JKOPay would answer', () => {
    const [d] = validate(entry({ currency: 'JPY', total_price: 4, final_price: 5 }));
    assert.equal(d.code, 'below-minimum');
    assert.match(String(d.message), /200 "Order price below limit for this currency"/);
    const [p] = validate(entry({ currency: 'USD', total_price: 1.005, final_price: 1 }));
    assert.match(String(p.message), /Invalid number of digits for the order currency amount/);
  });

  it('uses the default currency for refunds', () => {
    const refund = '{"platform_order_id": "o", "refund_amount": 10.5}';
    assert.deepEqual(codes(refund), ['currency-precision']);
    assert.deepEqual(codes(refund, { defaultCurrency: 'USD' }), []);
  });

  it('applies severity overrides and turns rules off', () => {
    const text = entry({ final_price: 200 });
    assert.equal(validate(text)[0].severity, 2);
    assert.equal(validate(text, { severity: { 'final-exceeds-total': 'error' } })[0].severity, 1);
    assert.deepEqual(validate(text, { severity: { 'final-exceeds-total': 'off' } }), []);
  });

  it('speaks Traditional Chinese', () => {
    const [d] = validate(entry({ currency: 'JPY', total_price: 4, final_price: 5 }), { lang: 'zh-TW' });
    assert.match(String(d.message), /最低訂單金額/);
    assert.match(String(d.message), /街口會回應 200/);
  });

  it('puts missing-field on the opening brace', () => {
    const [d] = validate('\n  { "platform_order_ids": [] , "x": 1}', {}, 'file:///a.entry.jkopay.json');
    assert.equal(d.code, 'missing-field');
    assert.deepEqual(d.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } });
  });

  it('never throws on hostile input', () => {
    for (const text of [
      '',
      '"x"',
      '42',
      'null',
      '[[[[',
      '{"a":',
      '\u0000\u0001',
      '{"total_price": 1e999999}',
      '[1, {"refund_amount": "x"}]',
    ]) {
      assert.doesNotThrow(() => validate(text));
    }
    assert.deepEqual(
      codes('{"platform_order_id":"o","store_id":"s","currency":"TWD","total_price":1e999999,"final_price":1,"unredeem":0}'),
      ['invalid-value'],
    );
  });

  it('checks a 10 MB document', () => {
    const one = entry({ final_price: 200 });
    const text = `[${Array.from({ length: Math.ceil(10_000_000 / one.length) }, () => one).join(',\n')}]`;
    const diagnostics = validate(text);
    assert.ok(text.length >= 10_000_000);
    // The first 5,000 findings, then the notice that counts the rest (findingsBudget.ts).
    const total = Math.ceil(10_000_000 / one.length);
    assert.equal(diagnostics.length, 5001);
    assert.deepEqual(diagnostics[5000].data, { omitted: { error: 0, warning: total - 5000, information: 0, hint: 0 } });
  });
});

describe('streaming and retained checks', () => {
  it('give the same findings on every payload fixture', () => {
    const dir = path.join(__dirname, '../../../test/fixtures/payloads');
    const settings = { lang: 'en' as const, defaultCurrency: 'TWD' };
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const uri = `file:///${name}`;
      const streamed = validateJsonText(uri, text, settings);
      const retained = validatePayloads(parseJsonDocument(uri, text), settings);
      assert.deepEqual(streamed, retained, name);
      assert.ok(streamed.length > 0 || text.includes('// expect: none'), name);
    }
  });
});
