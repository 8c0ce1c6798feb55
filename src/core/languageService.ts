/**
 * The core's one entry point: `getLanguageService()` returns parse, validation, hover,
 * completion and code actions over plain LSP data types. No LSP connection, no file system,
 * no network, no timers: the language server, the CLI and the tests all build it the same way.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { Lang } from '../data/types';
import { doCodeActions } from './features/codeActions';
import { getSendCodeLenses } from './features/codeLens';
import { getDocumentSymbols } from './features/documentSymbols';
import { getFoldingRanges } from './features/folding';
import { type FormatResult, formatPayloadChecked } from './features/formatting';
import { doComplete } from './features/completion';
import { type Finding, positionFinder, type SeverityOverride, toDiagnostics } from './rules/findings';
import { Suppressions } from './rules/suppressions';
import { cutNotice, FindingsBudget, MAX_FINDINGS_PER_DOCUMENT } from './rules/findingsBudget';
import { getRule } from './rules/ruleTable';
import { doHover } from './features/hover';
import { evidenceHover } from './features/evidenceHover';
import { explainLiterals, type LiteralReport } from './rules/checkReason';
import type { CheckSettings } from './rules/checkContext';
import { reparseJsonDocument } from './json/incrementalJson';
import { checkResultCoverage } from './rules/resultCodeCoverage';
import { checkSigning } from './rules/signingChecks';
import { type FileReader, ImportedBindings } from './source/importedBindings';
import { parseJsonDocument } from './json/jsonDocument';
import type { PayloadDocument } from './model/model';
import {
  DEFAULT_DETECTION,
  isSource,
  parseSourceDocument,
  reparseSourceDocument,
  type SourceDetection,
  type SourceDocument,
} from './source/sourceDocument';
import { doSourceComplete, doSourceHover } from './features/sourceFeatures';
import { checkDocument } from './rules/payloadFindings';
import { diffTexts, type TextChange } from './model/textChange';
import { LineIndex } from './model/textUtil';
import { validateJsonText, validatePayloads } from './rules/validation';
import { DEFAULT_CURRENCY } from '../data/files';

export interface LanguageSettings {
  /** Which object literals in TS/JS source count as payloads. Default: markers, types and keys. */
  sourceDetection?: SourceDetection;
  /** Display language of messages and hovers. Default `en`. */
  lang?: Lang;
  /** Currency of refunds (their body names none). Default `TWD`. */
  defaultCurrency?: string;
  /** Per-code severity overrides, e.g. `{ "products-total-mismatch": "off" }`. */
  severity?: Record<string, SeverityOverride>;
  /** The editor takes snippet edits in quick fixes (LSP 3.18): "Add missing required fields" puts a tab stop on each value. */
  snippetEdits?: boolean;
  /**
   * Reads another file of the workspace by its URI (the language server's open documents and disk,
   * the CLI's disk): result-code coverage follows a JKOPay client imported from a relative module.
   * Without it, each document is read alone.
   */
  readFile?: FileReader;
  /** Findings kept per document (default MAX_FINDINGS_PER_DOCUMENT); the rest are counted in one notice. */
  maxFindings?: number;
}

export interface LanguageService {
  configure(settings: LanguageSettings): void;
  /**
   * Parses a document: a payload file, or a TS/JS source (by language id or extension). Given the
   * previous parse of the same document, re-parses incrementally and takes that parse over (it must
   * not be used again); `change` is the edit from the previous text, when the caller knows it (else
   * the texts are compared).
   */
  parseDocument(document: TextDocument, previous?: PayloadDocument, change?: TextChange): PayloadDocument;
  /**
   * Diagnostics of a document. Without `doc`, the text is checked in one streaming pass that keeps
   * no tree (the fast path for large files); with it, the given parse is checked, re-using the
   * findings of payloads unchanged since an earlier check of the same document. At most
   * `maxFindings` are kept (syntax errors always); past them, one last diagnostic (code
   * CUT_NOTICE_CODE) says how many more there are, by severity in its `data`.
   */
  doValidation(document: TextDocument, doc?: PayloadDocument): Diagnostic[];
  doHover(document: TextDocument, doc: PayloadDocument, position: Position): Hover | null;
  doComplete(document: TextDocument, doc: PayloadDocument, position: Position): CompletionList;
  doCodeActions(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[];
  /** The `Send to mock` · `Send to sandbox` lenses above each request payload that `sendable` says the runner can send (default: all). */
  getCodeLenses(document: TextDocument, doc: PayloadDocument, sendable?: (index: number) => boolean): CodeLens[];
  /** Payload files only: the outline, one symbol per payload. */
  getDocumentSymbols(document: TextDocument, doc: PayloadDocument): DocumentSymbol[];
  /** Payload files only: every object, array and block comment that spans lines. */
  getFoldingRanges(document: TextDocument, doc: PayloadDocument): FoldingRange[];
  /** Payload files only: the edits that format the document or `range`, or why formatting is refused. */
  format(document: TextDocument, options: Partial<FormattingOptions>, range?: Range): FormatResult;
  /**
   * TS/JS only: every literal with JKOPay's field names or an explicit sign, whether it is checked
   * as a request and why (`jkopay check --explain`). Empty for payload files, whose objects all are.
   */
  explain(document: TextDocument, doc?: PayloadDocument): LiteralReport[];
}

export function getLanguageService(initial: LanguageSettings = {}): LanguageService {
  let settings: Required<LanguageSettings> = {
    lang: 'en',
    defaultCurrency: DEFAULT_CURRENCY,
    severity: {},
    sourceDetection: DEFAULT_DETECTION,
    snippetEdits: false,
    maxFindings: MAX_FINDINGS_PER_DOCUMENT,
    readFile: () => undefined,
  };
  /** One object per configuration: findings checked under it are re-used while it stays. */
  let check: CheckSettings = { lang: 'en', defaultCurrency: DEFAULT_CURRENCY };
  const configure = (next: LanguageSettings) => {
    settings = { ...settings, ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) };
    if (check.lang !== settings.lang || check.defaultCurrency !== settings.defaultCurrency)
      check = { lang: settings.lang, defaultCurrency: settings.defaultCurrency };
  };
  configure(initial);
  /** Where one request's questions may read the modules a file imports (each request reads them anew). */
  const imports = () => new ImportedBindings(settings.readFile);
  /** The severity a finding is shown with under the settings, or `off`. */
  const severityOf = (f: Finding) => settings.severity[f.code] ?? f.severity ?? getRule(f.code).severity;

  return {
    configure,
    parseDocument(document, previous, change) {
      const text = document.getText();
      if (previous?.uri !== document.uri) previous = undefined;
      if (!isSource(document.uri, document.languageId)) {
        const incremental =
          previous && !('sourceFile' in previous) && reparseJsonDocument(previous, text, change ?? diffTexts(previous.text, text));
        return incremental || parseJsonDocument(document.uri, text);
      }
      return unlessTooComplex(document, () => {
        if (previous && 'sourceFile' in previous)
          return reparseSourceDocument(previous as SourceDocument, text, settings.sourceDetection, change);
        return parseSourceDocument(document.uri, text, settings.sourceDetection);
      });
    },
    doValidation(document, doc) {
      const text = document.getText();
      // The findings are budgeted as they are found (findingsBudget.ts): suppressions and codes turned off first.
      const budgetFor = () => new FindingsBudget(settings.maxFindings, severityOf, new Suppressions(text, settings.lang));
      let budget = budgetFor();
      let positionAt = (offset: number) => document.positionAt(offset);
      try {
        if (!doc && isSource(document.uri, document.languageId)) doc = parseSourceDocument(document.uri, text, settings.sourceDetection);
        if (!doc) {
          // One line index for the checks' fixes and the findings' positions: the lines are measured once.
          const lines = new LineIndex(text);
          validateJsonText(document.uri, text, check, lines, budget);
          positionAt = positionFinder(document, lines);
        } else {
          checkDocument(doc, check, budget);
          if ('sourceFile' in doc) {
            for (const f of checkResultCoverage(doc as SourceDocument, settings.lang, imports())) budget.offer(f);
            for (const f of checkSigning(doc as SourceDocument, settings.lang)) budget.offer(f);
          }
        }
      } catch (e) {
        if (!isStackOverflow(e)) throw e;
        budget = budgetFor();
        for (const f of validatePayloads(tooComplexDocument(document), check)) budget.offer(f);
      }
      const diagnostics = toDiagnostics(document, budget.finish(), settings.severity, positionAt, settings.lang);
      if (budget.omittedCount > 0) diagnostics.push(cutNotice(budget, positionAt(budget.firstOmitted ?? 0), settings.lang));
      return diagnostics;
    },
    doHover(document, doc, position) {
      const offset = document.offsetAt(position);
      const hover =
        doHover(doc, offset, settings.lang, settings.defaultCurrency) ??
        ('sourceFile' in doc
          ? (evidenceHover(doc, offset, settings.lang) ?? doSourceHover(doc as SourceDocument, offset, settings.lang, imports()))
          : undefined);
      if (!hover) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: hover.markdown },
        range: { start: document.positionAt(hover.offset), end: document.positionAt(hover.offset + hover.length) },
      };
    },
    doComplete(document, doc, position) {
      const offset = document.offsetAt(position);
      const found = 'sourceFile' in doc ? doSourceComplete(doc as SourceDocument, offset, settings.lang, imports()) : [];
      const completions = found.length ? found : doComplete(doc, offset, settings.lang);
      const items = completions.map(({ item, offset, length }) => ({
        ...item,
        textEdit: {
          range: { start: document.positionAt(offset), end: document.positionAt(offset + length) },
          newText: item.insertText ?? item.label,
        },
      }));
      return { isIncomplete: false, items };
    },
    doCodeActions: (document, diagnostics) =>
      doCodeActions(document.uri, diagnostics, { document, lang: settings.lang, snippets: settings.snippetEdits }),
    getCodeLenses: (document, doc, sendable) => getSendCodeLenses(document, doc, settings.lang, sendable),
    getDocumentSymbols,
    getFoldingRanges,
    format: (document, options, range) => formatPayloadChecked(document, options, range, settings.lang),
    explain(document, doc) {
      if (!isSource(document.uri, document.languageId)) return [];
      doc ??= unlessTooComplex(document, () => parseSourceDocument(document.uri, document.getText(), settings.sourceDetection));
      return 'decisions' in doc ? explainLiterals(doc as SourceDocument, settings.lang, new LineIndex(doc.text)) : [];
    },
  };
}

/**
 * Parses with `parse`; when it overflows the stack (the TypeScript parser recurses, and ~800 nested
 * parentheses exhaust it), answers a document with one `too-complex` problem instead, so that the
 * file gets a finding and the CLI run or the server goes on. Other errors are bugs: rethrown.
 */
function unlessTooComplex(document: TextDocument, parse: () => PayloadDocument): PayloadDocument {
  try {
    return parse();
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return tooComplexDocument(document);
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** A document that could not be parsed: no payloads, one `too-complex` problem on its first character. */
export function tooComplexDocument(document: TextDocument): PayloadDocument {
  const text = document.getText();
  return {
    uri: document.uri,
    text,
    root: undefined,
    payloads: [],
    problems: [{ offset: 0, length: Math.min(1, text.length), id: 'too-complex' }],
  };
}
