/**
 * The hover on a checked TS/JS literal's braces: why it is checked as a JKOPay request ("Checked as
 * a JKOPay refund: sent to /platform/refund at line 42"), so that a user who doubts a finding sees
 * what the checker took as evidence and where. Pure.
 */
import type { Lang } from '../../data/types';
import type { PayloadDocument } from '../model/model';
import { LineIndex } from '../model/textUtil';
import { checkedText } from '../rules/checkReason';
import type { HoverResult } from './hover';

export function evidenceHover(doc: PayloadDocument, offset: number, lang: Lang): HoverResult | undefined {
  for (const payload of doc.payloads) {
    const node = payload.node;
    if (!payload.evidence || payload.kind === 'response') continue;
    const onOpen = offset === node.offset;
    const onClose = offset === node.offset + node.length - 1;
    if (!onOpen && !onClose) continue;
    const markdown = checkedText(payload.kind, payload.evidence, lang, new LineIndex(doc.text));
    return { markdown, offset: onOpen ? node.offset : node.offset + node.length - 1, length: 1 };
  }
  return undefined;
}
