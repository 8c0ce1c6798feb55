/**
 * The package as a library, used the way a merchant's backend uses it: a fresh folder that
 * depends on jkopay-tools by path (node_modules/jkopay-tools → this repository, as `npm install
 * ../jkopay-tools` makes it), a strict type check with module and moduleResolution nodenext (tsc's
 * compiler, in-process) over a file using every exported name (and rejecting three misuses), then plain ESM and
 * CommonJS programs that start the mock in-process on port 0 and send a signed entry.
 * Needs `npm run build` (dist/lib).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { typeCheck } from '../support/typeCheck';

const root = path.join(__dirname, '../../..');
const fixtures = path.join(root, 'test/fixtures/library');

describe('the package as a library (fresh folder depending on it by path)', function () {
  this.timeout(180_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-lib-'));
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify(
        { name: 'merchant-backend', private: true, type: 'module', dependencies: { 'jkopay-tools': `file:${root}` } },
        null,
        2,
      ),
    );
    fs.mkdirSync(path.join(dir, 'node_modules/@types'), { recursive: true });
    fs.symlinkSync(root, path.join(dir, 'node_modules/jkopay-tools'), 'dir');
    // A TypeScript backend has its own @types/node; the symlink stands in for installing it.
    fs.symlinkSync(path.join(root, 'node_modules/@types/node'), path.join(dir, 'node_modules/@types/node'), 'dir');
    for (const name of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, name), path.join(dir, name));
    fs.copyFileSync(path.join(fixtures, 'consumer.ts'), path.join(dir, 'consumer.cts'));
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          types: ['node'],
        },
        files: ['consumer.ts', 'consumer.cts'],
      }),
    );
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a strict nodenext tsc accepts every exported name, as ESM and as CommonJS, and rejects the three misuses', () => {
    // The merchant's files and this package's declarations; TypeScript's lib and @types/node are not this package's to check.
    const installed = path.join(root, 'node_modules') + path.sep;
    const checked = typeCheck(path.join(dir, 'tsconfig.json'), { only: (file) => !path.resolve(file).startsWith(installed) });
    assert.deepEqual(checked.errors, []);
    assert.ok(checked.program.getSourceFiles().some((f) => f.fileName.endsWith('dist/lib/index.d.ts')));
    // Without the @ts-expect-error lines, the same file must fail exactly there.
    const consumer = path.join(dir, 'consumer.ts');
    const bare = fs.readFileSync(consumer, 'utf8').replace(/^\/\/ @ts-expect-error.*\n/gm, '');
    const failing = typeCheck(path.join(dir, 'tsconfig.json'), {
      only: (file) => path.resolve(file) === consumer,
      replace: { files: { [consumer]: bare }, previous: checked.program },
    });
    const errors = failing.errors.filter((l) => l.startsWith('consumer.ts('));
    assert.equal(errors.length, 3, failing.errors.join('\n'));
    assert.match(errors.join('\n'), /'string' is not assignable to type 'number'/);
    assert.match(errors.join('\n'), /"EUR"/);
    assert.match(errors.join('\n'), /"922"/);
  });

  it('plain ESM imports it, starts the mock on port 0 and gets 000 for a signed entry', () => {
    const run = spawnSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.result, '000');
    assert.ok(out.port > 0 && out.port !== 8917);
  });

  it('CommonJS requires it, gets 000 too, and loads neither vscode, the language server nor the TypeScript compiler', () => {
    const run = spawnSync(process.execPath, ['use.cjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { result: string; port: number; modules: string[] };
    assert.equal(out.result, '000');
    assert.deepEqual(
      out.modules.filter((m) => /vscode|typescript|languageserver|[\\/]dist[\\/](client|server|cli)\.js/.test(m)),
      [],
    );
    assert.ok(out.modules.some((m) => m.endsWith(path.join('dist', 'lib', 'index.cjs'))));
  });
});
