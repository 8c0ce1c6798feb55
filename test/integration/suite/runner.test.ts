/**
 * The request runner in the real VS Code: sends fixture payloads to the built-in mock through
 * the commands, checks the answer in the history and on the response webview's screen, and
 * checks that stored credentials reach neither the log, nor the history, nor the webview. Every
 * wait polls; the mock is stopped at the end.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { RunnerApi } from '../../../src/client/runner/runner';
import type { HistoryEntry } from '../../../src/client/runner/requestHistory';
import { EXTENSION_ID, fixtureUri, openFixture, waitFor, waitForDiagnostics } from './helpers';

async function runnerApi(): Promise<RunnerApi> {
  const extension = vscode.extensions.getExtension<RunnerApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}

/** Waits until the webview reports on screen the exchange `id`, with a text that satisfies `accept`. */
function screenText(api: RunnerApi, id: string, accept: (text: string) => boolean): Promise<string> {
  return waitFor('the response webview to show the answer', () => {
    const { renderedId, renderedText } = api.panel();
    return renderedId === id && renderedText !== undefined && accept(renderedText) ? renderedText : undefined;
  });
}

async function send(args: { uri?: string; index?: number; env?: string }): Promise<HistoryEntry> {
  const entry = await vscode.commands.executeCommand<HistoryEntry | undefined>('jkopay.sendRequest', { env: 'mock', ...args });
  assert.ok(entry, 'the request was sent');
  return entry;
}

describe('request runner', () => {
  let api: RunnerApi;

  before(async () => {
    await openFixture('runner/checkout.entry.jkopay.json');
    api = await runnerApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('jkopay.clearCredentials', { env: 'mock' });
    await vscode.commands.executeCommand('jkopay.stopMock');
    assert.equal(api.mockUrl(), undefined, 'no mock server is left running');
  });

  it('registers the runner commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'sendRequest',
      'selectEnvironment',
      'setCredentials',
      'clearCredentials',
      'startMock',
      'stopMock',
      'simulatePayment',
      'explainResultCode',
      'showHistory',
      'copyAsCurl',
      'newPayload',
    ]) {
      assert.ok(commands.includes(`jkopay.${id}`), id);
    }
  });

  it('puts Send to mock · Send to sandbox above every payload it can send: none in checkout.ts, whose order id is a variable', async () => {
    const titles = async (name: string) => {
      // The CodeLens command reads open documents only.
      await vscode.workspace.openTextDocument(fixtureUri(name));
      const lenses = await waitFor(`CodeLens of ${name}`, async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fixtureUri(name));
        return found?.some((l) => l.command?.command === 'jkopay.sendRequest') ? found : undefined;
      });
      return lenses.filter((l) => l.command?.command === 'jkopay.sendRequest').map((l) => l.command!.title);
    };
    assert.deepEqual(await titles('runner/two-payloads.jkopay.json'), [
      '$(play) Send to mock',
      'Send to sandbox',
      '$(play) Send to mock',
      'Send to sandbox',
    ]);
    // Checked (its diagnostics are there), but its platform_order_id is only known when the program runs.
    // Shown: VS Code asks for the diagnostics of visible documents only.
    await openFixture('checkout.ts');
    await waitForDiagnostics(fixtureUri('checkout.ts'), (d) => d.length > 0);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fixtureUri('checkout.ts'));
    assert.deepEqual(
      lenses.filter((l) => l.command?.command === 'jkopay.sendRequest'),
      [],
    );
  });

  it('sends the payload at the cursor to the built-in mock: 000, shown in the webview', async () => {
    const editor = vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('runner/checkout.entry.jkopay.json')));
    (await editor).selection = new vscode.Selection(3, 5, 3, 5);
    const entry = await send({});
    assert.equal(entry.result, '000', entry.error ?? entry.bodyText);
    assert.equal(entry.request.method, 'POST');
    assert.match(entry.request.url, /^http:\/\/127\.0\.0\.1:\d+\/platform\/entry$/);
    // Hermetic: the tests' own in-host mock on a free port (jkopay.mock.port 0), never what listens on 8917.
    const mockUrl = api.mockUrl();
    assert.ok(mockUrl && entry.request.url.startsWith(`${mockUrl}/`), `sent to ${entry.request.url}, the in-host mock is ${mockUrl}`);
    assert.notEqual(new URL(mockUrl).port, '8917');
    assert.match(entry.request.digest, /^[0-9a-f]{64}$/);
    assert.equal(api.history()[0].id, entry.id);
    const text = await screenText(api, entry.id, (t) => t.includes('Payment link created'));
    assert.match(text, /\b000\b/);
    assert.match(text, /payment_url/);
    assert.match(text, /DIGEST/);
    // The product name holds markup: the webview shows it as text.
    assert.match(text, /<script>alert\('x'\)<\/script> Oolong tea/);
  });

  it('answers a below-minimum payload with the official 200 message', async () => {
    const entry = await send({ uri: fixtureUri('runner/below-minimum.entry.jkopay.json').toString() });
    assert.equal(entry.result, '200');
    assert.equal(entry.message, 'Order price below limit for this currency');
    assert.equal(entry.checkerErrors, 2, 'the checker had flagged both prices');
    const text = await screenText(api, entry.id, (t) => t.includes('Order price below limit for this currency'));
    assert.match(text, /Raise total_price and final_price/);
  });

  it('sends the chosen payload of a file that holds several', async () => {
    const entry = await send({ uri: fixtureUri('runner/two-payloads.jkopay.json').toString(), index: 1 });
    assert.equal(entry.prepared.endpoint, 'inquiry');
    assert.equal(entry.request.method, 'GET');
    assert.equal(entry.result, '000');
  });

  it('pays a mock order with Simulate Payment', async () => {
    const answer = await vscode.commands.executeCommand<{ ok: boolean }>('jkopay.simulatePayment', {
      orderId: 'runner-fixture-0001',
      callbacks: false,
    });
    assert.equal(answer?.ok, true, JSON.stringify(answer));
    const again = await send({ uri: fixtureUri('runner/checkout.entry.jkopay.json').toString() });
    assert.equal(again.result, '101', 'the paid order is now reported as paid');
  });

  it('says the language server is not running when a send needs it, and sends again once it is back', async () => {
    await api.stopLanguageServer();
    const before = api.history().length;
    const sent = await vscode.commands.executeCommand('jkopay.sendRequest', {
      uri: fixtureUri('runner/checkout.entry.jkopay.json').toString(),
      env: 'mock',
    });
    assert.equal(sent, undefined);
    assert.equal(api.history().length, before, 'nothing was sent');
    await waitFor('the reason in the JKOPay log', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.logFile));
      return text.includes('Not sending: the JKOPay language server is not running') ? true : undefined;
    });
    await vscode.commands.executeCommand('jkopay.restartServer');
    const entry = await send({ uri: fixtureUri('runner/two-payloads.jkopay.json').toString(), index: 1 });
    assert.equal(entry.result, '000');
  });

  it('opens a new payload from a template', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('jkopay.newPayload', 'refund');
    assert.equal(document.languageId, 'jkopay');
    assert.match(document.getText(), /"refund_amount"/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('refuses production while the user has not turned it on', async () => {
    const before = api.history().length;
    const sent = await vscode.commands.executeCommand('jkopay.sendRequest', {
      uri: fixtureUri('runner/checkout.entry.jkopay.json').toString(),
      env: 'production',
    });
    assert.equal(sent, undefined);
    assert.equal(api.history().length, before, 'nothing was sent');
  });

  it('explains a result code', async () => {
    const markdown = await vscode.commands.executeCommand<string>('jkopay.explainResultCode', '922');
    assert.match(markdown, /Refund amount exceeds order final price/);
  });

  it('copies a cURL command with placeholders unless asked for the real key', async () => {
    const id = api.history()[0].id;
    const safe = await vscode.commands.executeCommand<string>('jkopay.copyAsCurl', { id, includeSecrets: false });
    assert.match(safe, /API-KEY: \$JKOPAY_API_KEY/);
    assert.doesNotMatch(safe, /mock-api-key|mock-secret-key/);
    assert.equal(await vscode.env.clipboard.readText(), safe);
    // With the real key, the text goes to the clipboard only, not back to the caller.
    assert.equal(await vscode.commands.executeCommand('jkopay.copyAsCurl', { id, includeSecrets: true }), true);
    const real = await vscode.env.clipboard.readText();
    assert.match(real, /API-KEY: mock-api-key/);
    assert.match(real, /DIGEST: [0-9a-f]{64}/);
  });

  it('never lets stored credentials reach the log, the history or the webview', async () => {
    const apiKey = `runner-key-${randomBytes(6).toString('hex')}`;
    const secretKey = `runner-secret-${randomBytes(12).toString('hex')}`;
    assert.equal(await vscode.commands.executeCommand('jkopay.setCredentials', { env: 'mock', apiKey, secretKey }), true);
    // The in-host mock restarted with these keys (and no orders): a 000 proves they were used.
    await vscode.commands.executeCommand('jkopay.startMock');
    const entry = await send({ uri: fixtureUri('runner/checkout.entry.jkopay.json').toString() });
    assert.equal(entry.result, '000', entry.error ?? entry.bodyText);
    await screenText(api, entry.id, (t) => t.includes('Payment link created'));

    const logText = await waitFor('the send in the JKOPay log', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.logFile));
      return text.includes(`${entry.request.url} (mock) → HTTP 200 result 000`) ? text : undefined;
    });
    const { html, lastPosted, renderedText } = api.panel();
    const places = {
      log: logText,
      history: JSON.stringify(api.history()),
      html: html ?? '',
      webviewState: lastPosted ?? '',
      webviewScreen: renderedText ?? '',
    };
    assert.ok(places.html.includes("default-src 'none'"), 'the webview has a strict CSP');
    for (const [where, text] of Object.entries(places)) {
      assert.ok(!text.includes(secretKey), `the secret key is in the ${where}`);
      assert.ok(!text.includes(apiKey), `the API key is in the ${where}`);
    }
    assert.ok(places.history.includes(`${apiKey.slice(0, 4)}…`), 'the history shows the key masked');
  });
});
