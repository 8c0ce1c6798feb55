/**
 * What the checks produce before it becomes LSP data: a rule code, an offset range, a message
 * and the quick fixes that mend it. Kept in offsets so the checks need no line arithmetic;
 * `toDiagnostics` converts once at the end. Pure.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, type Position, type TextEdit } from 'vscode-languageserver-types';
import type { Lang } from '../../data/types';
import { type Args, localize } from '../texts/localize';
import { msg } from '../texts/messages';
import { getRule, type RuleCode, type RuleSeverity } from './ruleTable';
import type { PayloadEvidence } from '../model/model';
import { LineIndex } from '../model/textUtil';

export interface OffsetEdit {
  offset: number;
  length: number;
  newText: string;
  /** The same text as a snippet, with tab stops on what the user must fill in (used where the editor takes snippet edits). */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
}

export interface Finding {
  code: RuleCode;
  offset: number;
  length: number;
  /** What is wrong, in the check's language, without what JKOPay answers (that is `answer`). */
  message: string;
  /** The field the finding is about (`total_price`, `products[0].name`; '' for the body), where known. */
  path?: string;
  /** What JKOPay answers for this mistake, where its table has a row: shown after the message. */
  answer?: { code: string; message: string };
  /** Set when a finding is milder than its rule's default (a loopback callback URL). */
  severity?: RuleSeverity;
  fixes?: Fix[];
  /** TS/JS: why the literal it is in is checked, and where that is written (the related information). */
  related?: { offset: number; length: number; message: string; evidence: PayloadEvidence['kind'] };
}

/** What a diagnostic carries in `data`: its fixes for the code-action handler, and in TS/JS why its literal is checked. */
export interface DiagnosticData {
  fixes: { title: string; edits: (TextEdit & { snippet?: string })[] }[];
  /** The kind of evidence that makes the literal a request (`sent`, `marker`…); its place is the related information. */
  evidence?: PayloadEvidence['kind'];
}

export type SeverityOverride = RuleSeverity | 'off';

/** A rule's general message in `lang` (what JKOPay answers is carried apart, in `Finding.answer`). */
export function ruleMessage(code: RuleCode, lang: Lang, args: Args): string {
  return localize(getRule(code).message, lang, args);
}

/** A finding's full text as shown to users: its message, then what JKOPay answers, if known. */
export function findingText(finding: Finding, lang: Lang): string {
  return finding.answer ? finding.message + msg(lang, 'jkopay-answers', finding.answer) : finding.message;
}

const SEVERITIES: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Offset → position over a text, with a `LineIndex` that finds line starts only as far as asked.
 * TextDocument.positionAt first measures every line of the document char by char, which costs
 * more than checking a large file; diagnostics usually need a few positions.
 */
export function positionFinder(document: TextDocument, lines?: LineIndex): (offset: number) => Position {
  const text = document.getText();
  // A lone \r is a line break in LSP; such rare files take the document's own (complete) measure.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return (offset) => document.positionAt(offset);
  const index = lines?.text === text ? lines : new LineIndex(text);
  return (offset) => {
    offset = Math.max(0, Math.min(offset, text.length));
    // Inside a \r\n pair, LSP positions stay at the end of the line.
    if (text.charCodeAt(offset) === 10 && text.charCodeAt(offset - 1) === 13) offset--;
    const line = index.lineOf(offset);
    return { line, character: offset - index.lineStart(line) };
  };
}

export function toDiagnostics(
  document: TextDocument,
  findings: readonly Finding[],
  overrides: Readonly<Record<string, SeverityOverride>> = {},
  /** How offsets become positions; by default a positionFinder over the document. */
  positionAt: (offset: number) => Position = positionFinder(document),
  /** The display language of the answer JKOPay gives, appended to each message. */
  lang: Lang = 'en',
): Diagnostic[] {
  const range = (offset: number, length: number) => ({ start: positionAt(offset), end: positionAt(offset + length) });
  // One fix is often shared by several findings (every missing field of an object): converted once.
  const converted = new Map<Fix, DiagnosticData['fixes'][number]>();
  const convert = (fix: Fix) => {
    let done = converted.get(fix);
    if (!done) {
      done = {
        title: fix.title,
        edits: fix.edits.map((e) =>
          e.snippet === undefined
            ? { range: range(e.offset, e.length), newText: e.newText }
            : { range: range(e.offset, e.length), newText: e.newText, snippet: e.snippet },
        ),
      };
      converted.set(fix, done);
    }
    return done;
  };
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    const severity = overrides[f.code] ?? f.severity ?? getRule(f.code).severity;
    if (severity === 'off') continue;
    const diagnostic: Diagnostic = {
      range: range(f.offset, f.length),
      severity: SEVERITIES[severity],
      code: f.code,
      source: 'jkopay',
      message: findingText(f, lang),
    };
    if (f.fixes?.length || f.related) {
      const data: DiagnosticData = { fixes: f.fixes?.map(convert) ?? [] };
      if (f.related) data.evidence = f.related.evidence;
      diagnostic.data = data;
    }
    if (f.related) {
      const location = { uri: document.uri, range: range(f.related.offset, f.related.length) };
      diagnostic.relatedInformation = [{ location, message: f.related.message }];
    }
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}
