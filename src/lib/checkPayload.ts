/**
 * The payload checker for backends that validate a request before sending it: the same findings
 * as the editor and `jkopay check`, for one entry, refund or inquiry given as a value or as JSON
 * text, through the core's one check of a request body's text (never the TypeScript front-end).
 */
import { checkPayloadText, getRule, type RuleSeverity } from '../core';
import type { Endpoint, Lang } from '../data/types';

export type PayloadKind = Endpoint;

export interface CheckPayloadOptions {
  /** Language of the messages: `en` (default) or `zh-TW`. */
  lang?: Lang;
  /** The currency refund amounts are judged in (a refund body names none). Default `TWD`. */
  defaultCurrency?: string;
}

export interface PayloadFinding {
  /** The rule, e.g. `missing-field`, `currency-precision` (docs/editor.md lists them). */
  code: string;
  severity: RuleSeverity;
  message: string;
  /** Where, in the text checked (for a value: in `JSON.stringify(value, null, 2)`), 0-based. */
  offset: number;
  length: number;
  line: number;
  column: number;
}

/**
 * The checker's findings on `value` as a `kind` request: errors first mean JKOPay would refuse it.
 * A string is taken as the JSON text of the request; anything else is serialised first.
 */
export function checkPayload(kind: PayloadKind, value: unknown, options: CheckPayloadOptions = {}): PayloadFinding[] {
  if (kind !== 'entry' && kind !== 'refund' && kind !== 'inquiry')
    throw new TypeError(`checkPayload: kind must be entry, refund or inquiry, not ${String(kind)}`);
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? '');
  } catch (e) {
    // JSON.stringify recurses: a value nested some thousands deep overflows the stack; a cycle cannot be written at all.
    // (RangeError and TypeError are one type to TypeScript: the reason is told apart by the class at run time.)
    const overflow = e instanceof RangeError;
    if (overflow || e instanceof TypeError)
      throw new TypeError(
        `checkPayload: the value cannot be written as JSON (${overflow ? 'it is nested too deeply' : (e as Error).message})`,
      );
    throw e;
  }
  const { findings } = checkPayloadText(kind, text, { lang: options.lang ?? 'en', defaultCurrency: options.defaultCurrency ?? 'TWD' });
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return findings.map((f) => {
    // The last line start at or before the finding: a binary search, so many findings on many lines stay linear.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= f.offset) low = mid;
      else high = mid - 1;
    }
    return {
      code: f.code,
      severity: f.severity ?? getRule(f.code).severity,
      message: f.message,
      offset: f.offset,
      length: f.length,
      line: low,
      column: f.offset - lineStarts[low],
    };
  });
}
