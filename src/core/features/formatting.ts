/**
 * Formatting of payload documents (whole file or a range) with jsonc-parser's formatter, which
 * keeps comments and never rewrites a number's text (amounts stay exactly as written). Pure.
 *
 * The formatter has no limits of its own: 20,000 nested brackets, or a `tabSize` of 50,000,000,
 * make it build gigabytes of indentation and kill the server. So options are clamped, and a
 * document nested deeper than the parser's limit, or whose formatted text would be too large, is
 * refused with a message instead (measured in one pass of the scanner before formatting), and so is
 * a document too large to format without blocking the server for more than about a second.
 */
import { createScanner, format, SyntaxKind } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { Lang } from '../../data/types';
import { MAX_DEPTH } from '../json/jsonParser';
import { msg } from '../texts/messages';

/** Indentation wider than this is not a style anyone uses; larger values are clamped. */
export const MAX_TAB_SIZE = 16;
/** Larger documents are not formatted: jsonc-parser takes about 1 s per 4 MB, all of it blocking the server. */
export const MAX_FORMAT_INPUT_CHARS = 4 * 1024 * 1024;
/** The formatted text may not exceed this many characters (an estimate made before formatting). */
export const MAX_FORMATTED_CHARS = 32 * 1024 * 1024;

export interface FormatResult {
  edits: TextEdit[];
  /** Why the document was not formatted (localized), when it was refused. */
  refused?: string;
}

/** `tabSize` as an integer in 1…MAX_TAB_SIZE (4 when missing or not a number); `insertSpaces` as a boolean. */
export function clampFormattingOptions(options: Partial<FormattingOptions> | undefined): { tabSize: number; insertSpaces: boolean } {
  const raw = Number(options?.tabSize);
  const tabSize = Number.isFinite(raw) ? Math.min(MAX_TAB_SIZE, Math.max(1, Math.floor(raw))) : 4;
  return { tabSize, insertSpaces: options?.insertSpaces !== false };
}

/**
 * The deepest nesting of the text and an upper bound of its formatted length: each bracket and comma
 * may start a new line indented to its depth. One pass of the scanner, no tree.
 */
export function measureForFormatting(text: string, indentWidth: number, eolLength: number): { depth: number; estimate: number } {
  const scanner = createScanner(text, false);
  let depth = 0;
  let maxDepth = 0;
  let estimate = text.length;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        depth++;
        if (depth > maxDepth) maxDepth = depth;
        estimate += eolLength + depth * indentWidth;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        depth = Math.max(0, depth - 1);
        estimate += eolLength + depth * indentWidth;
        break;
      case SyntaxKind.CommaToken:
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        estimate += eolLength + depth * indentWidth;
        break;
      case SyntaxKind.ColonToken:
        estimate += 1;
        break;
    }
  }
  return { depth: maxDepth, estimate };
}

export function formatPayloadChecked(
  document: TextDocument,
  options: Partial<FormattingOptions>,
  range?: Range,
  lang: Lang = 'en',
): FormatResult {
  const text = document.getText();
  if (text.length > MAX_FORMAT_INPUT_CHARS) {
    return {
      edits: [],
      refused: msg(lang, 'format-input-too-large', { mb: (text.length / 1048576).toFixed(1), max: MAX_FORMAT_INPUT_CHARS / 1048576 }),
    };
  }
  const { tabSize, insertSpaces } = clampFormattingOptions(options);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { depth, estimate } = measureForFormatting(text, insertSpaces ? tabSize : 1, eol.length);
  if (depth > MAX_DEPTH) return { edits: [], refused: msg(lang, 'format-too-deep', { depth, max: MAX_DEPTH }) };
  if (estimate > MAX_FORMATTED_CHARS) {
    return { edits: [], refused: msg(lang, 'format-too-large', { mb: MAX_FORMATTED_CHARS / 1048576 }) };
  }
  const span = range
    ? { offset: document.offsetAt(range.start), length: document.offsetAt(range.end) - document.offsetAt(range.start) }
    : undefined;
  const edits = format(text, span, {
    tabSize,
    insertSpaces,
    insertFinalNewline: options.insertFinalNewline === true,
    eol,
    keepLines: false,
  });
  return {
    edits: edits.map((e) => ({
      range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
      newText: e.content,
    })),
  };
}

/** The edits that format the document or range; none when it is refused (see `formatPayloadChecked` for why). */
export function formatPayload(document: TextDocument, options: Partial<FormattingOptions>, range?: Range): TextEdit[] {
  return formatPayloadChecked(document, options, range).edits;
}
