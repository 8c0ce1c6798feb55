/**
 * Durations from flags, settings and config files are bounded (node's timers fire at once beyond
 * 2^31-1 ms), callbacks are judged by connect and read deadlines, a hanging confirm_url holds the
 * pay call for one attempt at most, and a slow-loris connection is cut at the configured deadline.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { MAX_REQUEST_TIMEOUT_MS, MAX_TIMER_MS, clampMs, requestTimeoutFromSeconds } from '../../../src/api/durations';
import { exchange, TransportError } from '../../../src/api/httpExchange';
import { MockConfigError, mockConfig, parseMockConfig } from '../../../src/api/mock/mockConfig';
import { type RunningMockServer, startMockServer } from '../../../src/api/mock/mockServer';
import { runSend } from '../../../src/cli/sendCommand';
import { control, freePort, type Local, signedPost, startHttp, startTcp } from './localServers';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const STORE = '00000000-0000-4000-8000-000000000001';
const entryBody = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ platform_order_id: id, store_id: STORE, currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0, ...extra });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  for (let waited = 0; !condition() && waited < ms; waited += 10) await sleep(10);
}

describe('durations: bounds', () => {
  it('clamps to the timer limit and to the documented maximum', () => {
    assert.equal(clampMs(3e9, 1), MAX_TIMER_MS);
    assert.equal(clampMs(Number.POSITIVE_INFINITY, 1), MAX_TIMER_MS);
    assert.equal(clampMs(Number.NaN, 1), 1);
    assert.equal(clampMs(-5, 0), 0);
    assert.equal(requestTimeoutFromSeconds(3_000_000, 15_000), MAX_REQUEST_TIMEOUT_MS);
    assert.equal(requestTimeoutFromSeconds(2_147_484, 15_000), 300_000);
    assert.equal(requestTimeoutFromSeconds(10, 15_000), 10_000);
    assert.equal(requestTimeoutFromSeconds(0.0001, 15_000), 1000);
    assert.equal(requestTimeoutFromSeconds(-1, 15_000), 15_000);
    assert.equal(requestTimeoutFromSeconds('30', 15_000), 15_000);
  });

  it('send --timeout beyond 5 minutes is a usage error (3e9 ms used to fail after a few ms)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-timers-'));
    try {
      const file = path.join(dir, 'e.entry.jkopay.json');
      await fs.writeFile(file, entryBody('t1'));
      for (const timeout of ['3000000000', '300001', '1e9', '0']) {
        const err: string[] = [];
        const code = await runSend(
          [file, '--base-url', `http://127.0.0.1:${await freePort()}`, '--timeout', timeout],
          { out: () => undefined, err: (t) => err.push(t) },
          { env: {} },
        );
        assert.equal(code, 2, `--timeout ${timeout}: ${err.join('\n')}`);
        assert.match(err.join('\n'), /--timeout must be a whole number of ms from 1 to 300000/);
      }
      const err: string[] = [];
      const code = await runSend(
        [file, '--base-url', `http://127.0.0.1:${await freePort()}`, '--timeout', '300000'],
        { out: () => undefined, err: (t) => err.push(t) },
        { env: {} },
      );
      assert.equal(code, 1, 'the maximum itself is accepted (then the connection is refused)');
      assert.match(err.join('\n'), /connection refused/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('an exchange with a deadline beyond 2^31 ms waits instead of failing at once', async () => {
    const hanging = await startTcp(() => undefined);
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      await assert.rejects(
        exchange({ url: hanging.url, method: 'GET', timeoutMs: 3e9, signal: controller.signal }),
        (e: unknown) => e instanceof TransportError && e.kind === 'cancelled',
      );
    } finally {
      await hanging.close();
    }
  });

  it('the mock config refuses delays and counts above their documented maxima', () => {
    const cases: [string, RegExp][] = [
      ['{"callbacks": {"resultBaseDelayMs": 3000000000}}', /callbacks.resultBaseDelayMs" must be at most 60000/],
      ['{"callbacks": {"timeoutMs": 2147483648}}', /callbacks.timeoutMs" must be at most 120000/],
      ['{"callbacks": {"readTimeoutMs": 0}}', /callbacks.readTimeoutMs" must be at least 1/],
      ['{"callbacks": {"resultAttempts": 1000}}', /callbacks.resultAttempts" must be at most 20/],
      ['{"refundWindowDays": 100000000}', /"refundWindowDays" must be at most 3650/],
    ];
    for (const [text, message] of cases)
      assert.throws(
        () => parseMockConfig(text, 'm.json'),
        (e: unknown) => e instanceof MockConfigError && message.test(e.message),
      );
    assert.equal(
      parseMockConfig('{"callbacks": {"resultBaseDelayMs": 60000, "connectTimeoutMs": 5000}}', 'm.json').callbacks.resultBaseDelayMs,
      60_000,
    );
  });

  it('a huge result_url delay given in code is clamped, not a busy retry loop', async () => {
    let calls = 0;
    const merchant = await startHttp((req, res) => {
      calls++;
      req.resume();
      res.writeHead(500).end();
    });
    const mock = await startMockServer({ config: mockConfig({ callbacks: { resultBaseDelayMs: 3e9 } }) });
    try {
      await signedPost(mock.url, '/platform/entry', entryBody('d1', { result_url: `${merchant.url}/result` }));
      await control(mock.url, 'orders/d1/pay', {});
      await sleep(300);
      assert.equal(calls, 1, `${calls} result_url attempts in 300 ms`);
    } finally {
      await mock.close();
      await merchant.close();
    }
  });
});

describe('callbacks: connect and read deadlines', () => {
  const locals: Local[] = [];
  let mock: RunningMockServer | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
    await Promise.all(locals.splice(0).map((l) => l.close()));
  });

  it('an exchange is cut by its read deadline once connected', async () => {
    const hanging = await startTcp(() => undefined);
    locals.push(hanging);
    await assert.rejects(
      exchange({ url: hanging.url, method: 'POST', body: '{}', timeoutMs: 10_000, connectTimeoutMs: 5000, readTimeoutMs: 150 }),
      (e: unknown) => {
        return (
          e instanceof TransportError && e.kind === 'timeout' && /within 150 ms after connecting/.test(e.message) && e.elapsedMs < 5000
        );
      },
    );
  });

  it('a hanging confirm_url holds the pay call for one attempt; the retries fail the order in the background', async () => {
    const hanging = await startTcp(() => undefined);
    locals.push(hanging);
    mock = await startMockServer({ config: mockConfig({ callbacks: { readTimeoutMs: 150, resultBaseDelayMs: 5 } }) });
    await signedPost(mock.url, '/platform/entry', entryBody('h1', { confirm_url: `${hanging.url}/confirm` }));
    const a = await control(mock.url, 'orders/h1/pay', {});
    assert.equal(a.status, 202, JSON.stringify(a.json));
    assert.equal(a.json.pending, true);
    assert.equal(a.json.deliveries.length, 1);
    assert.match(a.json.deliveries[0].outcome, /^timed out: no answer within 0\.15 s$/);
    assert.equal((await control(mock.url, 'orders/h1/pay', {})).status, 409, 'being paid');
    const order = mock.state.orders.get('h1')!;
    await until(() => order.status !== 101);
    assert.equal(order.status, 100);
    assert.equal(order.deliveries.filter((d) => d.kind === 'confirm_url').length, 4, 'the first attempt and 3 retries');
  });

  it('a confirm_url that answers {"valid": true} on a retry gets the order paid and result_url called', async () => {
    let confirms = 0;
    const results: string[] = [];
    const merchant = await startHttp((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/confirm') {
          confirms++;
          if (confirms === 1) res.writeHead(503).end();
          else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"valid": true}');
        } else {
          results.push(Buffer.concat(chunks).toString());
          res.writeHead(200).end();
        }
      });
    });
    locals.push(merchant);
    mock = await startMockServer({ config: mockConfig({ callbacks: { resultBaseDelayMs: 5 } }) });
    await signedPost(
      mock.url,
      '/platform/entry',
      entryBody('r1', { confirm_url: `${merchant.url}/confirm`, result_url: `${merchant.url}/result` }),
    );
    const a = await control(mock.url, 'orders/r1/pay', {});
    assert.equal(a.status, 202);
    const order = mock.state.orders.get('r1')!;
    await until(() => results.length > 0);
    assert.equal(order.status, 0);
    assert.equal(confirms, 2);
    assert.match(results[0], /"platform_order_id":"r1"/);
  });
});

describe('mock: slow-loris connections', () => {
  it('are cut at the configured request deadline, not 30 s later', async () => {
    const mock = await startMockServer({ requestTimeoutMs: 400 });
    const socket = net.connect(mock.port, '127.0.0.1');
    const started = Date.now();
    let closedAfter = -1;
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.on('error', () => undefined);
      socket.write('GET /_mock/ HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const trickle = setInterval(() => socket.write('X-A: b\r\n'), 50);
      await new Promise<void>((resolve) => {
        socket.once('close', () => {
          closedAfter = Date.now() - started;
          resolve();
        });
        // 400 ms asked for, 30 s without it: 10 s is far from both, so a busy machine cannot fail the test.
        setTimeout(resolve, 10_000);
      });
      clearInterval(trickle);
      assert.ok(closedAfter >= 0, 'still open after 10 s');
    } finally {
      socket.destroy();
      await mock.close();
    }
  });
});
