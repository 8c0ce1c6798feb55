/**
 * `GET /platform/inquiry?platform_order_ids=a,b` in the mock: up to 20 ids, each answered with
 * its transaction (status 0 paid, 100 failed, 101 not paid, 102 unknown) and refund history.
 * `result` is "000" even for unknown ids, as JKOPay answers.
 */
import { official, ROWS } from './mockAnswers';
import { type HandlerResult, type MockContext, unchanged } from './mockContext';
import { STATUS_UNKNOWN, transactionOf } from './mockTransaction';

export const MAX_INQUIRY_IDS = 20;
const MAX_ID_LENGTH = 60;

/** `rawQuery` is the query string exactly as received (the text the DIGEST covers). */
export function handleInquiry(ctx: MockContext, rawQuery: string): HandlerResult {
  const param = rawQuery.split('&').find((p) => p.startsWith('platform_order_ids='));
  if (param === undefined) {
    return unchanged(official(ROWS.badRequest, { platform_order_ids: 'Missing query parameter "platform_order_ids".' }));
  }
  const ids: string[] = [];
  for (const raw of param.slice('platform_order_ids='.length).split(',')) {
    try {
      ids.push(decodeURIComponent(raw));
    } catch {
      return unchanged(official(ROWS.badRequest, { platform_order_ids: `"${raw}" is not validly percent-encoded.` }));
    }
  }
  if (ids.some((id) => id === '')) {
    return unchanged(
      official(ROWS.badRequest, { platform_order_ids: 'Empty id: write ids joined by single commas, e.g. platform_order_ids=a,b.' }),
    );
  }
  if (ids.length > MAX_INQUIRY_IDS) {
    return unchanged(official(ROWS.badRequest, { platform_order_ids: `${ids.length} ids: one inquiry takes at most ${MAX_INQUIRY_IDS}.` }));
  }
  const long = ids.find((id) => Array.from(id).length > MAX_ID_LENGTH);
  if (long !== undefined) {
    return unchanged(official(ROWS.badRequest, { platform_order_ids: `"${long}" is longer than ${MAX_ID_LENGTH} characters.` }));
  }
  const transactions = ids.map((id) => {
    const order = ctx.state.orders.get(id);
    return order ? transactionOf(order) : { platform_order_id: id, status: STATUS_UNKNOWN };
  });
  return unchanged(official(ROWS.inquiryOk, { transactions }));
}
