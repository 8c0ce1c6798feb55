/**
 * The status bar item that shows, for the active payload file, which JKOPay request(s) the checker
 * takes it for (entry, refund, inquiry or a saved response): the kind decides every rule, so a
 * wrong guess must be visible. Clicking it opens the JKOPay log.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PAYLOAD_KINDS_REQUEST, type PayloadKindsParams, type PayloadKindsResult } from '../shared/protocol';
import { LANGUAGE_ID, SOURCE_LANGUAGES } from './languageClient';
import { SHOW_OUTPUT_COMMAND } from './commands';

/** Typing changes the kind rarely: ask the server at most this often (ms). */
const REFRESH_DELAY = 300;

export class PayloadKindStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('jkopay.payloadKind', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are ignored: the active file may have changed meanwhile. */
  private generation = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = vscode.l10n.t('JKOPay payload kind');
    this.item.command = SHOW_OUTPUT_COMMAND;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.refresh(REFRESH_DELAY);
      }),
    );
    this.refresh(0);
  }

  refresh(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    const isSource = document !== undefined && SOURCE_LANGUAGES.includes(document.languageId);
    if (!document || (document.languageId !== LANGUAGE_ID && !isSource) || !client?.isRunning()) {
      this.item.hide();
      return;
    }
    let kinds: string[] = [];
    try {
      const params: PayloadKindsParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
      kinds = (await client.sendRequest<PayloadKindsResult>(PAYLOAD_KINDS_REQUEST, params)).kinds;
    } catch {
      // The server is restarting: keep the item as it was, the next edit or switch refreshes it.
      return;
    }
    if (generation !== this.generation) return;
    // In source code the item appears only where payload literals are found.
    if (isSource && kinds.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(json) JKOPay: ${describe(kinds)}`;
    this.item.tooltip = vscode.l10n.t(
      'The JKOPay request this file holds, as the checker reads it (from $schema, the file name or the fields). Click for the JKOPay log.',
    );
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** `entry`, `entry ×3`, `entry, refund`, or a word for none. */
function describe(kinds: readonly string[]): string {
  if (kinds.length === 0) return vscode.l10n.t('no payload');
  const distinct = [...new Set(kinds)];
  if (distinct.length === 1) return kinds.length === 1 ? distinct[0] : `${distinct[0]} ×${kinds.length}`;
  return distinct.join(', ');
}
