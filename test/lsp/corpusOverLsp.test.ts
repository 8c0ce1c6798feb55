/**
 * The fixture corpora through the language server, as an editor sees them: every file of
 * test/fixtures/source, test/fixtures/corpus and test/fixtures/handlers opened over `jkopay lsp --stdio` must get exactly
 * the diagnostics its `// expect:` lines state (the same ones `jkopay check` must report, see
 * test/unit/fixtureCorpus.test.ts), its payloads are the literals `jkopay check --explain` says it
 * checks, and its CodeLenses sit only above those the runner can send.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Diagnostic } from 'vscode-languageserver/node';
import { PAYLOADS_REQUEST, type PayloadsResult } from '../../src/shared/protocol';
import { ROOT, startStdioServer, type StdioServer } from './stdioServer';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
/** The request builder's three reasons for a literal whose values only the running program knows (src/api/requestBody.ts). */
const RUN_TIME_REASON = /is only known when the program runs|come from a spread or a computed key|is assigned after the literal/;

function expectations(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => {
      const m = /^\/\/ expect: (.*)$/.exec(line.trim());
      return m ? [m[1].trim()] : [];
    })
    .filter((e) => e !== 'none')
    .sort();
}

const LANGUAGE: Record<string, string> = { '.ts': 'typescript', '.tsx': 'typescriptreact', '.jsx': 'javascriptreact' };

for (const folder of ['source', 'corpus', 'handlers']) {
  describe(`fixture corpus ${folder} over jkopay lsp --stdio`, function () {
    this.timeout(60000);
    let server: StdioServer;
    /** Checked literals without a lens: values known only at run time (most literals of real code). */
    let unsendable = 0;
    const dir = path.join(ROOT, 'test/fixtures', folder);
    /** Where `jkopay check --explain` says a checked literal starts, by file name: the lenses must sit there. */
    const checkedAt = new Map<string, string[]>();

    before(async () => {
      const explain = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--explain', '--format', 'json', dir], {
        encoding: 'utf8',
      });
      for (const r of JSON.parse(explain.stdout) as { file: string; line: number; column: number; checked: boolean }[]) {
        const name = path.basename(r.file);
        if (r.checked) checkedAt.set(name, [...(checkedAt.get(name) ?? []), `${r.line}:${r.column}`]);
      }
      server = await startStdioServer({
        // The folder is the workspace: the server reads a module a handler imports its client from (handlers/jkopay.ts) there.
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: folder }],
        initializationOptions: { sendCodeLens: true, locale: 'en' },
        capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
      });
    });
    after(() => server.stop());

    for (const name of fs
      .readdirSync(dir)
      .sort()
      .filter((n) => /\.[cm]?[jt]sx?$/.test(n))) {
      it(name, async () => {
        const file = path.join(dir, name);
        const text = fs.readFileSync(file, 'utf8');
        const uri = pathToFileURL(file).href;
        const languageId = LANGUAGE[path.extname(name)] ?? 'javascript';
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
        const report = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
        const actual = report.items.map(
          (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity!]} ${d.code}`,
        );
        assert.deepEqual(actual.sort(), expectations(text));
        // Each diagnostic in a checked literal says why it is checked; the code-coverage ones are about answers, the signing ones
        // about a request's DIGEST (their related information is where the DIGEST is made).
        for (const d of report.items.filter(
          (d) => !/result-code|done-code|unused-suppression|signed-bytes-mismatch|digest-over-parsed-body/.test(String(d.code)),
        ))
          assert.match(d.relatedInformation?.[0]?.message ?? '', /^Checked as a JKOPay (entry|refund|inquiry): /, `${name}: ${d.code}`);
        // The server's payloads are the literals the CLI explains as checked, and the lenses sit above those whose values
        // are all written, and nowhere else: none above a look-alike, none above a literal whose values only the program
        // knows. (A payload refused for another reason, such as an inquiry with no id, keeps its lens: the send says why.)
        const at = (p: { line: number; character: number }) => `${p.line + 1}:${p.character + 1}`;
        const { payloads } = await server.connection.sendRequest<PayloadsResult>(PAYLOADS_REQUEST, { uri });
        assert.deepEqual(payloads.map((p) => at(p.range.start)).sort(), (checkedAt.get(name) ?? []).sort(), name);
        const lenses = await server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        const lensed = [...new Set(lenses.map((l) => at(l.range.start)))];
        assert.deepEqual(
          lensed.sort(),
          payloads
            .filter((p) => p.sendable || !RUN_TIME_REASON.test(p.reason ?? ''))
            .map((p) => at(p.range.start))
            .sort(),
          name,
        );
        unsendable += payloads.filter((p) => RUN_TIME_REASON.test(p.reason ?? '')).length;
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      });
    }

    // Real code builds its requests from variables: the lens filter must have had something to leave out.
    it('leaves literals whose values only the program knows without a lens', () => {
      assert.ok(unsendable > 0, `${folder}: every checked literal had a lens`);
    });
  });
}
