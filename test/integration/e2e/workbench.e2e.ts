/**
 * The end-to-end test: installs the packaged VSIX into the real VS Code as a user would, then
 * drives the workbench in a headless browser as a person does (open a payload file, look at the
 * Problems panel, hover a result code), once in English and once with VS Code's display language
 * set to Traditional Chinese. Saves the screenshots the README shows (out/screenshots/, or docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 * Run by runVsCodeTests.ts, which passes the VSIX path in JKOPAY_TEST_VSIX.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { type Browser, openFile, openWorkbench, type Page, SCREENSHOTS, type Server, type Session, startSession } from './workbenchDriver';

const VIEWPORT = { width: 1280, height: 760 };

/** Hovers the text `token` in the active editor and returns the hover's text once it has `expect`. */
async function hoverToken(page: Page, token: string, expect: RegExp): Promise<string> {
  const target = page.locator('.editor-instance .view-lines span', { hasText: token }).last();
  await target.waitFor();
  const hover = page.locator('.monaco-hover-content', { hasText: expect });
  for (let attempt = 0; attempt < 10; attempt++) {
    // The first hover may come before the server has started: move away and back until it answers.
    await page.mouse.move(5, 5);
    await target.hover();
    try {
      await hover.first().waitFor({ timeout: 3000 });
      return await hover.first().innerText();
    } catch {
      // try again
    }
  }
  throw new Error(`no hover matching ${expect} on ${token}`);
}

describe('the workbench, driven as a person would', function () {
  this.timeout(180000);
  let session: Session;
  let server: Server;
  let browser: Browser;

  before(async () => {
    session = await startSession({
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.hover.delay': 150,
      'window.commandCenter': false,
      'git.openRepositoryInParentFolders': 'never',
    });
    ({ server, browser } = session);
  });

  after(() => session?.stop());

  describe('in English', () => {
    let page: Page;
    before(async () => {
      page = await openWorkbench(browser, server, 'en-US', VIEWPORT);
    });
    after(() => page?.context().close());

    it('activates the installed VSIX on a payload file and shows its kind in the status bar', async () => {
      await openFile(page, 'order.entry.jkopay.json');
      await page.locator('.statusbar-item', { hasText: 'JKOPay: entry' }).waitFor({ timeout: 30000 });
    });

    it('lists the payload problems in the Problems panel', async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'TWD allows 0' }).waitFor({ timeout: 30000 });
      await rows.filter({ hasText: 'must use https' }).waitFor();
      const text = await page.locator('.markers-panel').innerText();
      assert.match(text, /currency-precision/);
      assert.match(text, /insecure-url/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'problems-panel.png') });
    });

    it('counts only the request of a TS module, not the look-alikes beside it, in the status bar', async () => {
      await openFile(page, 'orders.ts');
      // One request: "JKOPay: entry", not "entry ×5" for the schema, the state, the log line and the queue job.
      const item = page.locator('.statusbar-item', { hasText: 'JKOPay: entry' });
      await item.waitFor({ timeout: 30000 });
      assert.doesNotMatch(await item.innerText(), /×/);
    });

    it('explains a result code on hover', async () => {
      await openFile(page, 'refund-failed.jkopay.json');
      const text = await hoverToken(page, '"922"', /Refund exceeds the refundable amount/);
      assert.match(text, /Refund amount exceeds order final price/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'hover-result-code.png') });
    });
  });

  describe('with the display language set to Traditional Chinese', () => {
    let page: Page;
    before(async () => {
      page = await openWorkbench(browser, server, 'zh-TW', VIEWPORT);
    });
    after(() => page?.context().close());

    it('explains a result code in Traditional Chinese', async () => {
      await openFile(page, 'refund-failed.jkopay.json');
      const text = await hoverToken(page, '"922"', /退款金額超過可退金額/);
      assert.match(text, /原因|處理/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'hover-result-code.zh-tw.png') });
    });

    it('reports the payload problems in Traditional Chinese', async () => {
      await openFile(page, 'order.entry.jkopay.json');
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: '必須使用 https' }).waitFor({ timeout: 30000 });
    });
  });
});
