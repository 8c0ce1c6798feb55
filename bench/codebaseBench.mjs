// `jkopay check` over a whole codebase beside TypeScript's own parse of the same files (the parse
// floor), for the codebases a user points it at (nothing of theirs is committed here):
//
//   node bench/codebaseBench.mjs [--runs N] FOLDER…
//
// The files are the ones `jkopay check FOLDER` checks (its own walk: .gitignore, hidden and build
// folders skipped). Timed in the same process, in turns, after the files are read: the check of
// every file as `jkopay check` does it (the language service's doValidation), and
// `ts.createSourceFile` over the TS/JS files alone. Also timed: the whole `jkopay check` command
// (a fresh process: Node's start, the walk and the reading included). Prints files, lines, the
// findings by code, and each finding, so that a run over new code can be read.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { findPayloadFiles, SOURCE_FILE } = require('../out/src/cli/findPayloadFiles.js');
const { getLanguageService } = require('../out/src/core/index.js');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 3;
const folders = args.filter((a, i) => !a.startsWith('--') && i !== runsAt + 1 && i !== runsAt);
if (folders.length === 0) {
  console.error('usage: node bench/codebaseBench.mjs [--runs N] FOLDER…');
  process.exit(2);
}
const cli = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist/cli.js');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const kindOf = (file) => {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.tsx') return ts.ScriptKind.TSX;
  if (ext === '.jsx') return ts.ScriptKind.JSX;
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
};

for (const folder of folders) {
  const { files } = await findPayloadFiles([folder]);
  const documents = files.map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file, text, source: SOURCE_FILE.test(file) };
  });
  const lines = documents.reduce((n, d) => n + d.text.split('\n').length, 0);
  const service = getLanguageService({ lang: 'en' });
  let findings = [];
  const check = () => {
    findings = [];
    for (const d of documents) {
      const document = TextDocument.create(pathToFileURL(path.resolve(d.file)).href, d.source ? 'typescript' : 'jkopay', 1, d.text);
      for (const diagnostic of service.doValidation(document)) findings.push({ file: d.file, diagnostic });
    }
  };
  const parse = () => {
    for (const d of documents) if (d.source) ts.createSourceFile(d.file, d.text, ts.ScriptTarget.Latest, true, kindOf(d.file));
  };
  const checkTimes = [];
  const parseTimes = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    check();
    checkTimes.push(performance.now() - start);
    start = performance.now();
    parse();
    parseTimes.push(performance.now() - start);
  }
  const commandTimes = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, [cli, 'check', '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 1 << 30 });
    commandTimes.push(performance.now() - start);
  }
  const byCode = {};
  for (const { diagnostic } of findings) byCode[diagnostic.code] = (byCode[diagnostic.code] ?? 0) + 1;
  const checkMs = median(checkTimes);
  const parseMs = median(parseTimes);
  console.log(
    `\n${folder}: ${files.length} files (${documents.filter((d) => d.source).length} TS/JS), ${lines.toLocaleString('en')} lines`,
  );
  console.log(`  findings: ${findings.length} ${JSON.stringify(byCode)}`);
  for (const { file, diagnostic } of findings)
    console.log(
      `    ${file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.code} ${diagnostic.message}`,
    );
  console.log(`  check of every file (in process)           ${checkMs.toFixed(0).padStart(7)} ms`);
  console.log(
    `  typescript createSourceFile, TS/JS files   ${parseMs.toFixed(0).padStart(7)} ms   (ratio check / parse floor: ${(checkMs / parseMs).toFixed(2)})`,
  );
  console.log(`  the whole jkopay check command (fresh)     ${median(commandTimes).toFixed(0).padStart(7)} ms   (median of ${runs})`);
}
