/**
 * `JKOPay: Send Request` and the CodeLens sends: finds the payload (at the cursor, the only one,
 * or the user's pick), builds the exact request bytes with the protocol module, and hands them to
 * the runner for the chosen (or current) environment. Checker errors do not stop a send: seeing
 * how JKOPay answers a bad payload is part of the point; the panel says they were there.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type EnvironmentName, isEnvironmentName } from '../../api/environments';
import { type PreparedRequest, prepareRequest, RequestBuildError } from '../../api/requestBody';
import type { PayloadLocator } from './payloadLocator';
import type { HistoryEntry } from './requestHistory';
import { RequestRunner } from './requestRunner';
import { currentEnvironment } from './runnerSettings';

export const SEND_COMMAND = 'jkopay.sendRequest';

/** Arguments of the command (CodeLens and tests pass them; the palette passes none). */
export interface SendArgs {
  /** The document (a URI string); default the active editor's. */
  uri?: string;
  /** Which payload of the document; default the one at the cursor, the only one, or a pick. */
  index?: number;
  /** Default the `jkopay.environment` setting. */
  env?: EnvironmentName;
}

export function registerSendCommand(locator: PayloadLocator, runner: RequestRunner): vscode.Disposable {
  return vscode.commands.registerCommand(SEND_COMMAND, (args?: SendArgs) => sendPayload(locator, runner, args ?? {}));
}

async function sendPayload(locator: PayloadLocator, runner: RequestRunner, args: SendArgs): Promise<HistoryEntry | undefined> {
  // Refused before anything is read: an untrusted workspace's files do not get sent anywhere.
  if (!RequestRunner.checkTrust(runner.log)) return undefined;
  const env = args.env && isEnvironmentName(args.env) ? args.env : currentEnvironment();
  const editor = vscode.window.activeTextEditor;
  const document = args.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : editor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a payload file (*.jkopay.json) or a source file with a JKOPay payload to send it.'));
    return undefined;
  }
  const cursor = editor && editor.document === document ? editor.selection.active : undefined;
  const located = await locator.choose(document, args.uri ? undefined : cursor, args.index);
  if (!located) {
    if (locator.requests(document).length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No JKOPay request payload was found in this file.'));
    return undefined;
  }
  let prepared: PreparedRequest;
  try {
    prepared = prepareRequest(located.payload);
  } catch (e) {
    if (!(e instanceof RequestBuildError)) throw e;
    void vscode.window.showErrorMessage(vscode.l10n.t('This payload cannot be sent: {0}', e.message));
    return undefined;
  }
  const source = `${path.basename(document.uri.path)}:${located.range.start.line + 1}`;
  return runner.send({ env, prepared, checkerErrors: locator.errorCount(document, located), source });
}
