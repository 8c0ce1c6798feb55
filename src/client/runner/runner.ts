/**
 * Wires the request runner into the extension: credentials, the in-host mock, history, the
 * response panel, the commands and the environment status bar item (the Send CodeLens comes from
 * the language server; payloads are read through it, see payloadLocator.ts). Returns the
 * small API the extension exports, which the extension-host tests read to check what the user
 * sees (the webview's text) and that no secret reached the webview, the history or the log.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCallbackCommands } from '../callbacks/callbackCommands';
import { registerCredentialCommands } from './credentialCommands';
import { CredentialStore } from './credentialStore';
import { EnvironmentStatus, registerEnvironmentCommand } from './environmentStatus';
import { registerExplainCommand } from './explainCommand';
import { copyAsCurl, registerHistoryCommands } from './historyCommands';
import { registerMockCommands } from './mockCommands';
import { MockHost } from './mockHost';
import { PayloadLocator } from './payloadLocator';
import { type HistoryEntry, RequestHistory } from './requestHistory';
import { RequestRunner } from './requestRunner';
import { ResponsePanel } from './responsePanel';
import { trackRunnerContext } from './runnerContext';
import { registerSendCommand } from './sendCommand';
import { registerTemplateCommand } from './templateCommand';

/** What the extension exports for its tests; display data only, no credentials. */
export interface RunnerApi {
  history(): HistoryEntry[];
  /** The response webview's HTML, the last state posted to it (JSON), and the text it reported on screen. */
  panel(): { html: string | undefined; lastPosted: string | undefined; renderedId: string | undefined; renderedText: string | undefined };
  onDidRender: vscode.Event<string>;
  mockUrl(): string | undefined;
  /** The file the `JKOPay` log channel writes to. */
  logFile: vscode.Uri;
  /** Stops the language server as a crash that is not restarted would: to test a send without it. */
  stopLanguageServer(): Promise<void>;
}

export function activateRunner(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  client: () => LanguageClient | undefined,
): RunnerApi {
  const credentials = new CredentialStore(context.secrets);
  const mock = new MockHost(credentials, log);
  const history = new RequestHistory(context.workspaceState);
  // Entries kept by an older version may hold a key in an escaped spelling: scrub them once more.
  void history
    .rescrub((env) => credentials.stored(env))
    .catch((e: unknown) => log.warn(`Could not rescrub the request history: ${(e as Error).message}`));
  const locator = new PayloadLocator(client);
  const panel = new ResponsePanel(context.extensionUri, history, {
    resend: (id) => void runner.resend(id),
    copyCurl: (id) => {
      const entry = history.get(id);
      if (entry) void copyAsCurl(entry, credentials);
    },
  });
  const runner = new RequestRunner(credentials, mock, history, panel, log);

  context.subscriptions.push(
    credentials,
    mock,
    history,
    panel,
    new EnvironmentStatus(mock),
    registerSendCommand(locator, runner),
    registerEnvironmentCommand(),
    ...registerCredentialCommands(credentials, log),
    ...registerMockCommands(mock, history, log),
    ...registerCallbackCommands(context, mock, panel, credentials, log),
    registerExplainCommand(),
    ...registerHistoryCommands(history, panel, credentials),
    registerTemplateCommand(),
    ...trackRunnerContext(mock, history),
  );

  return {
    history: () => history.all(),
    panel: () => ({
      html: panel.html,
      lastPosted: panel.lastPosted,
      renderedId: panel.lastRenderedId,
      renderedText: panel.lastRenderedText,
    }),
    onDidRender: panel.onDidRender,
    mockUrl: () => mock.url,
    logFile: vscode.Uri.joinPath(context.logUri, 'JKOPay.log'),
    stopLanguageServer: async () => await client()?.stop(),
  };
}
