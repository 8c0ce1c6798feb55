/**
 * The server's budgets for one document: the size it checks at all, and the diagnostics it sends.
 *
 * A document over MAX_DOCUMENT_CHARS (16 Mi characters, far past any payload file) is not parsed:
 * its check, hover, completion, folding and outline would each block the server for seconds, and
 * every other document with it. It gets one notice instead, and the reason is logged once.
 *
 * The diagnostics the server sends for one document are capped. A hostile or generated file can
 * hold millions of findings (`[{},{},…]`: six per object): sending them all builds a message of
 * hundreds of megabytes that freezes the editor, and building them ran the server out of memory.
 * The core keeps the first ones as it finds them and ends the list with one notice of how many it
 * left out (core/rules/findingsBudget.ts); the cut is logged here, once per document.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { CUT_NOTICE_CODE, type CutNoticeData, MAX_FINDINGS_PER_DOCUMENT, msg } from '../core';
import type { Lang } from '../data/types';

/** The core's budget per document (it keeps syntax errors, at most about a hundred, beside it). */
export const MAX_DIAGNOSTICS = MAX_FINDINGS_PER_DOCUMENT;
const MAX_SYNTAX_ERRORS = 101;
export const MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

export class DiagnosticsBudget {
  private readonly logged = new Set<string>();

  constructor(
    private readonly log: (message: string) => void,
    readonly max = MAX_DIAGNOSTICS,
    readonly maxDocument = MAX_DOCUMENT_CHARS,
  ) {}

  /**
   * The core keeps the first findings of a document and ends the list with a notice of how many it
   * left out (findingsBudget.ts), before any is converted: the cut is logged here, once per document.
   * A list longer than the budget all the same (never, from the core) is cut here too, as a backstop.
   */
  cap(uri: string, diagnostics: Diagnostic[], lang: Lang): Diagnostic[] {
    const notice = diagnostics.at(-1);
    const cutByCore = notice?.code === CUT_NOTICE_CODE;
    let kept = diagnostics;
    let omitted = 0;
    if (cutByCore) {
      const counts = (notice.data as CutNoticeData).omitted;
      omitted = counts.error + counts.warning + counts.information + counts.hint;
    } else if (diagnostics.length > this.max + MAX_SYNTAX_ERRORS) {
      kept = diagnostics.slice(0, this.max);
      omitted = diagnostics.length - this.max;
      kept.push({
        range: diagnostics[this.max].range,
        severity: DiagnosticSeverity.Information,
        source: 'jkopay',
        code: CUT_NOTICE_CODE,
        message: msg(lang, 'diagnostics-cut', { shown: this.max, left: omitted }),
      });
    }
    if (omitted === 0) {
      this.logged.delete(uri);
      return kept;
    }
    if (!this.logged.has(uri)) {
      this.logged.add(uri);
      this.log(
        `jkopay: ${uri}: ${this.max + omitted} problems found; only the first ${this.max} are shown (a larger list would freeze the editor)`,
      );
    }
    return kept;
  }

  /** True for a document too large to work on; the first time, the reason is logged. */
  tooLarge(document: { uri: string; getText(): string }): boolean {
    const size = document.getText().length;
    if (size <= this.maxDocument) return false;
    const key = `size:${document.uri}`;
    if (!this.logged.has(key)) {
      this.logged.add(key);
      this.log(
        `jkopay: ${document.uri}: ${(size / 1048576).toFixed(1)} MB; documents over ${this.maxDocument / 1048576} MB are not checked in the editor (it would block the server)`,
      );
    }
    return true;
  }

  /** The one diagnostic of a document too large to check. */
  tooLargeNotice(document: { getText(): string }, lang: Lang): Diagnostic[] {
    const mb = (document.getText().length / 1048576).toFixed(1);
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'jkopay',
        message: msg(lang, 'document-too-large', { mb, max: this.maxDocument / 1048576 }),
      },
    ];
  }

  forget(uri: string): void {
    this.logged.delete(uri);
    this.logged.delete(`size:${uri}`);
  }
}
