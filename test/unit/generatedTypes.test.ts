/**
 * The library's types are generated from src/data (scripts/generateTypes.mjs) and committed: this
 * fails when src/lib/generatedTypes.ts no longer matches the data, and proves the check can fail.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');
const script = path.join(root, 'scripts/generateTypes.mjs');

describe('generated library types', () => {
  it('src/lib/generatedTypes.ts is what the data generates', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('the check fails once the data changes (a new refund code)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-types-'));
    try {
      fs.cpSync(path.join(root, 'src/data'), dir, { recursive: true });
      const tablePath = path.join(dir, 'resultCodes.json');
      const table = JSON.parse(fs.readFileSync(tablePath, 'utf8'));
      const row =
        table.codes.find((r: { id: string }) => r.id === 'refund.111.transaction-closed') ??
        table.codes.find((r: { endpoint: string }) => r.endpoint === 'refund');
      table.codes.push({ ...row, id: 'refund.123.invented', code: '123', message: 'Invented' });
      fs.writeFileSync(tablePath, JSON.stringify(table));
      const stale = spawnSync(process.execPath, [script, '--check', '--data', dir], { cwd: root, encoding: 'utf8' });
      assert.equal(stale.status, 1);
      assert.match(stale.stderr, /is stale/);
      const out = path.join(dir, 'generated.ts');
      spawnSync(process.execPath, [script, '--data', dir, '--out', out], { cwd: root, encoding: 'utf8' });
      assert.match(fs.readFileSync(out, 'utf8'), /\| '123'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
