/**
 * The money rules: amounts judged exactly on their source text against the currency table
 * (decimal places, minimum order price, > 0), the cross-field sums of an entry, and numbers
 * that a JavaScript client could not send as written. Pure.
 */
import type { CurrencyEntry } from '../../data/types';
import { add, compare, decimal, type Decimal, fitsDouble, format, isPositive, multiply, readNumber, round } from '../model/decimal';
import type { FieldSpec } from '../model/fieldSpec';
import { msg } from '../texts/messages';
import { getProperty, type NumberNode, type ObjectNode, type ValueNode } from '../model/model';
import type { CheckContext } from './checkContext';

/** Fields an entry's minimum order price applies to. */
const MINIMUM_FIELDS = new Set(['total_price', 'final_price']);

const minimums = new Map<string, Decimal>();

function minimumOf(currency: CurrencyEntry): Decimal {
  let minimum = minimums.get(currency.code);
  if (!minimum) {
    minimum = decimal(currency.minimum);
    minimums.set(currency.code, minimum);
  }
  return minimum;
}

/** Checks one amount; true when something was reported (then no further number warning is added). */
export function checkAmount(ctx: CheckContext, node: NumberNode, spec: FieldSpec, currency: CurrencyEntry | undefined): boolean {
  const value = readNumber(node.text);
  const field = spec.name;
  if (!value) {
    ctx.reportDetail('invalid-value', node, 'number-out-of-range', { text: node.text });
    return true;
  }
  if (spec.exclusiveMinimum === 0 && !isPositive(value)) {
    ctx.report('non-positive-amount', node, { field });
    return true;
  }
  if (value.negative) {
    ctx.reportDetail('invalid-value', node, 'negative-amount', { field });
    return true;
  }
  if (!currency) return false;
  if (value.scale > currency.decimals) {
    const rounded = format(round(value, currency.decimals));
    ctx.report(
      'currency-precision',
      node,
      { field, places: value.scale, currency: currency.code, decimals: currency.decimals },
      {
        fixes: [
          ctx.replaceFix(
            msg(ctx.lang, 'fix-round', { value: rounded, currency: currency.code, decimals: currency.decimals }),
            node,
            rounded,
          ),
        ],
      },
    );
    return true;
  }
  if (ctx.endpoint === 'entry' && MINIMUM_FIELDS.has(field) && compare(value, minimumOf(currency)) < 0) {
    ctx.report(
      'below-minimum',
      node,
      { field, value: node.text, currency: currency.code, minimum: currency.minimum },
      {
        fixes: [ctx.replaceFix(msg(ctx.lang, 'fix-minimum', { currency: currency.code, value: currency.minimum }), node, currency.minimum)],
      },
    );
    return true;
  }
  return false;
}

/**
 * Warns where a JavaScript client (JSON.parse / JSON.stringify) would send another value than
 * the one written: integers beyond 2^53 and decimals a double cannot hold. Spelling-only changes
 * (`10.50` → `10.5`, `1e2` → `100`) keep the value and are not reported.
 */
export function checkNumberSafety(ctx: CheckContext, node: NumberNode): void {
  // Up to 15 significant digits a double always reproduces the decimal: nothing to compute.
  if (fitsDouble(node.text)) return;
  const read = readNumber(node.text);
  if (!read) {
    ctx.reportDetail('invalid-value', node, 'number-out-of-range', { text: node.text });
    return;
  }
  const asDouble = Number(node.text);
  const sent = Number.isFinite(asDouble) ? JSON.stringify(asDouble) : 'null';
  const sentValue = readNumber(sent);
  if (sentValue && compare(sentValue, read) === 0) return;
  const detail = read.scale === 0 && typeof read.digits === 'bigint' ? 'unsafe-integer' : 'rewritten-number';
  ctx.reportDetail('unsafe-number', node, detail, { text: node.text, sent });
}

/** The exact value of an amount, or undefined when it is not a literal number or not a usable one (≤ 0 is reported elsewhere). */
function amountOf(node: ValueNode | undefined): Decimal | undefined {
  const value = node?.type === 'number' ? readNumber(node.text) : undefined;
  return value && !value.negative ? value : undefined;
}

function positive(value: Decimal | undefined): Decimal | undefined {
  return value && isPositive(value) ? value : undefined;
}

/** final ≤ total, unredeem ≤ final, and the products adding up to final_price (warnings: JKOPay does not state these). */
export function checkCrossFields(ctx: CheckContext, node: ObjectNode): void {
  const finalNode = getProperty(node, 'final_price')?.value;
  const total = positive(amountOf(getProperty(node, 'total_price')?.value));
  const final = positive(amountOf(finalNode));
  const unredeemNode = getProperty(node, 'unredeem')?.value;
  const unredeem = amountOf(unredeemNode);
  if (final && total && compare(final, total) > 0) {
    ctx.report('final-exceeds-total', finalNode!, { final: format(final), total: format(total) });
  }
  if (unredeem && final && compare(unredeem, final) > 0) {
    ctx.report('unredeem-exceeds-final', unredeemNode!, { unredeem: format(unredeem), final: format(final) });
  }
  const products = getProperty(node, 'products')?.value;
  if (!final || products?.type !== 'array' || products.items.length === 0) return;
  let sum: Decimal = { negative: false, digits: 0, scale: 0 };
  for (const item of products.items) {
    if (item.type !== 'object') return;
    const price = amountOf(getProperty(item, 'unit_final_price')?.value);
    const count = amountOf(getProperty(item, 'unit_count')?.value);
    // A product with an unknown or missing figure makes the sum unknowable: say nothing.
    if (!price || !count) return;
    sum = add(sum, multiply(price, count));
  }
  if (compare(sum, final) !== 0) {
    ctx.report('products-total-mismatch', products, { sum: format(sum), final: format(final) });
  }
}
