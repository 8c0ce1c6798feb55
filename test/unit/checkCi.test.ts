/**
 * `jkopay check` for CI: the SARIF log validates against the OASIS SARIF 2.1.0 schema (vendored
 * in test/fixtures/sarif), GitHub annotations, --quiet, --max-warnings, --exclude, .gitignore and
 * the default excludes, --no-detect-keys, the project configuration (jkopay.config.json and the
 * package.json key, or the file --config names), help per command, unknown --currency, and the localized summary.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { Log as SarifLog } from 'sarif';

const ROOT = path.join(__dirname, '../../..');
const cli = path.join(ROOT, 'dist/cli.js');

function jkopay(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C', LC_ALL: '', ...env } });
}

const ENTRY_WITH_ERROR = '{"platform_order_id":"o1","store_id":"s","currency":"TWD","total_price":100.5,"final_price":100,"unredeem":0}';
const ENTRY_WITH_WARNING =
  '{"platform_order_id":"o2","store_id":"s","currency":"TWD","total_price":100,"final_price":100,"unredeem":0,"extra":1}';
const SOURCE_SENT =
  "const body = { platform_order_id: 'o4', refund_amount: 10.5 };\n\nawait axios.post('https://onlinepay.jkopay.com/platform/refund', body);\n";
const SOURCE_BY_KEYS =
  "export const body = { platform_order_id: 'o3', store_id: 's', currency: 'TWD', total_price: 100.5, final_price: 100, unredeem: 0 };\n";

describe('jkopay check in CI', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-ci-'));
    fs.mkdirSync(path.join(dir, '.git'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes SARIF 2.1.0 that validates against the OASIS schema, one rule per code and one result per finding', () => {
    write('orders/bad.entry.jkopay.json', ENTRY_WITH_ERROR);
    write('orders/warn.entry.jkopay.json', ENTRY_WITH_WARNING);
    write('src/pay.ts', SOURCE_SENT);
    const r = jkopay(['check', '--format', 'sarif', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    // The SARIF 2.1.0 schema (rtm.5, the text OASIS approved) as Microsoft's SARIF tooling ships it on npm.
    const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    // The schema is draft-04: its `id` is draft-07's `$id`; nothing else of draft-04 is used.
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    // unicodeRegExp off: one pattern of this schema (`language`) is not valid under the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', () => true);
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    // And a log that breaks the schema is refused: the validation is real.
    assert.equal(validate({ ...log, version: '2.0.0' }), false);
    const run = log.runs[0];
    const rules = run.tool.driver.rules ?? [];
    const ids = rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('currency-precision') && ids.includes('unused-suppression'));
    assert.ok(rules.every((rule) => rule.shortDescription?.text && rule.help?.text));
    assert.equal(run.results?.length, 3);
    // In code, why the literal is checked: the URL it is sent to, as a related location.
    const inCode = run.results!.find((x) => x.locations?.[0].physicalLocation?.artifactLocation?.uri === 'src/pay.ts')!;
    assert.equal(inCode.relatedLocations?.[0].message?.text, 'Checked as a JKOPay refund: sent to /platform/refund at line 3');
    assert.equal(inCode.relatedLocations?.[0].physicalLocation?.region?.startLine, 3);
    const error = run.results!.find((x) => x.ruleId === 'currency-precision' && x !== inCode)!;
    assert.equal(error.level, 'error');
    assert.deepEqual(error.locations?.[0].physicalLocation?.artifactLocation, {
      uri: 'orders/bad.entry.jkopay.json',
      uriBaseId: '%SRCROOT%',
    });
    assert.equal(error.locations?.[0].physicalLocation?.region?.startLine, 1);
    assert.equal(rules[error.ruleIndex!].id, 'currency-precision');
  });

  it('writes GitHub Actions annotations, escaped', () => {
    write('a,b.entry.jkopay.json', ENTRY_WITH_ERROR);
    const r = jkopay(['check', '--format', 'github', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(
      r.stdout.trim(),
      /^::error file=a%2Cb\.entry\.jkopay\.json,line=1,col=73,endLine=1,endColumn=78,title=jkopay\(currency-precision\)::"total_price" has 1 decimal place; TWD allows 0\./,
    );
  });

  it('--quiet reports errors only; --max-warnings N fails the run above N warnings', () => {
    write('warn.entry.jkopay.json', ENTRY_WITH_WARNING);
    assert.equal(jkopay(['check', '.'], dir).status, 0);
    const quiet = jkopay(['check', '--quiet', '.'], dir);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '');
    assert.equal(jkopay(['check', '--max-warnings', '1', '.'], dir).status, 0);
    const over = jkopay(['check', '--max-warnings', '0', '.'], dir);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /1 warning: more than --max-warnings 0/);
    assert.equal(jkopay(['check', '--max-warnings', 'many', '.'], dir).status, 2);
  });

  it('skips what .gitignore ignores, the default build folders and --exclude globs, in folders only', () => {
    write('.gitignore', 'generated/\n*.local.jkopay.json\n');
    write('generated/a.entry.jkopay.json', ENTRY_WITH_ERROR);
    write('mine.local.jkopay.json', ENTRY_WITH_ERROR);
    for (const folder of ['node_modules', 'dist', 'out', 'build', 'coverage']) write(`${folder}/x.entry.jkopay.json`, ENTRY_WITH_ERROR);
    write('sub/.gitignore', 'private.entry.jkopay.json\n');
    write('sub/private.entry.jkopay.json', ENTRY_WITH_ERROR);
    write('examples/broken.entry.jkopay.json', ENTRY_WITH_ERROR);
    write('src/ok.entry.jkopay.json', ENTRY_WITH_WARNING);
    const all = jkopay(['check', '--format', 'json', '.'], dir);
    const files = (r: ReturnType<typeof jkopay>) =>
      (JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file.split(path.sep).join('/')).sort();
    assert.deepEqual(files(all), ['examples/broken.entry.jkopay.json', 'src/ok.entry.jkopay.json']);
    const excluded = jkopay(['check', '--format', 'json', '--exclude', 'examples/**', '.'], dir);
    assert.equal(excluded.status, 0, excluded.stderr);
    assert.deepEqual(files(excluded), ['src/ok.entry.jkopay.json']);
    // A file named on the command line is checked whatever ignores it.
    assert.equal(jkopay(['check', '--exclude', 'examples/**', 'examples/broken.entry.jkopay.json'], dir).status, 1);
  });

  it('--format json gives each finding in code its evidence; --explain lists every literal with JKOPay field names and why', () => {
    write('src/pay.ts', SOURCE_SENT);
    write('src/log.ts', "log.warn({ platform_order_id: 'o5', final_price: 1.5 }, 'late');\n");
    const json = jkopay(['check', '--format', 'json', 'src'], dir);
    assert.equal(json.status, 1, json.stderr);
    const [record] = JSON.parse(json.stdout);
    assert.deepEqual(
      { code: record.code, evidence: record.evidence },
      {
        code: 'currency-precision',
        evidence: {
          kind: 'sent',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 64,
          message: 'Checked as a JKOPay refund: sent to /platform/refund at line 3',
        },
      },
    );
    const text = jkopay(['check', '--explain', 'src'], dir);
    assert.equal(text.status, 0, text.stderr);
    assert.deepEqual(text.stdout.trim().split('\n'), [
      `${path.join('src', 'log.ts')}:1:10 Not checked: an argument of log.warn() at line 1, which does not take it to JKOPay`,
      `${path.join('src', 'pay.ts')}:1:14 Checked as a JKOPay refund: sent to /platform/refund at line 3`,
    ]);
    assert.match(text.stderr, /2 literals with JKOPay field names: 1 checked, 1 not/);
    const explained = JSON.parse(jkopay(['check', '--explain', '--format', 'json', 'src'], dir).stdout);
    assert.deepEqual(
      explained.map((r: { checked: boolean; why: string; at: { line: number } }) => [r.checked, r.why, r.at.line]),
      [
        [false, 'argument', 1],
        [true, 'sent', 3],
      ],
    );
    assert.equal(jkopay(['check', '--explain', '--format', 'sarif', 'src'], dir).status, 2);
  });

  it('--no-detect-keys leaves literals found only by their keys alone', () => {
    write('checkout.ts', SOURCE_BY_KEYS);
    assert.equal(jkopay(['check', '.'], dir).status, 1);
    const r = jkopay(['check', '--no-detect-keys', '.'], dir);
    assert.equal(r.status, 0, r.stdout);
  });

  it('reads jkopay.config.json: exclude, detect, severity and currency', () => {
    write('examples/broken.entry.jkopay.json', ENTRY_WITH_ERROR);
    write('checkout.ts', SOURCE_BY_KEYS);
    write('refund.refund.jkopay.json', '{"platform_order_id":"o","refund_amount":10.5}');
    write('warn.entry.jkopay.json', ENTRY_WITH_WARNING);
    write(
      'jkopay.config.json',
      JSON.stringify({ exclude: ['examples'], detect: { keys: false }, severity: { 'unknown-field': 'error' }, currency: 'USD' }),
    );
    const r = jkopay(['check', '--format', 'json', '.'], dir);
    const records = JSON.parse(r.stdout) as { file: string; code: string; severity: string }[];
    assert.deepEqual(
      records.map((x) => `${path.basename(x.file)} ${x.severity} ${x.code}`),
      ['warn.entry.jkopay.json error unknown-field'],
    );
    // --currency on the command line wins over the configuration: a TWD refund of 10.5 is an error.
    const twd = jkopay(['check', '--format', 'json', '--currency', 'TWD', 'refund.refund.jkopay.json'], dir);
    assert.ok((JSON.parse(twd.stdout) as { code: string }[]).some((x) => x.code === 'currency-precision'));
  });

  it('reads the jkopay key of package.json, and refuses a wrong configuration with exit 2', () => {
    write('warn.entry.jkopay.json', ENTRY_WITH_WARNING);
    write('package.json', JSON.stringify({ name: 'shop', jkopay: { severity: { 'unknown-field': 'off' } } }));
    const r = jkopay(['check', '--format', 'json', '.'], dir);
    assert.deepEqual(JSON.parse(r.stdout), []);
    write('jkopay.config.json', JSON.stringify({ detect: { keys: 'no' }, severity: { 'no-such-rule': 'off' }, currency: 'EUR' }));
    const bad = jkopay(['check', '.'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /jkopay\.config\.json: "detect\.keys" must be true or false/);
    assert.match(bad.stderr, /"severity\.no-such-rule" is not a rule code/);
    assert.match(bad.stderr, /"currency" must be a currency JKOPay accepts/);
  });

  it('uses the configuration --config names instead of the one found, and refuses one it cannot use with exit 2', () => {
    write('warn.entry.jkopay.json', ENTRY_WITH_WARNING);
    write('examples/broken.entry.jkopay.json', ENTRY_WITH_ERROR);
    // The one that would be found turns the warning off; the one named makes unknown fields errors and excludes
    // examples (its globs are relative to its own folder).
    write('jkopay.config.json', JSON.stringify({ severity: { 'unknown-field': 'off' } }));
    write('strict.json', JSON.stringify({ exclude: ['examples'], severity: { 'unknown-field': 'error' } }));
    assert.deepEqual(
      JSON.parse(jkopay(['check', '--format', 'json', '.'], dir).stdout).map((x: { code: string }) => x.code),
      ['currency-precision'],
    );
    const named = jkopay(['check', '--format', 'json', '--config', 'strict.json', '.'], dir);
    assert.deepEqual(
      (JSON.parse(named.stdout) as { file: string; code: string; severity: string }[]).map(
        (x) => `${path.basename(x.file)} ${x.severity} ${x.code}`,
      ),
      ['warn.entry.jkopay.json error unknown-field'],
    );
    write('ci/package.json', JSON.stringify({ name: 'ci', jkopay: { severity: { 'unknown-field': 'hint' } } }));
    const pkg = jkopay(['check', '--format', 'json', '--config', 'ci/package.json', 'warn.entry.jkopay.json'], dir);
    assert.deepEqual(
      JSON.parse(pkg.stdout).map((x: { severity: string }) => x.severity),
      ['hint'],
    );
    write('ci/other/package.json', JSON.stringify({ name: 'no-key' }));
    for (const [file, reason] of [
      ['ci/missing.json', 'cannot read it: no such file'],
      ['ci', 'it is not a regular file'],
      ['ci/other/package.json', 'it has no "jkopay" key'],
    ]) {
      const r = jkopay(['check', '--config', file, '.'], dir);
      assert.equal(r.status, 2, file);
      assert.equal(r.stderr.trim(), `jkopay check: ${file}: ${reason}`);
    }
  });

  it('answers help per command, refuses an unknown --currency with exit 2, and localizes the summary', function () {
    // Twenty runs of the CLI, one after the other: a loaded machine needs more than mocha's 20 s for them.
    this.timeout(120_000);
    const help = jkopay(['check', '--help'], dir);
    assert.equal(help.status, 0);
    for (const option of ['--format', '--exclude', '--no-detect-keys', '--quiet', '--max-warnings', '--currency', '--lang'])
      assert.ok(help.stdout.includes(option), option);
    assert.equal(jkopay(['help', 'check'], dir).stdout, help.stdout);
    for (const command of ['send', 'mock', 'sign', 'verify', 'explain', 'callbacks', 'lsp']) {
      const r = jkopay([command, '--help'], dir);
      assert.equal(r.status, 0, command);
      assert.match(r.stdout, new RegExp(`^Usage: jkopay ${command}`), command);
      assert.equal(jkopay(['help', command], dir).stdout, r.stdout);
    }
    const send = jkopay(['help', 'send'], dir).stdout;
    for (const option of [
      '--env',
      '--base-url',
      '--index',
      '--currency',
      '--lang',
      '--timeout',
      '--force',
      '--allow-production',
      '--dry-run',
      '--mock-result',
    ]) {
      assert.ok(send.includes(option), `send ${option}`);
    }
    assert.equal(jkopay(['help', 'nope'], dir).status, 2);
    write('warn.entry.jkopay.json', ENTRY_WITH_WARNING);
    const currency = jkopay(['check', '--currency', 'EUR', '.'], dir);
    assert.equal(currency.status, 2);
    assert.match(currency.stderr, /--currency must be a currency JKOPay accepts \(TWD, JPY, USD, CNY, HKD\), not "EUR"/);
    const zh = jkopay(['check', '.'], dir, { LANG: 'zh_TW.UTF-8' });
    assert.match(zh.stderr, /已檢查 1 個檔案：0 個錯誤、1 個警告/);
  });
});
