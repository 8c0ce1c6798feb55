/**
 * Reads a POST body for the endpoint handlers: strict JSON (JKOPay is no JSONC reader, so a
 * comment or trailing comma is a "Bad request") with an object at the top. The core's model of the
 * same text, where amounts keep their source digits, comes with its check (`checkFields`).
 */
import { type MockAnswer, official, ROWS } from './mockAnswers';

export interface ParsedBody {
  value: Record<string, unknown>;
}

export function parseBody(text: string): ParsedBody | MockAnswer {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return official(ROWS.badRequest, { body: `not valid JSON: ${(e as Error).message}` }, 400);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return official(ROWS.badRequest, { body: 'must be a JSON object' });
  }
  return { value: value as Record<string, unknown> };
}

export function isAnswer(x: ParsedBody | MockAnswer): x is MockAnswer {
  return 'envelope' in x;
}
