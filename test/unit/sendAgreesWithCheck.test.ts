/**
 * One validation everywhere: for every payload of every fixture payload file, `jkopay send`
 * refuses it (`--dry-run`, nothing leaves the machine) exactly when `jkopay check` reports an
 * error inside it. Payloads with errors must be refused; payloads without must be accepted.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runSend } from '../../src/cli/sendCommand';
import { getLanguageService } from '../../src/core/languageService';

const ROOT = path.join(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/payloads');

interface CheckRecord {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
}

describe('send refuses exactly the payloads that check reports errors in', function () {
  this.timeout(60_000);
  let records: CheckRecord[];
  before(() => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', '--lang', 'en', FIXTURES], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    records = run.status === 2 ? [] : JSON.parse(run.stdout);
  });
  const service = getLanguageService();

  for (const name of fs.readdirSync(FIXTURES).sort()) {
    const file = path.join(FIXTURES, name);
    const text = fs.readFileSync(file, 'utf8');
    const document = TextDocument.create(pathToFileURL(file).href, 'jkopay', 1, text);
    const payloads = service.parseDocument(document).payloads;
    payloads.forEach((payload, index) => {
      if (payload.kind === 'response') return;
      it(`${name} #${index}`, async () => {
        const start = document.positionAt(payload.node.offset);
        const end = document.positionAt(payload.node.offset + payload.node.length);
        const inside = (r: CheckRecord) => {
          const line = r.line - 1;
          const character = r.column - 1;
          const afterStart = line > start.line || (line === start.line && character >= start.character);
          const beforeEnd = line < end.line || (line === end.line && character < end.character);
          return afterStart && beforeEnd;
        };
        const errors = records.filter((r) => path.basename(r.file) === name && r.severity === 'error' && inside(r));
        const err: string[] = [];
        const status = await runSend([file, '--dry-run', '--index', String(index), '--lang', 'en'], {
          out: () => undefined,
          err: (t) => void err.push(t),
        });
        const refused = err.some((line) => line.includes('not sent:'));
        assert.equal(
          refused,
          errors.length > 0,
          `check: ${errors.map((e) => `${e.line}:${e.column} ${e.code}`).join(', ') || 'no error'}; send: ${err.join(' | ')}`,
        );
        assert.equal(status, errors.length > 0 ? 1 : 0, err.join(' | '));
      });
    });
  }
});
