/**
 * Mocha root hook (`.mocharc.json` `require`): before any test, builds every bundle of dist/ from
 * the current sources with esbuild.mjs's own options (as `npm run build` does, without its
 * separate type check of the webview), so the CLI, corpus and LSP tests (which run
 * `node dist/cli.js`) and the VSIX contents test never see a stale or missing bundle.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.join(__dirname, '../../..');

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(120000);
    const { bundleOptions } = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as {
      bundleOptions(o?: { production?: boolean }): Record<string, esbuild.BuildOptions>;
    };
    await Promise.all(Object.values(bundleOptions()).map((options) => esbuild.build({ ...options, logLevel: 'warning' })));
  },
};
