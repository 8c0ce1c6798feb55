/**
 * The server's budgets for one document: the size it checks at all, and the diagnostics it sends.
 *
 * A document over MAX_DOCUMENT_CHARS (16 Mi characters, far past any payload file) is not parsed:
 * its check, hover, completion, folding and outline would each block the server for seconds, and
 * every other document with it. It gets one notice instead, and the reason is logged once.
 *
 * Caps the diagnostics the server sends for one document. A hostile or generated file can hold
 * hundreds of thousands of findings (`[{},{},…]` ×100,000 has 600,000): sending them all builds a
 * message of hundreds of megabytes that freezes the editor, and nobody reads past the first
 * thousands. The first ones (in reading order) are kept, then one notice says how many were left
 * out, and the cut is logged once per document.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { msg } from '../core';
import type { Lang } from '../data/types';

export const MAX_DIAGNOSTICS = 5000;
export const MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

export class DiagnosticsBudget {
  private readonly logged = new Set<string>();

  constructor(
    private readonly log: (message: string) => void,
    readonly max = MAX_DIAGNOSTICS,
    readonly maxDocument = MAX_DOCUMENT_CHARS,
  ) {}

  cap(uri: string, diagnostics: Diagnostic[], lang: Lang): Diagnostic[] {
    if (diagnostics.length <= this.max) {
      this.logged.delete(uri);
      return diagnostics;
    }
    const kept = diagnostics.slice(0, this.max);
    const left = diagnostics.length - this.max;
    kept.push({
      range: diagnostics[this.max].range,
      severity: DiagnosticSeverity.Information,
      source: 'jkopay',
      message: msg(lang, 'diagnostics-cut', { shown: this.max, left }),
    });
    if (!this.logged.has(uri)) {
      this.logged.add(uri);
      this.log(
        `jkopay: ${uri}: ${diagnostics.length} problems found; only the first ${this.max} are shown (a larger list would freeze the editor)`,
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
