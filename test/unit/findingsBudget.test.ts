/**
 * Findings are budgeted while they are produced (issue 23): a document keeps its first 5,000 shown
 * findings and counts the rest in one notice, `jkopay check` keeps at most 50,000 records per run and
 * counts every finding it leaves out in its summary and exit code, and a 3 MB or 30 MB `[{},{},…]`
 * file (six findings per object) is checked by the CLI and the language server within 1 GB (both
 * ran out of memory at 4.4 GB).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageSettings } from '../../src/core/languageService';
import { CUT_NOTICE_CODE, MAX_FINDINGS_PER_DOCUMENT } from '../../src/core/rules/findingsBudget';
import { MAX_RECORDS_PER_RUN } from '../../src/cli/checkBudget';
import { startStdioServer } from '../lsp/stdioServer';
import { makeDocument } from './helpers';

const ROOT = path.join(__dirname, '../../..');
const emptyObjects = (n: number, before = '') => `${before}[${Array.from({ length: n }, () => '{}').join(',')}]`;

/** The diagnostics of `text` on both paths (streaming, and the retained parse the editor uses); they must agree. */
function diagnose(text: string, settings: LanguageSettings = {}): Diagnostic[] {
  const service = getLanguageService(settings);
  const document = makeDocument(text, 'file:///b/many.jkopay.json');
  const streamed = service.doValidation(document);
  const retained = service.doValidation(document, service.parseDocument(document));
  assert.deepEqual(retained, streamed);
  return streamed;
}

describe('the findings budget', () => {
  it(`keeps the first ${MAX_FINDINGS_PER_DOCUMENT} findings of a document and counts the rest in one notice`, () => {
    const diagnostics = diagnose(emptyObjects(2000));
    assert.equal(diagnostics.length, MAX_FINDINGS_PER_DOCUMENT + 1);
    const notice = diagnostics[MAX_FINDINGS_PER_DOCUMENT];
    assert.equal(notice.code, CUT_NOTICE_CODE);
    assert.deepEqual(notice.data, { omitted: { error: 7000, warning: 0, information: 0, hint: 0 } });
    assert.match(String(notice.message), /^7000 more problems in this file are not shown: only the first 5000 are listed/);
    // It stands where the first left-out finding is: the 834th object (5,000 / 6 = 833⅓).
    assert.deepEqual(notice.range.start, { line: 0, character: 1 + 833 * 3 });
    assert.equal(diagnose(emptyObjects(2000), { maxFindings: 10 }).length, 11);
  });

  it('counts only what would be shown: silenced and turned-off findings take no room and no count', () => {
    assert.deepEqual(diagnose(emptyObjects(2000, '// jkopay-ignore-file\n')), []);
    assert.deepEqual(diagnose(emptyObjects(2000), { severity: { 'missing-field': 'off' } }), []);
    const narrowed = diagnose(emptyObjects(2000, '// jkopay-ignore-file unknown-field\n'));
    // The directive silenced nothing: its hint comes after the budget was spent, so it is counted among the hints left out.
    assert.deepEqual(narrowed.at(-1)!.data, { omitted: { error: 7000, warning: 0, information: 0, hint: 1 } });
  });

  // One payload can hold more findings than the budget: past what it has left, they go to the budget as found.
  it('budgets the findings inside one payload as well: 20,000 unknown keys, the first 5,000 in reading order', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `"k${i}": 1`).join(', ');
    const diagnostics = diagnose(`{"platform_order_id": "o", ${keys}}`, { severity: { 'missing-field': 'off' } });
    assert.equal(diagnostics.length, MAX_FINDINGS_PER_DOCUMENT + 1);
    assert.match(String(diagnostics[0].message), /"k0"/);
    assert.match(String(diagnostics[MAX_FINDINGS_PER_DOCUMENT - 1].message), /"k4999"/);
    assert.deepEqual(diagnostics.at(-1)!.data, { omitted: { error: 0, warning: 15_000, information: 0, hint: 0 } });
  });

  it('keeps syntax errors beyond the budget: they concern every payload', () => {
    const diagnostics = diagnose(`${emptyObjects(2000).slice(0, -1)},}]`);
    assert.ok(diagnostics.some((d) => d.code === 'syntax-error'));
    assert.equal(diagnostics.at(-1)!.code, CUT_NOTICE_CODE);
  });

  describe('on 3 MB and 30 MB of [{},{},…] (was: out of memory at 4.4 GB after 50–72 s)', function () {
    this.timeout(120_000);
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-budget-'));
      await fs.writeFile(path.join(dir, 'e3.jkopay.json'), emptyObjects(1_000_000));
      await fs.writeFile(path.join(dir, 'e30.jkopay.json'), emptyObjects(10_000_000));
    });
    after(() => fs.rm(dir, { recursive: true, force: true }));

    for (const [name, objects] of [
      ['e3', 1_000_000],
      ['e30', 10_000_000],
    ] as const) {
      it(`jkopay check reads ${name === 'e3' ? '3' : '30'} MB within a 1 GB heap, shows 5,000 and counts them all`, () => {
        const run = spawnSync(
          process.execPath,
          ['--max-old-space-size=1024', path.join(ROOT, 'dist/cli.js'), 'check', `${name}.jkopay.json`],
          {
            cwd: dir,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
            timeout: 100_000,
          },
        );
        assert.equal(run.signal, null, `killed: ${run.stderr.slice(-500)}`);
        assert.equal(run.status, 1, run.stderr.slice(-500));
        assert.equal(run.stdout.trimEnd().split('\n').length, MAX_FINDINGS_PER_DOCUMENT + 1);
        assert.match(run.stdout, new RegExp(`too-many-problems ${6 * objects - 5000} more problems in this file are not shown`));
        assert.match(run.stderr, new RegExp(`1 file checked: ${6 * objects} errors`));
      });
    }

    // Values that are no payloads were kept in the root array until the end, only to be reported: 3 MB of `[1,1,…]`
    // held 477 MB, 30 MB aborted at a 1 GB heap. Now each is reported as read and dropped, as payloads are.
    it('jkopay check reads 30 MB of [1,1,…] within a 1 GB heap', async () => {
      await fs.writeFile(path.join(dir, 'n30.jkopay.json'), `[${Array.from({ length: 15_000_000 }, () => '1').join(',')}]`);
      const run = spawnSync(process.execPath, ['--max-old-space-size=1024', path.join(ROOT, 'dist/cli.js'), 'check', 'n30.jkopay.json'], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 100_000,
      });
      assert.equal(run.signal, null, `killed: ${run.stderr.slice(-500)}`);
      assert.equal(run.status, 1, run.stderr.slice(-500));
      assert.match(run.stderr, /1 file checked: 15000000 errors/);
    });

    it('the language server answers 3 MB within a 1 GB heap', async () => {
      const before = process.env.NODE_OPTIONS;
      // Only the server started here inherits the cap.
      process.env.NODE_OPTIONS = `${before ?? ''} --max-old-space-size=1024`.trim();
      const server = await startStdioServer().finally(() => {
        if (before === undefined) delete process.env.NODE_OPTIONS;
        else process.env.NODE_OPTIONS = before;
      });
      try {
        const uri = 'untitled:e3.jkopay.json';
        await server.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'jkopay', version: 1, text: await fs.readFile(path.join(dir, 'e3.jkopay.json'), 'utf8') },
        });
        const diagnostics = await server.diagnostics(uri);
        assert.equal(diagnostics.length, MAX_FINDINGS_PER_DOCUMENT + 1);
        assert.match(String(diagnostics.at(-1)!.message), /^5995000 more problems/);
        assert.equal(server.process.exitCode, null, 'the server died');
      } finally {
        await server.stop();
      }
    });
  });

  it(`jkopay check keeps at most ${MAX_RECORDS_PER_RUN} records per run and counts the rest in the summary and the exit code`, async function () {
    this.timeout(60_000);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-run-budget-'));
    try {
      // 11 files of 1,000 objects: 6,000 findings each, 5,000 shown each, 55,000 in all past the run's 50,000.
      for (let i = 0; i < 11; i++) await fs.writeFile(path.join(dir, `f${String(i).padStart(2, '0')}.jkopay.json`), emptyObjects(1000));
      const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', '.'], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      assert.equal(run.status, 1, run.stderr);
      const records = JSON.parse(run.stdout) as { code: string }[];
      assert.equal(records.length, MAX_RECORDS_PER_RUN);
      // Ten files fill 50,010 records: the tenth loses its last 9 findings (and its notice), the eleventh all 5,000.
      assert.match(run.stderr, /5009 more problems are not shown: at most 50000 are listed per run/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
