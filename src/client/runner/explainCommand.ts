/**
 * `JKOPay: Explain Result Code`: asks for a code and opens the official table's explanation, in
 * the display language, as a Markdown preview. It only formats the structured explanation of
 * `src/data/resultCodeExplanation.ts`, the one the CLI, the hovers and the response webview use.
 */
import * as vscode from 'vscode';
import { localize, toLang } from '../../data/localize';
import { explainResultCode, RESULT_CODE, type ResultCodeExplanation } from '../../data/resultCodeExplanation';
import type { ResultCodeEntry } from '../../data/types';

export const EXPLAIN_COMMAND = 'jkopay.explainResultCode';

function rowMarkdown(row: ResultCodeEntry): string {
  const lang = toLang(vscode.env.language);
  const tag =
    row.status === 'legacy'
      ? ` _(${vscode.l10n.t('older revision or third-party source, not on the current official page')})_`
      : row.status === 'authpay-only'
        ? ` _(${vscode.l10n.t('Authorized Payment (授權扣款) code, not OnlinePay')})_`
        : '';
  const where = row.endpoint === 'any' ? '' : ` · ${row.endpoint}`;
  const message = row.messageIsDynamic
    ? `_${vscode.l10n.t('(a message that varies)')}_`
    : row.message === null
      ? '`null`'
      : `\`${row.message}\``;
  return [
    `**${row.code}** ${localize(row.title, lang)}${where}${tag}`,
    '',
    `${vscode.l10n.t('Message')}: ${message}`,
    '',
    `**${vscode.l10n.t('Meaning')}:** ${localize(row.meaning, lang)}`,
    '',
    `**${vscode.l10n.t('Cause')}:** ${localize(row.cause, lang)}`,
    '',
    `**${vscode.l10n.t('What to do')}:** ${localize(row.action, lang)}`,
  ].join('\n');
}

/** The explanation as Markdown: a heading, then one block per matching row. */
export function explanationMarkdown(explanation: ResultCodeExplanation): string {
  const code = explanation.code ?? '';
  const body =
    explanation.match === 'none'
      ? vscode.l10n.t('{0} is not a documented JKOPay result code.', code)
      : explanation.rows.map(rowMarkdown).join('\n\n---\n\n');
  return `# JKOPay ${code}\n\n${body}\n`;
}

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
    const explanation = explainResultCode(trimmed);
    const markdown = explanationMarkdown(explanation);
    if (explanation.match === 'none') {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a documented JKOPay result code.', trimmed));
      return markdown;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    return markdown;
  });
}
