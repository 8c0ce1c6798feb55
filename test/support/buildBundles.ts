/**
 * Loaded by mocha before any spec file (`.mocharc.json` `require`): builds dist/ from the current
 * sources exactly as `npm run build` does, so the CLI, corpus, LSP, library and VSIX contents tests
 * never see a stale or missing bundle, however mocha is started. It builds synchronously, at load
 * time, because some suites (the fixture corpus) run the CLI while mocha collects them, before any
 * root hook would run.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../..');

execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
