/**
 * The state one check run shares: the document text, the endpoint being checked, the settings,
 * and the findings reported so far, with helpers that localize messages and build simple fixes.
 * Pure.
 */
import type { Endpoint, Lang } from '../../data/types';
import type { Finding, Fix } from './findings';
import { type Args, localize } from '../texts/localize';
import { msg, type MessageId } from '../texts/messages';
import { getRule, type RuleCode } from './ruleTable';
import { LineIndex } from '../model/textUtil';
import type { FindingsBudget } from './findingsBudget';

export interface CheckSettings {
  lang: Lang;
  /** The currency of refunds (a refund body does not name it) and of new entry payloads. */
  defaultCurrency: string;
}

/** Everything a check needs to report: the document text, the endpoint, the language, the findings list. */
export class CheckContext {
  readonly findings: Finding[] = [];
  private lineIndex: LineIndex | undefined;
  /** The field being checked, as path segments (`products`, `[0]`, `name`): each finding says which field it is about. */
  readonly path: string[] = [];
  /** True once findings go to the budget as they are found instead of into `findings` (see `push`). */
  private direct: boolean;

  constructor(
    readonly text: string,
    readonly settings: CheckSettings,
    readonly endpoint: Endpoint | undefined,
    lines?: LineIndex,
    /**
     * The document's findings budget. Findings are collected here while the payload's findings fit in
     * what the budget has left; past that, the collected ones and every later one go to the budget as
     * they are found (nothing is collected, and `findings` stays empty), and once it is spent they are
     * only counted: one payload with a million unknown keys holds what is shown, not a million findings.
     */
    private readonly budget?: FindingsBudget,
  ) {
    this.lineIndex = lines;
    this.direct = budget !== undefined && budget.full;
  }

  /** True when findings are only counted: what a check builds for them alone (fixes) can be left out. */
  get counting(): boolean {
    return this.direct && this.budget!.full;
  }

  /** The document's line index, shared by every payload of one check (built on first use). */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get lang(): Lang {
    return this.settings.lang;
  }

  report(code: RuleCode, node: { offset: number; length: number }, args: Args, extra?: Partial<Finding>): void {
    if (this.counting) return this.count(code, node, extra);
    this.push(code, node, localize(getRule(code).message, this.lang, args), extra);
  }

  /** Reports with a specific message instead of the rule's general one (the rule's code and answer stay). */
  reportDetail(code: RuleCode, node: { offset: number; length: number }, detail: MessageId, args: Args, extra?: Partial<Finding>): void {
    if (this.counting) return this.count(code, node, extra);
    this.push(code, node, msg(this.lang, detail, args), extra);
  }

  /** Past the budget: what the budget needs to count a finding (code, place, severity), and nothing else. */
  private count(code: RuleCode, node: { offset: number; length: number }, extra?: Partial<Finding>): void {
    this.budget!.offer({ code, offset: node.offset, length: node.length, message: '', severity: extra?.severity });
  }

  private push(code: RuleCode, node: { offset: number; length: number }, message: string, extra?: Partial<Finding>): void {
    const finding: Finding = { code, offset: node.offset, length: node.length, message, path: fieldPath(this.path), ...extra };
    const answer = this.endpoint && getRule(code).answers?.[this.endpoint];
    if (answer && !(extra && 'answer' in extra)) finding.answer = answer;
    if (this.direct) {
      this.budget!.offer(finding);
      return;
    }
    this.findings.push(finding);
    // More than the budget has left: what was collected goes to it now, in order, and the rest as found.
    if (this.budget && this.findings.length >= this.budget.left) {
      for (const f of this.findings) this.budget.offer(f);
      this.findings.length = 0;
      this.direct = true;
    }
  }

  replaceFix(title: string, node: { offset: number; length: number }, newText: string): Fix {
    return { title, edits: [{ offset: node.offset, length: node.length, newText }] };
  }
}

/** The fix a finding gets when it is only counted (never shown, so never made). */
export const COUNTED_FIX: Fix = { title: '', edits: [] };

/** `products[0].name` from its segments; '' for the body itself. */
export function fieldPath(segments: readonly string[]): string {
  let path = '';
  for (const segment of segments) path = segment.startsWith('[') || path === '' ? path + segment : `${path}.${segment}`;
  return path;
}
