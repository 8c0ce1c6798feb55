/**
 * The result-code coverage rules in `jkopay check`'s machine formats: JSON records and SARIF
 * results with their rule descriptors, for a TS source holding all three.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const fixture = 'test/fixtures/source/resultCoverage.ts';
const CODES = ['result-code-type', 'unhandled-result-codes', 'unhandled-result-codes', 'unknown-result-code'];

describe('result-code coverage in jkopay check', () => {
  it('--format json', () => {
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--lang', 'en', fixture], { cwd: root, encoding: 'utf8' });
    const records = JSON.parse(run.stdout) as { code: string }[];
    assert.deepEqual(records.map((r) => r.code).sort(), CODES);
  });

  it('--format sarif, each result pointing at a rule of the run', () => {
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'sarif', '--lang', 'en', fixture], { cwd: root, encoding: 'utf8' });
    const sarif = JSON.parse(run.stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[];
    };
    const [only] = sarif.runs;
    assert.deepEqual(only.results.map((r) => r.ruleId).sort(), CODES);
    const ids = new Set(only.tool.driver.rules.map((r) => r.id));
    for (const code of CODES) assert.ok(ids.has(code), `${code} is a rule of the run`);
    assert.equal(only.results.find((r) => r.ruleId === 'result-code-type')?.level, 'error');
  });
});
