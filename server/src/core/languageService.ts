/**
 * The core's one entry point: `getLanguageService()` returns parse, validation, hover,
 * completion and code actions over plain LSP data types. No LSP connection, no file system,
 * no network, no timers: the language server, the CLI and the tests all build it the same way.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { Lang } from '../data/types';
import { doCodeActions } from './codeActions';
import { doComplete } from './completion';
import { type SeverityOverride, toDiagnostics } from './findings';
import { doHover } from './hover';
import { parseJsonDocument } from './jsonDocument';
import type { PayloadDocument } from './model';
import { validateJsonText, validatePayloads } from './validation';

export interface LanguageSettings {
  /** Display language of messages and hovers. Default `en`. */
  lang?: Lang;
  /** Currency of refunds (their body names none). Default `TWD`. */
  defaultCurrency?: string;
  /** Per-code severity overrides, e.g. `{ "products-total-mismatch": "off" }`. */
  severity?: Record<string, SeverityOverride>;
}

export interface LanguageService {
  configure(settings: LanguageSettings): void;
  parseDocument(document: TextDocument): PayloadDocument;
  /**
   * Diagnostics of a document. Without `doc`, the text is checked in one streaming pass that keeps
   * no tree (the fast path for large files); with it, the given parse is checked.
   */
  doValidation(document: TextDocument, doc?: PayloadDocument): Diagnostic[];
  doHover(document: TextDocument, doc: PayloadDocument, position: Position): Hover | null;
  doComplete(document: TextDocument, doc: PayloadDocument, position: Position): CompletionList;
  doCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[];
}

export function getLanguageService(initial: LanguageSettings = {}): LanguageService {
  let settings: Required<LanguageSettings> = { lang: 'en', defaultCurrency: 'TWD', severity: {} };
  const configure = (next: LanguageSettings) => {
    settings = { ...settings, ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) };
  };
  configure(initial);

  return {
    configure,
    parseDocument: (document) => parseJsonDocument(document.uri, document.getText()),
    doValidation(document, doc) {
      const check = { lang: settings.lang, defaultCurrency: settings.defaultCurrency };
      const findings = doc ? validatePayloads(doc, check) : validateJsonText(document.uri, document.getText(), check);
      return toDiagnostics(document, findings, settings.severity);
    },
    doHover(document, doc, position) {
      const hover = doHover(doc, document.offsetAt(position), settings.lang, settings.defaultCurrency);
      if (!hover) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: hover.markdown },
        range: { start: document.positionAt(hover.offset), end: document.positionAt(hover.offset + hover.length) },
      };
    },
    doComplete(document, doc, position) {
      const items = doComplete(doc, document.offsetAt(position), settings.lang).map(({ item, offset, length }) => ({
        ...item,
        textEdit: {
          range: { start: document.positionAt(offset), end: document.positionAt(offset + length) },
          newText: item.insertText ?? item.label,
        },
      }));
      return { isIncomplete: false, items };
    },
    doCodeActions: (document, diagnostics) => doCodeActions(document.uri, diagnostics),
  };
}
