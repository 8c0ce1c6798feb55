/**
 * The words of `jkopay callbacks test` and of "JKOPay: Test Callback Endpoints…": each verdict's
 * detail, in English and Traditional Chinese, by id. Pure data.
 */
import { type Args, localize } from '../../data/localize';
import type { Lang, Localized } from '../../data/types';

export const CALLBACK_TEXTS = {
  'confirm-valid': {
    en: 'answered HTTP 200 with {"valid": {valid}}{blocked}',
    'zh-TW': '回應 HTTP 200 與 {"valid": {valid}}{blocked}',
  },
  'confirm-blocks': { en: ': JKOPay would not charge this order', 'zh-TW': '：街口不會扣款此訂單' },
  'confirm-not-200': {
    en: 'answered HTTP {status}; JKOPay expects HTTP 200 with a JSON body {"valid": true|false}',
    'zh-TW': '回應 HTTP {status}；街口預期 HTTP 200 與 JSON 內容 {"valid": true|false}',
  },
  'confirm-not-json': {
    en: 'answered {shown}, which is not JSON; JKOPay expects {"valid": true|false}',
    'zh-TW': '回應 {shown}，不是 JSON；街口預期 {"valid": true|false}',
  },
  'confirm-no-valid': {
    en: 'answered JSON without a boolean "valid" ({shown}); JKOPay expects {"valid": true|false}',
    'zh-TW': '回應的 JSON 沒有布林值「valid」（{shown}）；街口預期 {"valid": true|false}',
  },
  'result-ok': { en: 'acknowledged with HTTP {status}', 'zh-TW': '以 HTTP {status} 確認收到' },
  'result-not-2xx': {
    en: 'answered HTTP {status}; JKOPay takes anything but 2xx as a failure and delivers again (1 s, 2 s, 4 s …, up to 12 attempts)',
    'zh-TW': '回應 HTTP {status}；非 2xx 的回應街口都視為失敗並重送（1 秒、2 秒、4 秒…，最多 12 次）',
  },
  'duplicate-ok': {
    en: 'acknowledged the same notification again with HTTP {status}, as it must: JKOPay retries, so a handler sees duplicates',
    'zh-TW': '同一則通知再次以 HTTP {status} 確認收到，這是正確的：街口會重送，處理程式一定會收到重複的通知',
  },
  'duplicate-not-2xx': {
    en: 'answered the same notification again with HTTP {status}; JKOPay retries, so a duplicate must be acknowledged (2xx) without processing it twice (key on tradeNo and status)',
    'zh-TW': '同一則通知再次送達時回應 HTTP {status}；街口會重送，重複的通知也必須以 2xx 確認，且不可重複處理（以 tradeNo 與 status 判斷）',
  },
  'bad-digest-accepted': {
    en: 'accepted a notification whose digest header is wrong (HTTP {status}): the handler does not verify the digest, so before shipping it must confirm the payment with the inquiry API. JKOPay does not document signing callbacks, so this is no failure; still, verifying a digest when one is present keeps a forged notification from marking an order paid',
    'zh-TW':
      '接受了 digest 標頭錯誤的通知（HTTP {status}）：處理程式沒有驗證 digest，因此出貨前必須以查詢 API 確認付款。街口未說明回呼是否簽章，因此不算失敗；但有 digest 時加以驗證，可避免偽造的通知把訂單標成已付款',
  },
  'bad-digest-refused': {
    en: 'refused a notification whose digest header is wrong (HTTP {status}): the handler verifies the digest when one is present, so a forged notification cannot mark an order paid',
    'zh-TW': '拒絕了 digest 標頭錯誤的通知（HTTP {status}）：處理程式在有 digest 時會驗證，偽造的通知無法把訂單標成已付款',
  },
  'bad-digest-other': {
    en: 'answered a notification whose digest header is wrong with HTTP {status}, which is no refusal of the signature (that is 401 or 403): this does not show that the handler verifies the digest, and JKOPay would retry the call',
    'zh-TW':
      '對 digest 標頭錯誤的通知回應 HTTP {status}，這不是拒絕簽章（拒絕應為 401 或 403）：無法由此看出處理程式有驗證 digest，且街口會重送',
  },
  'unsigned-accepted': {
    en: 'acknowledged a notification without a digest header (HTTP {status}), as it should: JKOPay does not document that callbacks are signed. Such a notification proves nothing by itself: before shipping, the handler must confirm the payment with the inquiry API (this test cannot see whether it does)',
    'zh-TW':
      '確認收到沒有 digest 標頭的通知（HTTP {status}），這是正確的：街口未說明回呼會簽章。但這種通知本身無法證明什麼：出貨前，處理程式必須以查詢 API 確認付款（此測試看不到它是否這麼做）',
  },
  'unsigned-refused': {
    en: 'refused a notification only because it has no digest header (HTTP {status}): JKOPay does not document that callbacks are signed, so this handler could refuse every real notification. Verify the digest when one is present; otherwise confirm the payment with the inquiry API',
    'zh-TW':
      '只因為沒有 digest 標頭就拒絕了通知（HTTP {status}）：街口未說明回呼會簽章，這樣的處理程式可能拒絕所有真正的通知。有 digest 時驗證它；沒有時，以查詢 API 確認付款',
  },
  'result-reserialized': {
    en: "refused the notification with HTTP {status} although its digest is right, and accepted the same notification written compactly (HTTP {probe}): the handler checks the digest over a re-serialization of the parsed body (JSON.stringify(req.body)), not over the bytes received. This body is written as JKOPay's documentation writes JSON (\": \" spacing, \\/ and \\u escapes), so its re-serialization is other bytes. Verify the raw body: Express express.raw(), Fastify parseAs: 'buffer', Koa the unparsed body, Next.js await req.text(), Hono await c.req.text()",
    'zh-TW':
      "digest 正確，卻以 HTTP {status} 拒絕了通知；而同一則通知改寫成緊湊格式時卻被接受（HTTP {probe}）：處理程式是對解析後重新序列化的內容（JSON.stringify(req.body)）驗證 digest，而不是對收到的位元組。這則通知依街口文件的 JSON 寫法（「: 」空白、\\/ 與 \\u 跳脫），重新序列化後是不同的位元組。請對原始內容驗證：Express 用 express.raw()、Fastify 用 parseAs: 'buffer'、Koa 用未解析的內容、Next.js 用 await req.text()、Hono 用 await c.req.text()",
  },
  'result-refused-signed': {
    en: 'refused a notification whose digest is right (HTTP {status}), written compactly too: is the handler keyed with the same secret as this test (--secret-env)?',
    'zh-TW': '拒絕了 digest 正確的通知（HTTP {status}），改寫成緊湊格式也一樣：處理程式使用的密鑰與此測試相同嗎（--secret-env）？',
  },
  'unknown-order': {
    en: 'answered HTTP {status}: the handler does not know the order {order} this test sends. {how}',
    'zh-TW': '回應 HTTP {status}：處理程式不認得此測試送出的訂單 {order}。{how}',
  },
  'order-hint-cli': {
    en: 'Pass an order your backend knows: --order ID --amount N (its final_price).',
    'zh-TW': '請指定後端認得的訂單：--order ID --amount N（其 final_price）。',
  },
  'order-hint-editor': {
    en: 'Test with an order your backend knows: jkopay callbacks test --order ID --amount N does it from a terminal.',
    'zh-TW': '請以後端認得的訂單測試：在終端機執行 jkopay callbacks test --order ID --amount N。',
  },
  redirect: {
    en: 'answered HTTP {status}, a redirect to {location}; JKOPay does not follow redirects: give the final URL',
    'zh-TW': '回應 HTTP {status}，重新導向到 {location}；街口不會跟隨重新導向：請填寫最終網址',
  },
  transport: { en: '{error}', 'zh-TW': '{error}' },
  timeout: {
    en: 'no complete answer within {seconds} s (JKOPay waits 10 s for the answer, then counts the call as failed)',
    'zh-TW': '{seconds} 秒內沒有完整回應（街口等待回應 10 秒，逾時即視為失敗）',
  },
  'connect-timeout': {
    en: 'could not connect within {seconds} s (JKOPay gives up connecting after 5 s): is the host reachable from the internet?',
    'zh-TW': '{seconds} 秒內無法連線（街口連線逾時為 5 秒）：此主機能從網際網路連到嗎？',
  },
  'too-large': {
    en: 'the answer is larger than {bytes} bytes; it was cut off, not read (a callback answer should be a few bytes)',
    'zh-TW': '回應超過 {bytes} 位元組，已中斷、未讀取（回呼的回應應該只有幾個位元組）',
  },
  'slow-fast': {
    en: "slowest answer {ms} ms: well within JKOPay's 10 s read timeout",
    'zh-TW': '最慢的回應 {ms} 毫秒：遠低於街口 10 秒的讀取逾時',
  },
  'slow-close': {
    en: "slowest answer {ms} ms: close to JKOPay's 10 s read timeout; answer first, then do the slow work",
    'zh-TW': '最慢的回應 {ms} 毫秒：接近街口 10 秒的讀取逾時；請先回應，再做耗時的處理',
  },
  'slow-over': {
    en: "slowest answer {ms} ms: over JKOPay's 10 s read timeout, which would count the call as failed",
    'zh-TW': '最慢的回應 {ms} 毫秒：超過街口 10 秒的讀取逾時，該次呼叫會被視為失敗',
  },
  'slow-unknown': {
    en: 'no answer to time: see the other scenarios of this URL',
    'zh-TW': '沒有可計時的回應：請看此網址的其他情境',
  },
  'not-run': { en: 'not run: {reason}', 'zh-TW': '未執行：{reason}' },
  'scenario-confirm': {
    en: 'JKOPay POSTs {"platform_order_id": …} to confirm_url after the buyer enters the password, before charging; it needs HTTP 200 with {"valid": true|false} within 10 s (3 retries).',
    'zh-TW':
      '買家輸入密碼後、扣款前，街口會以 POST {"platform_order_id": …} 呼叫 confirm_url；須在 10 秒內回應 HTTP 200 與 {"valid": true|false}（最多重試 3 次）。',
  },
  'scenario-result': {
    en: 'JKOPay POSTs {"transaction": {…}} to result_url after the payment; any 2xx acknowledges it, anything else is retried.',
    'zh-TW': '付款完成後，街口會以 POST {"transaction": {…}} 呼叫 result_url；任何 2xx 即表示收到，其他回應會重送。',
  },
  'scenario-result-duplicate': {
    en: 'The same notification again, as a retry delivers it: it must be acknowledged again without processing the order twice.',
    'zh-TW': '再次送出同一則通知，如同重送：必須再次確認收到，且不可重複處理訂單。',
  },
  'scenario-result-bad-digest': {
    en: 'A notification of the same order (another tradeNo) with a wrong digest header (HMAC-SHA256 of the body with the secret): a handler that verifies it refuses this one with 401 or 403.',
    'zh-TW':
      '同一筆訂單的另一則通知（不同的 tradeNo），但 digest 標頭錯誤（以密鑰對內容計算的 HMAC-SHA256）：有驗證的處理程式會以 401 或 403 拒絕它。',
  },
  'scenario-result-unsigned': {
    en: 'The same order notified again without a digest header: JKOPay does not document signing callbacks, so a handler acknowledges it and confirms the payment with the inquiry API before shipping.',
    'zh-TW': '同一筆訂單再通知一次，但沒有 digest 標頭：街口未說明回呼會簽章，處理程式應確認收到，並在出貨前以查詢 API 確認付款。',
  },
  'scenario-slow': {
    en: "The slowest answer of this URL against JKOPay's 10 s read timeout.",
    'zh-TW': '此網址最慢的回應，與街口 10 秒讀取逾時相比。',
  },
  'elapsed-ms': { en: '{ms} ms', 'zh-TW': '{ms} 毫秒' },
  'column-scenario': { en: 'SCENARIO', 'zh-TW': '情境' },
  'column-url': { en: 'URL', 'zh-TW': '網址' },
  'column-verdict': { en: 'VERDICT', 'zh-TW': '結果' },
  'column-status': { en: 'STATUS', 'zh-TW': 'HTTP' },
  'column-time': { en: 'TIME', 'zh-TW': '時間' },
  'column-detail': { en: 'DETAIL', 'zh-TW': '說明' },
  'verdict-pass': { en: 'pass', 'zh-TW': '通過' },
  'verdict-warn': { en: 'warn', 'zh-TW': '警告' },
  'verdict-fail': { en: 'fail', 'zh-TW': '失敗' },
} satisfies Record<string, Localized>;

export type CallbackTextId = keyof typeof CALLBACK_TEXTS;

export function callbackText(lang: Lang, id: CallbackTextId, args?: Args): string {
  return localize(CALLBACK_TEXTS[id], lang, args);
}
