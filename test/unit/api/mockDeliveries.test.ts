/**
 * How the mock tells its callback deliveries as they happened: each record says whether another
 * attempt follows (`mock orders` said "retried in the background" of the last attempt and of a
 * final `{"valid": false}`), the log quotes what the merchant answered (its start, keys masked),
 * and a timeout reads as one (not milliseconds "after connecting").
 */
import * as assert from 'node:assert/strict';
import type { CallbackLogEntry } from '../../../src/api/mock/mockCallbacks';
import { mockConfig } from '../../../src/api/mock/mockConfig';
import { callbackLine } from '../../../src/api/mock/mockLogLines';
import { startMockServer } from '../../../src/api/mock/mockServer';
import { computeDigest } from '../../../src/api/signing';
import { control, signedPost, startHttp, startTcp } from './localServers';

const STORE = '00000000-0000-4000-8000-000000000001';
const entryBody = (id: string, extra: Record<string, unknown>) =>
  JSON.stringify({ platform_order_id: id, store_id: STORE, currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0, ...extra });

/** Waits until `log` has `n` entries (the retries run after the pay call answers). */
async function until(log: unknown[], n: number): Promise<void> {
  for (let i = 0; i < 500 && log.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(log.length >= n, `${log.length} of ${n} log entries`);
}

describe('mock: callback deliveries as they happened', () => {
  it('says another attempt follows only where one does, and quotes the answer with the keys masked', async () => {
    const secretKey = 'echoed-secret-key-1234';
    const always500 = await startHttp((req, res) => {
      req.resume();
      req.on('end', () => {
        res.statusCode = 500;
        res.end(`{"error": "duplicate key", "debug": "${secretKey}"}`);
      });
    });
    const log: CallbackLogEntry[] = [];
    const mock = await startMockServer({
      config: mockConfig({ secretKey, callbacks: { resultBaseDelayMs: 5, resultAttempts: 3, timeoutMs: 2000 } }),
      onCallback: (e) => log.push(e),
    });
    try {
      const body = entryBody('dv-1', { result_url: `${always500.url}/r` });
      await signedPost(mock.url, '/platform/entry', body, { DIGEST: computeDigest(secretKey, body) });
      const paid = await control(mock.url, 'orders/dv-1/pay', {});
      assert.equal(paid.json.paid, true, paid.text);
      await until(log, 3);
      assert.deepEqual(
        log.map((e) => [e.attempt, e.ok, e.retry]),
        [
          [1, false, true],
          [2, false, true],
          [3, false, false],
        ],
      );
      const lines = log.map(callbackLine);
      assert.match(
        lines[0],
        /attempt 1 → HTTP 500 "\{\\"error\\": \\"duplicate key\\", \\"debug\\": \\"echo…\\"\}" \(failed\) \(\d+ ms\); another attempt follows$/,
      );
      assert.match(lines[2], /attempt 3 → HTTP 500 .*\(failed\) \(\d+ ms\); no more attempts$/);
      for (const line of lines) assert.ok(!line.includes(secretKey), line);
      const order = (await control(mock.url, 'orders/dv-1')).json.order;
      assert.deepEqual(
        order.deliveries.map((d: { retry: boolean }) => d.retry),
        [true, true, false],
      );
      assert.ok(!JSON.stringify(order).includes(secretKey));
    } finally {
      await mock.close();
      await always500.close();
    }
  });

  it('does not retry a confirm_url that answered {"valid": false}, and says so', async () => {
    const refuses = await startHttp((req, res) => {
      req.resume();
      req.on('end', () => res.end('{"valid": false}'));
    });
    const log: CallbackLogEntry[] = [];
    const mock = await startMockServer({ config: mockConfig({ callbacks: { resultBaseDelayMs: 5 } }), onCallback: (e) => log.push(e) });
    try {
      await signedPost(mock.url, '/platform/entry', entryBody('dv-2', { confirm_url: `${refuses.url}/c` }));
      const paid = await control(mock.url, 'orders/dv-2/pay', {});
      assert.equal(paid.json.paid, false);
      assert.deepEqual(
        log.map((e) => [e.kind, e.attempt, e.retry]),
        [['confirm_url', 1, false]],
      );
      assert.match(
        callbackLine(log[0]),
        /attempt 1 → HTTP 200, answered \{"valid": false\} "\{\\"valid\\": false\}" \(failed\) \(\d+ ms\); no more attempts$/,
      );
    } finally {
      await mock.close();
      await refuses.close();
    }
  });

  it('says a timeout plainly, with the deadline in seconds', async () => {
    const silent = await startTcp(() => undefined);
    const log: CallbackLogEntry[] = [];
    const mock = await startMockServer({
      config: mockConfig({ callbacks: { resultBaseDelayMs: 5, resultAttempts: 1, readTimeoutMs: 200, timeoutMs: 1000 } }),
      onCallback: (e) => log.push(e),
    });
    try {
      await signedPost(mock.url, '/platform/entry', entryBody('dv-3', { result_url: `${silent.url}/r` }));
      await control(mock.url, 'orders/dv-3/pay', {});
      await until(log, 1);
      assert.match(callbackLine(log[0]), /attempt 1 → timed out: no answer within 0\.2 s \(failed\) \(\d+ ms\); no more attempts$/);
    } finally {
      await mock.close();
      await silent.close();
    }
  });
});
