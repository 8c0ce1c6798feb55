/**
 * The runner in an untrusted workspace (restricted mode): checking still works, sending is
 * refused with a message and starts nothing. Loaded by untrusted/index.ts in the launch with
 * workspace trust on; in the ordinary (trusted) launch this file registers no test.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunnerApi } from '../../../src/client/runner/runner';
import { EXTENSION_ID, fixtureUri, openFixture, waitFor, waitForDiagnostics } from './helpers';

if (!vscode.workspace.isTrusted) {
  describe('request runner in an untrusted workspace', () => {
    let api: RunnerApi;

    before(async () => {
      await openFixture('runner/below-minimum.entry.jkopay.json');
      const extension = vscode.extensions.getExtension<RunnerApi>(EXTENSION_ID);
      assert.ok(extension);
      api = await extension.activate();
    });

    it('still checks payloads', async () => {
      const diagnostics = await waitForDiagnostics(fixtureUri('runner/below-minimum.entry.jkopay.json'), (d) => d.length > 0);
      assert.ok(diagnostics.some((d) => d.code === 'below-minimum'));
    });

    it('refuses to send, says why, and starts no mock server', async () => {
      const sent = await vscode.commands.executeCommand('jkopay.sendRequest', { env: 'mock' });
      assert.equal(sent, undefined);
      assert.equal(await vscode.commands.executeCommand('jkopay.startMock'), undefined);
      assert.equal(api.mockUrl(), undefined);
      assert.deepEqual(api.history(), []);
      const log = await waitFor('the refusal in the JKOPay log', async () => {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.logFile));
        return text.includes('Not sending: this workspace is not trusted') ? text : undefined;
      });
      assert.match(log, /Not sending: this workspace is not trusted/);
    });

    it("neither tests callback endpoints nor forwards the mock's callbacks", async () => {
      // A URL nothing would answer: were the command to run, it would still return verdicts.
      assert.equal(await vscode.commands.executeCommand('jkopay.testCallbacks', { confirmUrl: 'http://127.0.0.1:9/c' }), undefined);
      assert.equal(await vscode.commands.executeCommand('jkopay.forwardMockCallbacks', { origin: 'http://127.0.0.1:9' }), undefined);
      assert.equal(api.mockUrl(), undefined);
    });

    it('offers no send CodeLens', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        fixtureUri('runner/below-minimum.entry.jkopay.json'),
      );
      assert.deepEqual(
        lenses.filter((l) => l.command?.command === 'jkopay.sendRequest'),
        [],
      );
    });
  });
}
