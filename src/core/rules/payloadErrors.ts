/**
 * Which diagnostics of a document concern one of its payloads: the findings inside the payload,
 * and syntax errors anywhere (a broken file may be read wrongly everywhere); its errors are those
 * of error severity. The one rule behind `jkopay send`'s refusal and warnings and the runner's
 * "the checker found N errors". Pure: no fs, net, timers, vscode or LSP connection.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { nodeEnd, type Payload } from '../model/model';

/** A syntax error concerns every payload of its document, wherever it stands. */
function concernsEveryPayload(d: Diagnostic): boolean {
  return d.code === 'syntax-error';
}

export function payloadDiagnostics(document: TextDocument, diagnostics: readonly Diagnostic[], payload: Payload): Diagnostic[] {
  const start = payload.node.offset;
  const end = nodeEnd(payload.node);
  return diagnostics.filter((d) => {
    if (concernsEveryPayload(d)) return true;
    const offset = document.offsetAt(d.range.start);
    return offset >= start && offset < end;
  });
}

export function payloadErrors(document: TextDocument, diagnostics: readonly Diagnostic[], payload: Payload): Diagnostic[] {
  return payloadDiagnostics(document, diagnostics, payload).filter((d) => d.severity === DiagnosticSeverity.Error);
}

/**
 * The error count of every payload at once, as `payloadErrors(…).length` gives it for each: the
 * error offsets are sorted once and each payload's range is found by binary search, so a file of
 * thousands of payloads and findings costs (payloads + findings) × log, not their product.
 */
export function payloadErrorCounts(document: TextDocument, diagnostics: readonly Diagnostic[], payloads: readonly Payload[]): number[] {
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  const everywhere = errors.filter(concernsEveryPayload).length;
  const offsets = errors
    .filter((d) => !concernsEveryPayload(d))
    .map((d) => document.offsetAt(d.range.start))
    .sort((a, b) => a - b);
  /** How many offsets are below `value`. */
  const below = (value: number) => {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offsets[mid] < value) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return payloads.map((p) => everywhere + below(nodeEnd(p.node)) - below(p.node.offset));
}
