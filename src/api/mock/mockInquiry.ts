/**
 * `GET /platform/inquiry?platform_order_ids=a,b` in the mock: up to 20 ids, each answered with
 * its transaction (status 0 paid, 100 failed, 101 not paid, 102 unknown) and refund history.
 * `result` is "000" even for unknown ids, as JKOPay answers.
 *
 * Ids separated by `%2C` (what URLSearchParams writes) are read as separated by commas, as a server
 * that decodes its query before reading the ids does, and the answer says so in
 * `result_object.mock_note` (docs/mock.md says why). Ids written as a `qs`-style array or a repeated
 * parameter are a Bad request that names the form and shows the one JKOPay documents.
 */
import { INQUIRY_PARAM, readInquiryQuery } from '../inquiryQuery';
import { official, ROWS } from './mockAnswers';
import { type HandlerResult, type MockContext, unchanged } from './mockContext';
import { STATUS_UNKNOWN, transactionOf } from './mockTransaction';

export const MAX_INQUIRY_IDS = 20;
const MAX_ID_LENGTH = 60;

/** How each form a client may write its ids in is named in an answer, with an example. */
const ARRAY_FORMS = {
  brackets: 'an array with brackets (platform_order_ids[]=a&platform_order_ids[]=b, as qs and PHP write them)',
  indexed: 'an indexed array (platform_order_ids[0]=a&platform_order_ids[1]=b, qs.stringify’s default)',
  repeated: 'one parameter per id (platform_order_ids=a&platform_order_ids=b)',
} as const;

/** `rawQuery` is the query string exactly as received (the text the DIGEST covers). */
export function handleInquiry(ctx: MockContext, rawQuery: string): HandlerResult {
  const query = readInquiryQuery(rawQuery);
  if (query.form === 'missing') {
    return unchanged(official(ROWS.badRequest, { platform_order_ids: 'Missing query parameter "platform_order_ids".' }));
  }
  if (query.form === 'brackets' || query.form === 'indexed' || query.form === 'repeated') {
    const expected = `${INQUIRY_PARAM}=${query.rawIds.join(',')}`;
    return unchanged(
      official(ROWS.badRequest, {
        platform_order_ids: `The ids are written as ${ARRAY_FORMS[query.form]}; JKOPay takes one parameter with the ids joined by commas: ${expected}.`,
      }),
    );
  }
  const ids: string[] = [];
  for (const raw of query.rawIds) {
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
  // Said in the answer, never read silently: the comma JKOPay documents is a plain one, and the DIGEST covers the query as sent.
  const note =
    query.form === 'encoded-comma'
      ? `The ids are separated by %2C (an encoded comma); the mock read them as ${ids.length} ids, as a server that decodes the query before reading it does. JKOPay documents a plain comma, platform_order_ids=${query.rawIds.join(',')}, and signs the query as written: send what you sign.`
      : undefined;
  return unchanged(official(ROWS.inquiryOk, { transactions, ...(note ? { mock_note: note } : {}) }));
}
