/**
 * The extension's entry point (dist/client.js): on the first payload file it starts the JKOPay
 * language server, the payload-kind status bar item, the `JKOPay` log and the server commands,
 * the request runner (commands, CodeLens, response panel, mock server, environment item), and the
 * command that opens the walkthrough.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerServerCommands } from './commands';
import { createLanguageClient, refreshCodeLensOnTrust } from './languageClient';
import { RestartPolicy } from './restartPolicy';
import { activateRunner, type RunnerApi } from './runner/runner';
import { escapingChannel } from '../shared/displayText';
import { PayloadKindStatus } from './statusBar';
import { registerWalkthroughCommand } from './walkthrough';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<RunnerApi> {
  // Server, mock and runner messages carry text from files and servers: control characters are shown escaped.
  const log = escapingChannel(vscode.window.createOutputChannel('JKOPay', { log: true }));
  const restartPolicy = new RestartPolicy(log);
  client = createLanguageClient(context, log, restartPolicy);
  const status = new PayloadKindStatus(() => client);

  async function restart(): Promise<void> {
    log.info('Restarting the language server (asked for by the user).');
    restartPolicy.reset();
    await client?.restart();
    status.refresh(0);
  }

  context.subscriptions.push(
    log,
    status,
    ...registerServerCommands(restart, log),
    registerWalkthroughCommand(),
    refreshCodeLensOnTrust(() => client),
  );
  // The runner needs no language server: it is ready even if the server fails to start.
  const runner = activateRunner(context, log, () => client);
  await client.start();
  log.info(`JKOPay language server started (display language ${vscode.env.language}).`);
  status.refresh(0);
  return runner;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
