/**
 * The words of `jkopay mock pay|fail|clock|reset|orders` and `jkopay verify`, in English and
 * Traditional Chinese, by id. What the mock itself says (a callback's outcome, a refusal) is
 * quoted as it comes. Pure data.
 */
import { type Args, localize } from '../data/localize';
import type { Lang, Localized } from '../data/types';

export const CONTROL_TEXTS = {
  'pay-pending': { en: 'Order {id} is not paid yet: confirm_url {confirm}.', 'zh-TW': '訂單 {id} 尚未付款：confirm_url {confirm}。' },
  'pay-refused': {
    en: "Order {id} was NOT paid: confirm_url {confirm}. The order's status is now 100 (payment failed).",
    'zh-TW': '訂單 {id} 未付款：confirm_url {confirm}。訂單狀態現為 100（付款失敗）。',
  },
  'pay-paid': { en: 'Order {id} is paid: tradeNo {tradeNo} at {time}.', 'zh-TW': '訂單 {id} 已付款：tradeNo {tradeNo}，時間 {time}。' },
  'pay-amounts': {
    en: '  final_price {final} {currency}, redeem_amount {redeem}, debit_amount {debit} TWD',
    'zh-TW': '  final_price {final} {currency}，redeem_amount {redeem}，debit_amount {debit} 新台幣',
  },
  'pay-no-result': {
    en: '  result_url: not called (none in the order, or --skip-callbacks)',
    'zh-TW': '  result_url：未呼叫（訂單沒有此網址，或使用了 --skip-callbacks）',
  },
  'forwarded-to': { en: '{url} (forwarded to {to})', 'zh-TW': '{url}（轉送到 {to}）' },
  delivery: { en: '{where}: attempt {attempt} → {outcome}{time}{more}', 'zh-TW': '{where}：第 {attempt} 次 → {outcome}{time}{more}' },
  'delivery-time': { en: ' in {ms} ms', 'zh-TW': '，{ms} 毫秒' },
  'delivery-retried': {
    en: '; retried in the background with doubling delays (see `jkopay mock orders ID`)',
    'zh-TW': '；會在背景以加倍的間隔重送（見 `jkopay mock orders ID`）',
  },
  'fail-done': { en: 'Order {id}: the payment failed (inquiry status 100).', 'zh-TW': '訂單 {id}：付款失敗（查詢狀態 100）。' },
  'clock-offset': {
    en: 'Mock clock: {now} (UTC+8), {offset} from the real time.',
    'zh-TW': '模擬時鐘：{now}（UTC+8），與實際時間相差 {offset}。',
  },
  'clock-real': { en: 'Mock clock: {now} (UTC+8), the real time.', 'zh-TW': '模擬時鐘：{now}（UTC+8），即實際時間。' },
  'offset-days': { en: '{sign}{n} days', 'zh-TW': '{sign}{n} 天' },
  'offset-minutes': { en: '{sign}{n} min', 'zh-TW': '{sign}{n} 分鐘' },
  'reset-done': {
    en: 'Mock reset: every order is gone and the clock is back to the real time ({now}).',
    'zh-TW': '模擬伺服器已重設：所有訂單已清除，時鐘回到實際時間（{now}）。',
  },
  'no-orders': { en: 'The mock has no orders.', 'zh-TW': '模擬伺服器沒有訂單。' },
  'status-0': { en: 'paid', 'zh-TW': '已付款' },
  'status-100': { en: 'payment failed', 'zh-TW': '付款失敗' },
  'status-101': { en: 'not paid yet', 'zh-TW': '尚未付款' },
  'order-debit': { en: '  debit {debit} TWD  tradeNo {tradeNo}', 'zh-TW': '  扣款 {debit} 新台幣  tradeNo {tradeNo}' },
  'order-refunds': { en: '  refunds: {list}', 'zh-TW': '  退款：{list}' },
  'refund-item': { en: '{amount} at {time}', 'zh-TW': '{amount}（{time}）' },
  'verify-match': {
    en: 'match: the DIGEST is HMAC-SHA256 of exactly these bytes with the secret key',
    'zh-TW': '相符：此 DIGEST 就是以密鑰對這些位元組計算的 HMAC-SHA256',
  },
  'verify-mismatch': {
    en: 'mismatch: the DIGEST is not HMAC-SHA256 of exactly these bytes with this secret key',
    'zh-TW': '不相符：此 DIGEST 不是以此密鑰對這些位元組計算的 HMAC-SHA256',
  },
  'verify-lower-case': {
    en: 'note: it matches in lower case; JKOPay writes the DIGEST in lower-case hex',
    'zh-TW': '注意：改成小寫即相符；街口的 DIGEST 使用小寫十六進位',
  },
  'verify-newline': {
    en: 'note: it matches without the trailing newline; the bytes signed had none',
    'zh-TW': '注意：去掉結尾換行即相符；簽章的內容沒有結尾換行',
  },
  'verify-question-mark': {
    en: 'note: it matches without the leading "?"; JKOPay signs the query without it',
    'zh-TW': '注意：去掉開頭的「?」即相符；街口簽章的查詢字串不含「?」',
  },
} satisfies Record<string, Localized>;

export type ControlTextId = keyof typeof CONTROL_TEXTS;

export function controlText(lang: Lang, id: ControlTextId, args?: Args): string {
  return localize(CONTROL_TEXTS[id], lang, args);
}
