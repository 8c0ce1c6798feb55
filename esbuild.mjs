// Builds every bundle of the project: the extension client (node, `vscode` external), the
// language server (node) and the TypeScript compiler it loads on first use, the `jkopay` command
// line (node, with a shebang) and the response webview (browser: dist/webview.js and
// dist/webview.css, type-checked first with its own tsconfig, since it needs the DOM types the
// rest of the project must not see), and the library
// (dist/lib/: one CommonJS bundle, an ESM wrapper over it, declarations from src/lib/tsconfig.dist.json;
// the types it exports are generated from src/data first, by scripts/generateTypes.mjs).
// Usage: node esbuild.mjs [--watch] [--production] [--verbose]  (quiet unless --verbose: only warnings and errors are printed)
// Imported, it builds nothing by itself: it exports `bundleOptions` (test/unit/clientBundle.test.ts
// builds the production client from them) and `build` (mocha's global setup in test/support/buildBundles.ts).
import * as esbuild from 'esbuild';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * The package's `main` is the extension, for VS Code; but Node reads `main` too when a program
 * requires the package by its folder's path (`exports`, which names the library, applies only to the
 * package's name), and the client failed there on its first line (`Cannot find module 'vscode'`).
 * Outside VS Code, where `vscode` cannot be loaded, the client hands over to the library.
 */
// The directive first: above the bundle's own "use strict", the banner would leave the client in sloppy mode.
const CLIENT_OUTSIDE_VSCODE = `"use strict";\ntry { require('vscode'); } catch { module.exports = require('./lib/index.cjs'); return; }`;

/** The commands main.ts loads from dist/cli/ when they run (`check`, what CI starts, is in dist/cli.js itself). */
const LAZY_COMMANDS = ['lsp', 'send', 'mock', 'sign', 'verify', 'explain', 'callbacks'];

/**
 * Keeps main.ts's `import('./<name>Command.js')` of those commands out of dist/cli.js and points it at
 * dist/cli/<name>Command.js. A cold `jkopay check` then compiles half the code: the language server,
 * the mock and the HTTP client are most of the CLI (bench/cliStartBench.mjs measures the start).
 */
const lazyCommands = {
  name: 'lazy-commands',
  setup(build) {
    const commandImport = new RegExp(`^\\./(${LAZY_COMMANDS.join('|')})Command\\.js$`);
    build.onResolve({ filter: commandImport }, (args) =>
      path.basename(args.importer) === 'main.ts' ? { path: `./cli/${args.path.slice(2)}`, external: true } : undefined,
    );
  },
};

/**
 * Points `require('typescript')` at dist/typescript.js, a bundle of its own, from a bundle in `dir`
 * (relative to dist/). The language server, the CLI and its commands share that one copy of the
 * parser: the VSIX has no node_modules, and the npm package then needs no `typescript` dependency
 * (24 MB installed, and its next major has no JS parser API). Inside dist/server.js, the 9 MB
 * compiler was parsed by V8 at every start of the server, JSON-only workspaces included: it now loads
 * when the first TS/JS document is read (src/core/source/typescriptLoader.ts), and the server answers
 * `initialize` in about half the time; `jkopay check` on JSON files never reads it.
 */
const typescriptBeside = (dir = '.') => ({
  name: 'typescript-beside',
  setup(build) {
    const target = dir === '.' ? './typescript.js' : `${path.posix.relative(dir, '.') || '.'}/typescript.js`;
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: target, external: true }));
  },
});

/** The options of every bundle, paths relative to the repository root. */
export function bundleOptions({ production = false, verbose = false } = {}) {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  /** @type {esbuild.BuildOptions} */
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // jsonc-parser's UMD main defeats bundling; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    sourcemap: !production,
    minify: production,
    // Quiet unless asked: the size table (with its warnings on bundles past 1 MB, which are expected
    // here) is noise before `npm run demo` and in every test run.
    logLevel: verbose ? 'info' : 'warning',
    define: { JKOPAY_VERSION: JSON.stringify(version) },
  };
  return {
    // The extension host: no parser of its own (the language server reads the payloads), so no
    // TypeScript compiler; test/unit/clientBundle.test.ts keeps it under 1 MB minified.
    client: {
      ...common,
      entryPoints: ['src/client/extension.ts'],
      outfile: 'dist/client.js',
      external: ['vscode'],
      banner: { js: CLIENT_OUTSIDE_VSCODE },
    },
    server: { ...common, entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js', plugins: [typescriptBeside()] },
    // The TypeScript compiler the server loads on first use (see typescriptBeside): its own code, no source map of ours.
    typescript: {
      ...common,
      entryPoints: [createRequire(import.meta.url).resolve('typescript')],
      outfile: 'dist/typescript.js',
      sourcemap: false,
    },
    // The CLI loads the TypeScript parser beside it (dist/typescript.js) when the first TS/JS file is
    // read, so `jkopay check` on JSON files starts without it. For the same reason every other command
    // is a bundle of its own in dist/cli/, loaded when it runs (see lazyCommands).
    cli: {
      ...common,
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
      plugins: [lazyCommands, typescriptBeside()],
    },
    cliCommands: {
      ...common,
      entryPoints: LAZY_COMMANDS.map((name) => `src/cli/${name}Command.ts`),
      outdir: 'dist/cli',
      plugins: [typescriptBeside('cli')],
    },
    webview: {
      ...common,
      entryPoints: ['src/webview/main.ts'],
      outfile: 'dist/webview.js',
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      mainFields: ['browser', 'module', 'main'],
    },
    // The library bundle: what a merchant's backend loads, so it must not reach the editor's world.
    library: { ...common, entryPoints: ['src/lib/index.ts'], outfile: 'dist/lib/index.cjs', metafile: true },
  };
}

const LIBRARY_FORBIDDEN =
  /node_modules[\\/](typescript|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)[\\/]|src[\\/](server|client|cli|webview)[\\/]|src[\\/]core[\\/]source[\\/]/;

/** Checks the library's inputs, then writes the ESM wrapper (one copy of the code, so one mock). */
function finishLibrary(result) {
  // What the bundle holds: the inputs of its output (the core's facade names more, which tree-shaking leaves out).
  const [output] = Object.values(result.metafile.outputs).filter((o) => o.entryPoint);
  const held = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0);
  const bad = held.map(([name]) => name).filter((input) => LIBRARY_FORBIDDEN.test(input));
  if (bad.length) throw new Error(`the library bundle must not include ${bad.join(', ')}`);
  const names = Object.keys(createRequire(import.meta.url)('./dist/lib/index.cjs')).filter((n) => n !== '__esModule');
  writeFileSync(
    path.join(ROOT, 'dist/lib/index.mjs'),
    `// ESM entry of the jkopay-tools library: re-exports the CommonJS bundle, so both share one module instance.\n` +
      // createRequire, not `import lib from './index.cjs'`: that makes Node scan the whole bundle for its exports first.
      `import { createRequire } from 'node:module';\n\nconst lib = createRequire(import.meta.url)('./index.cjs');\n\n` +
      `export const { ${names.join(', ')} } = lib;\n`,
  );
}

/** Where tsc emits the library's declarations, file by file (src/lib/tsconfig.dist.json). */
const DECLARATIONS = path.join(ROOT, 'dist/lib/types');

/**
 * The library's declarations as one file, dist/lib/index.d.ts (and the same text as index.d.mts, for
 * `import`). The declarations tsc emits file by file reach the whole core (its index re-exports the
 * language service), whose files import vscode-languageserver-types and typescript: a merchant has
 * neither, so a strict tsc failed on them (and with skipLibCheck, their types were silently `any`).
 * dts-bundle-generator keeps only what the library's entry reaches. It type-checks the declarations,
 * which takes seconds, so it runs only when they changed.
 */
async function bundleDeclarations() {
  const files = readdirSync(DECLARATIONS, { recursive: true })
    .filter((f) => f.endsWith('.d.ts'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0${readFileSync(path.join(DECLARATIONS, file))}\0`);
  const digest = hash.digest('hex');
  const stamp = path.join(DECLARATIONS, '.bundled');
  const outputs = ['dist/lib/index.d.ts', 'dist/lib/index.d.mts'].map((f) => path.join(ROOT, f));
  if (outputs.every((f) => existsSync(f)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  const config = path.join(DECLARATIONS, 'tsconfig.bundle.json');
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', types: ['node'], skipLibCheck: true },
      files: ['lib/index.d.ts'],
    }),
  );
  const { generateDtsBundle } = createRequire(import.meta.url)('dts-bundle-generator');
  const [text] = generateDtsBundle(
    [{ filePath: path.join(DECLARATIONS, 'lib/index.d.ts'), output: { noBanner: true, exportReferencedTypes: false } }],
    {
      preferredConfigPath: config,
    },
  );
  const banner = '// The declarations of the jkopay-tools library (one file, made by esbuild.mjs from src/lib).\n';
  for (const file of outputs) writeFileSync(file, banner + text);
  writeFileSync(stamp, digest);
}

/** The README the VSIX carries (vsce --readme-path), written by every `build`. */
export const VSIX_README = 'dist/vsix-readme.md';

/**
 * The README with its local images embedded as data: URIs. VS Code shows an installed extension's
 * README in a webview whose policy loads images from https: and data: only, and relative paths
 * resolve against the webview itself there; this package has no public repository to rewrite them
 * to. (vsce accepts data: images with --no-rewrite-relative-links.) The repository's README keeps
 * its relative links, which GitHub and editors show.
 */
export function vsixReadme() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return readme.replace(/!\[([^\]]*)\]\(([^)\s]+\.png)\)/g, (whole, alt, src) => {
    if (/^[a-z]+:/i.test(src)) return whole;
    const data = readFileSync(path.join(ROOT, src)).toString('base64');
    return `![${alt}](data:image/png;base64,${data})`;
  });
}

/**
 * Everything `npm run build` (or `--production`) does: generated types, the webview and library
 * type checks, every bundle. The VSIX and the npm package are one package with one `files` list, so
 * `npm run package` builds all of it too (in production).
 */
export async function build({ production = false, verbose = false } = {}) {
  // The generated types come first: the library's declarations and bundle read them.
  execFileSync(process.execPath, ['scripts/generateTypes.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', verbose ? 'inherit' : 'ignore', 'inherit'],
  });
  const { library, ...bundles } = bundleOptions({ production, verbose });
  // The two tsc runs and the bundles are independent: they run side by side.
  await Promise.all([
    tsc('-p', 'src/webview'),
    tsc('-p', 'src/lib/tsconfig.dist.json').then(bundleDeclarations),
    ...Object.values(bundles).map((options) => esbuild.build(options)),
    esbuild.build(library).then(finishLibrary),
  ]);
  // After the bundles: on a clean clone, dist/ exists only once they are written.
  writeFileSync(path.join(ROOT, VSIX_README), vsixReadme());
}

/** Runs tsc; what it prints (its errors) goes to stderr with esbuild's messages, and a failure rejects. */
function tsc(...args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['node_modules/typescript/bin/tsc', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      process.stderr.write(stdout + stderr);
      if (error) reject(new Error(`tsc ${args.join(' ')} failed`));
      else resolve();
    });
  });
}

async function watch() {
  for (const options of Object.values(bundleOptions())) await (await esbuild.context(options)).watch();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--watch')) await watch();
  else await build({ production: process.argv.includes('--production'), verbose: process.argv.includes('--verbose') });
}
