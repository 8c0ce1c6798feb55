/**
 * `JKOPay: Explain Result Code`: asks for a code and opens the official table's explanation, in
 * the display language, as a Markdown preview of a read-only virtual document
 * (`jkopay-explain:/JKOPay 922.md?code=922`, made by the provider here from the code): nothing to
 * save, so no dirty "Untitled-N" is left per use for VS Code to restore in later windows. It only
 * formats the structured explanation of `src/data/resultCodeExplanation.ts`, the one the CLI, the
 * hovers and the response webview use.
 */
import * as vscode from 'vscode';
import { localize, toLang } from '../../data/localize';
import { explainResultCode, RESULT_CODE, type ResultCodeExplanation } from '../../data/resultCodeExplanation';
import type { ResultCodeEntry } from '../../data/types';

export const EXPLAIN_COMMAND = 'jkopay.explainResultCode';
/** The scheme of the explanations' read-only documents. */
export const EXPLAIN_SCHEME = 'jkopay-explain';

function rowMarkdown(row: ResultCodeEntry): string {
  const lang = toLang(vscode.env.language);
  // The parentheses are the translation's own: full-width around Chinese.
  const tag =
    row.status === 'legacy'
      ? ` _${vscode.l10n.t('({0})', vscode.l10n.t('older revision or third-party source, not on the current official page'))}_`
      : row.status === 'authpay-only'
        ? ` _${vscode.l10n.t('({0})', vscode.l10n.t('Authorized Payment (授權扣款) code, not OnlinePay'))}_`
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
    // Label and colon are translated together: `意義：` in Chinese.
    vscode.l10n.t('Message: {0}', message),
    '',
    vscode.l10n.t('**Meaning:** {0}', localize(row.meaning, lang)),
    '',
    vscode.l10n.t('**Cause:** {0}', localize(row.cause, lang)),
    '',
    vscode.l10n.t('**What to do:** {0}', localize(row.action, lang)),
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

/** The read-only document of a code's explanation. */
export function explanationUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/JKOPay ${code}.md`, query: new URLSearchParams({ code }).toString() });
}

/** Makes the explanations' documents from their URI: read-only, never dirty, rebuilt from the code when reopened. */
const explanations: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => explanationMarkdown(explainResultCode(new URLSearchParams(uri.query).get('code') ?? '')),
};

export function registerExplainCommand(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.commands.registerCommand(EXPLAIN_COMMAND, async (given?: string): Promise<string | undefined> => {
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
      const uri = explanationUri(trimmed);
      // Opened first, so that the document exists whichever extension host renders the preview.
      await vscode.workspace.openTextDocument(uri);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return markdown;
    }),
  );
}
