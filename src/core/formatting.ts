/**
 * Formatting of payload documents (whole file or a range) with jsonc-parser's formatter, which
 * keeps comments and never rewrites a number's text (amounts stay exactly as written). Pure.
 */
import { format } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';

export function formatPayload(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  const text = document.getText();
  const span = range ? { offset: document.offsetAt(range.start), length: document.offsetAt(range.end) - document.offsetAt(range.start) } : undefined;
  const edits = format(text, span, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    insertFinalNewline: options.insertFinalNewline ?? false,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    keepLines: false,
  });
  return edits.map((e) => ({
    range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
}
