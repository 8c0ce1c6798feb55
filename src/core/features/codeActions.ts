/**
 * Quick fixes: each jkopay diagnostic carries its fixes (computed by the check that found
 * the problem, in `data`); this turns them into LSP code actions, and adds to each "Ignore this
 * problem on this line", which inserts a `// jkopay-ignore-next-line CODE` comment above it. Pure.
 */
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { Lang } from '../../data/types';
import type { DiagnosticData } from '../rules/findings';
import { msg } from '../texts/messages';
import { ignoreLineEdit } from '../rules/suppressions';

function fixesOf(diagnostic: Diagnostic): DiagnosticData['fixes'] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return diagnostic.source === 'jkopay' && Array.isArray(data?.fixes) ? data.fixes : [];
}

/** The document's text, for the "ignore" action (which needs the line's indentation). */
export interface CodeActionContext {
  text: string;
  lang: Lang;
}

/** Offset of a position, counting lines as LSP does (\n, \r\n or \r). */
function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line && offset < text.length; l++) {
    while (offset < text.length && text.charCodeAt(offset) !== 10 && text.charCodeAt(offset) !== 13) offset++;
    if (text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10) offset++;
    offset++;
  }
  return Math.min(offset + character, text.length);
}

export function doCodeActions(uri: string, diagnostics: readonly Diagnostic[], context?: CodeActionContext): CodeAction[] {
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
  if (context) {
    const ignored = new Set<string>();
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'jkopay' || diagnostic.code === undefined || diagnostic.code === 'unused-suppression') continue;
      const code = String(diagnostic.code);
      const line = diagnostic.range.start.line;
      if (ignored.has(`${line}|${code}`)) continue;
      ignored.add(`${line}|${code}`);
      const edit = ignoreLineEdit(context.text, offsetOf(context.text, line, 0), code);
      const at = { line, character: 0 };
      actions.push({
        title: msg(context.lang, 'fix-ignore-line', { code }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: edit.newText }] } },
      });
    }
  }
  return actions;
}
