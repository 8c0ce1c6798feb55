/**
 * `JKOPay: New Payload from Template`: an untitled payload file for entry, refund or inquiry,
 * filled from the same snippets the language server offers, with tab stops on the values.
 */
import * as vscode from 'vscode';
import { PAYLOAD_SNIPPETS } from '../../data/payloadSnippets';
import type { Endpoint } from '../../data/types';

export const NEW_PAYLOAD_COMMAND = 'jkopay.newPayload';

export function registerTemplateCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_PAYLOAD_COMMAND, async (given?: Endpoint): Promise<vscode.TextDocument | undefined> => {
    const describe: Record<Endpoint, string> = {
      entry: vscode.l10n.t('Create an order and get its payment link (POST /platform/entry)'),
      refund: vscode.l10n.t('Refund all or part of a paid order (POST /platform/refund)'),
      inquiry: vscode.l10n.t('Ask for the status of orders (GET /platform/inquiry)'),
    };
    const endpoint =
      given && given in PAYLOAD_SNIPPETS
        ? given
        : (
            await vscode.window.showQuickPick(
              (Object.keys(PAYLOAD_SNIPPETS) as Endpoint[]).map((e) => ({ label: e, detail: describe[e] })),
              { placeHolder: vscode.l10n.t('Which request?') },
            )
          )?.label;
    if (!endpoint) return undefined;
    const document = await vscode.workspace.openTextDocument({ language: 'jkopay', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString(PAYLOAD_SNIPPETS[endpoint]));
    return document;
  });
}
