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
export function cutCallbacks(data: MockStateData, timing: Pick<CallbackTiming, 'confirmRetries' | 'resultAttempts'>): CutCallback[] {
  const cut: CutCallback[] = [];
  for (const order of data.orders) {
    const last = (kind: DeliveryRecord['kind']) => order.deliveries.filter((d) => d.kind === kind).pop();
    const result = last('result_url');
    // Paid, notified, never acknowledged, and attempts left: the next retry was cancelled.
    if (order.status === 0 && result && !result.skipped && !order.deliveries.some((d) => d.kind === 'result_url' && d.ok)) {
      if (result.attempt < timing.resultAttempts) cut.push({ platform_order_id: order.platform_order_id, kind: 'result_url' });
    }
    const confirm = last('confirm_url');
    // Still unpaid while confirm_url was being retried (no valid answer, no refusal, attempts left): the payment was cut off.
    if (order.status === 101 && confirm && !confirm.skipped && !confirm.ok && confirm.outcome !== 'answered {"valid": false}') {
      if (confirm.attempt < 1 + timing.confirmRetries) cut.push({ platform_order_id: order.platform_order_id, kind: 'confirm_url' });
    }
  }
  return cut;
}
