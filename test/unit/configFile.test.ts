/**
 * Where `jkopay check` finds the project configuration, and how it reads it (issue 23): the search
 * stops at the project's own root (a `package.json`, with or without the key, or `.git`), a file with
 * a byte-order mark is read, and only real rule codes are accepted as severity keys.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseProjectConfig } from '../../src/core/config/projectConfig';
import { loadProjectConfig } from '../../src/server/projectConfigFile';

const ROOT = path.join(__dirname, '../../..');

describe('the project configuration file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-config-search-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));
  const check = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', ...args], { cwd, encoding: 'utf8' });

  it("stops at the project's package.json: a configuration further up is another project's (was: exit 1 became 0)", async () => {
    // Someone else's configuration, above a project that has no .git: it turns the project's errors off.
    await fs.writeFile(path.join(dir, 'jkopay.config.json'), JSON.stringify({ severity: { 'missing-field': 'off' } }));
    const project = path.join(dir, 'project');
    await fs.mkdir(path.join(project, 'src'), { recursive: true });
    await fs.writeFile(path.join(project, 'package.json'), '{"name": "shop"}');
    await fs.writeFile(path.join(project, 'src', 'a.entry.jkopay.json'), '{}');
    assert.equal(loadProjectConfig(path.join(project, 'src')), undefined);
    const run = check(path.join(project, 'src'), 'a.entry.jkopay.json');
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /missing-field/);
    // Without the project's package.json, the search goes on up as before.
    await fs.rm(path.join(project, 'package.json'));
    assert.equal(loadProjectConfig(path.join(project, 'src'))?.file, path.join(dir, 'jkopay.config.json'));
  });

  it('reads a configuration that starts with a UTF-8 byte-order mark (was: refused as invalid JSON)', async () => {
    await fs.writeFile(path.join(dir, 'package.json'), '{}');
    await fs.writeFile(path.join(dir, 'jkopay.config.json'), `\uFEFF${JSON.stringify({ severity: { 'missing-field': 'warning' } })}`);
    await fs.writeFile(path.join(dir, 'a.entry.jkopay.json'), '{}');
    const loaded = loadProjectConfig(dir);
    assert.deepEqual(loaded?.problems, []);
    const run = check(dir, 'a.entry.jkopay.json');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /warning missing-field/);
  });

  it('takes only rule codes as severity keys: constructor, __proto__ and toString are none', () => {
    const { config, problems } = parseProjectConfig(
      JSON.parse('{"severity": {"constructor": "off", "__proto__": "off", "toString": "off"}}'),
    );
    assert.deepEqual(Object.keys(config.severity), []);
    assert.deepEqual(problems, [
      '"severity.constructor" is not a rule code',
      '"severity.__proto__" is not a rule code',
      '"severity.toString" is not a rule code',
    ]);
  });
});
