/**
 * The words of `jkopay mock` (its start-up summary and problems, and `mock pay|fail|clock|reset|
 * orders`), `jkopay sign`, `jkopay verify` and `jkopay explain`, in English and Traditional Chinese, by id. What the
 * mock itself says (a callback's outcome, a refusal) is quoted as it comes; the mock's first line
 * (`listening on URL`, which scripts wait for) and its access log stay as they are. Pure data.
 */
import { type Args, localize } from '../data/localize';
import type { Lang, Localized } from '../data/types';

export const COMMAND_TEXTS = {
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
  'explain-mock-result': {
    en: "the mock's own answer, not a JKOPay result code",
    'zh-TW': '模擬伺服器自己的回應，不是街口的結果代碼',
  },
  'explain-mock-http': {
    en: "an HTTP status of the mock's own, not a JKOPay result code",
    'zh-TW': '模擬伺服器自己的 HTTP 狀態碼，不是街口的結果代碼',
  },
  'verify-match': {
    en: 'match: the DIGEST is HMAC-SHA256 of exactly these bytes with the secret key',
    'zh-TW': '相符：此 DIGEST 就是以密鑰對這些位元組計算的 HMAC-SHA256',
  },
  'verify-mismatch': {
    en: 'mismatch: the DIGEST is not HMAC-SHA256 of exactly these bytes with this secret key',
    'zh-TW': '不相符：此 DIGEST 不是以此密鑰對這些位元組計算的 HMAC-SHA256',
  },
  'mock-remote-host': {
    en: 'warning: listening on {host} makes the mock (and its well-known keys) reachable from other machines',
    'zh-TW': '警告：在 {host} 上監聽，其他電腦也能連到這個模擬伺服器（及其公開的金鑰）',
  },
  'mock-port-in-use': {
    en: 'port {port} on {host} is in use (another jkopay mock?); choose another with --port N',
    'zh-TW': '{host} 的連接埠 {port} 已被占用（另一個 jkopay mock？）；請用 --port N 改用其他連接埠',
  },
  'mock-cannot-listen': { en: 'cannot listen on {host}:{port} ({code})', 'zh-TW': '無法在 {host}:{port} 上監聽（{code}）' },
  'mock-stopped': { en: 'stopped', 'zh-TW': '已停止' },
  'mock-api-key': { en: 'API key:    {key}', 'zh-TW': 'API key：{key}' },
  'mock-secret-key': { en: 'secret key: {key}', 'zh-TW': '密鑰（secret key）：{key}' },
  'mock-key-from': { en: '{key} (from {file})', 'zh-TW': '{key}（來自 {file}）' },
  'mock-stores': { en: 'stores:', 'zh-TW': '商店：' },
  'mock-store-identity': { en: '  (requires identity verification)', 'zh-TW': '（需要實名認證）' },
  'mock-state-file': { en: 'state:      {file} ({orders|# order|# orders} loaded)', 'zh-TW': '狀態：{file}（已載入 {orders} 筆訂單）' },
  'mock-state-memory': {
    en: 'state:      in memory: lost when the mock stops (use --state FILE to keep it)',
    'zh-TW': '狀態：只在記憶體中，模擬伺服器停止時就會消失（用 --state FILE 保存）',
  },
  'mock-callbacks-forwarded': {
    en: 'callbacks:  all forwarded to {origin} (path and query kept)',
    'zh-TW': '回呼：全部轉送到 {origin}（保留路徑與查詢字串）',
  },
  'mock-callbacks-loopback': {
    en: 'callbacks:  to loopback hosts{allowed} only; others are skipped (--forward-callbacks-to ORIGIN)',
    'zh-TW': '回呼：只送往本機（loopback）主機{allowed}，其他的略過（--forward-callbacks-to ORIGIN）',
  },
  'mock-callbacks-allowed': { en: ' and {hosts}', 'zh-TW': '及 {hosts}' },
  'mock-control': {
    en: 'control:    jkopay mock pay ID [--coupon N] · mock fail ID · mock clock --advance-days N · mock reset · mock orders',
    'zh-TW': '控制：jkopay mock pay ID [--coupon N] · mock fail ID · mock clock --advance-days N · mock reset · mock orders',
  },
  'mock-control-url': {
    en: '            each with --url {url}, or once for them and send: export JKOPAY_MOCK_URL={url}',
    'zh-TW': '      每個指令都要加 --url {url}，或先為它們與 send 設定一次：export JKOPAY_MOCK_URL={url}',
  },
  'mock-control-http': {
    en: '            (or POST /_mock/orders/ID/pay, /fail, /_mock/clock, /_mock/reset; GET /_mock/orders) · header X-Mock-Result: <code> forces a documented failure',
    'zh-TW':
      '      （或 POST /_mock/orders/ID/pay、/fail、/_mock/clock、/_mock/reset；GET /_mock/orders）· 標頭 X-Mock-Result: <code> 可強制回傳文件中的失敗代碼',
  },
  'sign-cannot-read': { en: 'cannot read {file}: {reason}', 'zh-TW': '無法讀取 {file}：{reason}' },
  'sign-dry-run': {
    en: 'run `jkopay send {file} --dry-run` to see the exact bytes, headers and DIGEST that send would use',
    'zh-TW': '執行 `jkopay send {file} --dry-run` 可看到 send 實際會用的位元組、標頭與 DIGEST',
  },
  'sign-comments': {
    en: '{file} has comments, which would be signed too, but send never sends them: {dryRun}',
    'zh-TW': '{file} 含有註解，註解也會被簽章，但 send 從不送出註解：{dryRun}',
  },
  'sign-several-payloads': {
    en: '{file} holds {count} payloads, not one request body: {dryRun} (with --index N)',
    'zh-TW': '{file} 含有 {count} 個 payload，不是單一個請求內容：{dryRun}（加上 --index N）',
  },
  'sign-other-bytes': {
    en: 'send sends other bytes than this file (compact, without $schema), with DIGEST {digest}; {dryRun}',
    'zh-TW': 'send 送出的位元組與這個檔案不同（緊湊格式、不含 $schema），其 DIGEST 為 {digest}；{dryRun}',
  },
  'sign-note': { en: 'note: {text}', 'zh-TW': '注意：{text}' },
  'sign-trailing-newline': {
    en: 'note: the file ends with a newline, which is signed too; send the body with it, or remove it from the file',
    'zh-TW': '注意：檔案結尾有換行，換行也會被簽章；送出的內容要包含它，或從檔案中刪掉',
  },
  'sign-question-mark': {
    en: 'note: JKOPay signs the query without the leading "?"',
    'zh-TW': '注意：街口簽章的查詢字串不含開頭的「?」',
  },
  'sign-encoded-comma': {
    en: 'note: JKOPay signs the comma between ids as "," not "%2C"',
    'zh-TW': '注意：街口簽章時，訂單編號之間的逗號是「,」而不是「%2C」',
  },
  'sign-space-after-comma': {
    en: 'note: a space after a comma is signed too; JKOPay writes ids as a,b',
    'zh-TW': '注意：逗號後的空格也會被簽章；街口的寫法是 a,b',
  },
} satisfies Record<string, Localized>;

export type CommandTextId = keyof typeof COMMAND_TEXTS;

export function commandText(lang: Lang, id: CommandTextId, args?: Args): string {
  return localize(COMMAND_TEXTS[id], lang, args);
}
