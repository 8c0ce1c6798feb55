/**
 * Field checks of a request body, by the core's own rules — the same ones the editor shows — so
 * the mock and the checker never disagree. Errors only (a warning such as a loopback callback
 * URL passes, as it would at JKOPay). Each error names the field it is about (the finding's
 * `path`), for the `result_object` of a "Bad request" answer, and the answer is picked by the
 * rule's documented JKOPay answer: decimal places → "Invalid number of digits…", minimum →
 * "Order price below limit…", anything else → "Bad request".
 */
import { checkPayloadText, getRule, type ObjectNode } from '../../core';
import type { Endpoint } from '../../data/types';

export type FieldAnswer = 'bad-request' | 'digits' | 'below-minimum';

export interface FieldProblems {
  /** Undefined when the body passes every error-level check. */
  answer: FieldAnswer | undefined;
  /** Field path (`total_price`, `products[0].name`, `(body)`) → what is wrong with it. */
  fields: Record<string, string>;
  /** The body in the core's model, where amounts keep their source digits; undefined when it holds no object. */
  root: ObjectNode | undefined;
}

const ROOT = '(body)';

export function checkFields(endpoint: Endpoint, text: string, defaultCurrency: string): FieldProblems {
  const { root, findings } = checkPayloadText(endpoint, text, { lang: 'en', defaultCurrency });
  const fields: Record<string, string> = {};
  let badRequest = false;
  let digits = false;
  let belowMinimum = false;
  for (const finding of findings) {
    if ((finding.severity ?? getRule(finding.code).severity) !== 'error') continue;
    if (finding.code === 'currency-precision') digits = true;
    else if (finding.code === 'below-minimum') belowMinimum = true;
    else badRequest = true;
    // The message alone: what JKOPay answers is the answer itself, not part of the field's note.
    const path = finding.path || ROOT;
    fields[path] = fields[path] ? `${fields[path]} ${finding.message}` : finding.message;
  }
  const answer: FieldAnswer | undefined = badRequest ? 'bad-request' : digits ? 'digits' : belowMinimum ? 'below-minimum' : undefined;
  return { answer, fields, root };
}
