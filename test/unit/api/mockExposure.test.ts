/**
 * The mock's exposure to a hostile web page and hostile bytes: no key in any control answer, the
 * control surface refuses foreign `Host` names (DNS rebinding), foreign origins and form or
 * `text/plain` POSTs without this run's token, and bodies that are not UTF-8 are a "Bad request"
 * that stores nothing.
 */
import * as assert from 'node:assert/strict';
import { mockConfig } from '../../../src/api/mock/mockConfig';
import { type RunningMockServer, startMockServer } from '../../../src/api/mock/mockServer';
import { computeDigest } from '../../../src/api/signing';
import { control, MOCK_KEYS, rawRequest, signedPost } from './localServers';

const STORE = '00000000-0000-4000-8000-000000000001';
const entryBody = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ platform_order_id: id, store_id: STORE, currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0, ...extra });

describe('mock: exposure of the control surface', () => {
  const API_KEY = 'merchant-own-api-key-0123';
  const SECRET = 'merchant-own-secret-key-4567';
  let mock: RunningMockServer;
  beforeEach(async () => {
    mock = await startMockServer({ config: mockConfig({ apiKey: API_KEY, secretKey: SECRET }) });
  });
  afterEach(() => mock.close());

  const createOrder = async (id: string, extra: Record<string, unknown> = {}) => {
    const body = entryBody(id, extra);
    const a = await rawRequest(`${mock.url}/platform/entry`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'API-KEY': API_KEY, DIGEST: computeDigest(SECRET, body) },
      body,
    });
    assert.equal(JSON.parse(a.text).result, '000', a.text);
  };

  it('shows no key in any control answer', async () => {
    await createOrder('k1');
    for (const path of ['', 'orders', 'orders/k1', 'clock', 'pay/k1', 'qr/k1.svg', 'nothing']) {
      const a = await rawRequest(`${mock.url}/_mock/${path}`, {});
      assert.ok(!a.text.includes(SECRET), `/_mock/${path} shows the secret key`);
      assert.ok(!a.text.includes(API_KEY), `/_mock/${path} shows the API key`);
    }
    const info = JSON.parse((await rawRequest(`${mock.url}/_mock/`, {})).text);
    assert.equal(info.secret_key, undefined);
    assert.equal(info.api_key, 'merc…');
  });

  it('refuses a Host that is not the mock itself (DNS rebinding), before changing anything', async () => {
    await createOrder('h1');
    for (const host of [
      `evil.example:${mock.port}`,
      `127.0.0.1.nip.io:${mock.port}`,
      `127.0.0.1:${mock.port + 1}`,
      'localhost',
      '(none)',
    ]) {
      const a = await rawRequest(`${mock.url}/_mock/reset`, {
        method: 'POST',
        headers: { Host: host, 'Content-Type': 'application/json' },
        body: '{}',
      });
      if (host === '(none)') {
        // node's own HTTP/1.1 parser already answers 400 to a request without Host.
        assert.ok([400, 403].includes(a.status), `no Host: ${a.status}`);
        continue;
      }
      assert.equal(a.status, 403, `Host ${host}: ${a.text}`);
      assert.match(JSON.parse(a.text).error, /DNS rebinding/);
      const read = await rawRequest(`${mock.url}/_mock/`, { headers: { Host: host } });
      assert.equal(read.status, 403);
    }
    assert.equal(mock.state.orders.size, 1, 'nothing was reset');
    for (const host of [`127.0.0.1:${mock.port}`, `localhost:${mock.port}`, `LOCALHOST:${mock.port}`]) {
      assert.equal((await rawRequest(`${mock.url}/_mock/`, { headers: { Host: host } })).status, 200, host);
    }
  });

  it('refuses cross-origin requests and simple (text/plain, form) POSTs', async () => {
    await createOrder('o1');
    const foreign = await rawRequest(`${mock.url}/_mock/reset`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      body: '{}',
    });
    assert.equal(foreign.status, 403, foreign.text);
    const otherPort = await rawRequest(`${mock.url}/_mock/reset`, {
      method: 'POST',
      headers: { Origin: `http://127.0.0.1:${mock.port + 1}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(otherPort.status, 403);
    const nullOrigin = await rawRequest(`${mock.url}/_mock/reset`, {
      method: 'POST',
      headers: { Origin: 'null', 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(nullOrigin.status, 403);
    const crossSite = await rawRequest(`${mock.url}/_mock/`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    assert.equal(crossSite.status, 403);
    const plain = await rawRequest(`${mock.url}/_mock/reset`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    assert.equal(plain.status, 415);
    const formReset = await rawRequest(`${mock.url}/_mock/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    assert.equal(formReset.status, 415);
    const formPay = await rawRequest(`${mock.url}/_mock/orders/o1/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'coupon=on',
    });
    assert.equal(formPay.status, 403);
    assert.equal(mock.state.orders.get('o1')?.status, 101, 'not paid');
    assert.equal(mock.state.orders.size, 1, 'not reset');
    // The mock's own origin, with JSON, is fine (that is what the CLI and VS Code send).
    const own = await rawRequest(`${mock.url}/_mock/orders/o1/fail`, {
      method: 'POST',
      headers: { Origin: mock.url, 'Content-Type': 'application/json' },
    });
    assert.equal(own.status, 200, own.text);
  });

  it("lets the payment page pay with its per-run token, and another run's token does not work", async () => {
    await createOrder('p1', { result_display_url: 'https://shop.example/done?id=p1' });
    const page = await rawRequest(`${mock.url}/_mock/pay/p1`, { headers: { Accept: 'text/html' } });
    const token = /name="token" value="([0-9a-f]{32})"/.exec(page.text)?.[1];
    assert.ok(token, page.text);
    const other = await startMockServer({});
    try {
      const wrong = await rawRequest(`${other.url}/_mock/pay/x`, {});
      assert.ok(!wrong.text.includes(token));
    } finally {
      await other.close();
    }
    const paid = await rawRequest(`${mock.url}/_mock/orders/p1/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', Origin: mock.url },
      body: `token=${token}&coupon=on`,
    });
    assert.equal(paid.status, 303, paid.text);
    assert.equal(paid.headers.location, 'https://shop.example/done?id=p1');
    assert.equal(mock.state.orders.get('p1')?.status, 0);
  });
});

describe('mock: bodies that are not UTF-8', () => {
  let mock: RunningMockServer;
  beforeEach(async () => {
    mock = await startMockServer({});
  });
  afterEach(() => mock.close());

  it('answers 200 "Bad request" and stores nothing, where it used to store U+FFFD', async () => {
    const text = entryBody('utf8-XX');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('XX');
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    const a = await rawRequest(`${mock.url}/platform/entry`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'API-KEY': MOCK_KEYS.apiKey, DIGEST: computeDigest(MOCK_KEYS.secretKey, bytes) },
      body: bytes,
    });
    assert.equal(a.status, 200, a.text);
    const answer = JSON.parse(a.text);
    assert.equal(answer.message, 'Bad request');
    assert.match(answer.result_object.body, new RegExp(`not valid UTF-8 \\(at byte ${at}\\)`));
    assert.equal(mock.state.orders.size, 0);
    const ok = await signedPost(mock.url, '/platform/entry', entryBody('utf8-ok-\u8857'));
    assert.equal(ok.json.result, '000');
    assert.equal((await control(mock.url, 'orders')).json.orders[0].platform_order_id, 'utf8-ok-\u8857');
  });
});
