/**
 * An order as JKOPay reports it: the transaction object of inquiry answers and of the
 * result_url callback (reference §6.2), amounts as strings with the currency's decimals.
 */
import { money } from './mockMoney';
import type { MockOrder, MockRefund } from './mockState';

/** Inquiry `status` for an id the mock has never seen. */
export const STATUS_UNKNOWN = 102;

export function transactionOf(order: MockOrder): Record<string, unknown> {
  const payment = order.payment;
  if (order.status !== 0 || !payment) return { platform_order_id: order.platform_order_id, status: order.status };
  return {
    platform_order_id: order.platform_order_id,
    status: 0,
    tradeNo: payment.tradeNo,
    trans_time: payment.trans_time,
    currency: order.currency,
    final_price: money(order.final_price, order.currency),
    redeem_amount: payment.redeem_amount,
    redeem_detail: { ...payment.redeem_detail },
    debit_amount: payment.debit_amount,
    invoice_vehicle: '',
    maskNo: null,
    channel_type: payment.channel_type,
    refund_history: order.refunds.map(refundHistoryItem),
  };
}

/** A refund as `refund_history` lists it (`time`, `amount`: not `refund_time` as in the refund answer). */
function refundHistoryItem(refund: MockRefund): Record<string, unknown> {
  return {
    refund_tradeNo: refund.refund_tradeNo,
    time: refund.time,
    amount: refund.amount,
    debit_amount: refund.debit_amount,
    redeem_amount: refund.redeem_amount,
    redeem_detail: { ...refund.redeem_detail },
  };
}

/** The refund answer's `result_object` (reference §5.2). */
export function refundResultObject(refund: MockRefund): Record<string, unknown> {
  return {
    refund_tradeNo: refund.refund_tradeNo,
    debit_amount: refund.debit_amount,
    redeem_amount: refund.redeem_amount,
    redeem_detail: { ...refund.redeem_detail },
    refund_time: refund.time,
  };
}
