/**
 * Where the mock's callbacks go (loopback only by default, forwarded with path and query kept,
 * allowed hosts), the real URL in delivery records and the access log, foreign-currency debits
 * in TWD, and `jkopay mock pay|fail|clock|reset|orders` against a running mock.
 */
import * as assert from 'node:assert/strict';
// The modules themselves (not an import-star copy), so that the spy below sees every request.
import http = require('node:http');
import https = require('node:https');
import { routeCallback, parseForwardOrigin, parseAllowedHost, isLoopbackHost } from '../../../src/api/mock/callbackTargets';
import type { CallbackLogEntry } from '../../../src/api/mock/mockCallbacks';
import { mockConfig, parseMockConfig } from '../../../src/api/mock/mockConfig';
import { type RequestLogEntry, type RunningMockServer, startMockServer } from '../../../src/api/mock/mockServer';
import { computeDigest } from '../../../src/api/signing';
import { accessLine, callbackLine, runMock } from '../../../src/cli/mockCommand';
import { control, type Local, MOCK_KEYS, signedInquiry, signedPost, startHttp } from './localServers';
import { capture } from './captureIo';

const STORE = '00000000-0000-4000-8000-000000000001';
const FX_STORE = '00000000-0000-4000-8000-000000000002';
const entryBody = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ platform_order_id: id, store_id: STORE, currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0, ...extra });
const timing = { resultBaseDelayMs: 5, timeoutMs: 2000 };

describe('mock callbacks: routing', () => {
  it('routes: loopback as is, others skipped with the way out named, forwarding keeps path and query', () => {
    const routing = { allowCallbackHosts: [] };
    assert.deepEqual(routeCallback('http://127.0.0.1:3000/r?x=1', routing), {
      send: true,
      target: 'http://127.0.0.1:3000/r?x=1',
      forwarded: false,
    });
    assert.equal(routeCallback('http://localhost/r', routing).send, true);
    assert.equal(routeCallback('http://[::1]:8/r', routing).send, true);
    const skipped = routeCallback('https://api.myshop.tw/jkopay/result', routing);
    assert.equal(skipped.send, false);
    assert.match(
      (skipped as { reason: string }).reason,
      /api\.myshop\.tw is not loopback.*--forward-callbacks-to.*--allow-callback-host api\.myshop\.tw/,
    );
    assert.equal(routeCallback('https://API.myshop.tw/r', { allowCallbackHosts: ['api.myshop.tw'] }).send, true);
    assert.deepEqual(
      routeCallback('https://shop.example/jkopay/result?src=jko', { forwardCallbacksTo: 'http://127.0.0.1:3000', allowCallbackHosts: [] }),
      {
        send: true,
        target: 'http://127.0.0.1:3000/jkopay/result?src=jko',
        forwarded: true,
      },
    );
    assert.equal(parseForwardOrigin('http://127.0.0.1:3000/'), 'http://127.0.0.1:3000');
    assert.equal(parseForwardOrigin('https://tunnel.example/prefix/'), 'https://tunnel.example/prefix');
    assert.throws(() => parseForwardOrigin('127.0.0.1:3000'), /write it as http:\/\/127\.0\.0\.1:3000/);
    assert.throws(() => parseForwardOrigin('ftp://127.0.0.1'), /must start with http/);
    assert.throws(() => parseForwardOrigin('http://x/?a=1'), /without query/);
    assert.throws(() => parseAllowedHost('https://shop.example/x'), /bare host/);
    assert.equal(parseAllowedHost('Shop.Example'), 'shop.example');
    assert.equal(isLoopbackHost('127.8.9.10'), true);
    assert.equal(isLoopbackHost('128.0.0.1'), false);
    assert.equal(isLoopbackHost('localhost.evil.example'), false);
  });

  it('reads forwarding, allowed hosts and fx rates from the config file, naming bad keys', () => {
    const config = parseMockConfig(
      '{"forwardCallbacksTo": "http://127.0.0.1:4000/", "allowCallbackHosts": ["Shop.Example"], "fxToTwd": {"JPY": 0.21}}',
      'c.json',
    );
    assert.equal(config.forwardCallbacksTo, 'http://127.0.0.1:4000');
    assert.deepEqual(config.allowCallbackHosts, ['shop.example']);
    assert.equal(config.fxToTwd.JPY, 0.21);
    assert.equal(config.fxToTwd.USD, 32.5, 'other rates keep their defaults');
    assert.throws(() => parseMockConfig('{"fxToTwd": {"TWD": 1}}', 'c.json'), /c\.json: "fxToTwd\.TWD"/);
    assert.throws(() => parseMockConfig('{"fxToTwd": {"JPY": -1}}', 'c.json'), /positive number/);
    assert.throws(() => parseMockConfig('{"forwardCallbacksTo": "nowhere"}', 'c.json'), /"forwardCallbacksTo"/);
    assert.throws(() => parseMockConfig('{"allowCallbackHosts": "x"}', 'c.json'), /array of host names/);
  });
});

describe('mock callbacks: a payment whose callback URLs name a non-loopback host', () => {
  let receiver: Local;
  const received: { path: string; body: string; digest: unknown }[] = [];
  const outgoing: string[] = [];
  const realHttp = http.request;
  const realHttps = https.request;
  before(() => {
    // Every request the process makes is seen here: nothing may go to shop.example.
    const spy = (real: typeof http.request) =>
      function (this: unknown, ...args: unknown[]) {
        const target = args[0];
        outgoing.push(
          target instanceof URL
            ? target.hostname
            : typeof target === 'string'
              ? new URL(target).hostname
              : String((target as { hostname?: string; host?: string }).hostname ?? (target as { host?: string }).host),
        );
        return (real as (...a: unknown[]) => http.ClientRequest).apply(this, args);
      } as typeof http.request;
    (http as { request: typeof http.request }).request = spy(realHttp);
    (https as { request: typeof https.request }).request = spy(realHttps);
  });
  after(() => {
    (http as { request: typeof http.request }).request = realHttp;
    (https as { request: typeof https.request }).request = realHttps;
  });
  beforeEach(async () => {
    received.length = 0;
    outgoing.length = 0;
    receiver = await startHttp((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url!, body: Buffer.concat(chunks).toString(), digest: req.headers.digest });
        res.end(req.url!.includes('confirm') ? '{"valid": true}' : 'OK');
      });
    });
  });
  afterEach(() => receiver.close());
  const urls = { confirm_url: 'https://shop.example/jkopay/confirm?src=jko', result_url: 'https://shop.example/jkopay/result?src=jko&n=1' };

  it('with forwarding, the receiver gets both callbacks with path and query kept; records and log hold the real URL', async () => {
    const log: CallbackLogEntry[] = [];
    const requests: RequestLogEntry[] = [];
    const mock = await startMockServer({
      config: mockConfig({ callbacks: timing, forwardCallbacksTo: receiver.url }),
      onCallback: (e) => log.push(e),
      onRequest: (e) => requests.push(e),
    });
    try {
      await signedPost(mock.url, '/platform/entry', entryBody('fw-1', urls));
      const paid = await control(mock.url, 'orders/fw-1/pay', {});
      assert.equal(paid.json.paid, true);
      assert.deepEqual(
        received.map((r) => r.path),
        ['/jkopay/confirm?src=jko', '/jkopay/result?src=jko&n=1'],
      );
      for (const r of received) assert.equal(r.digest, computeDigest(MOCK_KEYS.secretKey, r.body));
      assert.equal(paid.json.result_url.url, urls.result_url);
      assert.equal(paid.json.result_url.sent_to, `${receiver.url}/jkopay/result?src=jko&n=1`);
      const order = (await control(mock.url, 'orders/fw-1')).json.order;
      assert.deepEqual(
        order.deliveries.map((d: { kind: string; url: string; attempt: number; status: number; ok: boolean }) => [
          d.kind,
          d.url,
          d.attempt,
          d.status,
          d.ok,
        ]),
        [
          ['confirm_url', urls.confirm_url, 1, 200, true],
          ['result_url', urls.result_url, 1, 200, true],
        ],
      );
      assert.ok(outgoing.includes('127.0.0.1'), "the spy sees the mock's calls");
      assert.ok(!outgoing.includes('shop.example'));
      assert.equal(log.length, 2);
      const line = callbackLine(log[1]);
      assert.match(
        line,
        /^callback result_url \[order fw-1\] https:\/\/shop\.example\/jkopay\/result\?src=jko&n=1 \(forwarded to http:\/\/127\.0\.0\.1:\d+\/jkopay\/result\?src=jko&n=1\) attempt 1 → HTTP 200 "OK" \(\d+ ms\)$/,
      );
      assert.deepEqual(requests.find((r) => r.path === '/platform/entry')?.orderIds, ['fw-1']);
      assert.match(
        accessLine(requests.find((r) => r.path === '/_mock/orders/fw-1/pay')!),
        /^POST \/_mock\/orders\/fw-1\/pay \[order fw-1\] → HTTP 200/,
      );
    } finally {
      await mock.close();
    }
  });

  it('without forwarding, nothing leaves loopback: both callbacks are skipped, recorded and logged, and the payment completes', async () => {
    const log: CallbackLogEntry[] = [];
    const mock = await startMockServer({ config: mockConfig({ callbacks: timing }), onCallback: (e) => log.push(e) });
    try {
      await signedPost(mock.url, '/platform/entry', entryBody('sk-1', urls));
      outgoing.length = 0;
      const paid = await control(mock.url, 'orders/sk-1/pay', {});
      assert.equal(paid.json.paid, true);
      assert.match(paid.json.confirm_url, /skipped: shop\.example is not loopback/);
      assert.equal(paid.json.result_url.skipped, true);
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(received, []);
      assert.deepEqual(
        outgoing.filter((h) => h !== '127.0.0.1'),
        [],
        "only the test's own loopback calls",
      );
      const order = (await control(mock.url, 'orders/sk-1')).json.order;
      assert.deepEqual(
        order.deliveries.map((d: { kind: string; url: string; attempt: number; skipped: boolean }) => [
          d.kind,
          d.url,
          d.attempt,
          d.skipped,
        ]),
        [
          ['confirm_url', urls.confirm_url, 0, true],
          ['result_url', urls.result_url, 0, true],
        ],
      );
      assert.match(
        callbackLine(log[0]),
        /^callback confirm_url \[order sk-1\] https:\/\/shop\.example\/jkopay\/confirm\?src=jko skipped: shop\.example is not loopback/,
      );
    } finally {
      await mock.close();
    }
  });

  it('logs the order ids of inquiries and each failed attempt with its status', async () => {
    const log: CallbackLogEntry[] = [];
    const requests: RequestLogEntry[] = [];
    let failures = 1;
    const flaky = await startHttp((req, res) => {
      req.resume();
      req.on('end', () => {
        res.statusCode = failures-- > 0 ? 503 : 200;
        res.end();
      });
    });
    const mock = await startMockServer({
      config: mockConfig({ callbacks: timing }),
      onCallback: (e) => log.push(e),
      onRequest: (e) => requests.push(e),
    });
    try {
      await signedPost(mock.url, '/platform/entry', entryBody('lg-1', { result_url: `${flaky.url}/r` }));
      await control(mock.url, 'orders/lg-1/pay', {});
      for (let i = 0; i < 100 && log.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      assert.match(callbackLine(log[0]), /attempt 1 → HTTP 503 \(failed\) \(\d+ ms\); another attempt follows$/);
      assert.match(callbackLine(log[1]), /attempt 2 → HTTP 200 \(\d+ ms\)$/);
      await signedInquiry(mock.url, ['lg-1', 'other']);
      assert.deepEqual(requests.find((r) => r.path === '/platform/inquiry')?.orderIds, ['lg-1', 'other']);
    } finally {
      await mock.close();
      await flaky.close();
    }
  });
});

describe('mock: foreign-currency payments debit whole TWD', () => {
  let mock: RunningMockServer;
  afterEach(() => mock.close());

  it("a JPY order's inquiry shows a TWD debit_amount (1230 JPY → 249 TWD by default)", async () => {
    mock = await startMockServer({});
    const body = JSON.stringify({
      platform_order_id: 'jpy-1',
      store_id: FX_STORE,
      currency: 'JPY',
      total_price: 1230,
      final_price: 1230,
      unredeem: 0,
    });
    assert.equal((await signedPost(mock.url, '/platform/entry', body)).json.result, '000');
    await control(mock.url, 'orders/jpy-1/pay', {});
    const t = (await signedInquiry(mock.url, ['jpy-1'])).json.result_object.transactions[0];
    assert.deepEqual([t.currency, t.final_price, t.redeem_amount, t.debit_amount], ['JPY', '1230', '0', '249']);
    const usd = JSON.stringify({
      platform_order_id: 'usd-1',
      store_id: FX_STORE,
      currency: 'USD',
      total_price: 10.5,
      final_price: 10.5,
      unredeem: 0,
    });
    await signedPost(mock.url, '/platform/entry', usd);
    await control(mock.url, 'orders/usd-1/pay', {});
    const u = (await signedInquiry(mock.url, ['usd-1'])).json.result_object.transactions[0];
    assert.deepEqual([u.final_price, u.debit_amount], ['10.50', '341']);
    const refund = await signedPost(mock.url, '/platform/refund', JSON.stringify({ platform_order_id: 'usd-1', refund_amount: 1 }));
    assert.deepEqual([refund.json.result, refund.json.result_object.debit_amount], ['000', '33']);
  });

  it('uses the configured rate', async () => {
    mock = await startMockServer({ config: mockConfig({ fxToTwd: { JPY: 0.25 } }) });
    const body = JSON.stringify({
      platform_order_id: 'jpy-2',
      store_id: FX_STORE,
      currency: 'JPY',
      total_price: 1000,
      final_price: 1000,
      unredeem: 0,
    });
    await signedPost(mock.url, '/platform/entry', body);
    const paid = await control(mock.url, 'orders/jpy-2/pay', {});
    assert.equal(paid.json.transaction.debit_amount, '250');
  });
});

describe('cli: mock pay|fail|clock|reset|orders', () => {
  let mock: RunningMockServer;
  beforeEach(async () => {
    mock = await startMockServer({ config: mockConfig({ callbacks: timing }) });
  });
  afterEach(() => mock.close());
  const run = async (...args: string[]) => {
    const c = capture();
    const code = await runMock([...args, '--url', mock.url], c.io);
    return { code, text: c.text(), errors: c.errors() };
  };

  it('pays, fails, moves the clock, lists and resets, in words', async () => {
    await signedPost(mock.url, '/platform/entry', entryBody('m-1', { unredeem: 40 }));
    await signedPost(mock.url, '/platform/entry', entryBody('m-2'));
    const pay = await run('pay', 'm-1', '--coupon', '10');
    assert.equal(pay.code, 0, pay.errors);
    assert.match(pay.text, /^Order m-1 is paid: tradeNo J\d+/);
    assert.match(pay.text, /final_price 100 TWD, redeem_amount 10, debit_amount 90 TWD/);
    assert.match(pay.text, /result_url: not called/);
    const again = await run('pay', 'm-1');
    assert.equal(again.code, 1);
    assert.match(again.errors, /the mock refused: order "m-1" is already paid/);
    assert.equal((await run('fail', 'm-2')).code, 0);
    const clock = await run('clock', '--advance-days', '181');
    assert.match(clock.text, /^Mock clock: .* \(UTC\+8\), \+181 days from the real time\.$/);
    const orders = await run('orders');
    assert.match(orders.text, /^m-1 {2}paid {2}100 TWD {2}debit 90 TWD/m);
    assert.match(orders.text, /^m-2 {2}payment failed {2}100 TWD$/m);
    const json = await run('orders', 'm-2', '--format', 'json');
    assert.equal(JSON.parse(json.text).order.status, 100);
    const zh = capture();
    await runMock(['orders', '--url', mock.url, '--lang', 'zh-TW'], zh.io);
    assert.match(zh.text(), /^m-1 {2}已付款 {2}100 TWD {2}扣款 90 新台幣/m);
    assert.match(zh.text(), /^m-2 {2}付款失敗/m);
    assert.match((await run('reset')).text, /every order is gone/);
    assert.equal((await run('orders')).text, 'The mock has no orders.');
  });

  // Issue 23: `clock --advance-days 1e8` was accepted; payments then got NaN-NaN-NaN times and trade numbers, saved and kept.
  it('refuses a clock setting that leaves the range of a date, naming the range, and keeps the clock', async () => {
    const before = (await control(mock.url, 'clock')).json.offset_ms;
    for (const args of [['--advance-days', '1e8'], ['--advance-days=-1e8'], ['--advance-days', '3000000']]) {
      const refused = await run('clock', ...args);
      assert.equal(refused.code, 1, args.join(' '));
      assert.match(refused.errors, /out of its range, 0001-01-01 00:00:00 to 9999-12-31 23:59:59 \(UTC\+8\)/);
    }
    const far = await control(mock.url, 'clock', { now: '0000-12-31 23:59:59' });
    assert.equal(far.status, 400);
    assert.equal((await control(mock.url, 'clock')).json.offset_ms, before, 'the clock moved');
    await signedPost(mock.url, '/platform/entry', entryBody('c-1'));
    assert.equal((await run('pay', 'c-1')).code, 0);
    const order = JSON.parse((await run('orders', 'c-1', '--format', 'json')).text).order;
    assert.doesNotMatch(JSON.stringify(order), /NaN/);
    assert.equal((await run('clock', '--set', '9999-12-31 23:59:59')).code, 0);
  });

  // Issue 23: past 2 MiB of orders (4,500 paid ones; 12,000 of these are 2.7 MB) the answer was cut and the command said
  // "no mock answered", although one had.
  it('lists 12,000 orders, page after page, in words and as JSON', async function () {
    this.timeout(30_000);
    await signedPost(mock.url, '/platform/entry', entryBody('page-0'));
    const first = mock.state.orders.get('page-0')!;
    for (let i = 1; i < 12_000; i++) mock.state.orders.set(`page-${i}`, { ...structuredClone(first), platform_order_id: `page-${i}` });
    const text = await run('orders');
    assert.equal(text.code, 0, text.errors);
    assert.equal(text.text.split('\n').filter((l) => /^page-\d+ {2}/.test(l)).length, 12_000);
    const json = await run('orders', '--format', 'json');
    const orders = (JSON.parse(json.text) as { orders: { platform_order_id: string }[] }).orders;
    assert.deepEqual(
      orders.map((o) => o.platform_order_id),
      Array.from({ length: 12_000 }, (_, i) => `page-${i}`),
    );
    const page = await control(mock.url, 'orders?from=11999');
    assert.deepEqual(
      [page.json.total, page.json.from, page.json.next, (page.json.orders as unknown[]).length],
      [12_000, 11_999, undefined, 1],
    );
    assert.equal((await control(mock.url, 'orders?from=x')).status, 400);
  });

  it('says clearly when nothing answers, and refuses bad usage', async () => {
    const c = capture();
    assert.equal(await runMock(['orders', '--url', 'http://127.0.0.1:1'], c.io), 1);
    assert.match(c.errors(), /no mock answered at http:\/\/127\.0\.0\.1:1 .*start one with `jkopay mock`/);
    for (const args of [['pay'], ['clock', '--advance-days', 'x'], ['orders', '--format', 'yaml'], ['reset', 'extra']]) {
      const u = capture();
      assert.equal(await runMock([...args, '--url', mock.url], u.io), 2, args.join(' '));
    }
    const bad = capture();
    assert.equal(await runMock(['--forward-callbacks-to', 'nowhere'], bad.io), 2);
    assert.match(bad.errors(), /forwarding origin "nowhere"/);
  });
});

describe('mock access log lines', () => {
  it('write control characters of ids and paths as escapes, one line per entry', () => {
    const line = accessLine({
      method: 'POST',
      path: '/platform/entry',
      status: 200,
      result: '000',
      elapsedMs: 1,
      orderIds: ['a\nPOST /fake → HTTP 200'],
    });
    assert.doesNotMatch(line, /\n/);
    assert.match(line, /\[order a\\nPOST \/fake/);
    const cb = callbackLine({
      platform_order_id: 'x\r',
      kind: 'result_url',
      url: 'http://127.0.0.1/r',
      attempt: 1,
      at: '',
      status: 200,
      elapsed_ms: 3,
      outcome: 'HTTP 200',
      ok: true,
    });
    assert.equal(cb, 'callback result_url [order x\\r] http://127.0.0.1/r attempt 1 → HTTP 200 (3 ms)');
  });
});

describe('mock config in code (the library and the editor pass it so)', () => {
  it('normalises a forwarding origin and allowed hosts, and refuses bad ones', () => {
    const config = mockConfig({ forwardCallbacksTo: 'HTTP://127.0.0.1:3000/', allowCallbackHosts: ['Shop.Example'] });
    assert.equal(config.forwardCallbacksTo, 'http://127.0.0.1:3000');
    assert.deepEqual(config.allowCallbackHosts, ['shop.example']);
    assert.equal('forwardCallbacksTo' in mockConfig({ forwardCallbacksTo: undefined }), false);
    assert.throws(() => mockConfig({ forwardCallbacksTo: 'nowhere' }), /forwarding origin "nowhere"/);
  });
});
