// Builds every bundle of the project: the extension client (node, `vscode` external), the
// language server (node), the `jkopay` command line (node, with a shebang) and the response
// webview (browser: dist/webview.js and dist/webview.css, type-checked first with its own
// tsconfig, since it needs the DOM types the rest of the project must not see).
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

if (!watch) execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/webview'], { stdio: 'inherit' });

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
