/**
 * Which diagnostics of a document concern one of its payloads: the findings inside the payload,
 * and syntax errors anywhere (a broken file may be read wrongly everywhere); its errors are those
 * of error severity. The one rule behind `jkopay send`'s refusal and warnings and the runner's
 * "the checker found N errors". Pure: no fs, net, timers, vscode or LSP connection.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { nodeEnd, type Payload } from './model';

export function payloadDiagnostics(document: TextDocument, diagnostics: readonly Diagnostic[], payload: Payload): Diagnostic[] {
  const start = payload.node.offset;
  const end = nodeEnd(payload.node);
  return diagnostics.filter((d) => {
    if (d.code === 'syntax-error') return true;
    const offset = document.offsetAt(d.range.start);
    return offset >= start && offset < end;
  });
}

export function payloadErrors(document: TextDocument, diagnostics: readonly Diagnostic[], payload: Payload): Diagnostic[] {
  return payloadDiagnostics(document, diagnostics, payload).filter((d) => d.severity === DiagnosticSeverity.Error);
}
