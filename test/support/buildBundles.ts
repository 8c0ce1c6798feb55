/**
 * Mocha root hook (`.mocharc.json` `require`): before any test, builds dist/ from the current
 * sources exactly as `npm run build` does (esbuild.mjs's `build`), so the CLI, corpus, LSP,
 * library and VSIX contents tests never see a stale or missing bundle, however mocha is started.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.join(__dirname, '../../..');

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(120000);
    const { build } = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as {
      build(o?: { production?: boolean; logLevel?: string }): Promise<void>;
    };
    await build({ logLevel: 'warning' });
  },
};
