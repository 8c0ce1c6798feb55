/**
 * Why a TS/JS literal is checked as a JKOPay request, or why one with JKOPay's field names is
 * not, in the user's language: the first line of each finding's related information, the hover
 * on a checked literal, and `jkopay check --explain`. Pure.
 */
import type { Endpoint, Lang } from '../../data/types';
import type { Payload, PayloadEvidence } from '../model/model';
import type { Finding } from './findings';
import type { LineIndex } from '../model/textUtil';
import type { LiteralDecision, SkipReason } from '../source/evidence';
import type { SourceDocument } from '../source/sourceDocument';
import { startOf } from '../source/tsParser';
import { type MessageId, msg } from '../texts/messages';

/** "Checked as a JKOPay refund: sent to /platform/refund at line 42". */
export function checkedText(kind: Endpoint, evidence: PayloadEvidence, lang: Lang, lines: LineIndex): string {
  const line = lines.lineOf(evidence.offset) + 1;
  let reason = msg(lang, `why-${evidence.kind}` as MessageId, { detail: evidence.detail, line });
  if (evidence.via) reason = msg(lang, 'why-via', { reason, via: evidence.via });
  return msg(lang, 'why-checked', { kind, reason });
}

/** A TS/JS payload's findings, each saying in its related information why its literal is checked (as they are for others). */
export function withCheckReason(findings: Finding[], payload: Payload, lang: Lang, lines: LineIndex): Finding[] {
  const evidence = payload.evidence;
  if (!evidence || payload.kind === 'response' || findings.length === 0) return findings;
  const related = {
    offset: evidence.offset,
    length: evidence.length,
    message: checkedText(payload.kind, evidence, lang, lines),
    evidence: evidence.kind,
  };
  return findings.map((f) => ({ ...f, related }));
}

/** The message of each reason a literal is skipped. */
const SKIP_MESSAGES: Record<SkipReason, MessageId> = {
  argument: 'why-argument',
  nested: 'why-nested',
  'callback-return': 'why-callback-return',
  returned: 'why-returned',
  array: 'why-array',
  other: 'why-nowhere',
  unused: 'why-nowhere',
  'too-far': 'why-too-far',
  'unknown-url': 'why-unknown-url',
  mock: 'why-mock',
  elsewhere: 'why-elsewhere',
  'own-type': 'why-own-type',
  'other-type': 'why-other-type',
  'not-request': 'why-not-request',
  'no-kind': 'why-no-kind',
  'not-request-keys': 'why-not-request-keys',
};

/** One literal of `jkopay check --explain`: where it is, whether it is checked, and why. */
export interface LiteralReport {
  offset: number;
  length: number;
  checked: boolean;
  kind?: Endpoint;
  /** The evidence's kind when checked, the reason's when not. */
  why: PayloadEvidence['kind'] | SkipReason;
  /** Where the evidence (or the reason) is written. */
  at: { offset: number; length: number };
  /** The sentence: "Checked as a JKOPay entry: sent to /platform/entry at line 30". */
  text: string;
}

/** Every literal of a source that has JKOPay's field names or an explicit sign, in order, with its decision. */
export function explainLiterals(doc: SourceDocument, lang: Lang, lines: LineIndex): LiteralReport[] {
  const text = doc.text;
  const evidenceOf = new Map(doc.payloads.map((p) => [p.node.offset, p]));
  return doc.decisions.map((decision: LiteralDecision) => {
    const offset = startOf(decision.literal, text);
    const span = { offset, length: decision.literal.end - offset };
    const payload = evidenceOf.get(offset);
    if (payload?.evidence && payload.kind !== 'response') {
      const evidence = payload.evidence;
      return {
        ...span,
        checked: true,
        kind: payload.kind,
        why: evidence.kind,
        at: { offset: evidence.offset, length: evidence.length },
        text: checkedText(payload.kind, evidence, lang, lines),
      };
    }
    const skip = decision.skip ?? { reason: 'other' as const, at: decision.literal, detail: '' };
    const at = startOf(skip.at, text);
    const reason = msg(lang, SKIP_MESSAGES[skip.reason], { detail: skip.detail, line: lines.lineOf(at) + 1 });
    // A literal inside a checked one is part of it (a product that looks like an entry).
    const inside = decision.kind !== undefined;
    return {
      ...span,
      checked: false,
      why: inside ? 'nested' : skip.reason,
      at: { offset: at, length: skip.at.end - at },
      text: msg(lang, 'why-skipped', { reason: inside ? msg(lang, 'why-inside', { line: lines.lineOf(offset) + 1 }) : reason }),
    };
  });
}
