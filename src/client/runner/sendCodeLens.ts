/**
 * The `Send to mock` · `Send to sandbox` CodeLens above every request payload, in payload files
 * and in TS/JS sources. Offered only in a trusted workspace, where sending is possible.
 */
import * as vscode from 'vscode';
import type { PayloadLocator } from './payloadLocator';
import { SEND_COMMAND, type SendArgs } from './sendCommand';

export class SendCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());

  constructor(private readonly locator: PayloadLocator) {}

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted || token.isCancellationRequested) return [];
    return this.locator.requests(document).flatMap(({ index, range }) => {
      const at = new vscode.Range(range.start, range.start);
      const lens = (env: 'mock' | 'sandbox', title: string) =>
        new vscode.CodeLens(at, { title, command: SEND_COMMAND, arguments: [{ uri: document.uri.toString(), index, env } satisfies SendArgs] });
      return [lens('mock', vscode.l10n.t('$(play) Send to mock')), lens('sandbox', vscode.l10n.t('Send to sandbox'))];
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
