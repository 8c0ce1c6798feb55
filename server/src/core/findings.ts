/**
 * What the checks produce before it becomes LSP data: a rule code, an offset range, a message
 * and the quick fixes that mend it. Kept in offsets so the checks need no line arithmetic;
 * `toDiagnostics` converts once at the end. Pure.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-types';
import type { Endpoint, Lang } from '../data/types';
import { type Args, localize } from './localize';
import { msg } from './messages';
import { getRule, type RuleCode, type RuleSeverity } from './ruleTable';

export interface OffsetEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
}

export interface Finding {
  code: RuleCode;
  offset: number;
  length: number;
  message: string;
  /** Set when a finding is milder than its rule's default (a loopback callback URL). */
  severity?: RuleSeverity;
  fixes?: Fix[];
}

/** What a diagnostic carries in `data` for the code-action handler. */
export interface DiagnosticData {
  fixes: { title: string; edits: TextEdit[] }[];
}

export type SeverityOverride = RuleSeverity | 'off';

/** A rule's message in `lang`, followed by what JKOPay answers for the mistake on `endpoint`, if known. */
export function ruleMessage(code: RuleCode, lang: Lang, args: Args, endpoint?: Endpoint): string {
  return withAnswer(code, lang, localize(getRule(code).message, lang, args), endpoint);
}

/** Appends what JKOPay answers for this rule's mistake on `endpoint`, where its table has a row. */
export function withAnswer(code: RuleCode, lang: Lang, text: string, endpoint?: Endpoint): string {
  const answer = endpoint && getRule(code).answers?.[endpoint];
  return answer ? text + msg(lang, 'jkopay-answers', answer) : text;
}

const SEVERITIES: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(
  document: TextDocument,
  findings: readonly Finding[],
  overrides: Readonly<Record<string, SeverityOverride>> = {},
): Diagnostic[] {
  const range = (offset: number, length: number) => ({
    start: document.positionAt(offset),
    end: document.positionAt(offset + length),
  });
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    const severity = overrides[f.code] ?? f.severity ?? getRule(f.code).severity;
    if (severity === 'off') continue;
    const diagnostic: Diagnostic = {
      range: range(f.offset, f.length),
      severity: SEVERITIES[severity],
      code: f.code,
      source: 'jkopay',
      message: f.message,
    };
    if (f.fixes?.length) {
      const data: DiagnosticData = {
        fixes: f.fixes.map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((e) => ({ range: range(e.offset, e.length), newText: e.newText })),
        })),
      };
      diagnostic.data = data;
    }
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}
