/**
 * Every row of the official entry and refund tables (jkopay-response-codes.md §1.1, §1.2)
 * driven through the mock over real HTTP: each must come back with its exact code and message.
 * The expected texts are typed here from the official page, independently of resultCodes.json,
 * so a typo in either the data or the mock fails this test.
 */
import * as assert from 'node:assert/strict';
import { mockConfig } from '../../../src/api/mock/mockConfig';
import { type RunningMockServer, startMockServer } from '../../../src/api/mock/mockServer';
import { control, signedPost } from './localServers';

const TWD_STORE = '00000000-0000-4000-8000-000000000001';
const MULTI_STORE = '00000000-0000-4000-8000-000000000002';
const IDENTITY_STORE = '00000000-0000-4000-8000-000000000003';

function entryBody(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    platform_order_id: 'order-1',
    store_id: TWD_STORE,
    currency: 'TWD',
    total_price: 100,
    final_price: 100,
    unredeem: 0,
    ...fields,
  });
}

describe('mock: the official entry table', () => {
  let mock: RunningMockServer;
  beforeEach(async () => {
    mock = await startMockServer({ config: mockConfig({ callbacks: { resultBaseDelayMs: 1 } }) });
  });
  afterEach(() => mock.close());
  const entry = (body: string, headers?: Record<string, string>) => signedPost(mock.url, '/platform/entry', body, headers);

  it('"000" null {payment_url, qr_img, qr_timeout}', async () => {
    const a = await entry(entryBody());
    assert.equal(a.status, 200);
    assert.equal(a.json.result, '000');
    assert.equal(a.json.message, null);
    assert.deepEqual(Object.keys(a.json.result_object), ['payment_url', 'qr_img', 'qr_timeout']);
    assert.equal(a.json.result_object.qr_timeout, 600);
    // Before payment the same id and values give the same link.
    const again = await entry(entryBody());
    assert.equal(again.json.result, '000');
    assert.equal(again.json.result_object.payment_url, a.json.result_object.payment_url);
  });

  it('"101" "Order is paid"', async () => {
    await entry(entryBody());
    assert.equal((await control(mock.url, 'orders/order-1/pay', {})).status, 200);
    const a = await entry(entryBody());
    assert.deepEqual(a.json, { result: '101', message: 'Order is paid', result_object: null });
  });

  it('"200" "Bad request" with result_object naming each bad field', async () => {
    const body = JSON.stringify({
      platform_order_id: 'x'.repeat(61),
      currency: 'TWD',
      total_price: '100',
      final_price: 100,
      unredeem: 0,
      valid_time: '2026-01-01T00:00:00',
      products: [{ name: 'tea', unit_count: 0, unit_price: 1, unit_final_price: 1 }],
    });
    const a = await entry(body);
    assert.equal(a.json.result, '200');
    assert.equal(a.json.message, 'Bad request');
    assert.deepEqual(Object.keys(a.json.result_object).sort(), [
      'platform_order_id',
      'products[0].unit_count',
      'store_id',
      'total_price',
      'valid_time',
    ]);
    assert.match(a.json.result_object.store_id, /Missing required field "store_id"/);
    assert.match(a.json.result_object.total_price, /must be a number/);
  });

  it('passes warnings such as a loopback result_url (only errors are a bad request)', async () => {
    const a = await entry(entryBody({ result_url: 'http://127.0.0.1:9/cb', unknown_extra: 1 }));
    assert.equal(a.json.result, '000');
  });

  it('"200" "Store not found"', async () => {
    const a = await entry(entryBody({ store_id: '35f12dff-1581-11e9-a054-00505684fd45' }));
    assert.deepEqual(a.json, { result: '200', message: 'Store not found', result_object: null });
  });

  it('"200" "Using the currency unsupported by the Store"', async () => {
    const a = await entry(entryBody({ currency: 'USD', total_price: 10, final_price: 10 }));
    assert.deepEqual(a.json, { result: '200', message: 'Using the currency unsupported by the Store', result_object: null });
    const ok = await entry(entryBody({ store_id: MULTI_STORE, currency: 'USD', total_price: 10, final_price: 10 }));
    assert.equal(ok.json.result, '000');
  });

  it('"200" "Entry of this store needs identity verification"', async () => {
    const a = await entry(entryBody({ store_id: IDENTITY_STORE }));
    assert.deepEqual(a.json, { result: '200', message: 'Entry of this store needs identity verification', result_object: null });
    const empty = await entry(entryBody({ store_id: IDENTITY_STORE, identities: [] }));
    assert.equal(empty.json.message, 'Entry of this store needs identity verification');
    const ok = await entry(entryBody({ store_id: IDENTITY_STORE, identities: ['A123456789'] }));
    assert.equal(ok.json.result, '000');
  });

  it('"200" "Order has been used as entry but they do not match with each others"', async () => {
    await entry(entryBody());
    const expected = { result: '200', message: 'Order has been used as entry but they do not match with each others', result_object: null };
    assert.deepEqual((await entry(entryBody({ total_price: 101, final_price: 100 }))).json, expected);
    assert.deepEqual((await entry(entryBody({ final_price: 99 }))).json, expected);
    assert.deepEqual((await entry(entryBody({ store_id: MULTI_STORE }))).json, expected);
    // Same values written differently, and another unredeem, are the same order.
    assert.equal((await entry(entryBody({ unredeem: 5 }).replace('"total_price":100', '"total_price":1e2'))).json.result, '000');
  });

  it('"200" "Invalid number of digits for the order currency amount"', async () => {
    const expected = { result: '200', message: 'Invalid number of digits for the order currency amount', result_object: null };
    assert.deepEqual((await entry(entryBody().replace('"total_price":100', '"total_price":100.5'))).json, expected);
    assert.deepEqual(
      (await entry(entryBody({ store_id: MULTI_STORE, currency: 'USD' }).replace('"final_price":100', '"final_price":1.234'))).json,
      expected,
    );
    // 100.50 USD has two places: fine, judged on the text, not a float.
    assert.equal(
      (await entry(entryBody({ store_id: MULTI_STORE, currency: 'USD' }).replace(/"(total|final)_price":100/g, '"$1_price":100.50'))).json
        .result,
      '000',
    );
  });

  it('"200" "Order price below limit for this currency" (JPY 5, USD 0.02, CNY 0.11, HKD 0.13)', async () => {
    const expected = { result: '200', message: 'Order price below limit for this currency', result_object: null };
    for (const [currency, below, minimum] of [
      ['JPY', '4', '5'],
      ['USD', '0.01', '0.02'],
      ['CNY', '0.10', '0.11'],
      ['HKD', '0.12', '0.13'],
    ]) {
      const base = entryBody({ platform_order_id: `min-${currency}`, store_id: MULTI_STORE, currency });
      const a = await entry(base.replace('"total_price":100', `"total_price":${below}`));
      assert.deepEqual(a.json, expected, currency);
      const ok = await entry(base.replace(/"(total|final)_price":100/g, `"$1_price":${minimum}`));
      assert.equal(ok.json.result, '000', `${currency} ${minimum}`);
    }
  });

  it('"999" "Internal Error" (X-Mock-Result), changing nothing', async () => {
    const a = await entry(entryBody(), { 'X-Mock-Result': '999' });
    assert.deepEqual(a.json, { result: '999', message: 'Internal Error', result_object: null });
    assert.equal(mock.state.orders.size, 0);
  });
});

describe('mock: the official refund table', () => {
  let mock: RunningMockServer;
  beforeEach(async () => {
    mock = await startMockServer({ config: mockConfig({ callbacks: { resultBaseDelayMs: 1 } }) });
    for (const id of ['paid', 'coupon']) {
      await signedPost(mock.url, '/platform/entry', entryBody({ platform_order_id: id, unredeem: 20 }));
    }
    await signedPost(mock.url, '/platform/entry', entryBody({ platform_order_id: 'unpaid' }));
    assert.equal((await control(mock.url, 'orders/paid/pay', {})).json.paid, true);
    assert.equal((await control(mock.url, 'orders/coupon/pay', { coupon: true })).json.paid, true);
  });
  afterEach(() => mock.close());
  const refund = (fields: Record<string, unknown>, headers?: Record<string, string>) =>
    signedPost(mock.url, '/platform/refund', JSON.stringify({ platform_order_id: 'paid', ...fields }), headers);
  const forced = (header: string) => refund({ refund_amount: 1 }, { 'X-Mock-Result': header });

  it('"000" null {refund_tradeNo, amounts, refund_time}', async () => {
    const a = await refund({ refund_amount: 40, refund_order_id: 'r1' });
    assert.equal(a.json.result, '000');
    assert.equal(a.json.message, null);
    const o = a.json.result_object;
    assert.match(o.refund_tradeNo, /^R\d{8}\d{11}$/);
    assert.equal(o.debit_amount, '40');
    assert.equal(o.redeem_amount, '0');
    assert.deepEqual(o.redeem_detail, { jko_coin_amount: 0, official_coupon_amount: 0, store_coupon_amount: 0 });
    assert.match(o.refund_time, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // The same refund_order_id and amount is the same refund again, not a second one.
    const again = await refund({ refund_amount: 40, refund_order_id: 'r1' });
    assert.deepEqual(again.json, a.json);
    assert.equal(mock.state.orders.get('paid')!.refunds.length, 1);
  });

  it('"100" "Invaid Order ID"', async () => {
    const a = await signedPost(mock.url, '/platform/refund', JSON.stringify({ platform_order_id: 'nope', refund_amount: 1 }));
    assert.deepEqual(a.json, { result: '100', message: 'Invaid Order ID', result_object: null });
  });

  it('"102" "Order has excessed 180 days cannot be refunded"', async () => {
    assert.equal((await control(mock.url, 'clock', { advance_days: 180.5 })).status, 200);
    const a = await refund({ refund_amount: 1 });
    assert.deepEqual(a.json, { result: '102', message: 'Order has excessed 180 days cannot be refunded', result_object: null });
  });

  it('"105" "Inconsistent remain amount" (X-Mock-Result with the message)', async () => {
    const a = await forced('105 Inconsistent remain amount');
    assert.deepEqual(a.json, { result: '105', message: 'Inconsistent remain amount', result_object: null });
  });

  it('"105" "Inconsistent refund amount"', async () => {
    await refund({ refund_amount: 10, refund_order_id: 'r1' });
    const a = await refund({ refund_amount: 11, refund_order_id: 'r1' });
    assert.deepEqual(a.json, { result: '105', message: 'Inconsistent refund amount', result_object: null });
  });

  const FORCED: [string, string][] = [
    ['111', 'Transaction has been closed'],
    ['113', 'Refund reject due to refund amount exceeds total unreimbursed amount.'],
    ['116', 'JKOPAY coupon reimbursement failed, please contact JKOPAY for assistance in refund'],
    ['978', "Closed account can't use JKOPay's service, please contact the JKOPay's customer service."],
    ['999', 'Internal Error'],
  ];
  for (const [code, message] of FORCED) {
    it(`"${code}" "${message}" (X-Mock-Result), changing nothing`, async () => {
      const a = await forced(code);
      assert.deepEqual(a.json, { result: code, message, result_object: null });
      assert.equal(mock.state.orders.get('paid')!.refunds.length, 0);
    });
  }

  it('"117" "JKOPAY Coupon is used in this transaction, and we will only accept full refund"', async () => {
    const a = await refund({ platform_order_id: 'coupon', refund_amount: 50 });
    assert.deepEqual(a.json, {
      result: '117',
      message: 'JKOPAY Coupon is used in this transaction, and we will only accept full refund',
      result_object: null,
    });
    const full = await refund({ platform_order_id: 'coupon', refund_amount: 100 });
    assert.equal(full.json.result, '000');
    assert.equal(full.json.result_object.redeem_amount, '80');
    assert.equal(full.json.result_object.debit_amount, '20');
  });

  it('"200" "Invalid number of digits for the order currency amount"', async () => {
    const a = await signedPost(mock.url, '/platform/refund', '{"platform_order_id":"paid","refund_amount":1.5}');
    assert.deepEqual(a.json, { result: '200', message: 'Invalid number of digits for the order currency amount', result_object: null });
  });

  it('"922" "Refund amount exceeds order final price"', async () => {
    assert.equal((await refund({ refund_amount: 60 })).json.result, '000');
    const a = await refund({ refund_amount: 41 });
    assert.deepEqual(a.json, { result: '922', message: 'Refund amount exceeds order final price', result_object: null });
    assert.equal((await refund({ refund_amount: 40 })).json.result, '000');
  });

  it('"922" with a dynamic message: an unpaid order has nothing to refund', async () => {
    const a = await refund({ platform_order_id: 'unpaid', refund_amount: 1 });
    assert.equal(a.json.result, '922');
    assert.equal(typeof a.json.message, 'string');
    assert.notEqual(a.json.message, 'Refund amount exceeds order final price');
  });

  it('rejects an unknown X-Mock-Result code with a clear mock envelope', async () => {
    const a = await forced('101');
    assert.equal(a.status, 400);
    assert.equal(a.json.result, '400');
    assert.match(a.json.message, /not a documented failure of refund; use one of 100, 102, 105/);
  });
});
