/**
 * The state one check run shares: the document text, the endpoint being checked, the settings,
 * and the findings reported so far, with helpers that localize messages and build simple fixes.
 * Pure.
 */
import type { Endpoint, Lang } from '../data/types';
import { type Finding, type Fix, ruleMessage, withAnswer } from './findings';
import type { Args } from './localize';
import { msg, type MessageId } from './messages';
import type { RuleCode } from './ruleTable';
import { LineIndex } from './textUtil';

export interface CheckSettings {
  lang: Lang;
  /** The currency of refunds (a refund body does not name it) and of new entry payloads. */
  defaultCurrency: string;
}

/** Everything a check needs to report: the document text, the endpoint, the language, the findings list. */
export class CheckContext {
  readonly findings: Finding[] = [];
  private lineIndex: LineIndex | undefined;
  constructor(
    readonly text: string,
    readonly settings: CheckSettings,
    readonly endpoint: Endpoint | undefined,
    lines?: LineIndex,
  ) {
    this.lineIndex = lines;
  }

  /** The document's line index, shared by every payload of one check (built on first use). */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get lang(): Lang {
    return this.settings.lang;
  }

  report(code: RuleCode, node: { offset: number; length: number }, args: Args, extra?: Partial<Finding>): void {
    this.findings.push({
      code,
      offset: node.offset,
      length: node.length,
      message: ruleMessage(code, this.lang, args, this.endpoint),
      ...extra,
    });
  }

  /** Reports with a specific message instead of the rule's general one (the rule's code and answer stay). */
  reportDetail(code: RuleCode, node: { offset: number; length: number }, detail: MessageId, args: Args, extra?: Partial<Finding>): void {
    this.findings.push({
      code,
      offset: node.offset,
      length: node.length,
      message: withAnswer(code, this.lang, msg(this.lang, detail, args), this.endpoint),
      ...extra,
    });
  }

  replaceFix(title: string, node: { offset: number; length: number }, newText: string): Fix {
    return { title, edits: [{ offset: node.offset, length: node.length, newText }] };
  }
}
