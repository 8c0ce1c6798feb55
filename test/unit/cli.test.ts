import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const cli = path.join(__dirname, '../../../dist/cli.js');

function jkopay(args: string[], cwd?: string) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C' } });
}

describe('jkopay check', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-cli-'));
    fs.mkdirSync(path.join(dir, 'nested/node_modules'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'good.jkopay.json'), '{"platform_order_ids": ["a"]}');
    fs.writeFileSync(path.join(dir, 'nested/warn.jkopay.json'), '{"platform_order_ids": ["a"], "extra": 1}');
    fs.writeFileSync(path.join(dir, 'nested/node_modules/ignored.jkopay.json'), '{');
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"currency": "TWD", "total_price": 1.5}');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with warnings only, and prints compiler-style lines', () => {
    const r = jkopay(['check', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /nested[/\\]warn\.jkopay\.json:1:31 warning unknown-field /);
    assert.doesNotMatch(r.stdout, /ignored/);
    assert.match(r.stderr, /2 files checked: 0 errors, 1 warning/);
  });

  it('checks a file given by name whatever its name, and exits 1 on errors', () => {
    const r = jkopay(['check', '--format', 'json', path.join(dir, 'bad.json')]);
    assert.equal(r.status, 1);
    const records = JSON.parse(r.stdout);
    assert.ok(
      records.some(
        (x: { code: string; line: number; column: number; endColumn: number }) =>
          x.code === 'currency-precision' && x.line === 1 && x.column === 36 && x.endColumn === 39,
      ),
    );
  });

  it('exits 2 with a clear message on an unreadable path', () => {
    const r = jkopay(['check', path.join(dir, 'missing.jkopay.json')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read .*missing\.jkopay\.json: no such file or folder/);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(jkopay(['check']).status, 2);
    assert.equal(jkopay(['check', '--format', 'xml', dir]).status, 2);
    assert.equal(jkopay(['nonsense']).status, 2);
    const r = jkopay(['check', '--wat', dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Usage: jkopay/);
  });

  it('prints zh-TW messages with --lang zh-TW', () => {
    const r = jkopay(['check', '--lang', 'zh-TW', path.join(dir, 'bad.json')]);
    assert.match(r.stdout, /小數/);
  });
});
