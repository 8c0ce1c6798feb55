// npm's `prepare`: builds dist/ (in production) wherever npm installs this package from its sources.
// npm runs it after `npm install` / `npm ci` here, before `npm pack`, when a project installs the
// package from git (with the devDependencies installed first, so the build runs) and when a project
// installs a folder (`npm install ../jkopay-tools`), where npm does NOT install the folder's
// devDependencies. An unbuilt folder then used to install "successfully" and fail at run time
// (`Cannot find module …/dist/lib/index.cjs`); now it fails at install, saying what to do. A folder
// already built, without its build tools, is used as it is.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** What the package's entry points load: a folder without them cannot run. */
const BUILT = [
  'dist/cli.js',
  'dist/typescript.js',
  'dist/client.js',
  'dist/server.js',
  'dist/lib/index.cjs',
  'dist/lib/index.mjs',
  'dist/lib/index.d.ts',
];

function hasBuildTools() {
  try {
    createRequire(path.join(ROOT, 'package.json')).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (hasBuildTools()) {
  const { build } = await import('../esbuild.mjs');
  await build({ production: true, verbose: process.argv.includes('--verbose') });
} else if (BUILT.some((file) => !existsSync(path.join(ROOT, file)))) {
  process.stderr.write(
    [
      `jkopay-tools: ${ROOT} is not built, and its build tools (the devDependencies) are not installed there.`,
      `  Build it first: cd ${ROOT} && npm ci && npm run build`,
      '  or install the packed package instead: npm pack in that folder, then npm install --save-dev <the .tgz>.',
      `jkopay-tools：${ROOT} 尚未建置，且該資料夾沒有安裝建置工具（devDependencies）。`,
      `  請先建置：cd ${ROOT} && npm ci && npm run build`,
      '  或改為安裝打包好的套件：在該資料夾執行 npm pack，再 npm install --save-dev <產生的 .tgz>。',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
