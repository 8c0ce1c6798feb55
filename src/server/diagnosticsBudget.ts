/**
 * Caps the diagnostics the server sends for one document. A hostile or generated file can hold
 * hundreds of thousands of findings (`[{},{},…]` ×100,000 has 600,000): sending them all builds a
 * message of hundreds of megabytes that freezes the editor, and nobody reads past the first
 * thousands. The first ones (in reading order) are kept, then one notice says how many were left
 * out, and the cut is logged once per document.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { msg } from '../core/messages';
import type { Lang } from '../data/types';

export const MAX_DIAGNOSTICS = 5000;

export class DiagnosticsBudget {
  private readonly logged = new Set<string>();

  constructor(
    private readonly log: (message: string) => void,
    readonly max = MAX_DIAGNOSTICS,
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
      this.log(`jkopay: ${uri}: ${diagnostics.length} problems found; only the first ${this.max} are shown (a larger list would freeze the editor)`);
    }
    return kept;
  }

  forget(uri: string): void {
    this.logged.delete(uri);
  }
}
