/**
 * The example backend against the library's mock JKOPay, all in-process on free ports: checkout,
 * payment through the mock (which calls confirm_url and result_url with a digest), the order
 * marked paid, a forged notification refused, and an unsigned one acknowledged but believed only
 * as far as the inquiry API confirms it.
 */
import * as assert from 'node:assert/strict';
import { computeDigest, startMockServer, type MockServer } from 'jkopay-tools';
import { createShop, type Shop } from '../src/app';

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json() };
}

describe('example backend against startMockServer', () => {
  let mock: MockServer;
  let shop: Shop;
  let shopUrl: string;

  before(async () => {
    mock = await startMockServer({ port: 0, config: { apiKey: 'shop-key', secretKey: 'shop-secret', callbacks: { resultBaseDelayMs: 5 } } });
    shop = createShop({ jkopay: { env: 'mock', apiKey: 'shop-key', secretKey: 'shop-secret', baseUrl: mock.url }, storeId: mock.config.stores[0].storeId });
    shopUrl = await shop.listen(0);
  });

  after(async () => {
    await mock.close();
    await shop.close();
  });

  const checkout = async (amount: number) => {
    const created = await json(`${shopUrl}/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ amount }) });
    return created;
  };

  it('creates the payment link of an order (entry 000)', async () => {
    const created = await checkout(150);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.paymentUrl, new RegExp(`^${mock.url}/_mock/pay/`));
  });

  it('is told of the payment through result_url, checks the digest, and marks the order paid', async () => {
    const created = await checkout(200);
    const paid = await json(`${mock.url}/_mock/orders/${encodeURIComponent(created.body.orderId)}/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    const order = await json(`${shopUrl}/orders/${encodeURIComponent(created.body.orderId)}`);
    assert.equal(order.body.state, 'paid');
    assert.match(order.body.tradeNo, /\S/);
  });

  it('refuses a notification whose digest is not over the exact body', async () => {
    const created = await checkout(300);
    const body = JSON.stringify({ transaction: { platform_order_id: created.body.orderId, status: 0, final_price: '300' } });
    const forged = await fetch(`${shopUrl}/jkopay/result`, { method: 'POST', body, headers: { digest: computeDigest('shop-secret', `${body} `) } });
    assert.equal(forged.status, 401);
    const genuine = await fetch(`${shopUrl}/jkopay/result`, { method: 'POST', body, headers: { digest: computeDigest('shop-secret', body) } });
    assert.equal(genuine.status, 200);
  });

  it('acknowledges an unsigned notification, and marks the order paid only when the inquiry API says it is', async () => {
    const created = await checkout(400);
    const id = created.body.orderId;
    const claim = JSON.stringify({ transaction: { platform_order_id: id, status: 0, tradeNo: 'J-claimed', final_price: '400' } });
    // Not paid at JKOPay: acknowledged (so JKOPay would stop retrying) but the order stays unpaid.
    const early = await json(`${shopUrl}/jkopay/result`, { method: 'POST', body: claim });
    assert.equal(early.status, 200);
    assert.deepEqual(early.body, { received: true, confirmedBy: 'inquiry', paid: false });
    assert.equal((await json(`${shopUrl}/orders/${encodeURIComponent(id)}`)).body.state, 'awaiting-payment');
    // Paid at JKOPay (the mock's callbacks skipped): the same unsigned notification now marks it paid, with JKOPay's tradeNo.
    const paid = await json(`${mock.url}/_mock/orders/${encodeURIComponent(id)}/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"callbacks": false}',
    });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    const late = await json(`${shopUrl}/jkopay/result`, { method: 'POST', body: claim });
    assert.deepEqual(late.body, { received: true, confirmedBy: 'inquiry', paid: true });
    const order = (await json(`${shopUrl}/orders/${encodeURIComponent(id)}`)).body;
    assert.equal(order.tradeNo, paid.body.transaction.tradeNo);
  });

  it('reports JKOPay refusing the order (entry 200) to the browser', async () => {
    const broken = createShop({ jkopay: { env: 'mock', apiKey: 'shop-key', secretKey: 'shop-secret', baseUrl: mock.url }, storeId: 'no-such-store' });
    const url = await broken.listen(0);
    try {
      const created = await json(`${url}/orders`, { method: 'POST', body: JSON.stringify({ amount: 100 }) });
      assert.equal(created.status, 502);
      assert.match(created.body.error, /Store not found/);
    } finally {
      await broken.close();
    }
  });
});
