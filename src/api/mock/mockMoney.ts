/**
 * Amounts inside the mock: exact decimals (the core's BigInt decimals, never floats), written
 * back as JKOPay writes them in answers — strings with the currency's decimal places (`"1000"`,
 * `"10.50"`).
 */
import { add, compare, decimal, type Decimal, format, readNumber, round } from '../../core';
import { findCurrency } from '../../data';

export const ZERO: Decimal = decimal('0');

/** The exact value of an amount's text; throws on text that is not a number (callers have validated it). */
export function amount(text: string): Decimal {
  const read = readNumber(text);
  if (!read) throw new Error(`not an amount: ${text}`);
  return read;
}

/** The amount as a string with exactly the currency's decimal places. */
export function money(value: Decimal | string, currency: string): string {
  const d = typeof value === 'string' ? amount(value) : value;
  const places = findCurrency(currency)?.decimals ?? 0;
  const text = format(round(d, places));
  const dot = text.indexOf('.');
  const have = dot < 0 ? 0 : text.length - dot - 1;
  if (have >= places) return text;
  return `${dot < 0 ? `${text}.` : text}${'0'.repeat(places - have)}`;
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => add(a, b), ZERO);
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, { ...b, negative: compare(b, ZERO) !== 0 && !b.negative });
}

export function sameAmount(a: string, b: string): boolean {
  return compare(amount(a), amount(b)) === 0;
}

export { add, compare };
