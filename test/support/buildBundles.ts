/**
 * Mocha's global setup (`.mocharc.js` requires this file): builds dist/ from the current sources
 * exactly as `npm run build` does, once, in the main mocha process before any worker starts, so the
 * CLI, corpus, LSP, library and VSIX contents tests never see a stale or missing bundle, however
 * mocha is started. Suites that run the CLI do so in hooks, never while mocha collects them.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../..');

export function mochaGlobalSetup(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
