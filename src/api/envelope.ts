/**
 * The answer envelope every OnlinePay endpoint uses: `{"result": "000", "message": null,
 * "result_object": {...}}` — lower-case keys, `result` a three-digit string (reference §9). An
 * answer nested deeper than MAX_ANSWER_DEPTH is no envelope: JKOPay's are a few levels deep, and
 * everything that walks an answer (the scrubber, a caller's code, JSON.stringify) would overflow
 * the stack on one nested thousands deep.
 */

/** Deeper than any JKOPay answer, as deep as the checker reads a payload file (its parser's limit). */
export const MAX_ANSWER_DEPTH = 256;

/** True when `value` nests arrays or objects deeper than `max`; walked with a stack, stopping at the first too deep. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export interface Envelope {
  result: string;
  message: string | null;
  result_object: unknown;
}

/** The envelope in a response body, or undefined when the body is not JSON or not shaped like one. */
export function parseEnvelope(text: string): Envelope | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (nestedDeeperThan(value, MAX_ANSWER_DEPTH)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.result !== 'string') return undefined;
  const message = typeof v.message === 'string' ? v.message : null;
  return { result: v.result, message, result_object: v.result_object ?? null };
}
