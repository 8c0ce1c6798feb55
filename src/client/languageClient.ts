/**
 * Creates the LanguageClient that runs the bundled JKOPay language server (dist/server.js) in a
 * Node process over IPC for payload files and TS/JS sources, passing VS Code's display language so that hovers and
 * diagnostics come in the user's language. The server's Send CodeLens is shown in trusted
 * workspaces only, where sending is possible.
 */
import * as vscode from 'vscode';
import { CodeLensRequest, LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../shared/protocol';
import type { RestartPolicy } from './restartPolicy';
import { TraceChannel } from './traceChannel';
import { SOURCE_LANGUAGES } from '../data/files';

export const LANGUAGE_ID = 'jkopay';
/** VS Code language ids of the sources whose object literals may be payloads. */
/** The source languages the server checks: defined once, in data/files. */
export { SOURCE_LANGUAGES };

export function createLanguageClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  restartPolicy: RestartPolicy,
): LanguageClient {
  const trace = new TraceChannel(log);
  context.subscriptions.push(trace);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = {
    locale: vscode.env.language,
    sendCodeLens: true,
    sourceDocumentOpen: vscode.workspace.textDocuments.some((d) => SOURCE_LANGUAGES.includes(d.languageId)),
  };
  const clientOptions: LanguageClientOptions = {
    // Payload files, and TS/JS sources (where the server parses only files that mention a trigger).
    documentSelector: [{ language: LANGUAGE_ID }, ...SOURCE_LANGUAGES.map((language) => ({ language }))],
    middleware: {
      // The extension's snippet files already offer whole payloads in VS Code; drop the server's copies.
      async provideCompletionItem(document, position, context, token, next) {
        const result = await next(document, position, context, token);
        const items = Array.isArray(result) ? result : result?.items;
        const kept = items?.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet);
        return Array.isArray(result) || !result ? kept : new vscode.CompletionList(kept, result.isIncomplete);
      },
      // An untrusted workspace's files are not sent anywhere: no Send lenses there (the command refuses too).
      provideCodeLenses(document, token, next) {
        return vscode.workspace.isTrusted ? next(document, token) : [];
      },
    },
    initializationOptions,
    // The server reads the settings itself (workspace/configuration); this only tells it when they change.
    synchronize: { configurationSection: 'jkopay' },
    outputChannel: log,
    // The id `jkopay` makes the client read `jkopay.trace.server`; this channel makes the setting enough (see TraceChannel).
    traceOutputChannel: trace,
    errorHandler: restartPolicy,
  };
  return new LanguageClient(LANGUAGE_ID, 'JKOPay', serverOptions, clientOptions);
}

/** Once the user trusts the workspace, the lenses hidden until then are asked for again. */
export function refreshCodeLensOnTrust(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    const feature = client()?.getFeature(CodeLensRequest.method);
    for (const editor of vscode.window.visibleTextEditors) feature?.getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
  });
}
