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
  constructor(
    readonly text: string,
    readonly settings: CheckSettings,
    readonly endpoint: Endpoint | undefined,
    lines?: LineIndex,
    /** A document's spent budget: findings are only counted there (no message, no fix, nothing kept here). */
    private readonly counter?: FindingsBudget,
  ) {
    this.lineIndex = lines;
  }

  /** True when findings are only counted: what a check builds for them alone (fixes) can be left out. */
  get counting(): boolean {
    return this.counter !== undefined;
  }

  /** The document's line index, shared by every payload of one check (built on first use). */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get lang(): Lang {
    return this.settings.lang;
  }

  report(code: RuleCode, node: { offset: number; length: number }, args: Args, extra?: Partial<Finding>): void {
    if (this.counter) return this.count(code, node, extra);
    this.push(code, node, localize(getRule(code).message, this.lang, args), extra);
  }

  /** Reports with a specific message instead of the rule's general one (the rule's code and answer stay). */
  reportDetail(code: RuleCode, node: { offset: number; length: number }, detail: MessageId, args: Args, extra?: Partial<Finding>): void {
    if (this.counter) return this.count(code, node, extra);
    this.push(code, node, msg(this.lang, detail, args), extra);
  }

  /** Past the budget: what the budget needs to count a finding (code, place, severity), and nothing else. */
  private count(code: RuleCode, node: { offset: number; length: number }, extra?: Partial<Finding>): void {
    this.counter!.offer({ code, offset: node.offset, length: node.length, message: '', severity: extra?.severity });
  }

  private push(code: RuleCode, node: { offset: number; length: number }, message: string, extra?: Partial<Finding>): void {
    const finding: Finding = { code, offset: node.offset, length: node.length, message, path: fieldPath(this.path), ...extra };
    const answer = this.endpoint && getRule(code).answers?.[this.endpoint];
    if (answer && !(extra && 'answer' in extra)) finding.answer = answer;
    this.findings.push(finding);
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
