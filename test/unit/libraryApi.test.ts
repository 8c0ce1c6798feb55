/**
 * The library's own functions, in-process: the typed client against the mock (answers, refusals,
 * keys kept out of errors), the mock's options, and checkPayload on values and texts.
 */
import * as assert from 'node:assert/strict';
import { checkPayload, createClient, JkoPayClientError, startMockServer, type MockServer } from '../../src/lib';

describe('library: createClient against startMockServer', () => {
  let mock: MockServer;
  before(async () => {
    mock = await startMockServer({ config: { apiKey: 'lib-key', secretKey: 'lib-secret' } });
  });
  after(() => mock.close());

  const order = (id: string) => ({
    platform_order_id: id,
    store_id: mock.config.stores[1].storeId,
    currency: 'USD' as const,
    total_price: 10.5,
    final_price: 10.5,
    unredeem: 0,
  });

  it('listens on a free port with the given keys and the default stores', () => {
    assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(mock.port, 8917);
    assert.equal(mock.config.apiKey, 'lib-key');
    assert.equal(mock.config.stores.length, 3);
  });

  it('sends a signed entry and narrows the answer on result', async () => {
    const client = createClient({ env: 'mock', apiKey: 'lib-key', secretKey: 'lib-secret', baseUrl: mock.url });
    const answer = await client.entry(order('lib-1'));
    assert.equal(answer.result, '000');
    if (answer.result === '000') assert.match(answer.result_object.payment_url, /^http/);
    const again = await client.entry({ ...order('lib-1'), total_price: 11 });
    assert.equal(again.result, '200');
    assert.equal(again.message, 'Order has been used as entry but they do not match with each others');
  });

  it('answers refund and inquiry with their documented codes', async () => {
    const client = createClient({ env: 'mock', apiKey: 'lib-key', secretKey: 'lib-secret', baseUrl: mock.url });
    const refund = await client.refund({ platform_order_id: 'never-made', refund_amount: 1 });
    assert.equal(refund.result, '100');
    assert.equal(refund.result_object, null);
    const inquiry = await client.inquiry(['lib-1', 'unknown-id']);
    assert.equal(inquiry.result, '000');
    if (inquiry.result === '000')
      assert.deepEqual(
        inquiry.result_object.transactions.map((t) => t.status),
        [101, 102],
      );
  });

  it('rejects an answer outside the table (wrong key) with an error that holds neither key', async () => {
    const client = createClient({ env: 'mock', apiKey: 'wrong-key-123', secretKey: 'wrong-secret-456', baseUrl: mock.url });
    await assert.rejects(client.entry(order('lib-2')), (e: unknown) => {
      assert.ok(e instanceof JkoPayClientError);
      assert.equal(e.status, 401);
      assert.doesNotMatch(e.message, /wrong-key-123|wrong-secret-456/);
      return true;
    });
  });

  it('refuses to start without keys and rejects an empty inquiry', async () => {
    assert.throws(() => createClient({ env: 'mock', apiKey: '', secretKey: 's' }), /apiKey/);
    const client = createClient({ env: 'mock', apiKey: 'lib-key', secretKey: 'lib-secret', baseUrl: mock.url });
    await assert.rejects(client.inquiry([]), /order ids/);
  });

  // Issue 23: empty keys, a negative exchange rate, an empty store list and a NaN refund window all started.
  it('refuses a config that jkopay mock --config refuses, naming the key, with the same check', async () => {
    for (const [config, key] of [
      [{ apiKey: '' }, 'apiKey'],
      [{ secretKey: '' }, 'secretKey'],
      [{ fxToTwd: { JPY: -1 } }, 'fxToTwd.JPY'],
      [{ stores: [] }, 'stores'],
      [{ refundWindowDays: Number.NaN }, 'refundWindowDays'],
      [{ callbacks: { resultAttempts: 0 } }, 'callbacks.resultAttempts'],
      [{ bogus: 1 }, 'bogus'],
    ] as const) {
      await assert.rejects(
        startMockServer({ config: config as never }),
        (e: unknown) => e instanceof Error && e.message.startsWith(`startMockServer config: "${key}"`),
        JSON.stringify(config),
      );
    }
  });

  it('reports a refused connection as a client error', async () => {
    const closed = await startMockServer();
    const url = closed.url;
    await closed.close();
    const client = createClient({ env: 'mock', apiKey: 'k', secretKey: 's', baseUrl: url, timeoutMs: 2000 });
    await assert.rejects(client.inquiry('x'), JkoPayClientError);
  });
});

describe('library: checkPayload', () => {
  it('finds nothing in a valid entry value', () => {
    const findings = checkPayload('entry', {
      platform_order_id: 'a',
      store_id: 'b',
      currency: 'TWD',
      total_price: 100,
      final_price: 100,
      unredeem: 0,
    });
    assert.deepEqual(findings, []);
  });

  it('reports rules with severity, message and position in the text', () => {
    const text = '{\n  "platform_order_id": "a",\n  "refund_amount": 1.5\n}';
    const [finding] = checkPayload('refund', text);
    assert.equal(finding.code, 'currency-precision');
    assert.equal(finding.severity, 'error');
    assert.deepEqual([finding.line, finding.column], [2, 19]);
    assert.match(checkPayload('refund', text, { lang: 'zh-TW' })[0].message, /小數/);
  });

  it('reports syntax errors and values that are not objects', () => {
    assert.ok(checkPayload('entry', '{"a": ').some((f) => f.code === 'syntax-error'));
    assert.equal(checkPayload('inquiry', [1, 2])[0].code, 'wrong-type');
    assert.throws(() => checkPayload('response' as 'entry', {}), /kind/);
  });

  // Issue 23: 80,000 keys took 3.9 s and 160,000 overflowed the stack (a spread of every finding into one push;
  // made a loop in 9fe61f7, with the line lookup a binary search). Growth is measured in test/timing/scaling.test.ts.
  it('checks a value of 160,000 unknown keys, one finding each, without overflowing the stack', () => {
    for (const n of [160_000]) {
      const value: Record<string, unknown> = {
        platform_order_id: 'o',
        store_id: 's',
        currency: 'TWD',
        total_price: 1,
        final_price: 1,
        unredeem: 0,
      };
      for (let i = 0; i < n; i++) value[`k${i}`] = 1;
      const findings = checkPayload('entry', value);
      assert.equal(findings.length, n);
      assert.deepEqual(findings.at(-1)!, { ...findings.at(-1)!, code: 'unknown-field', line: n + 6 });
    }
  });

  it('refuses a value it cannot write as JSON with a TypeError that says why (was: a raw RangeError)', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = deep.x = {};
    assert.throws(() => checkPayload('entry', root), {
      name: 'TypeError',
      message: /cannot be written as JSON \(it is nested too deeply\)/,
    });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.throws(() => checkPayload('entry', cycle), { name: 'TypeError', message: /cannot be written as JSON/ });
  });

  it('answers in English for a language it does not know, __proto__ included (was: a TypeError from inside)', () => {
    for (const lang of ['__proto__', 'constructor', 'toString', 'fr']) {
      const [first] = checkPayload('entry', {}, { lang: lang as 'en' });
      assert.equal(first.message, 'Missing required field "platform_order_id".');
    }
  });
});
