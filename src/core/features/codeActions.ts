/**
 * Quick fixes: each jkopay diagnostic carries its fixes (computed by the check that found
 * the problem, in `data`); this turns them into LSP code actions, and adds to each "Ignore this
 * problem on this line", which inserts a `// jkopay-ignore-next-line CODE` comment above it. Pure.
 *
 * The diagnostics come back from the editor, so they are input like any other: a client may send
 * thousands, with ranges past the document's end and `data` of any shape. The document's lines are
 * indexed once per request (the document's own line offsets), a diagnostic whose range is not in
 * the document or whose fixes are malformed is passed over (the others still get their actions),
 * and at most MAX_CODE_ACTIONS actions are answered.
 */
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../../data/types';
import type { DiagnosticData } from '../rules/findings';
import { msg } from '../texts/messages';
import { ignoreLineEdit } from '../rules/suppressions';

/** More than anyone picks from in one menu; the cap keeps a flood of made-up diagnostics cheap. */
export const MAX_CODE_ACTIONS = 100;

type FixData = DiagnosticData['fixes'][number];

/** Stands for the code in a line's comment until the code is known (no rule code holds a NUL). */
const CODE_SLOT = '\u0000';

const isPosition = (p: unknown): boolean => {
  const { line, character } = (p ?? {}) as { line?: unknown; character?: unknown };
  return Number.isSafeInteger(line) && Number.isSafeInteger(character) && (line as number) >= 0 && (character as number) >= 0;
};

const isRange = (r: unknown): r is Range => !!r && typeof r === 'object' && isPosition((r as Range).start) && isPosition((r as Range).end);

function isFix(fix: unknown): fix is FixData {
  if (!fix || typeof fix !== 'object') return false;
  const { title, edits } = fix as { title?: unknown; edits?: unknown };
  return (
    typeof title === 'string' &&
    Array.isArray(edits) &&
    edits.every(
      (e: unknown) =>
        !!e &&
        typeof e === 'object' &&
        isRange((e as TextEdit).range) &&
        typeof (e as TextEdit).newText === 'string' &&
        ['string', 'undefined'].includes(typeof (e as { snippet?: unknown }).snippet),
    )
  );
}

/** The fixes a jkopay diagnostic carries; one of a shape the checks never make is left out. */
function fixesOf(diagnostic: Diagnostic): FixData[] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return diagnostic.source === 'jkopay' && Array.isArray(data?.fixes) ? data.fixes.filter(isFix) : [];
}

/** The document, for the "ignore" action (which needs the line's indentation). */
export interface CodeActionContext {
  document: TextDocument;
  lang: Lang;
  /** The editor takes snippet edits (LSP 3.18 `workspaceEdit.snippetEditSupport`): fixes with tab stops are sent as such. */
  snippets?: boolean;
}

/** A fix as a workspace edit: its snippets (tab stops on what to fill in) where the editor takes them, else plain text. */
function fixEdit(uri: string, fix: FixData, context: CodeActionContext | undefined): WorkspaceEdit {
  if (!context?.snippets || !fix.edits.some((e) => e.snippet !== undefined)) {
    return { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } };
  }
  const edits = fix.edits.map((e) =>
    e.snippet === undefined
      ? { range: e.range, newText: e.newText }
      : { range: e.range, snippet: { kind: 'snippet' as const, value: e.snippet } },
  );
  return { documentChanges: [{ textDocument: { uri, version: context.document.version }, edits }] };
}

export function doCodeActions(uri: string, diagnostics: readonly Diagnostic[], context?: CodeActionContext): CodeAction[] {
  const lineCount = context?.document.lineCount ?? Infinity;
  // Only diagnostics about this document: a range the document does not have is someone else's.
  const usable = diagnostics.filter((d) => !!d && typeof d === 'object' && isRange(d.range) && d.range.start.line < lineCount);
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of usable) {
    fixesOf(diagnostic).forEach((fix, i) => {
      if (actions.length >= MAX_CODE_ACTIONS) return;
      // One "add missing fields" fix hangs on every missing-field diagnostic of an object: offer it once.
      const key = `${fix.title}|${JSON.stringify(fix.edits)}`;
      if (seen.has(key)) return;
      seen.add(key);
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: fixEdit(uri, fix, context),
      });
    });
  }
  if (context) {
    const { document } = context;
    const text = document.getText();
    // Measured once: every comment is written with the document's own line break.
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    const ignored = new Set<string>();
    const comments = new Map<number, string>();
    for (const diagnostic of usable) {
      if (actions.length >= MAX_CODE_ACTIONS) break;
      if (diagnostic.source !== 'jkopay' || diagnostic.code === undefined || diagnostic.code === 'unused-suppression') continue;
      const code = String(diagnostic.code);
      const line = diagnostic.range.start.line;
      if (ignored.has(`${line}|${code}`)) continue;
      ignored.add(`${line}|${code}`);
      // One line's comment is made once; other codes of the same line change only its code (a line of
      // megabytes of blanks is measured once, not once per code).
      let comment = comments.get(line);
      if (comment === undefined) {
        comment = ignoreLineEdit(text, document.offsetAt({ line, character: 0 }), CODE_SLOT, newline).newText;
        comments.set(line, comment);
      }
      const at = { line, character: 0 };
      actions.push({
        title: msg(context.lang, 'fix-ignore-line', { code }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: comment.replace(CODE_SLOT, () => code) }] } },
      });
    }
  }
  return actions;
}
