/**
 * Quick fixes: each jkopay diagnostic carries its fixes (computed by the check that found
 * the problem, in `data`); this turns them into LSP code actions. Pure.
 */
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData } from './findings';

function fixesOf(diagnostic: Diagnostic): DiagnosticData['fixes'] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return diagnostic.source === 'jkopay' && Array.isArray(data?.fixes) ? data.fixes : [];
}

export function doCodeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    fixesOf(diagnostic).forEach((fix, i) => {
      // One "add missing fields" fix hangs on every missing-field diagnostic of an object: offer it once.
      const key = `${fix.title}|${JSON.stringify(fix.edits)}`;
      if (seen.has(key)) return;
      seen.add(key);
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: { changes: { [uri]: fix.edits } },
      });
    });
  }
  return actions;
}
