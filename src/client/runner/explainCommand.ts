/**
 * `JKOPay: Explain Result Code`: asks for a code (and, when it differs by endpoint, which one)
 * and opens the official table's explanation, in the display language, as a Markdown preview.
 */
import * as vscode from 'vscode';
import { explainCodeMarkdown, explainRows, RESULT_CODE } from '../../core/resultCodeDocs';
import { toLang } from '../../core/localize';

export const EXPLAIN_COMMAND = 'jkopay.explainResultCode';

export function registerExplainCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(EXPLAIN_COMMAND, async (given?: string): Promise<string | undefined> => {
    const code =
      given ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Explain a JKOPay result code'),
        prompt: vscode.l10n.t('The three-digit result code of a JKOPay answer, e.g. 000, 200 or 922.'),
        validateInput: (v) => (RESULT_CODE.test(v.trim()) ? undefined : vscode.l10n.t('A result code has three digits.')),
      }));
    if (!code) return undefined;
    const trimmed = code.trim();
    const lang = toLang(vscode.env.language);
    const markdown = `# JKOPay ${trimmed}\n\n${explainCodeMarkdown(trimmed, lang)}\n`;
    if (explainRows(trimmed).length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a documented JKOPay result code.', trimmed));
      return markdown;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    return markdown;
  });
}
