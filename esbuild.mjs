// Builds every bundle of the project: the extension client (node, `vscode` external), the
// language server (node), the `jkopay` command line (node, with a shebang) and the response
// webview (browser: dist/webview.js and dist/webview.css, type-checked first with its own
// tsconfig, since it needs the DOM types the rest of the project must not see), and the library
// (dist/lib/: one CommonJS bundle, an ESM wrapper over it, declarations from src/lib/tsconfig.dist.json;
// the types it exports are generated from src/data first, by scripts/generateTypes.mjs).
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD main defeats bundling; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  define: { JKOPAY_VERSION: JSON.stringify(version) },
};

const bundles = [
  { ...common, entryPoints: ['src/client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js' },
  // The CLI is installed with its dependencies, so the 9 MB TypeScript compiler stays a runtime
  // require: `jkopay check` on JSON files then starts without reading it.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['typescript'] },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    mainFields: ['browser', 'module', 'main'],
  },
];

// The library bundle: what a merchant's backend loads, so it must not reach the editor's world.
const library = { ...common, entryPoints: ['src/lib/index.ts'], outfile: 'dist/lib/index.cjs', metafile: true };
const LIBRARY_FORBIDDEN = /node_modules[\\/](typescript|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)[\\/]|src[\\/](server|client|cli|webview)[\\/]|src[\\/]core[\\/](tsParser|typescriptLoader|sourceDocument)\.ts/;

/** Checks the library's inputs, then writes the ESM wrapper (one copy of the code, so one mock) and the declaration entries. */
function finishLibrary(result) {
  const bad = Object.keys(result.metafile.inputs).filter((input) => LIBRARY_FORBIDDEN.test(input));
  if (bad.length) throw new Error(`the library bundle must not include ${bad.join(', ')}`);
  const names = Object.keys(createRequire(import.meta.url)('./dist/lib/index.cjs')).filter((n) => n !== '__esModule');
  writeFileSync(
    'dist/lib/index.mjs',
    `// ESM entry of the jkopay-tools library: re-exports the CommonJS bundle, so both share one module instance.\n` +
      // createRequire, not `import lib from './index.cjs'`: that makes Node scan the whole bundle for its exports first.
      `import { createRequire } from 'node:module';\n\nconst lib = createRequire(import.meta.url)('./index.cjs');\n\n` +
      `export const { ${names.join(', ')} } = lib;\n`,
  );
  writeFileSync('dist/lib/index.d.ts', "export * from './types/lib/index';\n");
  writeFileSync('dist/lib/index.d.mts', "export * from './types/lib/index.js';\n");
}

if (!watch) {
  execFileSync(process.execPath, ['scripts/generateTypes.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/webview'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/lib/tsconfig.dist.json'], { stdio: 'inherit' });
}

if (watch) {
  for (const options of [...bundles, library]) await (await esbuild.context(options)).watch();
} else {
  await Promise.all([...bundles.map((options) => esbuild.build(options)), esbuild.build(library).then(finishLibrary)]);
}
