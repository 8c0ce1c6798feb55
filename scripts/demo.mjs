// The README's main job on the built-in defaults: check the bundled examples, then play an
// order's life through the built-in mock JKOPay server — create the payment link, pay it (a mock
// control call), refund part of it, and ask for its status. Needs `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const run = (...args) => {
  console.log(`\n$ jkopay ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`jkopay ${args[0]} exited with ${result.status}`);
};

run('check', 'examples');

// A mock on a free port, with its state in memory only.
const mock = spawn(process.execPath, [cli, 'mock', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const [firstLine] = await once(createInterface({ input: mock.stdout }), 'line');
  const baseUrl = firstLine.replace('listening on ', '');
  console.log(`\nmock JKOPay server ${firstLine}`);

  run('send', 'examples/checkout-twd.entry.jkopay.json', '--base-url', baseUrl);
  console.log('\n$ POST /_mock/orders/shop-20261126-0001/pay   (the payer pays, in the mock)');
  const paid = await fetch(`${baseUrl}/_mock/orders/shop-20261126-0001/pay`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    // The example's callback URLs are not real: do not call them.
    body: JSON.stringify({ callbacks: false }),
  });
  console.log(`  → HTTP ${paid.status}, status ${(await paid.json()).transaction?.status}`);
  run('send', 'examples/refund-partial.refund.jkopay.json', '--base-url', baseUrl);
  run('send', 'examples/order-status.inquiry.jkopay.json', '--base-url', baseUrl);
} finally {
  mock.kill('SIGTERM');
}
