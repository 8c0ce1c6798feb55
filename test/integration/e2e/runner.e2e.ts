/**
 * The request runner end to end: installs the packaged VSIX into the real VS Code, opens a
 * payload file, runs `JKOPay: Send Request` from the command palette (F1) as a person would,
 * and reads the response webview's text by scanning the page's frames (webviews are nested
 * iframes). Saves the runner screenshots the docs show (runner-*.png in out/screenshots/, or
 * docs/screenshots/ with UPDATE_SCREENSHOTS=1), in English and in Traditional Chinese, and checks
 * that the installed extension's page shows the README's screenshots. Run by runVsCodeTests.ts
 * (JKOPAY_TEST_VSIX).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type Browser,
  openFile,
  openWorkbench,
  type Page,
  ROOT,
  SCREENSHOTS,
  type Server,
  type Session,
  startSession,
} from './workbenchDriver';

const VIEWPORT = { width: 1400, height: 860 };

/** Runs a command from the palette (F1) by its title, as a person types it. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}

/** The response webview's text once it matches `expect`, found by scanning every frame of the page. */
async function webviewText(page: Page, expect: RegExp, ms = 30000): Promise<string> {
  const until = Date.now() + ms;
  let seen = '';
  for (;;) {
    for (const frame of page.frames()) {
      try {
        const text = await frame.evaluate<string>("document.getElementById('app')?.innerText ?? ''");
        if (text) seen = text;
        if (expect.test(text)) return text;
      } catch {
        // A frame that navigated or closed meanwhile.
      }
    }
    if (Date.now() > until) throw new Error(`the response webview never showed ${expect}; last seen: ${seen.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first non-empty string `expression` gives in any frame of the page, polling up to `ms`. */
async function frameValue(page: Page, expression: string, ms = 30000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        const value = await frame.evaluate<string>(expression);
        if (value) return value;
      } catch {
        // A frame that navigated or closed meanwhile.
      }
    }
    if (Date.now() > until) throw new Error(`no frame of the page gave a value for ${expression.slice(0, 120)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the send's progress notification has gone, so that screenshots show the result. */
async function progressGone(page: Page): Promise<void> {
  await page
    .locator('.notification-toast', { hasText: /Sending the|正在將/ })
    .first()
    .waitFor({ state: 'hidden', timeout: 15000 });
}

describe('the request runner, driven as a person would', function () {
  this.timeout(180000);
  let session: Session;
  let server: Server;
  let browser: Browser;

  before(async () => {
    session = await startSession({
      'workbench.colorTheme': 'Default Dark Modern',
      'window.commandCenter': false,
      'git.openRepositoryInParentFolders': 'never',
      'workbench.editor.enablePreview': false,
      'remote.autoForwardPorts': false,
    });
    ({ server, browser } = session);
  });

  // Stopping the server ends its extension hosts, and with them their in-host mock servers.
  after(() => session?.stop());

  describe('in English', () => {
    let page: Page;
    before(async () => {
      page = await openWorkbench(browser, server, 'en-US', VIEWPORT);
    });
    after(() => page?.context().close());

    it('shows Send to mock · Send to sandbox above the payload and the environment in the status bar', async () => {
      await openFile(page, 'checkout.entry.jkopay.json');
      await page.locator('.codelens-decoration', { hasText: 'Send to mock' }).first().waitFor({ timeout: 30000 });
      await page.locator('.codelens-decoration', { hasText: 'Send to sandbox' }).first().waitFor();
      await page.locator('.statusbar-item', { hasText: 'JKOPay mock' }).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'runner-codelens.png') });
    });

    it('sends the payload from the command palette and shows the answer in the webview', async () => {
      await runCommand(page, 'JKOPay: Send Request');
      const text = await webviewText(page, /Payment link created/);
      assert.match(text, /\b000\b/);
      assert.match(text, /POST http:\/\/127\.0\.0\.1:\d+\/platform\/entry/);
      assert.match(text, /API-KEY\s+mock…/);
      assert.match(text, /DIGEST\s+[0-9a-f]{64}/);
      assert.match(text, /<script>alert\('x'\)<\/script> Oolong tea/, 'markup in the payload shows as text');
      await progressGone(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'runner-response.png') });
    });

    it('explains the official 200 answer to a below-minimum payload', async () => {
      await openFile(page, 'below-minimum.entry.jkopay.json');
      await runCommand(page, 'JKOPay: Send Request');
      const text = await webviewText(page, /Order price below limit for this currency/);
      assert.match(text, /What to do/);
      await progressGone(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'runner-below-minimum.png') });
    });

    it("shows the README's screenshots on the installed extension's page", async () => {
      // The Extensions view (Ctrl+Shift+X) lists the installed extensions; search it as a person would.
      await page.keyboard.press('Control+Shift+X');
      const search = page
        .locator('.extensions-viewlet .suggest-input-container textarea, .extensions-viewlet .suggest-input-container input')
        .first();
      // Opening the view focuses its search box.
      await search.waitFor({ timeout: 15000 });
      await page.keyboard.type('@installed JKOPay');
      const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'JKOPay Tools' }).first();
      await row.waitFor({ timeout: 15000 });
      await row.click();
      // The page is a webview: every README image (known by its alt text) must have loaded; a broken one has no natural size.
      const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      const alts = [...readme.matchAll(/!\[([^\]]+)\]\([^)\s]+\.png\)/g)].map((m) => m[1]);
      assert.ok(alts.length >= 3, 'the README shows screenshots');
      let loaded: string;
      try {
        loaded = await frameValue(
          page,
          `(() => { const alts = ${JSON.stringify(alts)}; const imgs = Array.from(document.images).filter((i) => alts.includes(i.alt)); ` +
            `return imgs.length === alts.length && imgs.every((i) => i.complete && i.naturalWidth > 0) ? JSON.stringify(imgs.map((i) => i.alt)) : ''; })()`,
        );
      } catch (e) {
        // Say what the page holds instead: which images, from where, loaded or not.
        const seen: string[] = [];
        for (const frame of page.frames()) {
          try {
            seen.push(
              await frame.evaluate<string>(
                "Array.from(document.images).map((i) => `${i.alt}: ${i.src.slice(0, 80)} ${i.naturalWidth}`).join('; ')",
              ),
            );
          } catch {
            // A frame that closed meanwhile.
          }
        }
        // Not a docs screenshot: kept under out/ whatever UPDATE_SCREENSHOTS says, to see what failed.
        fs.mkdirSync(path.join(ROOT, 'out/screenshots'), { recursive: true });
        await page.screenshot({ path: path.join(ROOT, 'out/screenshots/extension-page.failed.png') });
        throw new Error(`${(e as Error).message}; images seen: ${seen.filter(Boolean).join(' | ').slice(0, 1500)}`);
      }
      assert.deepEqual(JSON.parse(loaded), alts);
    });
  });

  describe('with the display language set to Traditional Chinese', () => {
    let page: Page;
    before(async () => {
      page = await openWorkbench(browser, server, 'zh-TW', VIEWPORT);
    });
    after(() => page?.context().close());

    it('explains the answer in Traditional Chinese', async () => {
      await openFile(page, 'below-minimum.entry.jkopay.json');
      await runCommand(page, 'JKOPay: 送出請求');
      const text = await webviewText(page, /處理方式/);
      assert.match(text, /Order price below limit for this currency/);
      await progressGone(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'runner-response.zh-tw.png') });
    });
  });
});
