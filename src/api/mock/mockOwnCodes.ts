/**
 * The codes the mock answers on its own, for what JKOPay does not document (mockAnswers.ts:
 * `mockError`, the HTTP status as `result` with `result_object.mock: true`, and `unreadable`, an
 * official "200" over another HTTP status): what each means and what to do, in English and
 * Traditional Chinese, for `jkopay explain`, which says they are the mock's and not JKOPay's.
 * Pure data.
 */
import type { Localized } from '../../data/types';

export interface MockOwnCode {
  code: string;
  /** Where the code shows: as `result` (with HTTP the same), or only as the HTTP status (`result` is then "200"). */
  shows: 'result' | 'http-status';
  title: Localized;
  meaning: Localized;
  action: Localized;
}

export const MOCK_OWN_CODES: readonly MockOwnCode[] = [
  {
    code: '400',
    shows: 'result',
    title: { en: 'Request refused by the mock', 'zh-TW': '模擬伺服器拒絕了請求' },
    meaning: {
      en: 'The path is not validly percent-encoded, or the X-Mock-Result header names no documented failure of the endpoint; the message says which.',
      'zh-TW': '路徑的百分比編碼不正確，或 X-Mock-Result 標頭指定的不是該端點文件中的失敗代碼；訊息會說明是哪一種。',
    },
    action: {
      en: 'Fix the path, or use a code the message lists (jkopay send --mock-result CODE).',
      'zh-TW': '修正路徑，或改用訊息列出的代碼（jkopay send --mock-result CODE）。',
    },
  },
  {
    code: '401',
    shows: 'result',
    title: { en: 'API-KEY or DIGEST refused', 'zh-TW': 'API-KEY 或 DIGEST 被拒絕' },
    meaning: {
      en: 'The API-KEY header is missing or not the mock\'s key, or the DIGEST is missing or is not HMAC-SHA256 of the exact bytes received (the body, or the query string without "?") with the secret key. JKOPay does not document how it answers this.',
      'zh-TW':
        'API-KEY 標頭缺少或不是模擬伺服器的金鑰，或 DIGEST 缺少，或不是以密鑰對實際收到的位元組（請求內容，或不含「?」的查詢字串）計算的 HMAC-SHA256。街口並未記載它如何回應這種情況。',
    },
    action: {
      en: "Use the mock's keys (mock-api-key / mock-secret-key unless its --config says otherwise), sign the bytes you send, not a re-serialized object; jkopay send --dry-run shows the right DIGEST and jkopay verify checks yours.",
      'zh-TW':
        '使用模擬伺服器的金鑰（除非 --config 另有設定，否則為 mock-api-key / mock-secret-key），並對實際送出的位元組簽章，而不是重新序列化的物件；jkopay send --dry-run 會顯示正確的 DIGEST，jkopay verify 可檢查你的 DIGEST。',
    },
  },
  {
    code: '404',
    shows: 'result',
    title: { en: 'Unknown path', 'zh-TW': '未知的路徑' },
    meaning: {
      en: 'No endpoint at this path: the mock serves POST /platform/entry, POST /platform/refund and GET /platform/inquiry (and its /_mock/ control endpoints).',
      'zh-TW':
        '這個路徑沒有端點：模擬伺服器提供 POST /platform/entry、POST /platform/refund 與 GET /platform/inquiry（以及 /_mock/ 控制端點）。',
    },
    action: {
      en: 'Check the base URL and the path (no extra prefix, no trailing slash).',
      'zh-TW': '檢查基本網址與路徑（不要多餘的前綴或結尾斜線）。',
    },
  },
  {
    code: '405',
    shows: 'result',
    title: { en: 'Wrong method', 'zh-TW': '方法錯誤' },
    meaning: {
      en: 'The endpoint takes another HTTP method (entry and refund are POST, inquiry is GET); the Allow header names it.',
      'zh-TW': '該端點使用另一種 HTTP 方法（entry 與 refund 是 POST，inquiry 是 GET）；Allow 標頭會寫出正確的方法。',
    },
    action: { en: 'Send with the method the Allow header names.', 'zh-TW': '改用 Allow 標頭寫出的方法送出。' },
  },
  {
    code: '413',
    shows: 'http-status',
    title: { en: 'Body too large (HTTP 413)', 'zh-TW': '請求內容過大（HTTP 413）' },
    meaning: {
      en: 'The body is over 1 MB (1,048,576 bytes) and was not read; the answer is result "200" "Bad request" over HTTP 413.',
      'zh-TW': '請求內容超過 1 MB（1,048,576 位元組），未被讀取；回應為 HTTP 413 上的 result "200" "Bad request"。',
    },
    action: {
      en: 'Send one request per order; no JKOPay request is anywhere near 1 MB.',
      'zh-TW': '每筆訂單各送一個請求；沒有任何街口請求會接近 1 MB。',
    },
  },
  {
    code: '415',
    shows: 'http-status',
    title: { en: 'Not JSON (HTTP 415)', 'zh-TW': '不是 JSON（HTTP 415）' },
    meaning: {
      en: 'A POST without Content-Type: application/json; the answer is result "200" "Bad request" over HTTP 415.',
      'zh-TW': 'POST 請求沒有 Content-Type: application/json；回應為 HTTP 415 上的 result "200" "Bad request"。',
    },
    action: { en: 'Send the header Content-Type: application/json.', 'zh-TW': '送出 Content-Type: application/json 標頭。' },
  },
];

export function findMockOwnCode(code: string): MockOwnCode | undefined {
  return MOCK_OWN_CODES.find((entry) => entry.code === code);
}
