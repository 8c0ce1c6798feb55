/**
 * `jkopay callbacks test` against endpoints written here: a good one, a broken one, and hostile
 * ones (unreachable, redirecting, silent, huge, not JSON, not TLS), judged exactly; and
 * `jkopay verify` on the reference's vectors.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import type * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { computeDigest, verifyDigest } from '../../../src/api/signing';
import { runCallbackTests } from '../../../src/api/callbacks/callbackTest';
import { runCallbacks } from '../../../src/cli/callbacksCommand';
import { runVerify } from '../../../src/cli/verifyCommand';
import { freePort, type Local, startHttp, startTcp } from './localServers';
import { capture } from './captureIo';

interface Received {
  path: string;
  body: string;
  digest: string | undefined;
}

/** An endpoint that records each call and answers with `answer(call, n)` (n counts calls to that path). */
async function endpoint(answer: (call: Received, n: number, res: http.ServerResponse) => void): Promise<Local & { calls: Received[] }> {
  const calls: Received[] = [];
  const counts = new Map<string, number>();
  const local = await startHttp((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = { path: req.url!, body: Buffer.concat(chunks).toString('utf8'), digest: req.headers.digest as string | undefined };
      calls.push(call);
      const n = (counts.get(req.url!) ?? 0) + 1;
      counts.set(req.url!, n);
      answer(call, n, res);
    });
  });
  return Object.assign(local, { calls });
}

const SECRET = 'merchant-test-secret';
const ENV = { CB_SECRET: SECRET };

async function run(args: string[]) {
  const c = capture();
  const code = await runCallbacks(['test', ...args, '--secret-env', 'CB_SECRET', '--format', 'json'], c.io, { env: ENV });
  return {
    code,
    verdicts:
      code === 2
        ? []
        : (JSON.parse(c.text()) as { scenario: string; verdict: string; status: number | null; ms: number; detail: string; url: string }[]),
    c,
  };
}

const summary = (verdicts: { scenario: string; verdict: string; status: number | null }[]) =>
  verdicts.map((v) => [v.scenario, v.verdict, v.status]);

describe('cli: callbacks test', function () {
  this.timeout(10_000);

  it('passes a good endpoint: valid boolean, 2xx twice, bad digest refused, unsigned acknowledged; every digest is HMAC-SHA256(secret, body)', async () => {
    // The stance of docs/callbacks.md: verify a digest when one is present; acknowledge a notification without one (and inquire).
    const good = await endpoint((call, _n, res) => {
      if (call.path === '/confirm') {
        res.setHeader('Content-Type', 'application/json');
        res.end('{"valid": true}');
      } else if (call.digest === undefined || verifyDigest(SECRET, call.body, call.digest)) res.end('{"ok":true}');
      else {
        res.statusCode = 401;
        res.end('bad digest');
      }
    });
    try {
      const { code, verdicts, c } = await run([
        '--confirm-url',
        `${good.url}/confirm`,
        '--result-url',
        `${good.url}/result?src=jko`,
        '--order',
        'cb-1',
      ]);
      assert.equal(code, 0);
      assert.deepEqual(summary(verdicts), [
        ['confirm', 'pass', 200],
        ['result', 'pass', 200],
        ['result-duplicate', 'pass', 200],
        ['result-bad-digest', 'pass', 401],
        ['result-unsigned', 'pass', 200],
      ]);
      assert.match(verdicts[0].detail, /"valid": true/);
      assert.equal(verdicts[1].url, `${good.url}/result?src=jko`);
      assert.match(verdicts[3].detail, /verifies the digest when one is present/);
      assert.match(verdicts[4].detail, /does not document that callbacks are signed.*confirm the payment with the inquiry API/);
      assert.match(c.errors(), new RegExp(`calling 127\\.0\\.0\\.1:${good.port}`));
      assert.deepEqual(
        good.calls.map((x) => x.path),
        ['/confirm', '/result?src=jko', '/result?src=jko', '/result?src=jko', '/result?src=jko'],
      );
      assert.deepEqual(JSON.parse(good.calls[0].body), { platform_order_id: 'cb-1' });
      const transaction = JSON.parse(good.calls[1].body).transaction;
      assert.equal(transaction.platform_order_id, 'cb-1');
      assert.equal(transaction.status, 0);
      for (const key of ['tradeNo', 'trans_time', 'currency', 'final_price', 'redeem_amount', 'debit_amount'])
        assert.equal(typeof transaction[key], 'string', key);
      assert.equal(good.calls[2].body, good.calls[1].body, 'the duplicate is the same bytes');
      for (const call of good.calls.slice(0, 3)) assert.equal(call.digest, computeDigest(SECRET, call.body));
      assert.notEqual(good.calls[3].digest, computeDigest(SECRET, good.calls[3].body));
      assert.match(good.calls[3].digest!, /^[0-9a-f]{64}$/, 'the bad digest is well-formed, only wrong');
      assert.equal(good.calls[4].digest, undefined, 'the unsigned notification has no digest header');
      // The bad-digest and unsigned notifications are of the same order, each with a tradeNo of its own.
      const trades = good.calls.slice(1).map((call) => JSON.parse(call.body).transaction);
      assert.deepEqual(new Set(trades.map((tr) => tr.platform_order_id)), new Set(['cb-1']));
      assert.equal(new Set(trades.map((tr) => tr.tradeNo)).size, 3);
      // Written as JKOPay's documentation writes JSON: its re-serialization is other bytes.
      assert.match(good.calls[1].body, /^\{"transaction": \{"platform_order_id": "cb-1", "status": 0, /);
      assert.match(good.calls[1].body, /"invoice_vehicle": "\\\/9-99\\u002b99"/);
      assert.notEqual(JSON.stringify(JSON.parse(good.calls[1].body)), good.calls[1].body);
    } finally {
      await good.close();
    }
  });

  it('fails a broken endpoint: OK to confirm, 500 to the second delivery; accepting a bad digest is only a warning', async () => {
    const broken = await endpoint((call, n, res) => {
      if (call.path === '/confirm') res.end('OK');
      else if (n === 2) {
        res.statusCode = 500;
        res.end('duplicate key');
      } else res.end('OK');
    });
    try {
      const { code, verdicts } = await run(['--confirm-url', `${broken.url}/confirm`, '--result-url', `${broken.url}/result`]);
      assert.equal(code, 1);
      assert.deepEqual(summary(verdicts), [
        ['confirm', 'fail', 200],
        ['result', 'pass', 200],
        ['result-duplicate', 'fail', 500],
        ['result-bad-digest', 'warn', 200],
        ['result-unsigned', 'pass', 200],
      ]);
      assert.match(verdicts[0].detail, /"OK", which is not JSON/);
      assert.match(verdicts[2].detail, /JKOPay retries/);
      assert.match(verdicts[3].detail, /does not verify the digest, so before shipping it must confirm the payment with the inquiry API/);
      assert.match(verdicts[3].detail, /does not document signing callbacks/);
      for (const call of broken.calls.slice(0, 3)) assert.equal(call.digest, computeDigest(SECRET, call.body));
    } finally {
      await broken.close();
    }
  });

  // Issue 20: compact test bodies re-serialize to themselves, so a handler verifying JSON.stringify(req.body) passed every tool.
  it('fails a handler that verifies a re-serialization of the parsed body, and says why', async () => {
    const reserializing = await endpoint((call, _n, res) => {
      const again = JSON.stringify(JSON.parse(call.body));
      res.statusCode = call.digest !== undefined && verifyDigest(SECRET, again, call.digest) ? 200 : 401;
      res.end();
    });
    try {
      const { code, verdicts } = await run(['--result-url', `${reserializing.url}/result`, '--order', 'cb-2']);
      assert.equal(code, 1);
      assert.deepEqual(summary(verdicts)[0], ['result', 'fail', 401]);
      assert.match(verdicts[0].detail, /digest is right, and accepted the same notification written compactly \(HTTP 200\)/);
      assert.match(verdicts[0].detail, /JSON\.stringify\(req\.body\).*express\.raw\(\)/);
      // One more call told the slip from a wrong secret: the same notification, compact, rightly signed.
      const probe = reserializing.calls[1];
      assert.equal(probe.body, JSON.stringify(JSON.parse(reserializing.calls[0].body)));
      assert.equal(probe.digest, computeDigest(SECRET, probe.body));
    } finally {
      await reserializing.close();
    }
    const wrongSecret = await endpoint((call, _n, res) => {
      res.statusCode = call.digest !== undefined && verifyDigest('another-secret', call.body, call.digest) ? 200 : 403;
      res.end();
    });
    try {
      const { verdicts } = await run(['--result-url', `${wrongSecret.url}/result`]);
      assert.deepEqual(summary(verdicts)[0], ['result', 'fail', 403]);
      assert.match(verdicts[0].detail, /keyed with the same secret as this test \(--secret-env\)/);
    } finally {
      await wrongSecret.close();
    }
  });

  // Issue 20: a handler that never checks the digest got "pass" because the scenario reused the duplicate's tradeNo.
  it('never passes result-bad-digest for a handler that does not check the digest: only 401/403 refuse a signature', async () => {
    const seen = new Set<string>();
    const noCheckRefusesRepeats = await endpoint((call, _n, res) => {
      const trade = JSON.parse(call.body).transaction.tradeNo;
      res.statusCode = seen.has(trade) ? 409 : 200;
      seen.add(trade);
      res.end();
    });
    const crashes = await endpoint((_call, n, res) => {
      res.statusCode = n === 1 ? 200 : 500;
      res.end();
    });
    try {
      const first = await run(['--result-url', `${noCheckRefusesRepeats.url}/result`]);
      assert.deepEqual(summary(first.verdicts).slice(2, 3), [['result-bad-digest', 'warn', 200]]);
      const second = await run(['--result-url', `${crashes.url}/result`]);
      assert.deepEqual(summary(second.verdicts).slice(2, 3), [['result-bad-digest', 'warn', 500]]);
      assert.match(second.verdicts[2].detail, /HTTP 500, which is no refusal of the signature \(that is 401 or 403\)/);
    } finally {
      await noCheckRefusesRepeats.close();
      await crashes.close();
    }
  });

  it('warns of a handler that refuses a notification only because it has no digest', async () => {
    const strict = await endpoint((call, _n, res) => {
      res.statusCode = call.digest !== undefined && verifyDigest(SECRET, call.body, call.digest) ? 200 : 401;
      res.end();
    });
    try {
      const { code, verdicts } = await run(['--result-url', `${strict.url}/result`]);
      assert.equal(code, 0);
      assert.deepEqual(summary(verdicts), [
        ['result', 'pass', 200],
        ['result-duplicate', 'pass', 200],
        ['result-bad-digest', 'pass', 401],
        ['result-unsigned', 'warn', 401],
      ]);
      assert.match(verdicts[3].detail, /only because it has no digest header.*could refuse every real notification/);
    } finally {
      await strict.close();
    }
  });

  it('says how to pass an order the backend knows when it answers 404 for the test order', async () => {
    const unknown = await endpoint((_call, _n, res) => {
      res.statusCode = 404;
      res.end('{"error":"unknown order"}');
    });
    try {
      const { verdicts } = await run(['--confirm-url', `${unknown.url}/c`, '--result-url', `${unknown.url}/r`, '--order', 'not-here']);
      assert.deepEqual(
        summary(verdicts).map((v) => v[1]),
        ['fail', 'fail', 'fail', 'warn', 'fail'],
      );
      for (const i of [0, 1, 2, 4])
        assert.match(verdicts[i].detail, /HTTP 404: the handler does not know the order not-here .*--order ID --amount N/, String(i));
      const zh = capture();
      await runCallbacks(['test', '--result-url', `${unknown.url}/r`, '--lang', 'zh-TW'], zh.io, { env: {} });
      assert.match(zh.text(), /處理程式不認得此測試送出的訂單 callback-test-\d+。請指定後端認得的訂單：--order ID --amount N/);
    } finally {
      await unknown.close();
    }
  });

  it('shows a slow row without --slow once an answer takes half of JKOPay’s read timeout', async () => {
    const slow = await endpoint((_call, n, res) => {
      if (n === 1) setTimeout(() => res.end(), 150);
      else res.end();
    });
    try {
      // The read timeout made short (200 ms) so that the test waits 150 ms, not 5 s; the delay is a floor, so a busy machine only makes it slower.
      const verdicts = await runCallbackTests({
        resultUrl: `${slow.url}/r`,
        orderId: 'cb-slow',
        currency: 'TWD',
        amount: '100',
        secret: SECRET,
        timeoutMs: 5000,
        readTimeoutMs: 200,
      });
      const row = verdicts.find((v) => v.scenario === 'slow');
      assert.ok(row, 'a slow row without --slow');
      assert.ok(row.verdict === 'warn' || row.verdict === 'fail', row.verdict);
      assert.ok(row.ms >= 150, String(row.ms));
    } finally {
      await slow.close();
    }
  });

  it('prints a table by default, with the mock secret when no --secret-env; zh-TW details', async () => {
    const ok = await endpoint((_call, _n, res) => res.end('{"valid": false}'));
    try {
      const c = capture();
      assert.equal(await runCallbacks(['test', '--confirm-url', `${ok.url}/c`, '--slow'], c.io, { env: {} }), 0);
      const lines = c.out.join('\n').split('\n');
      assert.match(lines[0], /^SCENARIO\s+URL\s+VERDICT\s+STATUS\s+TIME\s+DETAIL$/);
      assert.match(lines[1], /^confirm\s+http:\/\/127\.0\.0\.1:\d+\/c\s+pass\s+200\s+\d+ ms\s+.*would not charge/);
      assert.match(lines[2], /^slow\s+.*pass\s+-\s+\d+ ms\s+slowest answer/);
      assert.equal(ok.calls[0].digest, computeDigest('mock-secret-key', ok.calls[0].body));
      const zh = capture();
      await runCallbacks(['test', '--confirm-url', `${ok.url}/c`, '--lang', 'zh-TW'], zh.io, { env: {} });
      assert.match(zh.text(), /街口不會扣款/);
      assert.match(zh.text(), /^情境 {5}網址/m);
      assert.match(zh.text(), /^confirm {2}http\S+ {2}通過 {2}200 /m);
    } finally {
      await ok.close();
    }
  });

  it('judges unreachable, redirecting, non-JSON and non-TLS endpoints clearly', async () => {
    const port = await freePort();
    const refused = await run(['--confirm-url', `http://127.0.0.1:${port}/c`, '--result-url', `http://127.0.0.1:${port}/r`]);
    assert.equal(refused.code, 1);
    assert.deepEqual(summary(refused.verdicts), [
      ['confirm', 'fail', null],
      ['result', 'fail', null],
      ['result-duplicate', 'fail', null],
      ['result-bad-digest', 'fail', null],
      ['result-unsigned', 'fail', null],
    ]);
    assert.match(refused.verdicts[0].detail, /connection refused/);
    assert.match(refused.verdicts[2].detail, /^not run: connection refused/);

    const odd = await endpoint((call, _n, res) => {
      if (call.path === '/moved') {
        res.writeHead(302, { Location: 'https://shop.example/final' });
        res.end();
      } else res.end('<html>not json</html>');
    });
    try {
      const moved = await run(['--confirm-url', `${odd.url}/moved`, '--result-url', `${odd.url}/moved`]);
      assert.deepEqual(
        summary(moved.verdicts).map((v) => v[1]),
        ['fail', 'fail', 'fail', 'fail', 'fail'],
      );
      assert.match(moved.verdicts[0].detail, /redirect to https:\/\/shop\.example\/final; JKOPay does not follow redirects/);
      const html = await run(['--confirm-url', `${odd.url}/html`]);
      assert.match(html.verdicts[0].detail, /not JSON/);
      const tls = await run(['--confirm-url', `https://127.0.0.1:${odd.port}/c`]);
      assert.equal(tls.verdicts[0].verdict, 'fail');
      assert.match(tls.verdicts[0].detail, /TLS handshake/);
    } finally {
      await odd.close();
    }
  });

  // Issue 23: an endpoint that echoed the secret (in its body, a JSON field, a redirect's Location) had it printed,
  // 4 runs of 4; in VS Code it reached the output channel and the webview, which show these same verdicts.
  describe('an endpoint that echoes the secret', () => {
    const ECHOED = 'merchant/echo secret&key';
    const spellings: Record<string, (s: string) => string> = {
      raw: (s) => s,
      'a JSON field': (s) => JSON.stringify({ secret: s }),
      'JSON-escaped': (s) => JSON.stringify({ secret: s }).replace(/\//g, '\\/'),
      'URL-encoded': encodeURIComponent,
      'URL-encoded twice': (s) => encodeURIComponent(encodeURIComponent(s)),
      'HTML references without ;': (s) => s.replace(/[/&]/g, (c) => `&#${c.charCodeAt(0)}`),
      'broken by a line break': (s) => `${s.slice(0, 9)}\r\n  ${s.slice(9)}`,
    };
    for (const [name, spell] of Object.entries(spellings)) {
      it(`never prints it ${name} in the body, nor URL-encoded in a redirect's Location, in JSON or as a table`, async () => {
        const echo = await endpoint((call, _n, res) => {
          if (call.path === '/moved') res.writeHead(302, { Location: `https://shop.example/?k=${encodeURIComponent(ECHOED)}` });
          else res.writeHead(call.path === '/c' ? 200 : 500);
          res.end(`got ${spell(ECHOED)} thanks`);
        });
        try {
          const env = { CB_SECRET: ECHOED };
          const outputs: string[] = [];
          for (const format of ['json', 'text']) {
            for (const urls of [
              ['--confirm-url', `${echo.url}/c`, '--result-url', `${echo.url}/r`],
              ['--confirm-url', `${echo.url}/moved`],
            ]) {
              const c = capture();
              await runCallbacks(['test', ...urls, '--secret-env', 'CB_SECRET', '--format', format], c.io, { env });
              outputs.push(c.text(), c.errors());
            }
          }
          const all = outputs.join('\n');
          assert.match(all, /got /, 'the echoed body is quoted');
          for (const shown of [ECHOED, spell(ECHOED), encodeURIComponent(ECHOED), 'echo secret', 'echo%20secret'])
            assert.ok(!all.includes(shown), `the secret was printed as ${JSON.stringify(shown)}:\n${all}`);
        } finally {
          await echo.close();
        }
      });
    }
  });

  it('gives up on a silent endpoint within --timeout-seconds + 1 s, and on a slow-dripping one', async () => {
    const silent = await startTcp(() => undefined);
    const drip = await startTcp((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{');
      const timer = setInterval(() => socket.write(' '), 50);
      socket.on('close', () => clearInterval(timer));
    });
    try {
      for (const url of [`${silent.url}/r`, `${drip.url}/r`]) {
        const started = Date.now();
        const { code, verdicts } = await run(['--result-url', url, '--timeout-seconds', '0.5']);
        const took = Date.now() - started;
        assert.equal(code, 1);
        assert.ok(took < 1500, `took ${took} ms`);
        assert.match(verdicts[0].detail, /no complete answer within 0\.5 s/);
        assert.match(verdicts[1].detail, /^not run/);
      }
    } finally {
      await silent.close();
      await drip.close();
    }
  });

  it('cuts a 10 MB answer off instead of buffering it', async () => {
    let written = 0;
    let closedEarly = false;
    const huge = await startHttp((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (written < 10 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('close', () => {
          if (written < 10 * 1024 * 1024) closedEarly = true;
        });
        pump();
      });
    });
    try {
      const { verdicts } = await run(['--confirm-url', `${huge.url}/c`]);
      assert.equal(verdicts[0].verdict, 'fail');
      assert.match(verdicts[0].detail, /larger than 16384 bytes; it was cut off/);
      await new Promise((r) => setTimeout(r, 50));
      assert.ok(closedEarly, `the connection was cut after ${written} bytes`);
    } finally {
      await huge.close();
    }
  });

  it('refuses bad usage with exit 2', async () => {
    for (const args of [
      [],
      ['test'],
      ['test', '--confirm-url', 'ftp://x/y'],
      ['test', '--confirm-url', 'http://127.0.0.1:1/c', '--format', 'xml'],
      ['test', '--confirm-url', 'http://127.0.0.1:1/c', '--currency', 'EUR'],
      ['test', '--confirm-url', 'http://127.0.0.1:1/c', '--amount', '1.5'],
      ['test', '--confirm-url', 'http://127.0.0.1:1/c', '--timeout-seconds', '0'],
      ['test', '--confirm-url', 'http://127.0.0.1:1/c', '--secret-env', 'UNSET_VAR'],
    ]) {
      const c = capture();
      assert.equal(await runCallbacks(args, c.io, { env: {} }), 2, args.join(' '));
      assert.match(c.errors(), /Usage: jkopay callbacks test/);
    }
  });

  it('sends a foreign-currency order with a whole-TWD debit_amount', async () => {
    const ok = await endpoint((_c, _n, res) => res.end('OK'));
    try {
      await run(['--result-url', `${ok.url}/r`, '--currency', 'JPY', '--amount', '1230']);
      const transaction = JSON.parse(ok.calls[0].body).transaction;
      assert.deepEqual([transaction.currency, transaction.final_price, transaction.debit_amount], ['JPY', '1230', '249']);
    } finally {
      await ok.close();
    }
  });
});

describe('cli: verify', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-verify-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));
  const V2 = '80b9967b29287605e4ef10b45668792f9d5235777ab305bb72217078dec3205a';

  it('reproduces the reference vectors: match exits 0, mismatch 1, never printing the secret', async () => {
    const file = path.join(dir, 'refund.json');
    await fs.writeFile(file, '{"platform_order_id": 87, "refund_amount": 100}');
    const env = { K: 'QxN1X' };
    const match = capture();
    assert.equal(await runVerify(['--secret-env', 'K', '--digest', V2, '--body-file', file], match.io, { env }), 0);
    assert.match(match.text(), /^match/);
    /** The inquiry vector's DIGEST against `query`. */
    const verifyQuery = (query: string, c: ReturnType<typeof capture>) =>
      runVerify(
        ['--secret-env', 'K', '--digest', 'a0836fefb028ea7493118c8b5eb6752113f552ac8ef35f3cb8cda91808c77188', '--query', query],
        c.io,
        {
          env,
        },
      );
    const query = capture();
    assert.equal(await verifyQuery('platform_order_ids=87,88', query), 0);
    // The negative vector: a space after the comma is other bytes.
    const spaced = capture();
    assert.equal(await verifyQuery('platform_order_ids=87, 88', spaced), 1);
    assert.match(spaced.text(), /^mismatch/);
    const compact = capture();
    assert.equal(
      await runVerify(['--secret-env', 'K', '--digest', V2], compact.io, {
        env,
        stdin: Readable.from([Buffer.from('{"platform_order_id":87,"refund_amount":100}')]),
      }),
      1,
    );
    const piped = capture();
    assert.equal(
      await runVerify(['--secret-env', 'K', '--digest', V2], piped.io, {
        env,
        stdin: Readable.from([Buffer.from('{"platform_order_id": 87, "refund_amount": 100}\n')]),
      }),
      1,
    );
    assert.match(piped.errors(), /without the trailing newline/);
    const upper = capture();
    assert.equal(await runVerify(['--secret-env', 'K', '--digest', V2.toUpperCase(), '--body-file', file], upper.io, { env }), 1);
    assert.match(upper.errors(), /lower case/);
    for (const c of [match, query, spaced, compact, piped, upper]) assert.doesNotMatch(c.text() + c.errors(), /QxN1X/);
  });

  it('refuses bad usage with exit 2', async () => {
    for (const args of [
      [],
      ['--secret-env', 'K'],
      ['--secret-env', 'K', '--digest', 'abc'],
      ['--secret-env', 'NOPE', '--digest', V2, '--query', 'a'],
      ['--secret-env', 'K', '--digest', V2, '--query', 'a', '--body-file', 'f'],
    ]) {
      const c = capture();
      assert.equal(await runVerify(args, c.io, { env: { K: 'x' } }), 2, args.join(' '));
    }
    const c = capture();
    assert.equal(
      await runVerify(['--secret-env', 'K', '--digest', V2, '--body-file', path.join(dir, 'missing')], c.io, { env: { K: 'x' } }),
      2,
    );
  });
});
