/**
 * The end-to-end test: installs the packaged VSIX into the real VS Code as a user would, then
 * drives the workbench in a headless browser as a person does (open a payload file, look at the
 * Problems panel, hover a result code, open the walkthrough and press a step's button), once in
 * English and once with VS Code's display language set to Traditional Chinese. Saves the
 * screenshots the README shows (out/screenshots/, or docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 * Run by runVsCodeTests.ts, which passes the VSIX path in JKOPAY_TEST_VSIX.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { type Browser, openFile, openWorkbench, type Page, SCREENSHOTS, type Server, type Session, startSession } from './workbenchDriver';

const VIEWPORT = { width: 1280, height: 760 };

/** Runs a command from the palette (F1) by its title, as a person types it. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}

/**
 * Opens the walkthrough with _JKOPay: Get Started_, opens the step `step` and presses its button
 * `button`; returns once the step is ticked off (its command ran).
 */
async function completeWalkthroughStep(page: Page, command: string, title: RegExp, step: string, button: string): Promise<void> {
  await runCommand(page, command);
  await page.locator('.gettingStartedContainer', { hasText: title }).waitFor({ timeout: 30000 });
  const stepSelector = `.gettingStartedContainer .getting-started-step:has-text("${step}")`;
  await page.locator(stepSelector).first().click();
  await page.locator(`${stepSelector} .monaco-button`, { hasText: button }).first().click();
  await page.locator(`${stepSelector} .codicon-getting-started-step-checked`).first().waitFor({ timeout: 30000 });
}

/**
 * The walkthrough as a newcomer sees it, for the docs: the panel closed, the side bar hidden (so that
 * the step's image stands beside the steps) and the first step open; the side bar is shown again after.
 */
async function screenshotWalkthrough(page: Page, firstStep: string, file: string): Promise<void> {
  await page.keyboard.press('Control+J');
  await page.keyboard.press('Control+B');
  await page.locator(`.gettingStartedContainer .getting-started-step:has-text("${firstStep}")`).first().click();
  await page.locator('.gettingStartedContainer .getting-started-media img').first().waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, file) });
  await page.keyboard.press('Control+B');
}

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

    it("opens the walkthrough from the command palette, and a step's button runs its command and ticks it off", async () => {
      await completeWalkthroughStep(
        page,
        'JKOPay: Get Started: First Payment',
        /your first payment/,
        'Check your code',
        'Open the Problems panel',
      );
      // The button ran its command: the Problems panel is open.
      await page.locator('.markers-panel').waitFor();
      const steps = await page.locator('.gettingStartedContainer .step-list-container').first().innerText();
      for (const title of [
        'Create a payload',
        'Send it to the built-in mock',
        'Test your callback endpoints',
        'Set your sandbox credentials',
      ])
        assert.ok(steps.includes(title), title);
      await screenshotWalkthrough(page, 'Create a payload', 'walkthrough.png');
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

    it('shows the walkthrough in Traditional Chinese', async () => {
      await completeWalkthroughStep(page, 'JKOPay: 開始使用：第一筆付款', /你的第一筆付款/, '檢查你的程式碼', '開啟「問題」面板');
      await screenshotWalkthrough(page, '建立 payload', 'walkthrough.zh-tw.png');
    });
  });
});
