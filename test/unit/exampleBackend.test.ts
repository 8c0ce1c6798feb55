/**
 * examples/backend in the test suite: type-checks it with tsc's compiler (strict, nodenext,
 * importing the library by its package name), compiles it to out/examples/backend and runs its own tests against the mock;
 * then judges it with the README's own `jkopay callbacks test` line, which must pass every row.
 * Needs `npm run build` (the library in dist/lib).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { startMockServer } from '../../src/api/mock/mockServer';
import { runCallbacks } from '../../src/cli/callbacksCommand';
import { capture } from './api/captureIo';
import { typeCheck } from '../support/typeCheck';

const root = path.join(__dirname, '../../..');

/** What the test uses of examples/backend/src/app.ts (loaded compiled: the example is a project of its own). */
interface ExampleApp {
  createShop(options: { jkopay: { env: 'mock'; apiKey: string; secretKey: string; baseUrl: string }; storeId: string }): {
    listen(port: number): Promise<string>;
    close(): Promise<void>;
  };
}

describe('examples/backend', function () {
  this.timeout(180_000);

  it('type-checks and passes its tests against startMockServer', () => {
    // Its own files and the library's declarations; TypeScript's lib and the @types packages are not this repository's to check.
    const installed = path.join(root, 'node_modules') + path.sep;
    const checked = typeCheck(path.join(root, 'examples/backend/tsconfig.json'), {
      emit: true,
      only: (file) => !path.resolve(file).startsWith(installed),
    });
    assert.deepEqual(checked.errors, []);
    const mocha = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/mocha/bin/mocha.js'),
        '--no-config',
        '--reporter',
        'dot',
        '--timeout',
        '20000',
        'out/examples/backend/test/*.test.js',
      ],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(mocha.status, 0, mocha.stdout + mocha.stderr);
    assert.match(mocha.stdout, /5 passing/);
  });

  // Issue 20: the README's command failed result and result-duplicate with 404 against this backend (a random order id).
  it("passes every row of the README's jkopay callbacks test line, with an order the backend knows", async () => {
    const line = /^jkopay (callbacks test .*)$/m.exec(fs.readFileSync(path.join(root, 'README.md'), 'utf8'))?.[1];
    assert.ok(line, 'the README shows a jkopay callbacks test line');
    const args = line.split(/\s+/).slice(1);
    assert.ok(args.includes('--order') && args.includes('--amount'), line);
    // The backend compiled by the test above; the mock with its default keys, which the README's line signs with.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createShop } = require(path.join(root, 'out/examples/backend/src/app.js')) as ExampleApp;
    const mock = await startMockServer();
    const shop = createShop({
      jkopay: { env: 'mock', apiKey: mock.config.apiKey, secretKey: mock.config.secretKey, baseUrl: mock.url },
      storeId: mock.config.stores[0].storeId,
    });
    const shopUrl = await shop.listen(0);
    try {
      const amount = Number(args[args.indexOf('--amount') + 1]);
      const created = await fetch(`${shopUrl}/orders`, { method: 'POST', body: JSON.stringify({ amount }) });
      const { orderId } = (await created.json()) as { orderId: string };
      // The README's line, pointed at this backend's port and at the order it just created.
      const run = args.map((arg) => arg.replace('http://127.0.0.1:3000', shopUrl));
      run[run.indexOf('--order') + 1] = orderId;
      const c = capture();
      const code = await runCallbacks([...run, '--format', 'json'], c.io, { env: {} });
      const verdicts = JSON.parse(c.text()) as { scenario: string; verdict: string; detail: string }[];
      assert.deepEqual(
        verdicts.map((v) => [v.scenario, v.verdict]),
        [
          ['confirm', 'pass'],
          ['result', 'pass'],
          ['result-duplicate', 'pass'],
          ['result-bad-digest', 'pass'],
          ['result-unsigned', 'pass'],
        ],
        JSON.stringify(verdicts, null, 2),
      );
      assert.equal(code, 0);
    } finally {
      await shop.close();
      await mock.close();
    }
  });
});
