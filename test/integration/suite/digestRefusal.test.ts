/**
 * A refused signature explained in the response panel of the real VS Code: the sandbox setting
 * points at a mock started here (its default keys), the stored sandbox credentials hold the API
 * key as the secret, and the panel says so — the slip the mock's DIGEST doctor named, in the
 * display language — with neither key on screen. Everything is restored afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startMockServer, type RunningMockServer } from '../../../src/api/mock/mockServer';
import type { RunnerApi } from '../../../src/client/runner/runner';
import type { HistoryEntry } from '../../../src/client/runner/requestHistory';
import { EXTENSION_ID, fixtureUri, waitFor } from './helpers';

describe('a refused signature in the response panel', () => {
  let api: RunnerApi;
  let mock: RunningMockServer;

  before(async () => {
    const extension = vscode.extensions.getExtension<RunnerApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    mock = await startMockServer();
    await vscode.workspace.getConfiguration('jkopay').update('sandbox.baseUrl', mock.url, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('jkopay.clearCredentials', { env: 'sandbox' });
    await vscode.workspace.getConfiguration('jkopay').update('sandbox.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await mock.close();
  });

  it('names the slip behind a 401: the API key stored as the secret key', async () => {
    const apiKey = mock.config.apiKey;
    assert.equal(await vscode.commands.executeCommand('jkopay.setCredentials', { env: 'sandbox', apiKey, secretKey: apiKey }), true);
    const entry = await vscode.commands.executeCommand<HistoryEntry | undefined>('jkopay.sendRequest', {
      env: 'sandbox',
      uri: fixtureUri('runner/checkout.entry.jkopay.json').toString(),
    });
    assert.ok(entry, 'sent');
    assert.equal(entry.status, 401, entry.bodyText);
    assert.equal(entry.request.url, `${mock.url}/platform/entry`);
    const text = await waitFor('the explanation on screen', () => {
      const { renderedId, renderedText } = api.panel();
      return renderedId === entry.id && renderedText?.includes('Why the DIGEST was refused') ? renderedText : undefined;
    });
    assert.match(text, /The DIGEST is keyed with the API key, not with the secret key\./);
    assert.match(text, /Sign with the secret key JKOPay issued beside the API key/);
    assert.match(text, /Checked: the \d+ bytes of the body as received/);
    assert.ok(!text.includes(mock.config.secretKey), 'the secret key is not on screen');
  });
});
