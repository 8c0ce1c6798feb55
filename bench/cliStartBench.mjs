// Cold start of the command line as CI pays it: `jkopay check` on a 5,000-payload file, timed as a
// whole process (start, read, check, report, exit), beside a whole process that does the same with
// vscode-json-languageservice (reads the file, parses it and validates it against the entry
// schema, prints the count), in turns in the same run. Target: ≤ 0.5× the peer's median, as a CI
// runner pays it; where this machine sets NODE_EXTRA_CA_CERTS, its own environment is shown too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generatePayloadFile } from './generatePayloads.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 15;
const dir = mkdtempSync(path.join(tmpdir(), 'jkopay-cli-bench-'));
const file = path.join(dir, 'orders.jkopay.json');
writeFileSync(file, generatePayloadFile(5000));

// The peer: what a CI step validating the file with the JSON language service runs.
const peerScript = path.join(dir, 'jsonValidate.cjs');
writeFileSync(
  peerScript,
  `const { readFileSync } = require('node:fs');
const { getLanguageService } = require(${JSON.stringify(require_('vscode-json-languageservice'))});
const { TextDocument } = require(${JSON.stringify(require_('vscode-languageserver-textdocument'))});
const entry = JSON.parse(readFileSync(${JSON.stringify(path.join(ROOT, 'src/data/schemas/entry.schema.json'))}, 'utf8'));
const service = getLanguageService({ schemaRequestService: async () => { throw new Error('offline'); } });
service.configure({ validate: true, allowComments: true, schemas: [{ uri: 'jkopay://entry-array.json', fileMatch: ['*.jkopay.json'], schema: { type: 'array', items: entry } }] });
const file = process.argv[2];
const document = TextDocument.create('file://' + file, 'jsonc', 1, readFileSync(file, 'utf8'));
service.doValidation(document, service.parseJSONDocument(document), { comments: 'ignore', trailingCommas: 'ignore' }).then((d) => {
  process.stdout.write(d.length + ' diagnostics\\n');
  process.exitCode = d.length ? 1 : 0;
});
`,
);

function require_(name) {
  return path.join(ROOT, 'node_modules', name);
}

const contenders = [
  { name: 'jkopay check', args: [path.join(ROOT, 'dist/cli.js'), 'check', file] },
  { name: 'node + vscode-json-languageservice', args: [peerScript, file] },
];
/**
 * CPU time (user + system, ms) of the children waited for so far, where Linux tells it: on a busy
 * machine wall time is mostly waiting for a core, and this shows what each process itself cost.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/**
 * The environments measured. Every Node process parses the CA bundle NODE_EXTRA_CA_CERTS names
 * before its first line runs (about 40 ms here, for each contender alike); this sandbox sets it
 * for its network proxy, a CI runner does not. Both are measured, each with its verdict.
 */
const environments = [{ name: "this machine's environment", env: { ...process.env } }];
if (process.env.NODE_EXTRA_CA_CERTS) {
  const { NODE_EXTRA_CA_CERTS: _extra, ...ciEnv } = process.env;
  environments.push({ name: 'a CI runner’s environment (no NODE_EXTRA_CA_CERTS)', env: ciEnv });
}

const cpuText = (ms) => (ms === undefined ? '' : `   (CPU ${ms.toFixed(0)} ms)`);
const median = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];
console.log(`\nCold CLI start: whole process on 5,000 payloads, median of ${RUNS} runs in turns`);
for (const { name, env } of environments) {
  const times = contenders.map(() => []);
  const cpu = contenders.map(() => []);
  for (let run = 0; run < RUNS + 1; run++) {
    for (const [i, c] of contenders.entries()) {
      const cpuBefore = childrenCpuMs();
      const start = performance.now();
      const result = spawnSync(process.execPath, c.args, { encoding: 'utf8', env: { ...env, LANG: 'en_US.UTF-8' } });
      const ms = performance.now() - start;
      const cpuAfter = childrenCpuMs();
      // 1: findings (ours: the planted decimal places); 0: none (the peer's schema knows no currency rules).
      if (result.status !== 0 && result.status !== 1) throw new Error(`${c.name} exited ${result.status}: ${result.stderr}`);
      if (run > 0) {
        // The first run warms the disk cache.
        times[i].push(ms);
        if (cpuBefore !== undefined) cpu[i].push(cpuAfter - cpuBefore);
      }
    }
  }
  const [ours, peer] = times.map(median);
  const [oursCpu, peerCpu] = cpu.map((t) => (t.length ? median(t) : undefined));
  console.log(` ${name}`);
  console.log(`  jkopay check                               ${ours.toFixed(0).padStart(6)} ms${cpuText(oursCpu)}`);
  console.log(`  node + vscode-json-languageservice         ${peer.toFixed(0).padStart(6)} ms${cpuText(peerCpu)}`);
  const ratio = ours / peer;
  console.log(`  ratio jkopay check / peer, wall time: ${ratio.toFixed(3)} (target ≤ 0.5: ${ratio <= 0.5 ? 'met' : 'NOT met'})`);
  if (oursCpu !== undefined) console.log(`  ratio jkopay check / peer, CPU time:  ${(oursCpu / peerCpu).toFixed(3)}`);
}
rmSync(dir, { recursive: true, force: true });
