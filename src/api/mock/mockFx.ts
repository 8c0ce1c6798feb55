/**
 * What a foreign-currency payment debits. JKOPay charges the buyer's instrument in TWD: the
 * official non-TWD inquiry sample has a JPY order with `final_price "1230"` and
 * `debit_amount "249"`. So for such an order `debit_amount` is the paid part converted at the
 * configured rate and rounded to whole TWD, and `final_price = redeem_amount + debit_amount`
 * holds only for TWD orders. The exact conversion JKOPay applies is not documented; the rates
 * are the mock's (`fxToTwd` in its config).
 */
import { decimal, type Decimal, isPositive, multiply, round } from '../../core';
import { money } from './mockMoney';

/** `debit_amount` for `paid` (in the order currency): the same amount for TWD, else whole TWD (at least 1 when anything is paid). */
export function debitAmount(paid: Decimal, currency: string, fxToTwd: Readonly<Record<string, number>>): string {
  if (currency === 'TWD') return money(paid, 'TWD');
  const rate = fxToTwd[currency];
  if (rate === undefined) throw new Error(`no TWD rate for ${currency} (fxToTwd)`);
  const twd = round(multiply(paid, decimal(String(rate))), 0);
  if (!isPositive(twd) && isPositive(paid)) return '1';
  return money(twd, 'TWD');
}
