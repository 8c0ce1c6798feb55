/**
 * The payload checker for backends that validate a request before sending it: the same findings
 * as the editor and `jkopay check`, for one entry, refund or inquiry given as a value or as JSON
 * text. Uses the JSON path of the core only (never the TypeScript front-end).
 */
import type { Finding } from '../core/findings';
import type * as ValidationModule from '../core/validation';
import type * as JsonParserModule from '../core/jsonParser';
import type * as RuleTableModule from '../core/ruleTable';
import type { RuleSeverity } from '../core/ruleTable';
import type * as MessagesModule from '../core/messages';
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
  // The checker and its tables are loaded on first use.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { validatePayload } = require('../core/validation') as typeof ValidationModule;
  const { parseJson } = require('../core/jsonParser') as typeof JsonParserModule;
  const { getRule } = require('../core/ruleTable') as typeof RuleTableModule;
  const { msg } = require('../core/messages') as typeof MessagesModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? '');
  const settings = { lang: options.lang ?? 'en', defaultCurrency: options.defaultCurrency ?? 'TWD' };
  const { root, problems } = parseJson(text);
  const found: Finding[] = problems.map((p) => ({
    code: 'syntax-error',
    offset: p.offset,
    length: p.length,
    message: msg(settings.lang, p.id),
  }));
  if (root?.type === 'object') found.push(...validatePayload(text, { kind, kindReason: 'schema', node: root }, settings));
  else if (problems.length === 0)
    found.push({ code: 'wrong-type', offset: 0, length: text.length, message: msg(settings.lang, 'request-not-object', { kind }) });
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return found
    .sort((a, b) => a.offset - b.offset)
    .map((f) => {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= f.offset) line++;
      return {
        code: f.code,
        severity: f.severity ?? getRule(f.code).severity,
        message: f.message,
        offset: f.offset,
        length: f.length,
        line,
        column: f.offset - lineStarts[line],
      };
    });
}
