/**
 * What the end-to-end tests share to drive the real workbench in a headless browser as a person
 * does: the test host (test-host/host.js), the few playwright-core types they use, opening the
 * fixture workspace and opening a file through Quick Open. Not a test file itself (runVsCodeTests
 * runs only `*.e2e.js`).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const WORKSPACE = path.join(ROOT, 'test/integration/fixtures/workspace');
/**
 * Where screenshots go: out/screenshots/, so that a test run leaves the tracked files alone;
 * `UPDATE_SCREENSHOTS=1 npm run test:vscode` refreshes the ones the README and docs show.
 */
export const SCREENSHOTS = path.join(ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'out/screenshots');

/**
 * The little of playwright-core's API the tests use. playwright-core is a dependency of the test
 * host, which is installed only when the real-VS-Code tests run, after compilation.
 */
export interface Locator {
  waitFor(options?: { timeout?: number; state?: 'visible' | 'hidden' }): Promise<void>;
  filter(options: { hasText: string | RegExp }): Locator;
  first(): Locator;
  last(): Locator;
  hover(): Promise<void>;
  click(): Promise<void>;
  fill(text: string): Promise<void>;
  innerText(): Promise<string>;
}
export interface Frame {
  /** An expression evaluated in the frame (a string: these files are compiled without the DOM types). */
  evaluate<T>(expression: string): Promise<T>;
}
export interface Page {
  goto(url: string): Promise<unknown>;
  locator(selector: string, options?: { hasText: string | RegExp }): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  mouse: { move(x: number, y: number): Promise<void> };
  frames(): Frame[];
  screenshot(options: { path: string }): Promise<unknown>;
  context(): { close(): Promise<void> };
}
export interface Browser {
  newContext(options: { locale: string; viewport: { width: number; height: number } }): Promise<{ newPage(): Promise<Page> }>;
  close(): Promise<void>;
}
export interface Dirs {
  root: string;
}
export interface Server {
  url: string;
  stop(): Promise<void>;
}
/** test-host/host.js, loaded at run time: it lives in the test host's own package. */
export interface Host {
  makeScratch(settings?: object): Dirs;
  installExtension(dirs: Dirs, vsix: string): void;
  startServer(dirs: Dirs): Promise<Server>;
  launchBrowser(): Promise<Browser>;
  workbenchUrl(server: Server, folder: string): string;
  removeScratch(dirs: Dirs): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- test-host/host.js is plain CommonJS, outside the TS projects
export const host = require(path.join(ROOT, 'test-host/host.js')) as Host;

/** The zh-tw display language needs an installed language pack; the fixture one translates nothing. */
export function packageLanguagePack(into: string): string {
  const vsix = path.join(into, 'language-pack-zh-tw.vsix');
  execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: path.join(ROOT, 'test/integration/fixtures/zh-tw-language-pack'),
    stdio: 'ignore',
  });
  return vsix;
}

/** A VS Code server with the packaged VSIX and the zh-tw language pack installed, and a browser to look at it. */
export interface Session {
  server: Server;
  browser: Browser;
  /** Closes the browser and stops the server (its extension hosts end with it), and removes the scratch folders. */
  stop(): Promise<void>;
}

/** Starts a session with the user `settings`; the VSIX is the one runVsCodeTests packaged (JKOPAY_TEST_VSIX). */
export async function startSession(settings: object): Promise<Session> {
  const vsix = process.env.JKOPAY_TEST_VSIX;
  assert.ok(vsix && fs.existsSync(vsix), 'JKOPAY_TEST_VSIX names the packaged extension');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-e2e-'));
  const scratch = host.makeScratch(settings);
  let server: Server | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await server?.stop();
    host.removeScratch(scratch);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    host.installExtension(scratch, vsix);
    host.installExtension(scratch, packageLanguagePack(tmp));
    server = await host.startServer(scratch);
    browser = await host.launchBrowser();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    return { server, browser, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A new browser window on the fixture workspace, in `locale`, once its explorer shows the files. */
export async function openWorkbench(
  browser: Browser,
  server: Server,
  locale: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await page.goto(host.workbenchUrl(server, WORKSPACE));
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60000 });
  // The explorer shows the fixture folder once the window is connected to the server.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'order.entry.jkopay.json' }).waitFor({ timeout: 60000 });
  return page;
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a person would. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}
