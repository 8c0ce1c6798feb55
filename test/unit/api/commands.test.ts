/**
 * The send, mock, sign and explain sub-commands, run in-process with captured output.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startMockServer } from '../../../src/api/mock/mockServer';
import { runExplain } from '../../../src/cli/explainCommand';
import { runMock } from '../../../src/cli/mockCommand';
import { runSend } from '../../../src/cli/sendCommand';
import { runCallbacks } from '../../../src/cli/callbacksCommand';
import { runSign } from '../../../src/cli/signCommand';
import { runVerify } from '../../../src/cli/verifyCommand';
import { freePort, startHttp } from './localServers';
import { capture } from './captureIo';
import { waitUntil } from '../../support/waitUntil';

const ENTRY = `{
  "$schema": "./entry.schema.json",
  // sent to the mock
  "platform_order_id": "cli-1",
  "store_id": "00000000-0000-4000-8000-000000000002",
  "currency": "USD",
  "total_price": 100.50,
  "final_price": 100.50,
  "unredeem": 0
}`;

describe('cli: sign and explain', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-cli-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('sign prints only the digest of the exact file bytes or query', async () => {
    const file = path.join(dir, 'body.json');
    await fs.writeFile(file, '{"platform_order_id": 87, "refund_amount": 100}');
    const c = capture();
    assert.equal(await runSign(['--secret-env', 'K', '--body-file', file], c.io, { K: 'QxN1X' }), 0);
    assert.deepEqual(c.out, ['80b9967b29287605e4ef10b45668792f9d5235777ab305bb72217078dec3205a']);
    assert.deepEqual(c.err, []);
    const q = capture();
    assert.equal(await runSign(['--secret-env', 'K', '--query', 'platform_order_ids=87,88'], q.io, { K: 'QxN1X' }), 0);
    assert.deepEqual(q.out, ['a0836fefb028ea7493118c8b5eb6752113f552ac8ef35f3cb8cda91808c77188']);
  });

  it('sign signs a trailing newline too, and says so; points out query slips', async () => {
    const file = path.join(dir, 'nl.json');
    await fs.writeFile(file, '{"platform_order_id": 87, "refund_amount": 100}\n');
    const c = capture();
    await runSign(['--secret-env', 'K', '--body-file', file], c.io, { K: 'QxN1X' });
    assert.notEqual(c.out[0], '80b9967b29287605e4ef10b45668792f9d5235777ab305bb72217078dec3205a');
    assert.match(c.errors(), /ends with a newline/);
    const q = capture();
    await runSign(['--secret-env', 'K', '--query', '?platform_order_ids=87%2C88'], q.io, { K: 'QxN1X' });
    assert.match(q.errors(), /without the leading "\?"/);
    assert.match(q.errors(), /%2C/);
  });

  it('sign refuses bad usage and a missing secret with exit 2', async () => {
    const c = capture();
    assert.equal(await runSign(['--secret-env', 'K', '--query', 'a', '--body-file', 'b'], c.io, { K: 'x' }), 2);
    assert.match(c.errors(), /exactly one of --body-file or --query/);
    const d = capture();
    assert.equal(await runSign(['--secret-env', 'NOPE', '--query', 'a'], d.io, {}), 2);
    assert.match(d.errors(), /named by --secret-env is not set/);
    assert.deepEqual(d.out, []);
  });

  it('sign never echoes the value of --secret-env (users pass the secret itself there by mistake)', async () => {
    const digest = 'a'.repeat(64);
    for (const value of ['QxN1XsecretValue', 'sk-live/abc+def==', 'mock secret key']) {
      const runs: [string, (io: ReturnType<typeof capture>['io']) => Promise<number>][] = [
        ['sign', (io) => runSign(['--secret-env', value, '--query', 'platform_order_ids=1'], io, {})],
        ['verify', (io) => runVerify(['--secret-env', value, '--digest', digest, '--query', 'platform_order_ids=1'], io, { env: {} })],
        ['callbacks test', (io) => runCallbacks(['test', '--confirm-url', 'http://127.0.0.1:9/c', '--secret-env', value], io, { env: {} })],
      ];
      for (const [name, run] of runs) {
        const c = capture();
        assert.equal(await run(c.io), 2, name);
        const all = c.errors() + c.text();
        assert.ok(!all.includes(value), `${name} echoed ${value}: ${all}`);
        assert.match(c.errors(), /--secret-env/);
      }
    }
  });

  it('explain prints plain text in English and Traditional Chinese', async () => {
    const c = capture();
    assert.equal(await runExplain(['100', '--endpoint', 'refund', '--lang', 'en'], c.io), 0);
    assert.match(c.text(), /^100 Order not found · refund\n {2}message: "Invaid Order ID"\n {2}Meaning: /);
    assert.ok(!c.text().includes('**'), 'no markdown');
    const zh = capture();
    assert.equal(await runExplain(['922', '--lang', 'zh-TW'], zh.io), 0);
    assert.match(zh.text(), /處理方式/);
    const byMessage = capture();
    assert.equal(await runExplain(['Store not found', '--lang', 'en'], byMessage.io), 0);
    assert.match(byMessage.text(), /^200 Store not found · entry/);
    const unknown = capture();
    assert.equal(await runExplain(['555', '--lang', 'en'], unknown.io), 1);
    assert.equal(await runExplain(['555', '--endpoint', 'nope'], capture().io), 2);
  });
});

describe('cli: send', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-send-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));
  const write = async (name: string, text: string) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, text);
    return file;
  };

  it('sends to a running mock: masked key, DIGEST, exact body, explained answer', async () => {
    const mock = await startMockServer({});
    try {
      const file = await write('order.entry.jkopay.json', ENTRY);
      const c = capture();
      const code = await runSend([file, '--lang', 'en'], c.io, { env: {}, mockUrl: mock.url });
      assert.equal(code, 0, c.errors());
      const text = c.text();
      assert.match(text, new RegExp(`→ POST ${mock.url}/platform/entry`));
      assert.match(text, /API-KEY: mock…/);
      assert.ok(!text.includes('mock-api-key') && !text.includes('mock-secret-key'));
      assert.match(text, /DIGEST: [0-9a-f]{64}/);
      assert.ok(
        text.includes(
          '{"platform_order_id":"cli-1","store_id":"00000000-0000-4000-8000-000000000002","currency":"USD","total_price":100.50,"final_price":100.50,"unredeem":0}',
        ),
      );
      assert.match(text, /← HTTP 200/);
      assert.match(text, /000 Payment link created · entry/);
      assert.equal(mock.state.orders.get('cli-1')?.total_price, '100.50');
    } finally {
      await mock.close();
    }
  });

  it('starts the built-in mock for the call when none listens, and explains inquiry statuses', async () => {
    const file = await write('status.inquiry.jkopay.json', '{"platform_order_ids": ["a", "b"]}');
    const c = capture();
    const code = await runSend([file, '--lang', 'en'], c.io, { env: {}, mockUrl: `http://127.0.0.1:${await freePort()}` });
    assert.equal(code, 0, c.errors());
    assert.match(c.errors(), /started the built-in mock/);
    assert.match(c.text(), /DIGEST over the query string: platform_order_ids=a,b/);
    assert.match(c.text(), /a: Transaction status 102/);
  });

  it('refuses a payload with errors (unless --force) and asks for --index among several', async () => {
    const bad = await write('bad.entry.jkopay.json', ENTRY.replace('100.50,\n  "final', '100.505,\n  "final'));
    const c = capture();
    assert.equal(await runSend([bad, '--lang', 'en'], c.io, { env: {}, mockUrl: 'http://127.0.0.1:1' }), 1);
    assert.match(c.errors(), /bad\.entry\.jkopay\.json:7:\d+ error currency-precision/);
    assert.match(c.errors(), /not sent/);
    assert.deepEqual(c.out, []);

    const mock = await startMockServer({});
    try {
      const forced = capture();
      assert.equal(await runSend([bad, '--force', '--lang', 'en'], forced.io, { env: {}, mockUrl: mock.url }), 1);
      assert.match(forced.text(), /"message": "Invalid number of digits for the order currency amount"/);

      const several = await write('several.jkopay.json', `[${ENTRY}, {"platform_order_ids": "cli-1"}]`);
      const s = capture();
      assert.equal(await runSend([several], s.io, { env: {}, mockUrl: mock.url }), 1);
      assert.match(s.errors(), /holds 2 payloads; choose one with --index N: \[0\] entry at line 1, \[1\] inquiry at line 10/);
      const one = capture();
      assert.equal(await runSend([several, '--index', '1', '--lang', 'en'], one.io, { env: {}, mockUrl: mock.url }), 0, one.errors());
      assert.match(one.text(), /cli-1: Transaction status 102 Order does not exist/);
    } finally {
      await mock.close();
    }
  });

  it('needs credentials for the sandbox, refuses production, and never prints the secret', async () => {
    const file = await write('s.entry.jkopay.json', ENTRY);
    const none = capture();
    assert.equal(await runSend([file, '--env', 'sandbox'], none.io, { env: {} }), 2);
    assert.match(none.errors(), /JKOPAY_API_KEY and JKOPAY_SECRET_KEY/);
    const prod = capture();
    assert.equal(await runSend([file, '--env', 'production'], prod.io, { env: { JKOPAY_API_KEY: 'a', JKOPAY_SECRET_KEY: 'b' } }), 2);
    assert.match(prod.errors(), /production is disabled/);

    let seenKey: unknown;
    const local = await startHttp((req, res) => {
      seenKey = req.headers['api-key'];
      req.resume();
      res.end('{"result":"999","message":"Internal Error","result_object":null}');
    });
    try {
      const c = capture();
      const env = { JKOPAY_API_KEY: 'sandbox-key-123456', JKOPAY_SECRET_KEY: 'sandbox-secret-abcdef' };
      assert.equal(await runSend([file, '--env', 'sandbox', '--base-url', local.url, '--lang', 'en'], c.io, { env }), 1);
      assert.equal(seenKey, 'sandbox-key-123456');
      const all = c.text() + c.errors();
      assert.ok(!all.includes('sandbox-key-123456') && !all.includes('sandbox-secret-abcdef'));
      assert.match(all, /API-KEY: sand…/);
      assert.match(all, /999 JKOPay internal error/);
    } finally {
      await local.close();
    }
  });

  it('reports a transport failure as a message, exit 1', async () => {
    const file = await write('t.entry.jkopay.json', ENTRY);
    const c = capture();
    assert.equal(await runSend([file, '--base-url', `http://127.0.0.1:${await freePort()}`], c.io, { env: {} }), 1);
    assert.match(c.errors(), /jkopay send: connection refused/);
  });
});

describe('cli: mock', () => {
  it('prints "listening on http://HOST:PORT" first, then the defaults, and stops cleanly', async () => {
    const c = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runMock(['--port', '0', '--quiet', '--lang', 'en'], c.io, { stop: stopped });
    await waitUntil(() => c.out.length > 0);
    const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(c.out[0]);
    assert.ok(m, c.out[0]);
    const text = c.text();
    assert.match(text, /API key: {4}mock-api-key/);
    assert.match(text, /secret key: mock-secret-key/);
    assert.match(text, /00000000-0000-4000-8000-000000000002 {2}TWD, JPY, USD, CNY, HKD/);
    assert.match(text, /00000000-0000-4000-8000-000000000003 {2}TWD {2}\(requires identity verification\)/);
    const info = (await (await fetch(`${m[1]}/_mock/`)).json()) as { stores: unknown[] };
    assert.equal(info.stores.length, 3);
    stop();
    assert.equal(await running, 0);
    await assert.rejects(fetch(`${m[1]}/_mock/`));
  });

  it('prints its summary and problems in zh-TW with --lang zh-TW, the first line unchanged for scripts', async () => {
    const c = capture();
    assert.equal(await runMock(['--port', '0', '--quiet', '--lang', 'zh-TW'], c.io, { stop: Promise.resolve() }), 0);
    assert.match(c.out[0], /^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const text = c.text();
    assert.match(text, /^密鑰（secret key）：mock-secret-key$/m);
    assert.match(text, /^ {2}00000000-0000-4000-8000-000000000003 {2}TWD（需要實名認證）$/m);
    assert.match(text, /^狀態：只在記憶體中/m);
    assert.match(text, /^回呼：只送往本機（loopback）主機，其他的略過/m);
    assert.match(c.errors(), /^jkopay mock: 已停止$/m);
    assert.doesNotMatch(text, /identity verification|in memory|loopback hosts/);
    const busy = await startMockServer({});
    try {
      const z = capture();
      assert.equal(await runMock(['--port', String(busy.port), '--lang', 'zh-TW'], z.io, { stop: Promise.resolve() }), 1);
      assert.match(z.errors(), new RegExp(`127\\.0\\.0\\.1 的連接埠 ${busy.port} 已被占用`));
    } finally {
      await busy.close();
    }
  });

  it('says which port is taken, and refuses a bad config file', async () => {
    const busy = await startMockServer({});
    try {
      const c = capture();
      assert.equal(await runMock(['--port', String(busy.port), '--lang', 'en'], c.io, { stop: Promise.resolve() }), 1);
      assert.match(c.errors(), new RegExp(`port ${busy.port} on 127.0.0.1 is in use`));
    } finally {
      await busy.close();
    }
    const c = capture();
    assert.equal(await runMock(['--port', '0', '--config', '/nonexistent/mock.json'], c.io, { stop: Promise.resolve() }), 2);
    assert.match(c.errors(), /cannot read the config file/);
    assert.equal(await runMock(['--port', 'x'], capture().io), 2);
  });
});
