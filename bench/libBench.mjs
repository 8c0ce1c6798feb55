// Benchmark of the library bundle (dist/lib): its size on disk (and gzipped), and how long a
// backend waits for `require('jkopay-tools')` and `import('jkopay-tools')` in a fresh process,
// beside the same for ajv (the JSON Schema validator a backend would otherwise check payloads
// with), in the same run. Each figure is the median of fresh `node` processes, timed inside the
// process around the load only (node's own start is not counted). Target: load < 100 ms.
// Usage: node bench/libBench.mjs [--runs N] [--check]  (--check: exit 1 when the target is missed)
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const check = args.includes('--check');
const TARGET_MS = 100;
const bundle = 'dist/lib/index.cjs';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median load time of `code` (which prints the elapsed ms) over `runs` fresh processes. */
function loadTime(code, type = 'commonjs') {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const flag = type === 'module' ? '--input-type=module' : '--input-type=commonjs';
    times.push(Number(execFileSync(process.execPath, [flag, '-e', code], { encoding: 'utf8' }).trim()));
  }
  return median(times);
}

const size = statSync(bundle).size;
const gzipped = gzipSync(readFileSync(bundle)).length;
const timed = (load) => `const t = performance.now(); ${load}; console.log((performance.now() - t).toFixed(2));`;
const cjs = loadTime(timed("require('jkopay-tools')"));
const esm = loadTime(
  `const t = performance.now(); await import('jkopay-tools'); console.log((performance.now() - t).toFixed(2));`,
  'module',
);
const esmLoader = loadTime(
  `const t = performance.now(); await import('node:fs'); console.log((performance.now() - t).toFixed(2));`,
  'module',
);
const ajv = loadTime(timed("require('ajv')"));
const ajvCompile = loadTime(
  timed(
    "const Ajv = require('ajv'); new (Ajv.default ?? Ajv)({ strict: false, logger: false }).compile(require('./src/data/schemas/entry.schema.json'))",
  ),
);

console.log(`library bundle ${bundle}: ${(size / 1024).toFixed(1)} KiB (${(gzipped / 1024).toFixed(1)} KiB gzipped)`);
console.log(`load, median of ${runs} fresh processes:`);
console.log(`  require('jkopay-tools')        ${cjs.toFixed(1)} ms`);
console.log(
  `  import('jkopay-tools')         ${esm.toFixed(1)} ms   (of which Node's ESM loader, import('node:fs'): ${esmLoader.toFixed(1)} ms)`,
);
console.log(`  require('ajv')                 ${ajv.toFixed(1)} ms   (jkopay-tools / ajv = ${(cjs / ajv).toFixed(2)}×)`);
console.log(`  ajv + compile the entry schema ${ajvCompile.toFixed(1)} ms   (jkopay-tools / that = ${(cjs / ajvCompile).toFixed(2)}×)`);
const ok = cjs < TARGET_MS && esm < TARGET_MS;
console.log(`target: load < ${TARGET_MS} ms: ${ok ? 'met' : 'MISSED'}`);
if (check && !ok) process.exit(1);
