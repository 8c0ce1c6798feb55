/**
 * Whole-payload snippets (LSP snippet syntax) offered where a payload object may start.
 * The same bodies back the `snippets/` files of the extension. Pure data.
 */
import type { Endpoint } from './types';

export const PAYLOAD_SNIPPETS: Record<Endpoint, string> = {
  entry: [
    '{',
    '\t"platform_order_id": "${1:order-0001}",',
    '\t"store_id": "${2:00000000-0000-4000-8000-000000000001}",',
    '\t"currency": "${3|TWD,JPY,USD,CNY,HKD|}",',
    '\t"total_price": ${4:100},',
    '\t"final_price": ${5:100},',
    '\t"unredeem": ${6:0},',
    '\t"result_url": "${7:https://example.com/jkopay/result}",',
    '\t"result_display_url": "${8:https://example.com/orders/order-0001}"',
    '}',
  ].join('\n'),
  refund: [
    '{',
    '\t"platform_order_id": "${1:order-0001}",',
    '\t"refund_order_id": "${2:refund-0001}",',
    '\t"refund_amount": ${3:100}',
    '}',
  ].join('\n'),
  inquiry: ['{', '\t"platform_order_ids": ["${1:order-0001}"]', '}'].join('\n'),
};
