/**
 * The findings one document may hold, applied while the checks produce them: the first
 * MAX_FINDINGS_PER_DOCUMENT findings that are shown (not silenced by a suppression comment, not
 * turned off by the settings) are kept, and the rest are only counted, by severity. A hostile file
 * (`[{},{},…]`: six missing fields per object, a million objects in 3 MB) used to build and convert
 * every finding before any cap applied, and ran the CLI and the language server out of memory at
 * 4.4 GB; now what a check holds grows with what is shown, not with the input. Syntax errors are
 * always kept (the parser stops at a hundred): they concern every payload. Pure.
 */
import { type Diagnostic, DiagnosticSeverity, type Position } from 'vscode-languageserver-types';
import type { Lang } from '../../data/types';
import { msg } from '../texts/messages';
import type { Finding } from './findings';
import type { RuleSeverity } from './ruleTable';
import type { Suppressions } from './suppressions';

/** Findings kept per document: far past what anyone reads, far below what freezes an editor. */
export const MAX_FINDINGS_PER_DOCUMENT = 5000;

export type SeverityCounts = Record<RuleSeverity, number>;

export class FindingsBudget {
  private readonly findings: Finding[] = [];
  private held = 0;
  /** The findings beyond the budget, by the severity they would have been shown with. */
  readonly omitted: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  /** Where the first finding beyond the budget is: the notice stands there. */
  firstOmitted: number | undefined;

  constructor(
    readonly limit: number,
    /** The severity a finding is shown with, or `off`. */
    private readonly severityOf: (finding: Finding) => RuleSeverity | 'off',
    private readonly suppressions?: Suppressions,
  ) {}

  /** True once the budget is spent: further findings are only counted. */
  get full(): boolean {
    return this.held >= this.limit;
  }

  /** How many more findings may be kept. */
  get left(): number {
    return Math.max(0, this.limit - this.held);
  }

  /** Findings offered so far (kept, counted or silenced): a check that offered some while it ran gave them here. */
  offers = 0;

  /** Keeps or counts `finding`, unless the settings turn its code off or a suppression comment silences it. */
  offer(finding: Finding, suppressible = true): void {
    this.offers++;
    const severity = this.severityOf(finding);
    // A code turned off needs no suppression and counts as nothing silenced (the directive stays unused).
    if (severity === 'off') return;
    if (suppressible && this.suppressions?.silences(finding)) return;
    if (finding.code === 'syntax-error') {
      this.findings.push(finding);
      return;
    }
    if (this.held < this.limit) {
      this.held++;
      this.findings.push(finding);
      return;
    }
    this.omitted[severity]++;
    this.firstOmitted ??= finding.offset;
  }

  /** How many findings were left out. */
  get omittedCount(): number {
    return this.omitted.error + this.omitted.warning + this.omitted.information + this.omitted.hint;
  }

  /** The kept findings in reading order, after the unused-suppression hints were offered too. */
  finish(): Finding[] {
    // A hint about a directive is never silenced by another directive.
    for (const hint of this.suppressions?.unused() ?? []) this.offer(hint, false);
    // Stable: equal offsets keep the order they were found in.
    return this.findings.sort((a, b) => a.offset - b.offset);
  }
}

/** The code of the notice that ends a document's diagnostics when some were left out. */
export const CUT_NOTICE_CODE = 'too-many-problems';

/** What the notice carries: how many were left out, by severity (the CLI counts them in its summary and exit code). */
export interface CutNoticeData {
  omitted: SeverityCounts;
}

/** The one diagnostic that says how many findings were left out, where the first of them is. */
export function cutNotice(budget: FindingsBudget, at: Position, lang: Lang): Diagnostic {
  const data: CutNoticeData = { omitted: { ...budget.omitted } };
  return {
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Information,
    source: 'jkopay',
    code: CUT_NOTICE_CODE,
    message: msg(lang, 'diagnostics-cut', { shown: budget.limit, left: budget.omittedCount }),
    data,
  };
}
