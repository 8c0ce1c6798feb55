/**
 * `POST /platform/refund` in the mock, checked in this order: the fields ("Bad request"), the
 * order (100), decimal places in the order's currency (200), a repeated `refund_order_id` (same
 * amount: the same refund again, not a second one; another amount: 105), payment (an unpaid
 * order has nothing to refund: 922 with a message saying so), the 180-day window (102), a
 * partial refund of a coupon order (117), the running total against final_price (922). The
 * check and the update happen in one synchronous step, so parallel refunds cannot over-refund.
 */
import { getProperty } from '../../core';
import { dynamic, official, ROWS } from './mockAnswers';
import { isAnswer, parseBody } from './mockBody';
import { type HandlerResult, type MockContext, unchanged } from './mockContext';
import { debitAmount } from './mockFx';
import { add, amount, compare, money, sum, ZERO } from './mockMoney';
import type { MockRefund } from './mockState';
import { DAY_MS } from './mockTime';
import { refundResultObject } from './mockTransaction';
import { checkFields } from './mockValidation';
import { DEFAULT_CURRENCY } from '../../data/files';

/** The message of the dynamic 922 row when the order was never paid (JKOPay's own text is not documented). */
export const NOT_PAID_MESSAGE = 'Order is not paid: there is nothing to refund';

export function handleRefund(ctx: MockContext, text: string): HandlerResult {
  const body = parseBody(text);
  if (isAnswer(body)) return unchanged(body);
  const { value } = body;
  const id = typeof value.platform_order_id === 'string' ? value.platform_order_id : undefined;
  const order = id === undefined ? undefined : ctx.state.orders.get(id);
  // Amounts are judged in the order's currency; the body names none.
  const problems = checkFields('refund', text, order?.currency ?? DEFAULT_CURRENCY);
  const amountNode = problems.root && getProperty(problems.root, 'refund_amount')?.value;
  if (problems.answer !== 'bad-request' && amountNode?.type === 'number' && compare(amount(amountNode.text), ZERO) <= 0) {
    problems.answer = 'bad-request';
    problems.fields.refund_amount = '"refund_amount" must be greater than 0.';
  }
  if (problems.answer === 'bad-request') return unchanged(official(ROWS.badRequest, problems.fields));
  if (!order || amountNode?.type !== 'number') return unchanged(official(ROWS.invalidOrderId));
  if (problems.answer === 'digits') return unchanged(official(ROWS.refundDigits));

  const requested = amount(amountNode.text);
  const refundOrderId = typeof value.refund_order_id === 'string' ? value.refund_order_id : undefined;
  if (refundOrderId !== undefined) {
    const earlier = order.refunds.find((r) => r.refund_order_id === refundOrderId);
    if (earlier) {
      if (compare(amount(earlier.amount), requested) !== 0) return unchanged(official(ROWS.inconsistentRefund));
      return unchanged(official(ROWS.refundOk, refundResultObject(earlier)));
    }
  }
  const payment = order.payment;
  if (order.status !== 0 || !payment) return unchanged(dynamic(ROWS.refundFailed, NOT_PAID_MESSAGE));
  const now = ctx.state.now();
  if (now - payment.paid_at_ms > ctx.config.refundWindowDays * DAY_MS) return unchanged(official(ROWS.refundExpired));
  const finalPrice = amount(order.final_price);
  if (payment.coupon && (order.refunds.length > 0 || compare(requested, finalPrice) !== 0)) {
    return unchanged(official(ROWS.couponFullOnly));
  }
  const refunded = sum(order.refunds.map((r) => amount(r.amount)));
  if (compare(add(refunded, requested), finalPrice) > 0) return unchanged(official(ROWS.exceedsFinal));

  // A coupon order is refunded in full, coupon part included; otherwise all goes back to the payment instrument.
  const refund: MockRefund = {
    refund_tradeNo: ctx.state.nextTradeNo('R'),
    amount: money(requested, order.currency),
    // Like the payment's debit: in TWD for a foreign-currency order.
    debit_amount: payment.coupon ? payment.debit_amount : debitAmount(requested, order.currency, ctx.config.fxToTwd),
    redeem_amount: payment.coupon ? payment.redeem_amount : money(ZERO, order.currency),
    redeem_detail: payment.coupon
      ? { ...payment.redeem_detail }
      : { jko_coin_amount: 0, official_coupon_amount: 0, store_coupon_amount: 0 },
    time: ctx.state.nowText(),
  };
  if (refundOrderId !== undefined) refund.refund_order_id = refundOrderId;
  order.refunds.push(refund);
  return { answer: official(ROWS.refundOk, refundResultObject(refund)), changed: true };
}
