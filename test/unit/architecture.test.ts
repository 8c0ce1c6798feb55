/**
 * Keeps the layers of docs/architecture.md checkable: every file of every folder under src/ may
 * import only the layers and packages its layer allows. The compiler enforces the same through
 * each layer's tsconfig `references` and `types`; this test also covers packages and Node
 * built-ins, and fails on a new folder under src/ until its rules are written here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { RULES } from '../../src/core/rules/ruleTable';
import { findResultCodes } from '../../src/data';

const SRC = path.join(__dirname, '../../../src');

/** Node built-ins, by their `node:` names. */
const NODE = /^node:/;
const LSP_TYPES = /^vscode-languageserver-(types|textdocument)$/;

interface LayerRule {
  /** Other layers (folders under src/) this layer may import. */
  layers: string[];
  /** Packages (bare specifiers) this layer may import. */
  packages: RegExp[];
}

const LAYERS: Record<string, LayerRule> = {
  data: { layers: [], packages: [] },
  shared: { layers: [], packages: [] },
  core: { layers: ['data'], packages: [/^jsonc-parser$/, /^typescript$/, LSP_TYPES] },
  api: { layers: ['core', 'data', 'shared'], packages: [NODE] },
  // The library a merchant's backend loads: never the editor's packages or the TypeScript compiler.
  lib: { layers: ['api', 'core', 'data'], packages: [NODE] },
  // The server builds the exact request bytes the runner sends (api/requestBody). re2js (exclude globs, run in linear time) and
  // ignore (.gitignore rules) serve the project configuration's exclude and the CLI's folder walk.
  server: { layers: ['core', 'data', 'api', 'shared'], packages: [NODE, /^vscode-languageserver(\/node)?$/, LSP_TYPES, /^re2js$/] },
  cli: {
    layers: ['core', 'data', 'api', 'server', 'shared'],
    packages: [NODE, /^vscode-languageserver(\/node)?$/, LSP_TYPES, /^re2js$/, /^ignore$/],
  },
  client: { layers: ['api', 'data', 'shared'], packages: [NODE, /^vscode$/, /^vscode-languageclient(\/node)?$/, LSP_TYPES] },
  webview: { layers: ['shared'], packages: [] },
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every import, export-from, dynamic import and require of a file, as written. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/**
 * The core's own parts (folders under src/core) and the parts each may import: no two import each
 * other, and the files at the core's root (the facade: index.ts, the language service) may import
 * them all. See docs/architecture.md.
 */
const CORE_PARTS: Record<string, string[]> = {
  model: [],
  texts: [],
  json: ['model'],
  source: ['model'],
  rules: ['model', 'texts', 'json', 'source'],
  features: ['model', 'texts', 'json', 'source', 'rules'],
  config: ['rules', 'source'],
};

/** The one module of the core that other layers may import. */
const CORE_ENTRY = path.join(SRC, 'core', 'index');

/** Each forbidden import under src/, as `layer/file → specifier`. */
function violations(): string[] {
  const found: string[] = [];
  for (const layer of fs.readdirSync(SRC).filter((name) => fs.statSync(path.join(SRC, name)).isDirectory())) {
    const rule = LAYERS[layer];
    if (!rule) {
      found.push(`${layer}/ is a folder under src/ with no layer rule in architecture.test.ts`);
      continue;
    }
    for (const file of sourceFiles(path.join(SRC, layer))) {
      for (const spec of importsOf(file)) {
        const where = path.relative(SRC, file);
        if (spec.startsWith('.')) {
          const resolved = path.resolve(path.dirname(file), spec);
          const target = path.relative(SRC, resolved).split(path.sep)[0];
          if (target !== layer && !rule.layers.includes(target)) found.push(`${where} → ${spec}`);
          else if (target === 'core' && layer !== 'core' && resolved !== CORE_ENTRY && resolved !== path.dirname(CORE_ENTRY))
            found.push(`${where} → ${spec} (outside the core, import only src/core/index.ts)`);
          else if (target === 'core' && layer === 'core') found.push(...corePartViolation(file, resolved, spec));
        } else if (!rule.packages.some((allowed) => allowed.test(spec))) {
          found.push(`${where} → ${spec}`);
        }
      }
    }
  }
  return found;
}

/** An import from one part of the core into another that the part may not import. */
function corePartViolation(file: string, resolved: string, spec: string): string[] {
  const core = path.join(SRC, 'core');
  const partOf = (p: string) => {
    const segments = path.relative(core, p).split(path.sep);
    return segments.length > 1 ? segments[0] : undefined; // undefined: a file at the core's root
  };
  const from = partOf(file);
  const to = partOf(resolved);
  if (from === undefined || to === from) return [];
  const where = path.relative(SRC, file);
  if (!(from in CORE_PARTS)) return [`core/${from}/ is a part of the core with no rule in architecture.test.ts`];
  if (to === undefined) return [`${where} → ${spec} (a part of the core never imports the facade at its root)`];
  return CORE_PARTS[from].includes(to)
    ? []
    : [`${where} → ${spec} (core/${from} may import ${CORE_PARTS[from].join(', ') || 'no other part'})`];
}

describe('architecture', () => {
  it('every file imports only the layers and packages its layer allows', () => {
    assert.deepEqual(violations(), []);
  });

  it('every layer has a project whose references are exactly its allowed layers', () => {
    for (const [layer, rule] of Object.entries(LAYERS)) {
      if (layer === 'webview') continue; // a browser program, checked on its own (esbuild.mjs)
      const config = ts.readConfigFile(path.join(SRC, layer, 'tsconfig.json'), ts.sys.readFile).config;
      const references = (config.references ?? []).map((r: { path: string }) => path.basename(r.path)).sort();
      assert.deepEqual(references, [...rule.layers].sort(), `src/${layer}/tsconfig.json references`);
      if (layer === 'core' || layer === 'data' || layer === 'shared')
        assert.deepEqual(config.compilerOptions.types, [], `${layer} sees no Node types`);
    }
  });

  it('every answer a rule quotes is a row of the official result-code table', () => {
    for (const [code, rule] of Object.entries(RULES)) {
      for (const [endpoint, answer] of Object.entries('answers' in rule ? rule.answers : {})) {
        const rows = findResultCodes(answer.code, endpoint as 'entry').filter(
          (r) => r.status === 'current' && r.message === answer.message,
        );
        assert.equal(rows.length, 1, `${code} on ${endpoint} quotes ${answer.code} "${answer.message}"`);
      }
    }
  });
});
