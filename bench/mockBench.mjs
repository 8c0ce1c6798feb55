// Benchmark of the mock JKOPay server: POST /platform/entry with DIGEST checks, each request a
// new order (a new platform_order_id, so a new body and a new DIGEST), against a bare node:http
// server that answers a constant — same load generator (autocannon, 50 connections), same
// requests, same run, each server in its own process so the generator does not steal its CPU.
// Runs in turns (bare, mock, bare, mock) and reports the better round of each.
// Then the DIGEST doctor on its own: explainDigestMismatch over a 1 MB body with a wrong DIGEST
// that no slip explains (its whole search, within its budget), beside verifyDigest over the same
// bytes (one HMAC: the floor), in turns, in this process.
// Targets: mock ≥ 0.5× bare requests/s, mock p99 < 20 ms, the doctor's median < 5 ms on 1 MB.
// Usage: npm run bench:mock [-- --duration S] [-- --check]  (--check: exit 1 when a target is missed)
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const duration = Number(args[args.indexOf('--duration') + 1]) || Number(process.env.BENCH_DURATION) || 8;
const check = args.includes('--check');
const CONNECTIONS = 50;
const ROUNDS = 2;

const API_KEY = 'mock-api-key';
const SECRET = 'mock-secret-key';
const STORE = '00000000-0000-4000-8000-000000000001';
const BARE = `
const http = require('node:http');
const answer = '{"result":"000","message":null,"result_object":{"payment_url":"http://127.0.0.1/_mock/pay/x","qr_img":"http://127.0.0.1/_mock/qr/x.svg","qr_timeout":600}}';
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(answer) });
    res.end(answer);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

/** Starts a server process; resolves with its URL from its first stdout line. */
function startProcess(name, argv) {
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const m = /^listening on (http:\/\/\S+)$/.exec(line);
      if (!m) reject(new Error(`${name}: unexpected first line ${line}`));
      else resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
      lines.on('line', () => undefined); // keep draining the mock's summary
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

let counter = 0;
/** A fresh, signed entry request: new order id, so the mock creates an order every time. */
function setupRequest(request) {
  const body = `{"platform_order_id":"bench-${process.pid}-${++counter}","store_id":"${STORE}","currency":"TWD","total_price":100,"final_price":100,"unredeem":0,"result_url":"https://merchant.example/result"}`;
  request.body = body;
  request.headers = {
    'Content-Type': 'application/json',
    'API-KEY': API_KEY,
    DIGEST: createHmac('sha256', SECRET).update(body).digest('hex'),
  };
  return request;
}

async function load(url) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [{ method: 'POST', path: '/platform/entry', setupRequest }],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

async function probe(url) {
  const request = setupRequest({});
  const response = await fetch(`${url}/platform/entry`, { method: 'POST', headers: request.headers, body: request.body });
  const envelope = await response.json();
  if (envelope.result !== '000') throw new Error(`the mock did not accept the bench request: ${JSON.stringify(envelope)}`);
}

const bare = await startProcess('bare', ['-e', BARE]);
const mock = await startProcess('mock', ['dist/cli.js', 'mock', '--port', '0', '--quiet']);
try {
  await probe(mock.url);
  console.log(`mock bench: POST /platform/entry, ${CONNECTIONS} connections, ${duration} s × ${ROUNDS} rounds each, new order per request`);
  const best = { bare: undefined, mock: undefined };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, server] of [
      ['bare', bare],
      ['mock', mock],
    ]) {
      const r = await load(server.url);
      console.log(
        `  round ${round} ${name.padEnd(4)} ${r.rps.toFixed(0).padStart(7)} req/s  p99 ${r.p99} ms${r.errors ? `  (${r.errors} errors)` : ''}`,
      );
      if (!best[name] || r.rps > best[name].rps) best[name] = r;
    }
  }
  const ratio = best.mock.rps / best.bare.rps;
  const ratioOk = ratio >= 0.5;
  const p99Ok = best.mock.p99 < 20;
  console.log('');
  console.log(`bare node:http   ${best.bare.rps.toFixed(0)} req/s  p99 ${best.bare.p99} ms`);
  console.log(`mock (DIGEST)    ${best.mock.rps.toFixed(0)} req/s  p99 ${best.mock.p99} ms`);
  console.log(`ratio mock/bare  ${ratio.toFixed(2)}  (target ≥ 0.50: ${ratioOk ? 'met' : 'MISSED'})`);
  console.log(`mock p99         ${best.mock.p99} ms  (target < 20 ms: ${p99Ok ? 'met' : 'MISSED'})`);
  const doctorOk = doctorBench();
  if (check && !(ratioOk && p99Ok && doctorOk)) process.exitCode = 1;
} finally {
  bare.stop();
  mock.stop();
}

/** The doctor on a 1 MB body with a wrong DIGEST, beside one HMAC of it; medians of interleaved runs. */
function doctorBench() {
  const { explainDigestMismatch, verifyDigest } = createRequire(import.meta.url)('../dist/lib/index.cjs');
  const body = Buffer.alloc(1024 * 1024, 0x20);
  body.write('{"platform_order_id":"bench-doctor","note":"', 0);
  body[body.length - 1] = 0x7d;
  const wrong = 'f'.repeat(64);
  const runs = { doctor: [], verify: [] };
  for (let i = 0; i < 60; i++) {
    let t = performance.now();
    const found = explainDigestMismatch(SECRET, body, wrong, { apiKey: API_KEY, previousMessage: body });
    runs.doctor.push(performance.now() - t);
    if (found.slips.length) throw new Error('the bench DIGEST should match no slip');
    t = performance.now();
    verifyDigest(SECRET, body, wrong);
    runs.verify.push(performance.now() - t);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const doctor = median(runs.doctor);
  const verify = median(runs.verify);
  const ok = doctor < 5;
  console.log('');
  console.log(`doctor, 1 MB, wrong DIGEST   median ${doctor.toFixed(2)} ms  (target < 5 ms: ${ok ? 'met' : 'MISSED'})`);
  console.log(`verifyDigest, same 1 MB      median ${verify.toFixed(2)} ms  (one HMAC: the floor; ratio ${(doctor / verify).toFixed(1)}×)`);
  return ok;
}
