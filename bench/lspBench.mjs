// `npm run bench:lsp`: edit → diagnostics as an editor sees it, over stdio. The JKOPay language
// server (`jkopay lsp --stdio`) beside vscode-json-language-server (vscode-langservers-extracted,
// the JSON server Neovim and Helix users run) checking the same file against the equivalent
// schema (entry.schema.json wrapped as an array), in the same run, with 500 and 5,000 payloads.
// Both servers run with their default settings and are asked as VS Code asks: pull diagnostics
// (textDocument/diagnostic right after each didChange), each edit one number retyped in the
// middle of the file, sent as a ranged change. Measured per server: start to `initialize`
// answered, didChange → that version's diagnostics (median and p95), and memory with the file open.
// Targets: 500 payloads ≤ 0.5× the JSON server's median; 5,000 payloads ≤ 0.2× its median, with
// an RSS no higher than its.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generatePayloadFile } from './generatePayloads.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');

const URI = pathToFileURL('/bench/orders.jkopay.json').href;
const entrySchema = JSON.parse(readFileSync(new URL('../src/data/schemas/entry.schema.json', import.meta.url), 'utf8'));
const arraySchema = { $schema: entrySchema.$schema, type: 'array', items: { ...entrySchema, $schema: undefined } };

const SERVERS = {
  jkopay: { command: ['dist/cli.js', 'lsp', '--stdio'], languageId: 'jkopay' },
  // `jsonc`: payload files are JSON with comments.
  json: { command: [require.resolve('vscode-langservers-extracted/bin/vscode-json-language-server'), '--stdio'], languageId: 'jsonc' },
};

// The schema association is what any user of the JSON server would configure; nothing else is set.
const jsonSettings = {
  json: {
    validate: { enable: true },
    schemas: [{ url: 'inmemory://bench/entry-array.schema.json', fileMatch: ['*.jkopay.json'], schema: arraySchema }],
  },
};

/** Resident memory now and at its peak (the high-water mark, which garbage-collection timing does not blur), in MB. */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)[1]) / 1024;
  return { now: field('VmRSS'), peak: field('VmHWM') };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** A file of `payloads` entries (one unknown field, which both servers must report) and the number retyped by every edit. */
function workload(payloads) {
  const text = generatePayloadFile(payloads).replace('"escrow": false,', '"escrow": false, "bogus_field": 1,');
  // The `total_price` of the middle payload: a 3-digit TWD amount.
  const middle = text.indexOf(`"order-${String(Math.floor(payloads / 2) - (Math.floor(payloads / 2) % 7)).padStart(8, '0')}"`);
  const offset = text.indexOf('"total_price": ', middle) + '"total_price": '.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - before.lastIndexOf('\n') - 1;
  const width = /^\d+/.exec(text.slice(offset))[0].length;
  /** The i-th edit: the number's digits typed anew (a different value each time, same width). */
  const editOf = (i) => ({
    range: { start: { line, character }, end: { line, character: character + width } },
    text: String(10 ** (width - 1) + ((i * 37) % (9 * 10 ** (width - 1)))),
  });
  return { text, editOf };
}

async function run(name, { text, editOf }, edits) {
  const spec = SERVERS[name];
  const started = performance.now();
  const child = spawn(process.execPath, spec.command, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
  const startupMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  if (name === 'json') await connection.sendNotification('workspace/didChangeConfiguration', { settings: jsonSettings });

  let version = 1;
  const diagnostics = () => connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } }).then((r) => r.items);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: spec.languageId, version, text } });
  const found = (await diagnostics()).length;
  // The first 5 edits are warm-up (the JIT settles); the next `edits` are timed.
  const times = [];
  for (let i = 0; i < edits + 5; i++) {
    version++;
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [editOf(i)] });
    await diagnostics();
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

const fmt = (n) => n.toFixed(1).padStart(8);
for (const [payloads, edits, target] of [
  [500, 50, 0.5],
  [5000, 30, 0.2],
]) {
  const load = workload(payloads);
  console.log(
    `\nLSP benchmark: ${payloads} entry payloads (${(load.text.length / 1024).toFixed(0)} KB), ${edits} ranged edits, pull diagnostics, default settings, node ${process.version}`,
  );
  const ours = await run('jkopay', load, edits);
  const theirs = await run('json', load, edits);
  console.log('  server                               start ms  median ms    p95 ms    RSS MB  peak RSS  diagnostics');
  for (const [label, r] of [
    ['jkopay lsp', ours],
    ['vscode-json-language-server', theirs],
  ]) {
    console.log(
      `  ${label.padEnd(34)} ${fmt(r.startupMs)}  ${fmt(r.median)}  ${fmt(r.p95)}  ${fmt(r.memory.now)}  ${fmt(r.memory.peak)}  ${String(r.found).padStart(6)}`,
    );
  }
  const ratio = ours.median / theirs.median;
  const rss = ours.memory.now / theirs.memory.now;
  const peak = ours.memory.peak / theirs.memory.peak;
  const memoryTarget = (r) => (payloads >= 5000 ? ` (target ≤ 1: ${r <= 1 ? 'met' : 'NOT met'})` : '');
  console.log(
    `  ratio jkopay / json server, median didChange → diagnostics: ${ratio.toFixed(3)} (target ≤ ${target}: ${ratio <= target ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  ratio jkopay / json server, RSS after the edits: ${rss.toFixed(2)}${memoryTarget(rss)}; peak RSS: ${peak.toFixed(2)}${memoryTarget(peak)}`,
  );
}
