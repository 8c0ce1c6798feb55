/**
 * `sameAmount(answer, sent)`: whether an amount JKOPay reports (a string padded to the currency's
 * decimals, `"12.50"`) is the amount a request sent (`12.5`, or its text). Compared by exact
 * value through the core's decimals: as strings `"12.50"` and `"12.5"` differ, and through
 * Number() two amounts that differ beyond a double's precision would be equal.
 */
import { compare, type Decimal, readNumber } from '../core';
import { JkoPayUsageError } from '../api/usageError';

/** A plain decimal as JKOPay writes amounts: digits, at most one point, an optional minus; no exponent, no spaces. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * True when `answer` (an answer's or callback's amount, e.g. `transaction.final_price`) has the
 * same value as `sent` (the number the request carried, as JSON.stringify sent it, or its text).
 * Throws a JkoPayUsageError for anything that is not an amount (a missing field, NaN, `"12,50"`).
 */
export function sameAmount(answer: string, sent: number | string): boolean {
  return compare(answerValue(answer), sentValue(sent)) === 0;
}

function answerValue(answer: unknown): Decimal {
  const read = typeof answer === 'string' && PLAIN_DECIMAL.test(answer) ? readNumber(answer) : undefined;
  if (!read)
    throw new JkoPayUsageError(
      `sameAmount: the answer's amount must be a decimal string such as "12.50", not ${describe(answer)} (is the field present in this answer?)`,
    );
  return read;
}

function sentValue(sent: unknown): Decimal {
  // A number is compared as the text JSON.stringify sent: the bytes JKOPay read.
  const text = typeof sent === 'number' && Number.isFinite(sent) ? JSON.stringify(sent) : typeof sent === 'string' ? sent.trim() : '';
  const read = text === '' ? undefined : readNumber(text);
  if (!read) throw new JkoPayUsageError(`sameAmount: the amount sent must be a finite number or its decimal text, not ${describe(sent)}`);
  return read;
}

/** How a wrong argument is named: its type, and its text only when it is short (amounts are no secrets). */
function describe(value: unknown): string {
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a long string';
  if (typeof value === 'number') return String(value);
  return value === null ? 'null' : typeof value;
}
