/**
 * The hover on a checked TS/JS literal's braces: why it is checked as a JKOPay request ("Checked as
 * a JKOPay refund: sent to /platform/refund at line 42"), so that a user who doubts a finding sees
 * what the checker took as evidence and where; and, for a literal whose values the program only
 * knows when it runs (no Send lens stands above it), what the request runner needs instead. Pure.
 */
import type { Lang } from '../../data/types';
import type { Payload, PayloadDocument } from '../model/model';
import { runtimePart } from '../model/runtimePart';
import { LineIndex } from '../model/textUtil';
import { checkedText } from '../rules/checkReason';
import { msg } from '../texts/messages';
import type { HoverResult } from './hover';

export function evidenceHover(doc: PayloadDocument, offset: number, lang: Lang): HoverResult | undefined {
  for (const payload of doc.payloads) {
    const node = payload.node;
    if (!payload.evidence || payload.kind === 'response') continue;
    const onOpen = offset === node.offset;
    const onClose = offset === node.offset + node.length - 1;
    if (!onOpen && !onClose) continue;
    const checked = checkedText(payload.kind, payload.evidence, lang, new LineIndex(doc.text));
    const runner = runnerNeeds(payload, lang);
    const markdown = runner ? `${checked}\n\n${runner}` : checked;
    return { markdown, offset: onOpen ? node.offset : node.offset + node.length - 1, length: 1 };
  }
  return undefined;
}

/** Why the runner cannot send the literal, and what it needs; undefined when it can be sent. */
function runnerNeeds(payload: Payload, lang: Lang): string | undefined {
  const part = runtimePart(payload.node);
  if (!part || payload.kind === 'response') return undefined;
  const why = msg(lang, `runner-needs-${part.kind}`, 'field' in part ? { field: part.field } : {});
  return msg(lang, 'runner-needs', { why, kind: payload.kind });
}
