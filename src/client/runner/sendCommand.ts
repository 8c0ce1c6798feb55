/**
 * `JKOPay: Send Request` and the CodeLens sends: asks the language server for the document's
 * payloads, picks one (at the cursor, the only one, or the user's pick), asks the server for the
 * exact request bytes, and hands them to the runner for the chosen (or current) environment.
 * Only payloads the server says can be sent are offered: one whose values the program only knows
 * when it runs is refused with what the runner needs instead (a marked literal with sample values,
 * or a payload file). Checker errors do not stop a send: seeing how JKOPay answers a bad payload is
 * part of the point; the panel says they were there.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type EnvironmentName, isEnvironmentName } from '../../api/environments';
import { RESTART_COMMAND } from '../commands';
import { type PayloadLocator, ServerUnavailableError } from './payloadLocator';
import type { HistoryEntry } from './requestHistory';
import { RequestRunner } from './requestRunner';
import { currentEnvironment } from './runnerSettings';

export const SEND_COMMAND = 'jkopay.sendRequest';

/** Arguments of the command (the server's CodeLens and tests pass them; the palette passes none). */
export interface SendArgs {
  /** The document (a URI string); default the active editor's. */
  uri?: string;
  /** Which payload of the document; default the one at the cursor, the only one, or a pick. */
  index?: number;
  /** Default the `jkopay.environment` setting. */
  env?: EnvironmentName;
}

export function registerSendCommand(locator: PayloadLocator, runner: RequestRunner): vscode.Disposable {
  return vscode.commands.registerCommand(SEND_COMMAND, async (args?: SendArgs) => {
    try {
      return await sendPayload(locator, runner, args ?? {});
    } catch (e) {
      if (!(e instanceof ServerUnavailableError)) throw e;
      serverUnavailable(runner.log);
      return undefined;
    }
  });
}

/** The payloads are read by the language server: without it nothing can be sent, and the user is told how to bring it back. */
function serverUnavailable(log: vscode.LogOutputChannel): void {
  log.warn('Not sending: the JKOPay language server is not running, so the payload cannot be read.');
  const restart = vscode.l10n.t('Restart Language Server');
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t('The JKOPay language server is not running, so the payload cannot be read. Restart it, then send again.'),
      restart,
    )
    .then((choice) => {
      if (choice === restart) void vscode.commands.executeCommand(RESTART_COMMAND);
    });
}

/** Says why the payload cannot be sent and, in code, what the runner needs instead; nothing is sent. */
function cannotSend(log: vscode.LogOutputChannel, document: vscode.TextDocument, kind: string, reason: string): undefined {
  log.warn(`Not sending: ${reason}`);
  const message = vscode.l10n.t('This payload cannot be sent: {0}', reason);
  const needs =
    document.languageId === 'jkopay'
      ? ''
      : ` ${vscode.l10n.t('To try such a request from the editor, put // @jkopay {0} above a literal with sample values, or write a payload file (order.{0}.jkopay.json).', kind)}`;
  void vscode.window.showErrorMessage(message + needs);
  return undefined;
}

async function sendPayload(locator: PayloadLocator, runner: RequestRunner, args: SendArgs): Promise<HistoryEntry | undefined> {
  // Refused before anything is read: an untrusted workspace's files do not get sent anywhere.
  if (!RequestRunner.checkTrust(runner.log)) return undefined;
  const env = args.env && isEnvironmentName(args.env) ? args.env : currentEnvironment();
  const editor = vscode.window.activeTextEditor;
  const document = args.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : editor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open a payload file (*.jkopay.json) or a source file with a JKOPay payload to send it.'),
    );
    return undefined;
  }
  const cursor = editor && editor.document === document ? editor.selection.active : undefined;
  const all = await locator.requests(document);
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No JKOPay request payload was found in this file.'));
    return undefined;
  }
  // The one named or under the cursor, even if it cannot be sent (the user is told why); else a pick among those that can.
  const here = args.index !== undefined || (!args.uri && cursor && all.some((p) => p.range.contains(cursor)));
  const sendable = all.filter((p) => p.sendable);
  if (!here && sendable.length === 0) return cannotSend(runner.log, document, all[0].kind, all[0].reason ?? '');
  const located = await locator.choose(document, here ? all : sendable, args.uri ? undefined : cursor, args.index);
  if (!located) return undefined;
  const prepared = await locator.prepare(document, located.index);
  if (!prepared.ok) return cannotSend(runner.log, document, located.kind, prepared.reason);
  const source = `${path.basename(document.uri.path)}:${located.range.start.line + 1}`;
  return runner.send({ env, prepared: prepared.request, checkerErrors: prepared.errorCount, source });
}
