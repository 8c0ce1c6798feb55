/**
 * The mock beyond the official tables: authentication that changes nothing, unreadable requests,
 * inquiry, concurrency, callbacks to the merchant with retries, the state file across a restart,
 * the clock, reset and the config file.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computeDigest } from '../../../src/api/signing';
import { mockConfig, MockConfigError, parseMockConfig } from '../../../src/api/mock/mockConfig';
import { type RunningMockServer, startMockServer } from '../../../src/api/mock/mockServer';
import { MockStateError } from '../../../src/api/mock/mockState';
import { control, type Local, MOCK_KEYS, signedInquiry, signedPost, startHttp } from './localServers';

const STORE = '00000000-0000-4000-8000-000000000001';
const entryBody = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ platform_order_id: id, store_id: STORE, currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0, ...extra });
const fastCallbacks = mockConfig({ callbacks: { resultBaseDelayMs: 5, timeoutMs: 2000 } });

async function raw(url: string, init: RequestInit) {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

describe('mock: requests that change nothing', () => {
  let mock: RunningMockServer;
  beforeEach(async () => {
    mock = await startMockServer({ config: fastCallbacks });
  });
  afterEach(() => mock.close());

  it('answers 401 saying why for a missing or wrong API-KEY or DIGEST, and creates nothing', async () => {
    const body = entryBody('o-auth');
    const digest = computeDigest(MOCK_KEYS.secretKey, body);
    const cases: [Record<string, string>, RegExp][] = [
      [{ DIGEST: digest }, /API-KEY header is missing/],
      [{ 'API-KEY': 'other-key', DIGEST: digest }, /not this merchant's key/],
      [{ 'API-KEY': MOCK_KEYS.apiKey }, /DIGEST header is missing/],
      [{ 'API-KEY': MOCK_KEYS.apiKey, DIGEST: computeDigest('wrong-secret', body) }, /DIGEST does not match/],
      [{ 'API-KEY': MOCK_KEYS.apiKey, DIGEST: computeDigest(MOCK_KEYS.secretKey, `${body} `) }, /exact body bytes/],
    ];
    for (const [headers, why] of cases) {
      const a = await raw(`${mock.url}/platform/entry`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      });
      assert.equal(a.status, 401);
      assert.equal(a.json.result, '401');
      assert.match(a.json.message, why);
    }
    // A wrong digest with X-Mock-Result is still refused: the header forces answers only to authenticated requests.
    const forced = await raw(`${mock.url}/platform/entry`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'API-KEY': MOCK_KEYS.apiKey, DIGEST: '0'.repeat(64), 'X-Mock-Result': '999' },
      body,
    });
    assert.equal(forced.status, 401);
    assert.equal(mock.state.orders.size, 0);
    assert.equal((await signedInquiry(mock.url, ['o-auth'])).json.result_object.transactions[0].status, 102);
  });

  it('checks the inquiry DIGEST over the raw query string', async () => {
    await signedPost(mock.url, '/platform/entry', entryBody('87'));
    const encodedComma = 'platform_order_ids=87%2C88';
    const a = await raw(`${mock.url}/platform/inquiry?platform_order_ids=87,88`, {
      headers: { 'API-KEY': MOCK_KEYS.apiKey, DIGEST: computeDigest(MOCK_KEYS.secretKey, encodedComma) },
    });
    assert.equal(a.status, 401);
    const withQuestionMark = await raw(`${mock.url}/platform/inquiry?platform_order_ids=87`, {
      headers: { 'API-KEY': MOCK_KEYS.apiKey, DIGEST: computeDigest(MOCK_KEYS.secretKey, '?platform_order_ids=87') },
    });
    assert.equal(withQuestionMark.status, 401);
    assert.match(withQuestionMark.json.message, /query string after "\?"/);
  });

  it('gives clear envelopes for malformed JSON, wrong content type, huge bodies, unknown paths and methods', async () => {
    const headers = { 'Content-Type': 'application/json', 'API-KEY': MOCK_KEYS.apiKey };
    const bad = '{"platform_order_id": "x",}';
    const malformed = await raw(`${mock.url}/platform/entry`, {
      method: 'POST',
      headers: { ...headers, DIGEST: computeDigest(MOCK_KEYS.secretKey, bad) },
      body: bad,
    });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.json.message, 'Bad request');
    assert.match(malformed.json.result_object.body, /not valid JSON/);

    const form = await raw(`${mock.url}/platform/entry`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    assert.equal(form.status, 415);
    assert.match(form.json.result_object.body, /Content-Type must be application\/json/);

    const huge = `{"platform_order_id":"${'x'.repeat(1024 * 1024)}"}`;
    const big = await raw(`${mock.url}/platform/entry`, {
      method: 'POST',
      headers: { ...headers, DIGEST: computeDigest(MOCK_KEYS.secretKey, huge) },
      body: huge,
    });
    assert.equal(big.status, 413);
    assert.match(big.json.result_object.body, /larger than 1048576 bytes/);

    const array = await signedPost(mock.url, '/platform/entry', '[1]');
    assert.equal(array.json.message, 'Bad request');

    const unknown = await raw(`${mock.url}/platform/nothing`, { method: 'POST' });
    assert.equal(unknown.status, 404);
    assert.match(unknown.json.message, /No such endpoint: POST \/platform\/nothing/);
    assert.equal(unknown.json.result_object.mock, true);

    const method = await fetch(`${mock.url}/platform/entry`, { method: 'GET' });
    assert.equal(method.status, 405);
    assert.equal(method.headers.get('allow'), 'POST');
    assert.match(((await method.json()) as { message: string }).message, /takes POST, not GET/);
    assert.equal(mock.state.orders.size, 0);
  });
});

describe('mock: inquiry', () => {
  let mock: RunningMockServer;
  before(async () => {
    mock = await startMockServer({ config: fastCallbacks });
    for (const id of ['paid', 'failed', 'open', 'a b,c']) await signedPost(mock.url, '/platform/entry', entryBody(id));
    await control(mock.url, 'orders/paid/pay', { channel_type: 'bank' });
    await control(mock.url, 'orders/failed/fail');
    await signedPost(mock.url, '/platform/refund', '{"platform_order_id":"paid","refund_amount":30}');
  });
  after(() => mock.close());

  it('answers each id with its status: 0 paid, 100 failed, 101 not paid, 102 unknown', async () => {
    const a = await signedInquiry(mock.url, ['paid', 'failed', 'open', 'unknown']);
    assert.equal(a.json.result, '000');
    const [paid, failed, open, unknown] = a.json.result_object.transactions;
    assert.deepEqual([paid.status, failed.status, open.status, unknown.status], [0, 100, 101, 102]);
    assert.deepEqual(failed, { platform_order_id: 'failed', status: 100 });
    assert.equal(paid.final_price, '100');
    assert.equal(paid.channel_type, 'bank');
    assert.match(paid.tradeNo, /^J\d{19}$/);
    assert.equal(paid.refund_history.length, 1);
    assert.equal(paid.refund_history[0].amount, '30');
    assert.ok('time' in paid.refund_history[0]);
  });

  it('decodes percent-encoded ids; an encoded comma separates ids, as a server that decodes its query reads it (mockInquiryForms.test)', async () => {
    const a = await signedInquiry(mock.url, ['a b']);
    assert.equal(a.json.result_object.transactions.length, 1);
    assert.equal(a.json.result_object.transactions[0].platform_order_id, 'a b');
    const split = await signedInquiry(mock.url, ['a b,c']);
    assert.deepEqual(
      split.json.result_object.transactions.map((t: { platform_order_id: string }) => t.platform_order_id),
      ['a b', 'c'],
    );
    assert.match(split.json.result_object.mock_note, /separated by %2C/);
  });

  it('takes up to 20 ids', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `id-${i}`);
    assert.equal((await signedInquiry(mock.url, twenty)).json.result_object.transactions.length, 20);
    const a = await signedInquiry(mock.url, [...twenty, 'one-more']);
    assert.equal(a.json.message, 'Bad request');
    assert.match(a.json.result_object.platform_order_ids, /21 ids/);
  });
});

describe('mock: concurrency', () => {
  let mock: RunningMockServer;
  beforeEach(async () => {
    mock = await startMockServer({ config: fastCallbacks });
  });
  afterEach(() => mock.close());

  it('200 parallel refunds of one order never exceed final_price', async () => {
    await signedPost(mock.url, '/platform/entry', entryBody('busy', { total_price: 1000, final_price: 1000 }));
    await control(mock.url, 'orders/busy/pay', {});
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        signedPost(mock.url, '/platform/refund', JSON.stringify({ platform_order_id: 'busy', refund_amount: 7 + (i % 5) })),
      ),
    );
    const ok = answers.filter((a) => a.json.result === '000');
    const over = answers.filter((a) => a.json.result === '922');
    assert.equal(ok.length + over.length, 200, 'every answer is 000 or 922');
    const refunded = ok.reduce((sum, a) => sum + Number(a.json.result_object.debit_amount), 0);
    assert.ok(refunded <= 1000, `refunded ${refunded}`);
    assert.ok(refunded > 1000 - 11, `refunded ${refunded}: the order was nearly exhausted`);
    const history = (await signedInquiry(mock.url, ['busy'])).json.result_object.transactions[0].refund_history;
    assert.equal(history.length, ok.length);
  });

  it('the same refund_order_id sent 50 times in parallel refunds once', async () => {
    await signedPost(mock.url, '/platform/entry', entryBody('retry'));
    await control(mock.url, 'orders/retry/pay', {});
    const body = '{"platform_order_id":"retry","refund_order_id":"r-1","refund_amount":10}';
    const answers = await Promise.all(Array.from({ length: 50 }, () => signedPost(mock.url, '/platform/refund', body)));
    assert.ok(answers.every((a) => a.json.result === '000'));
    assert.equal(new Set(answers.map((a) => a.json.result_object.refund_tradeNo)).size, 1);
    assert.equal(mock.state.orders.get('retry')!.refunds.length, 1);
  });

  it('concurrent entries with one id create one order with one payment link', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => signedPost(mock.url, '/platform/entry', entryBody('dup'))));
    assert.ok(answers.every((a) => a.json.result === '000'));
    assert.equal(new Set(answers.map((a) => a.json.result_object.payment_url)).size, 1);
    assert.equal(mock.state.orders.size, 1);
  });
});

describe('mock: paying calls the merchant', () => {
  let mock: RunningMockServer;
  let merchant: Local;
  const calls: { path: string; body: string; digest: unknown }[] = [];
  let confirmAnswer = '{"valid": true}';
  let resultFailures = 0;
  beforeEach(async () => {
    calls.length = 0;
    resultFailures = 0;
    confirmAnswer = '{"valid": true}';
    merchant = await startHttp((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        calls.push({ path: req.url!, body: Buffer.concat(chunks).toString(), digest: req.headers.digest });
        if (req.url === '/confirm') res.end(confirmAnswer);
        else if (resultFailures > 0) {
          resultFailures--;
          res.statusCode = 500;
          res.end('busy');
        } else res.end('OK');
      });
    });
    mock = await startMockServer({ config: fastCallbacks });
  });
  afterEach(async () => {
    await mock.close();
    await merchant.close();
  });
  const create = (id: string) =>
    signedPost(
      mock.url,
      '/platform/entry',
      entryBody(id, { confirm_url: `${merchant.url}/confirm`, result_url: `${merchant.url}/result` }),
    );

  it('confirms, pays, then posts the signed transaction to result_url', async () => {
    await create('p1');
    const paid = await control(mock.url, 'orders/p1/pay', {});
    assert.equal(paid.json.paid, true);
    assert.equal(paid.json.result_url.ok, true);
    assert.deepEqual(
      calls.map((c) => c.path),
      ['/confirm', '/result'],
    );
    assert.deepEqual(JSON.parse(calls[0].body), { platform_order_id: 'p1' });
    const transaction = JSON.parse(calls[1].body).transaction;
    assert.equal(transaction.status, 0);
    assert.equal(transaction.platform_order_id, 'p1');
    assert.equal(calls[1].digest, computeDigest(MOCK_KEYS.secretKey, calls[1].body));
    assert.equal((await control(mock.url, 'orders/p1/pay', {})).status, 409);
  });

  it('fails the payment when confirm_url does not answer {"valid": true}', async () => {
    confirmAnswer = '{"valid": false}';
    await create('p2');
    const a = await control(mock.url, 'orders/p2/pay', {});
    assert.equal(a.json.paid, false);
    assert.equal(a.json.status, 100);
    assert.equal(calls.length, 1, 'valid:false is final: no retry, no result_url');
    confirmAnswer = 'yes';
    await create('p3');
    // A non-answer: the call answers after the first attempt; the 3 retries run in the background, then fail the order.
    const pending = await control(mock.url, 'orders/p3/pay', {});
    assert.equal(pending.status, 202);
    assert.equal(pending.json.pending, true);
    assert.equal(pending.json.status, 101);
    for (let i = 0; i < 2000 && mock.state.orders.get('p3')!.status === 101; i++) await new Promise((r) => setTimeout(r, 5));
    assert.equal(mock.state.orders.get('p3')!.status, 100);
    assert.equal(calls.filter((c) => c.path === '/confirm').length, 1 + 4, 'a non-answer is retried 3 times');
  });

  it('pays without calling the merchant when asked to ({"callbacks": false})', async () => {
    await create('p5');
    const a = await control(mock.url, 'orders/p5/pay', { callbacks: false, coupon: '30', channel_type: 'creditcard' });
    assert.equal(a.json.paid, true);
    assert.equal(a.json.result_url, 'none');
    assert.equal(a.json.transaction.redeem_amount, '30');
    assert.equal(a.json.transaction.debit_amount, '70');
    assert.equal(calls.length, 0);
    assert.equal((await control(mock.url, 'orders/p5/pay', { coupon: 'lots' })).status, 409);
    await create('p6');
    assert.match((await control(mock.url, 'orders/p6/pay', { coupon: '100.5' })).json.error, /at most 0 decimal places/);
    assert.match((await control(mock.url, 'orders/p6/pay', { coupon: '101' })).json.error, /more than final_price − unredeem/);
  });

  it('retries result_url with doubling delays until it answers 2xx', async () => {
    resultFailures = 2;
    await create('p4');
    const a = await control(mock.url, 'orders/p4/pay', {});
    assert.equal(a.json.paid, true);
    assert.equal(a.json.result_url.ok, false);
    for (let i = 0; i < 100 && calls.filter((c) => c.path === '/result').length < 3; i++) await new Promise((r) => setTimeout(r, 10));
    const order = (await control(mock.url, 'orders/p4')).json.order;
    const results = order.deliveries.filter((d: { kind: string }) => d.kind === 'result_url');
    assert.deepEqual(
      results.map((d: { ok: boolean; attempt: number }) => [d.attempt, d.ok]),
      [
        [1, false],
        [2, false],
        [3, true],
      ],
    );
  });
});

describe('mock: state file, clock, reset, config', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-mock-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('loses nothing across a restart and leaves no temporary files', async () => {
    const file = path.join(dir, 'state.json');
    const first = await startMockServer({ stateFile: file, config: fastCallbacks });
    await signedPost(first.url, '/platform/entry', entryBody('keep'));
    await control(first.url, 'orders/keep/pay', {});
    await Promise.all(
      [1, 2, 3].map((n) =>
        signedPost(
          first.url,
          '/platform/refund',
          JSON.stringify({ platform_order_id: 'keep', refund_order_id: `r${n}`, refund_amount: n }),
        ),
      ),
    );
    const before = (await signedInquiry(first.url, ['keep'])).json;
    // No close(): the file must already hold every answered change, as after a crash.
    const onDisk = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.equal(onDisk.orders[0].refunds.length, 3);
    await first.close();
    const second = await startMockServer({ stateFile: file, config: fastCallbacks });
    try {
      assert.deepEqual((await signedInquiry(second.url, ['keep'])).json, before);
      assert.equal(
        (await signedPost(second.url, '/platform/refund', '{"platform_order_id":"keep","refund_order_id":"r2","refund_amount":2}')).json
          .result,
        '000',
      );
      assert.equal(second.state.orders.get('keep')!.refunds.length, 3);
    } finally {
      await second.close();
    }
    assert.deepEqual(await fs.readdir(dir), ['state.json']);
  });

  it('refuses a corrupt state file without touching it', async () => {
    const file = path.join(dir, 'state.json');
    await fs.writeFile(file, '{"version": 1, "orders": [{"platform_order_id": 5}]}');
    await assert.rejects(startMockServer({ stateFile: file }), MockStateError);
    await fs.writeFile(file, 'not json');
    await assert.rejects(startMockServer({ stateFile: file }), /not valid JSON/);
    assert.equal(await fs.readFile(file, 'utf8'), 'not json');
  });

  it('sets the clock, resets everything', async () => {
    const mock = await startMockServer({ config: fastCallbacks });
    try {
      const set = await control(mock.url, 'clock', { now: '2030-01-02 03:04:05' });
      assert.match(set.json.now, /^2030-01-02 03:04:0\d$/);
      await signedPost(mock.url, '/platform/entry', entryBody('t'));
      await control(mock.url, 'orders/t/pay', {});
      assert.match(mock.state.orders.get('t')!.payment!.trans_time, /^2030-01-02 03:04/);
      assert.equal((await control(mock.url, 'clock', { now: '2030-02-30 00:00:00' })).status, 400);
      assert.equal((await control(mock.url, 'reset')).status, 200);
      assert.equal(mock.state.orders.size, 0);
      assert.equal(mock.state.clockOffsetMs, 0);
      assert.equal((await control(mock.url, 'nothing')).status, 404);
    } finally {
      await mock.close();
    }
  });

  it('reads a config file: new keys and stores, clear errors', async () => {
    const config = parseMockConfig(
      JSON.stringify({
        apiKey: 'k',
        secretKey: 's',
        stores: [{ storeId: 'my-store', currencies: ['JPY'] }],
        callbacks: { resultBaseDelayMs: 1 },
      }),
      'mock.json',
    );
    assert.equal(config.stores[0].requiresIdentity, false);
    assert.equal(config.callbacks.resultAttempts, 12);
    const mock = await startMockServer({ config });
    try {
      const body = JSON.stringify({
        platform_order_id: 'j',
        store_id: 'my-store',
        currency: 'JPY',
        total_price: 5,
        final_price: 5,
        unredeem: 0,
      });
      const a = await fetch(`${mock.url}/platform/entry`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'API-KEY': 'k', DIGEST: computeDigest('s', body) },
        body,
      });
      assert.equal(((await a.json()) as { result: string }).result, '000');
    } finally {
      await mock.close();
    }
    assert.throws(
      () => parseMockConfig('{"stores": [{"storeId": "x", "currencies": ["EUR"]}]}', 'm.json'),
      /m\.json: "stores\[0\]\.currencies" has "EUR"/,
    );
    assert.throws(() => parseMockConfig('{"apikey": "x"}', 'm.json'), MockConfigError);
    assert.throws(() => parseMockConfig('{', 'm.json'), /not valid JSON/);
  });
});
