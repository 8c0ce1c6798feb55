// The README's main job on the built-in defaults: check the bundled examples, then play an
// order's life through the built-in mock JKOPay server — create the payment link, pay it (a mock
// control call) with its callbacks forwarded to a small receiver started here, refund part of
// it, ask for its status — and finally judge the receiver as JKOPay would with
// `jkopay callbacks test`. Needs `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const run = (...args) => {
  console.log(`\n$ jkopay ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`jkopay ${args[0]} exited with ${result.status}`);
};
// For commands whose callbacks reach the receiver in this process: spawnSync would block it.
const runAsync = async (...args) => {
  console.log(`\n$ jkopay ${args.join(' ')}`);
  const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit' });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`jkopay ${args[0]} exited with ${code}`);
};

run('check', 'examples');

// The merchant's callback receiver: answers confirm_url with {"valid": true} and result_url with
// 200. A digest header, when there is one, is checked over the raw body (the mock signs with its
// default secret) and a wrong one refused; JKOPay does not document signing its callbacks, so one
// without a digest is acknowledged, and a real backend confirms it with the inquiry API.
const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const header = req.headers.digest;
    const expected = Buffer.from(createHmac('sha256', 'mock-secret-key').update(body).digest('hex'));
    const given = Buffer.from(String(header ?? ''));
    const signed = header !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
    const how =
      header === undefined ? 'no digest: a real backend confirms it with the inquiry API' : signed ? 'digest verified' : 'digest WRONG';
    console.log(`  receiver: ${req.method} ${req.url} (${body.length} bytes, ${how})`);
    if (header !== undefined && !signed) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(req.url.includes('confirm') ? '{"valid": true}' : '{"ok": true}');
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${receiver.address().port}`;
console.log(`\ncallback receiver listening on ${receiverUrl}`);

// A mock on a free port, with its state in memory only; the example's shop.example.com callbacks
// are forwarded to the receiver (path and query kept). Its callback log lines are shown.
const mock = spawn(process.execPath, [cli, 'mock', '--port', '0', '--forward-callbacks-to', receiverUrl], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const lines = createInterface({ input: mock.stdout });
  const [firstLine] = await once(lines, 'line');
  const baseUrl = firstLine.replace('listening on ', '');
  console.log(`\nmock JKOPay server ${firstLine}`);
  lines.on('line', (line) => {
    if (line.startsWith('callback ')) console.log(`  mock: ${line}`);
  });

  run('send', 'examples/checkout-twd.entry.jkopay.json', '--base-url', baseUrl);
  await runAsync('mock', 'pay', 'shop-20261126-0001', '--url', baseUrl);
  run('send', 'examples/refund-partial.refund.jkopay.json', '--base-url', baseUrl);
  run('send', 'examples/order-status.inquiry.jkopay.json', '--base-url', baseUrl);
  await runAsync(
    'callbacks',
    'test',
    '--confirm-url',
    `${receiverUrl}/jkopay/confirm`,
    '--result-url',
    `${receiverUrl}/jkopay/result`,
    '--slow',
  );
} finally {
  mock.kill('SIGTERM');
  receiver.close();
}
