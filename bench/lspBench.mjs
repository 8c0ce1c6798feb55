// `npm run bench:lsp`: the JKOPay language server through a real LSP connection over stdio
// (`jkopay lsp --stdio`), beside vscode-json-language-server (vscode-langservers-extracted, the
// JSON server Neovim and Helix users run) checking the same 500-payload file against the
// equivalent schema (entry.schema.json wrapped as an array), in the same run.
// Measures, per server: start to `initialize` answered, the time from a didChange to that
// version's diagnostics (median and p95 of 50 edits), and memory with the file open.
// Both are asked through pull diagnostics (textDocument/diagnostic right after the didChange), so
// that no debounce is counted: the JSON server has none in pull mode, ours is set to 0 through
// initializationOptions. Our push path (didChange → publishDiagnostics) is shown too.
// Target: our median ≤ 0.5× the JSON server's.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generatePayloadFile } from './generatePayloads.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');

const PAYLOADS = 500;
const EDITS = 50;
const URI = pathToFileURL('/bench/orders.jkopay.json').href;
// One unknown field, which both servers must report: proof that the JSON server applies the schema.
const TEXT = generatePayloadFile(PAYLOADS).replace('"escrow": false,', '"escrow": false, "bogus_field": 1,');
const entrySchema = JSON.parse(readFileSync(new URL('../src/data/schemas/entry.schema.json', import.meta.url), 'utf8'));
const arraySchema = { $schema: entrySchema.$schema, type: 'array', items: { ...entrySchema, $schema: undefined } };

const SERVERS = {
  jkopay: { command: ['dist/cli.js', 'lsp', '--stdio'], languageId: 'jkopay' },
  // `jsonc`: payload files are JSON with comments.
  json: { command: [require.resolve('vscode-langservers-extracted/bin/vscode-json-language-server'), '--stdio'], languageId: 'jsonc' },
};

const jsonSettings = {
  json: { validate: { enable: true }, schemas: [{ url: 'inmemory://bench/entry-array.schema.json', fileMatch: ['*.jkopay.json'], schema: arraySchema }] },
};

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** The i-th edit: rewrite the digits of one order id (a different payload each time). */
function editOf(i) {
  const needle = `order-${String((i * 7) % PAYLOADS).padStart(8, '0')}`;
  const offset = TEXT.indexOf(needle);
  const before = TEXT.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - before.lastIndexOf('\n') - 1;
  return { range: { start: { line, character }, end: { line, character: character + needle.length } }, text: `order-edit${String(i).padStart(4, '0')}` };
}

async function run(name, { pull }) {
  const spec = SERVERS[name];
  const started = performance.now();
  const child = spawn(process.execPath, spec.command, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(p.version)?.(p.diagnostics));
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: pull ? { textDocument: { diagnostic: {} } } : {},
    initializationOptions: name === 'jkopay' ? { diagnosticsDelay: 0 } : { provideFormatter: false },
  });
  const startupMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  if (name === 'json') await connection.sendNotification('workspace/didChangeConfiguration', { settings: jsonSettings });

  let version = 1;
  const diagnosticsOf = (v) =>
    pull
      ? connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } }).then((r) => r.items)
      : new Promise((resolve) => waiting.set(v, resolve));
  // A push arrives on its own after the didOpen; a pull is asked for once the document is open.
  const pushed = pull ? undefined : diagnosticsOf(version);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: spec.languageId, version, text: TEXT } });
  const found = (await (pushed ?? diagnosticsOf(version))).length;
    // The first 5 edits are warm-up (the JIT settles); the next EDITS are timed.
  const times = [];
  for (let i = 0; i < EDITS + 5; i++) {
    version++;
    const start = performance.now();
    const pending = pull ? undefined : diagnosticsOf(version);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [editOf(i)] });
    await (pull ? diagnosticsOf(version) : pending);
    if (i >= 5) times.push(performance.now() - start);
  }
  const memory = rssMb(child.pid);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  times.sort((a, b) => a - b);
  return { startupMs, median: quantile(times, 0.5), p95: quantile(times, 0.95), memory, found };
}

const fmt = (n) => n.toFixed(1).padStart(7);
console.log(`LSP benchmark: ${PAYLOADS} entry payloads (${(TEXT.length / 1024).toFixed(0)} KB), ${EDITS} edits, node ${process.version}`);
const ours = await run('jkopay', { pull: true });
const theirs = await run('json', { pull: true });
const oursPush = await run('jkopay', { pull: false });
console.log('server                                  start ms  median ms  p95 ms   RSS MB  diagnostics');
for (const [label, r] of [
  ['jkopay lsp (pull)', ours],
  ['vscode-json-language-server (pull)', theirs],
  ['jkopay lsp (push, debounce 0)', oursPush],
]) {
  console.log(`${label.padEnd(38)} ${fmt(r.startupMs)}  ${fmt(r.median)}  ${fmt(r.p95)}  ${fmt(r.memory)}  ${String(r.found).padStart(6)}`);
}
const ratio = ours.median / theirs.median;
console.log(`ratio jkopay / vscode-json-language-server (median didChange → diagnostics): ${ratio.toFixed(2)} (target ≤ 0.5) ${ratio <= 0.5 ? 'OK' : 'MISSED'}`);
