/**
 * What a restart of the in-host mock loses after its orders are moved across it (a new forwarding
 * origin or new mock keys restart it): callbacks that were still being tried. A stopped mock
 * cancels its pending retries, so a paid order whose result_url had not yet answered 2xx gets no
 * more notifications, and an order whose confirm_url was still being asked stays unpaid. Read
 * from the orders' delivery records, so that the user is told which orders, instead of finding out
 * later. Pure: no vscode.
 */
import type { CallbackTiming } from '../../api/mock/mockConfig';
import type { DeliveryRecord, MockStateData } from '../../api/mock/mockState';

export interface CutCallback {
  platform_order_id: string;
  kind: DeliveryRecord['kind'];
}

/** The callbacks of `data`'s orders that were cut off mid-way (retries due) when the mock stopped. */
export function cutCallbacks(data: MockStateData, timing: Pick<CallbackTiming, 'resultAttempts'>): CutCallback[] {
  const cut: CutCallback[] = [];
  for (const order of data.orders) {
    const last = (kind: DeliveryRecord['kind']) => order.deliveries.filter((d) => d.kind === kind).pop();
    const result = last('result_url');
    // Paid, notified, never acknowledged, and attempts left: the next retry was cancelled. Counted, not read from the
    // record's retry flag: an attempt that ends while the server closes is recorded without a retry, yet was cut off.
    if (order.status === 0 && result && !result.skipped && !order.deliveries.some((d) => d.kind === 'result_url' && d.ok)) {
      if (result.attempt < timing.resultAttempts) cut.push({ platform_order_id: order.platform_order_id, kind: 'result_url' });
    }
    const confirm = last('confirm_url');
    // Still unpaid while a retry of confirm_url was due (its record says so: not after {"valid": false} or the last attempt).
    if (order.status === 101 && confirm?.retry === true) cut.push({ platform_order_id: order.platform_order_id, kind: 'confirm_url' });
  }
  return cut;
}
