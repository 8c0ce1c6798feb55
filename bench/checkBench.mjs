// Benchmark of `jkopay check`'s core on a 5,000-payload file (about 3 MB), beside two peers
// measured in the same run: vscode-json-languageservice (parse + doValidation with the
// equivalent JSON Schema) and jsonc-parser's bare scanner over the same text.
// Targets: full check ≤ 0.35× the JSON language service and ≤ 2× the bare scanner.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { generatePayloadFile } from './generatePayloads.mjs';

const require = createRequire(import.meta.url);
const { getLanguageService } = require('../out/src/core/languageService.js');
const { TextDocument } = require('vscode-languageserver-textdocument');
const jsonLs = require('vscode-json-languageservice');
const { createScanner, SyntaxKind } = require('jsonc-parser');
const entrySchema = require('../src/data/schemas/entry.schema.json');

const RUNS = 15;
const text = generatePayloadFile(5000);

/**
 * Runs the contenders in turns (A, B, C, A, B, C, …) so that whatever else the machine is doing
 * weighs on all of them alike; reports each one's median.
 */
async function measureInTurns(contenders) {
  for (let i = 0; i < 3; i++) for (const c of contenders) await c.fn(); // warm-up: let the JIT settle
  const times = contenders.map(() => []);
  const results = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [i, c] of contenders.entries()) {
      const start = performance.now();
      results[i] = await c.fn();
      times[i].push(performance.now() - start);
    }
  }
  return contenders.map((c, i) => {
    const sorted = times[i].sort((a, b) => a - b);
    return { name: c.name, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], result: results[i] };
  });
}

const ours = getLanguageService();
const check = () => {
  const document = TextDocument.create('file:///bench.jkopay.json', 'jkopay', 1, text);
  return ours.doValidation(document).length;
};

const schemaUri = 'jkopay://schemas/entry-array.json';
const json = jsonLs.getLanguageService({
  schemaRequestService: async () => {
    throw new Error('no schema downloads in the benchmark');
  },
});
json.configure({
  validate: true,
  allowComments: true,
  schemas: [{ uri: schemaUri, fileMatch: ['*.jkopay.json'], schema: { type: 'array', items: entrySchema } }],
});
const jsonCheck = async () => {
  const document = TextDocument.create('file:///bench.jkopay.json', 'jsonc', 1, text);
  const parsed = json.parseJSONDocument(document);
  return (await json.doValidation(document, parsed, { comments: 'ignore', trailingCommas: 'ignore' })).length;
};

const scan = () => {
  const scanner = createScanner(text, true);
  let tokens = 0;
  while (scanner.scan() !== SyntaxKind.EOF) tokens++;
  return tokens;
};

const results = await measureInTurns([
  { name: 'jkopay full check', fn: check },
  { name: 'vscode-json-languageservice parse + doValidation', fn: jsonCheck },
  { name: 'jsonc-parser scanner alone', fn: scan },
]);
const [full, peer, scanner] = results;

console.log(`\njkopay check benchmark: 5,000 payloads, ${(text.length / 1e6).toFixed(2)} MB, median of ${RUNS} runs`);
for (const r of results)
  console.log(
    `  ${r.name.padEnd(50)} ${r.median.toFixed(1).padStart(8)} ms   (min ${r.min.toFixed(1)} ms, ${r.result} ${r === scanner ? 'tokens' : 'diagnostics'})`,
  );
const vsPeer = full.median / peer.median;
const vsScanner = full.median / scanner.median;
console.log(`  ratio full check / JSON language service: ${vsPeer.toFixed(3)}  (target ≤ 0.35: ${vsPeer <= 0.35 ? 'met' : 'NOT met'})`);
console.log(`  ratio full check / bare scanner:          ${vsScanner.toFixed(3)}  (target ≤ 2: ${vsScanner <= 2 ? 'met' : 'NOT met'})`);
