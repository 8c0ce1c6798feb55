/**
 * The answer envelope every OnlinePay endpoint uses: `{"result": "000", "message": null,
 * "result_object": {...}}` — lower-case keys, `result` a three-digit string (reference §9).
 */

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
  const v = value as Record<string, unknown>;
  if (typeof v.result !== 'string') return undefined;
  const message = typeof v.message === 'string' ? v.message : null;
  return { result: v.result, message, result_object: v.result_object ?? null };
}
