/**
 * Issue 21: `jkopay.trace.server` by itself puts the LSP traffic in the JKOPay log. The log channel
 * stays at VS Code's default level (Info), which used to drop every trace line the client wrote;
 * with the setting at `messages`, a hover's request and response are in the log file, and once the
 * setting is back to `off` no new ones are written.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunnerApi } from '../../../src/client/runner/runner';
import { EXTENSION_ID, fixtureUri, hoverAt, openFixture, waitFor } from './helpers';

const TRACED = /Sending request 'textDocument\/hover/;

describe('jkopay.trace.server', () => {
  let api: RunnerApi;
  const readLog = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(api.logFile));
  const setTrace = (value: string | undefined) =>
    vscode.workspace.getConfiguration('jkopay').update('trace.server', value, vscode.ConfigurationTarget.Global);

  before(async () => {
    const extension = vscode.extensions.getExtension<RunnerApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await openFixture('refund-failed.jkopay.json');
  });

  after(() => setTrace(undefined));

  it('writes the LSP traffic to the JKOPay log with the setting alone, and stops when it is off', async () => {
    const hover = () => hoverAt(fixtureUri('refund-failed.jkopay.json'), new vscode.Position(2, 14));
    await setTrace('messages');
    // The client applies the level when it hears of the change: hover until a traced one is in the log.
    const from = (await readLog()).length;
    await waitFor('a traced hover in the JKOPay log', async () => {
      await hover();
      return TRACED.test((await readLog()).slice(from)) ? true : undefined;
    });
    await setTrace('off');
    // Once off is applied, a hover leaves no trace line: hover until two in a row add none.
    await waitFor('no trace line for a hover', async () => {
      const start = (await readLog()).length;
      await hover();
      await hover();
      return TRACED.test((await readLog()).slice(start)) ? undefined : true;
    });
  });
});
