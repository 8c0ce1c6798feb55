/**
 * The example shop's orders, in memory: what the checkout creates and the JKOPay callbacks
 * update. A real backend keeps them in its database.
 */
import type { Transaction } from 'jkopay-tools';

export type OrderState = 'awaiting-payment' | 'paid' | 'failed';

export interface Order {
  id: string;
  amount: number;
  state: OrderState;
  paymentUrl?: string;
  /** JKOPay's trade number, once paid. */
  tradeNo?: string;
}

export class OrderBook {
  private readonly orders = new Map<string, Order>();
  private next = 1;

  create(amount: number): Order {
    const order: Order = { id: `shop-${Date.now()}-${this.next++}`, amount, state: 'awaiting-payment' };
    this.orders.set(order.id, order);
    return order;
  }

  get(id: string): Order | undefined {
    return this.orders.get(id);
  }

  /**
   * Applies a result_url notification. JKOPay may send the same one more than once, so this is
   * idempotent; the amount is checked against the order before it counts as paid.
   */
  applyTransaction(transaction: Transaction): Order | undefined {
    const order = this.orders.get(transaction.platform_order_id);
    if (!order) return undefined;
    if (transaction.status === 0 && Number(transaction.final_price) === order.amount) {
      order.state = 'paid';
      order.tradeNo = transaction.tradeNo;
    } else if (transaction.status === 100) {
      order.state = 'failed';
    }
    return order;
  }
}
