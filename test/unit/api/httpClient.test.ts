/**
 * The client's failure modes, each against a local server on 127.0.0.1 (or an unresolvable
 * `.invalid` name): every failure becomes a kind and a plain message, never a throw, and the
 * keys never show up anywhere in the result.
 */
import * as assert from 'node:assert/strict';
import { EnvironmentError, PRODUCTION_URL, resolveBaseUrl, SANDBOX_URL } from '../../../src/api/environments';
import { type SendOptions, sendRequest } from '../../../src/api/httpClient';
import { prepareRequest } from '../../../src/api/requestBody';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { redactValue } from '../../../src/api/secrets';
import { createClient, JkoPayClientError } from '../../../src/lib/client';
import { runSend } from '../../../src/cli/sendCommand';
import { capture } from './captureIo';
import { computeDigest } from '../../../src/api/signing';
import { parseJsonDocument } from '../../../src/core/json/jsonDocument';
import { freePort, type Local, startHttp, startTcp } from './localServers';

const API_KEY = 'live-api-key-0123456789';
const SECRET = 'live-secret-key-abcdefghij';
const entry = prepareRequest(
  parseJsonDocument('file:///e.entry.jkopay.json', '{"platform_order_id": "o", "total_price": 100.50}').payloads[0],
);
const options = (baseUrl: string, extra: Partial<SendOptions> = {}): SendOptions => ({
  baseUrl,
  credentials: { apiKey: API_KEY, secretKey: SECRET },
  timeoutMs: 2000,
  ...extra,
});

function assertNoSecrets(result: unknown): void {
  const text = JSON.stringify(result);
  assert.ok(!text.includes(API_KEY), 'API key printed');
  assert.ok(!text.includes(SECRET), 'secret key printed');
}

describe('api/httpClient', () => {
  const servers: Local[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const serve = async (local: Promise<Local>) => {
    const s = await local;
    servers.push(s);
    return s;
  };

  it('sends the exact bytes with the headers and reads the envelope and its explanation', async () => {
    let seen: { body: string; headers: Record<string, unknown> } | undefined;
    const s = await serve(
      startHttp((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => {
          seen = { body: Buffer.concat(chunks).toString('utf8'), headers: req.headers };
          res.setHeader('Content-Type', 'application/json');
          res.end('{"result":"200","message":"Store not found","result_object":null}');
        });
      }),
    );
    const result = await sendRequest(entry, options(s.url));
    assert.equal(result.ok, true);
    assert.equal(seen!.body, '{"platform_order_id":"o","total_price":100.50}');
    assert.equal(seen!.headers['content-type'], 'application/json');
    assert.equal(seen!.headers['api-key'], API_KEY);
    assert.equal(seen!.headers.digest, computeDigest(SECRET, seen!.body));
    assert.equal(result.request.digest, seen!.headers.digest);
    assert.equal(result.request.headers['API-KEY'], 'live…');
    assert.equal(result.status, 200);
    assert.equal(result.envelope?.result, '200');
    assert.deepEqual(
      result.explanation.map((r) => r.id),
      ['entry.200.store-not-found'],
    );
    assert.ok(result.elapsedMs >= 0);
    assertNoSecrets(result);
  });

  it('explains a free-text 922 by the dynamic row only, a fixed message by its own row', async () => {
    let message = 'Refund window closed for this merchant';
    const s = await serve(startHttp((_req, res) => res.end(JSON.stringify({ result: '922', message, result_object: null }))));
    const refund = prepareRequest(
      parseJsonDocument('file:///r.refund.jkopay.json', '{"platform_order_id": "o", "refund_amount": 1}').payloads[0],
    );
    assert.deepEqual(
      (await sendRequest(refund, options(s.url))).explanation.map((r) => r.id),
      ['refund.922.refund-failed'],
    );
    message = 'Refund amount exceeds order final price';
    assert.deepEqual(
      (await sendRequest(refund, options(s.url))).explanation.map((r) => r.id),
      ['refund.922.exceeds-final-price'],
    );
  });

  it('says so when the connection is refused', async () => {
    const port = await freePort();
    const result = await sendRequest(entry, options(`http://127.0.0.1:${port}`));
    assert.equal(result.error?.kind, 'refused');
    assert.match(result.error!.message, new RegExp(`nothing is listening at 127.0.0.1:${port}`));
    assertNoSecrets(result);
  });

  it('says so when the host name does not resolve', async () => {
    const result = await sendRequest(entry, options('http://no-such-host.invalid'));
    assert.equal(result.error?.kind, 'dns');
    assert.match(result.error!.message, /cannot resolve the host name no-such-host\.invalid/);
  });

  it('says so when TLS cannot be set up (https to a server that does not speak it)', async () => {
    const s = await serve(startTcp((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\nnot tls')));
    const result = await sendRequest(entry, options(`https://127.0.0.1:${s.port}`));
    assert.equal(result.error?.kind, 'tls', result.error?.message);
    assert.match(result.error!.message, /TLS handshake/);
  });

  it('times out a server that never answers', async () => {
    const s = await serve(startTcp(() => undefined));
    const started = Date.now();
    const result = await sendRequest(entry, options(s.url, { timeoutMs: 150 }));
    assert.equal(result.error?.kind, 'timeout');
    assert.match(result.error!.message, /within 150 ms/);
    // Far from both the 150 ms asked for and the 15 s default: a busy machine cannot turn one into the other.
    assert.ok(Date.now() - started < 7500);
  });

  it('can be cancelled', async () => {
    const s = await serve(startTcp(() => undefined));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await sendRequest(entry, options(s.url, { signal: controller.signal, timeoutMs: 5000 }));
    assert.equal(result.error?.kind, 'cancelled');
    const already = await sendRequest(entry, options(s.url, { signal: AbortSignal.abort() }));
    assert.equal(already.error?.kind, 'cancelled');
  });

  it('reports a connection closed mid-answer', async () => {
    const s = await serve(
      startTcp((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"resu'))),
    );
    const result = await sendRequest(entry, options(s.url));
    assert.equal(result.error?.kind, 'reset', result.error?.message);
  });

  it('names a non-JSON answer, cut and on one line', async () => {
    const s = await serve(
      startHttp((_req, res) => {
        res.setHeader('Content-Type', 'text/html');
        res.end(`<html>\n<body>${'x'.repeat(500)}</body></html>`);
      }),
    );
    const result = await sendRequest(entry, options(s.url));
    assert.equal(result.ok, false);
    assert.equal(result.error?.kind, 'non-json');
    assert.match(result.error!.message, /is not JSON \(text\/html\): "<html> <body>x+…"$/);
    assert.ok(result.error!.message.length < 250);
  });

  it('names JSON that is not an envelope', async () => {
    const s = await serve(startHttp((_req, res) => res.end('{"status":"ok"}')));
    const result = await sendRequest(entry, options(s.url));
    assert.equal(result.error?.kind, 'not-envelope');
  });

  it('reports HTTP 5xx as a server failure, with the envelope when there is one', async () => {
    const s = await serve(
      startHttp((_req, res) => {
        res.statusCode = 503;
        res.end('Service Unavailable');
      }),
    );
    const result = await sendRequest(entry, options(s.url));
    assert.equal(result.error?.kind, 'server-error');
    assert.match(result.error!.message, /^HTTP 503 from 127\.0\.0\.1:\d+: the server failed$/);
    assert.equal(result.status, 503);
  });

  it('reports a 4xx with the envelope’s message, without echoing the key', async () => {
    const s = await serve(
      startHttp((req, res) => {
        res.statusCode = 401;
        res.end(JSON.stringify({ result: '401', message: `bad key ${String(req.headers['api-key'])}`, result_object: null }));
      }),
    );
    const result = await sendRequest(entry, options(s.url));
    assert.equal(result.error?.kind, 'http-error');
    assert.equal(result.error!.message.includes(API_KEY), false);
    assert.match(result.error!.message, /bad key live…/);
  });

  it('stops reading a hostile huge body, declared or streamed', async () => {
    const declared = await serve(
      startHttp((_req, res) => {
        res.writeHead(200, { 'Content-Length': String(1 << 30) });
        res.write('{');
      }),
    );
    const a = await sendRequest(entry, options(declared.url, { maxResponseBytes: 64 * 1024 }));
    assert.equal(a.error?.kind, 'too-large');
    let written = 0;
    const streamed = await serve(
      startHttp((_req, res) => {
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (written < 64 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
          if (written < 64 * 1024 * 1024) res.once('drain', pump);
        };
        res.on('error', () => undefined);
        pump();
      }),
    );
    const b = await sendRequest(entry, options(streamed.url, { maxResponseBytes: 256 * 1024 }));
    assert.equal(b.error?.kind, 'too-large');
    assert.match(b.error!.message, /larger than 262144 bytes/);
    assert.ok(written < 64 * 1024 * 1024, 'the client stopped the stream early');
  });

  // Issue 23: an answer 2,000 deep (4 KB) made send an internal error and the library client throw a raw RangeError:
  // the scrubber recursed. Now such an answer is an error of its own kind, with a plain message.
  for (const depth of [2_000, 100_000]) {
    it(`answers an envelope nested ${depth.toLocaleString('en')} deep with a too-deep error, never a throw`, async () => {
      const nested = `${'['.repeat(depth)}"${API_KEY}"${']'.repeat(depth)}`;
      const s = await serve(
        startHttp((req, res) => {
          req.resume();
          res.setHeader('Content-Type', 'application/json');
          res.end(`{"result":"000","message":null,"result_object":${nested}}`);
        }),
      );
      const result = await sendRequest(entry, options(s.url, { maxResponseBytes: 4 * 1024 * 1024 }));
      assert.equal(result.ok, false);
      assert.equal(result.envelope, undefined);
      assert.equal(result.error?.kind, 'too-deep');
      assert.match(result.error!.message, /nested deeper than 256 levels/);
      assertNoSecrets(result);
    });
  }

  it('makes the library client reject with a too-deep JkoPayClientError and jkopay send exit 1 with the reason', async () => {
    const s = await serve(
      startHttp((req, res) => {
        req.resume();
        res.end(`{"result":"000","message":null,"result_object":${'['.repeat(2_000)}${']'.repeat(2_000)}}`);
      }),
    );
    const client = createClient({ env: 'sandbox', baseUrl: s.url, apiKey: API_KEY, secretKey: SECRET });
    await assert.rejects(client.inquiry(['o']), (e: unknown) => e instanceof JkoPayClientError && e.kind === 'too-deep');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-deep-'));
    try {
      const file = path.join(dir, 'q.inquiry.jkopay.json');
      await fs.writeFile(file, '{"platform_order_ids": ["o"]}');
      const c = capture();
      const code = await runSend([file, '--env', 'sandbox', '--base-url', s.url, '--force'], c.io, {
        env: { JKOPAY_API_KEY: API_KEY, JKOPAY_SECRET_KEY: SECRET },
      });
      assert.equal(code, 1, c.errors());
      assert.match(c.errors(), /nested deeper than 256 levels/);
      // Shown as received (and cut), not indented: indented, 2,000 levels are 8 MB.
      assert.ok(c.text().length < 20_000, `${c.text().length} characters printed`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('scrubs a value of any depth without recursing', () => {
    let value: unknown = `key ${API_KEY}`;
    for (let i = 0; i < 100_000; i++) value = i % 2 ? [value] : { [API_KEY]: value };
    const scrubbed = redactValue(value, [API_KEY]);
    let node: unknown = scrubbed;
    let depth = 0;
    while (typeof node === 'object' && node !== null) {
      node = Array.isArray(node) ? node[0] : Object.values(node)[0];
      depth++;
    }
    assert.equal(depth, 100_000);
    assert.equal(node, 'key live…');
    assert.ok(!JSON.stringify(Object.keys(scrubbed as object)).includes(API_KEY));
  });

  it('resolves environments: mock default, sandbox UAT host, production refused unless enabled', () => {
    assert.equal(resolveBaseUrl({ env: 'mock' }), 'http://127.0.0.1:8917');
    assert.equal(resolveBaseUrl({ env: 'sandbox' }), SANDBOX_URL);
    assert.equal(SANDBOX_URL, 'https://uat-onlinepay.jkopay.app');
    assert.equal(resolveBaseUrl({ env: 'sandbox', baseUrl: 'http://127.0.0.1:1234/' }), 'http://127.0.0.1:1234');
    assert.throws(() => resolveBaseUrl({ env: 'production' }), EnvironmentError);
    assert.throws(() => resolveBaseUrl({ env: 'production', baseUrl: 'http://127.0.0.1:1' }), /production is disabled/);
    assert.equal(resolveBaseUrl({ env: 'production', allowProduction: true }), PRODUCTION_URL);
    assert.throws(() => resolveBaseUrl({ env: 'mock', baseUrl: 'ftp://x' }), /http/);
    assert.throws(() => resolveBaseUrl({ env: 'mock', baseUrl: 'http://u:p@127.0.0.1' }), /credentials/);
  });
});
