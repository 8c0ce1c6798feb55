/**
 * examples/backend in the test suite: type-checks it with tsc's compiler (strict, nodenext,
 * importing the library by its package name), compiles it to out/examples/backend and runs its own tests against the mock.
 * Needs `npm run build` (the library in dist/lib).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { typeCheck } from '../support/typeCheck';

const root = path.join(__dirname, '../../..');

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
    assert.match(mocha.stdout, /4 passing/);
  });
});
