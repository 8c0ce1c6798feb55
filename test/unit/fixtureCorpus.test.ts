/**
 * The data-driven test of the fixture corpora: every file in test/fixtures/payloads (payload
 * files), test/fixtures/source (TS/JS sources), test/fixtures/corpus (realistic TS/JS code that
 * mixes look-alikes with real requests, written before the payload rule ran on it; its README
 * lists what each file holds), test/fixtures/signing (signing mistakes and code that signs
 * right, for the two signing rules) and test/fixtures/handlers (backend code that handles JKOPay
 * answers in the layouts real backends use, its client imported from another module) ends with
 * `// expect: LINE:COL SEVERITY CODE` lines (or
 * `// expect: none`), and `jkopay check --format json` over the folder must report exactly those,
 * no more and no fewer.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

function expectations(file: string): string[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const expected = lines.flatMap((line) => {
    const m = /^\/\/ expect: (.*)$/.exec(line.trim());
    return m ? [m[1].trim()] : [];
  });
  assert.ok(expected.length > 0, `${file} states no expectations`);
  return expected.filter((e) => e !== 'none').sort();
}

for (const folder of ['payloads', 'source', 'corpus', 'signing', 'handlers']) {
  describe(`fixture corpus ${folder} through jkopay check --format json`, () => {
    const corpus = path.join(root, 'test/fixtures', folder);
    let run: SpawnSyncReturns<string>;
    let records: { file: string; line: number; column: number; severity: string; code: string }[];
    before(() => {
      run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--lang', 'en', corpus], { cwd: root, encoding: 'utf8' });
      records = run.status === 2 ? [] : JSON.parse(run.stdout);
    });

    it('exits 1 because the corpus holds errors', () => {
      assert.equal(run.status, 1, run.stderr);
    });

    for (const name of fs
      .readdirSync(corpus)
      .sort()
      .filter((n) => n !== 'README.md')) {
      it(name, () => {
        const actual = records
          .filter((r) => path.basename(r.file) === name)
          .map((r) => `${r.line}:${r.column} ${r.severity} ${r.code}`)
          .sort();
        assert.deepEqual(actual, expectations(path.join(corpus, name)));
      });
    }
  });
}
