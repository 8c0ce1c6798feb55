/**
 * examples/backend in the test suite: type-checks it (strict, nodenext, importing the library by
 * its package name), compiles it to out/examples/backend and runs its own tests against the mock.
 * Needs `npm run build` (the library in dist/lib).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');

describe('examples/backend', function () {
  this.timeout(180_000);

  it('type-checks and passes its tests against startMockServer', () => {
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'examples/backend'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
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
    assert.match(mocha.stdout, /4 passing/);
  });
});
