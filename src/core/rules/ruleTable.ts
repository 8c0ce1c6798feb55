/**
 * The diagnostics the checker can report: a stable code, a default severity, the general message
 * in both languages (checks may give a more specific one under the same code), and what JKOPay itself answers for the same mistake (where its official table
 * has a row), so that each message can say so. Settings may override severities by code.
 * Pure data.
 */
import type { Endpoint, Localized } from '../../data/types';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface Rule {
  code: RuleCode;
  severity: RuleSeverity;
  message: Localized;
  /** The official answer for this mistake, per endpoint, as `result` code and exact `message`. */
  answers?: Partial<Record<Endpoint, { code: string; message: string }>>;
}

const badRequest = { entry: { code: '200', message: 'Bad request' } };
const digits = { code: '200', message: 'Invalid number of digits for the order currency amount' };

export const RULES = {
  'syntax-error': {
    severity: 'error',
    message: { en: 'The file is not valid JSON with comments.', 'zh-TW': '檔案不是有效的 JSON（可含註解）。' },
  },
  'missing-field': {
    severity: 'error',
    message: { en: 'Missing required field "{field}".', 'zh-TW': '缺少必填欄位「{field}」。' },
    answers: badRequest,
  },
  'unknown-field': {
    severity: 'warning',
    message: {
      en: '"{field}" is not a field of the {endpoint} request.{suggestion}',
      'zh-TW': '「{field}」不是 {endpoint} 請求的欄位。{suggestion}',
    },
  },
  'duplicate-field': {
    severity: 'warning',
    message: {
      en: '"{field}" appears more than once; only the last value counts, and the signed body carries both.',
      'zh-TW': '「{field}」重複出現；只有最後一個值有效，而簽章的內容會包含兩者。',
    },
  },
  'wrong-type': {
    severity: 'error',
    message: { en: '"{field}" must be {expected}, not {actual}.', 'zh-TW': '「{field}」必須是{expected}，而不是{actual}。' },
    answers: badRequest,
  },
  'too-long': {
    severity: 'error',
    message: {
      en: '"{field}" is {length} characters long; the limit is {max}.',
      'zh-TW': '「{field}」長度為 {length} 個字元，上限是 {max}。',
    },
    answers: badRequest,
  },
  'invalid-value': {
    severity: 'error',
    message: { en: '"{field}" has a value JKOPay does not accept.', 'zh-TW': '「{field}」的值不被街口接受。' },
    answers: badRequest,
  },
  'invalid-format': {
    severity: 'error',
    message: { en: '"{field}" is not in the format JKOPay expects.', 'zh-TW': '「{field}」的格式不符合街口的要求。' },
    answers: badRequest,
  },
  'insecure-url': {
    severity: 'error',
    message: {
      en: '"{field}" must use https: JKOPay calls it from its servers and refuses plain http.',
      'zh-TW': '「{field}」必須使用 https：街口會從伺服器端呼叫這個網址，不接受 http。',
    },
    answers: badRequest,
  },
  'non-positive-amount': {
    severity: 'error',
    message: { en: '"{field}" must be greater than 0.', 'zh-TW': '「{field}」必須大於 0。' },
    answers: badRequest,
  },
  'currency-precision': {
    severity: 'error',
    message: {
      en: '"{field}" has {places|# decimal place|# decimal places}; {currency} allows {decimals}.',
      'zh-TW': '「{field}」有 {places} 位小數；{currency} 只允許 {decimals} 位。',
    },
    answers: { entry: digits, refund: digits },
  },
  'below-minimum': {
    severity: 'error',
    message: {
      en: '"{field}" is {value} {currency}; the minimum order price for {currency} is {minimum}.',
      'zh-TW': '「{field}」為 {value} {currency}；{currency} 的最低訂單金額是 {minimum}。',
    },
    answers: { entry: { code: '200', message: 'Order price below limit for this currency' } },
  },
  'final-exceeds-total': {
    severity: 'warning',
    message: {
      en: 'final_price ({final}) is greater than total_price ({total}): the price paid should not exceed the original price.',
      'zh-TW': 'final_price（{final}）大於 total_price（{total}）：實付金額不應超過原始金額。',
    },
  },
  'unredeem-exceeds-final': {
    severity: 'warning',
    message: {
      en: 'unredeem ({unredeem}) is greater than final_price ({final}): it is the part of the paid price that coins and coupons may not cover.',
      'zh-TW': 'unredeem（{unredeem}）大於 final_price（{final}）：它是實付金額中不可用街口幣或折價券折抵的部分。',
    },
  },
  'products-total-mismatch': {
    severity: 'warning',
    message: {
      en: 'The products add up to {sum} (Σ unit_final_price × unit_count), but final_price is {final}.',
      'zh-TW': '商品小計為 {sum}（Σ unit_final_price × unit_count），但 final_price 是 {final}。',
    },
  },
  'too-many-order-ids': {
    severity: 'error',
    message: {
      en: '{count} order ids: one inquiry takes at most 20. Split them into several requests.',
      'zh-TW': '共 {count} 個訂單編號：一次查詢最多 20 個，請分成多次查詢。',
    },
  },
  'unsafe-number': {
    severity: 'warning',
    message: {
      en: '{text} cannot be sent as written by a JavaScript client.',
      'zh-TW': '{text} 無法由 JavaScript 用戶端照原樣送出。',
    },
  },
  'unused-suppression': {
    severity: 'hint',
    message: {
      en: '{directive}{codes} silences nothing here: remove it.',
      'zh-TW': '{directive}{codes} 在這裡沒有忽略任何問題：請移除。',
    },
  },
  'unhandled-result-codes': {
    severity: 'warning',
    message: {
      en: 'This {form} does not handle {missing}.',
      'zh-TW': '這個{form}未處理{missing}。',
    },
  },
  'done-code-thrown': {
    severity: 'hint',
    message: {
      en: '{codes} means the {endpoint} request already succeeded, but {fallback} throws: a retried request becomes an error. Handle it as done.',
      'zh-TW': '{codes}表示 {endpoint} 請求已經成功，但{fallback}會拋出錯誤，重送的請求因此變成錯誤。請當作已完成處理。',
    },
  },
  'result-code-type': {
    severity: 'error',
    message: {
      en: "result is compared with the number {number}: always false, because JKOPay answers result as a string such as '{code}'.",
      'zh-TW': "result 與數字 {number} 比較：結果永遠為 false，因為街口回傳的 result 是字串，例如 '{code}'。",
    },
  },
  'unknown-result-code': {
    severity: 'warning',
    message: {
      en: "'{code}' is not a code the {endpoint} endpoint answers{where}.",
      'zh-TW': "{endpoint} API 不會回傳 '{code}'{where}。",
    },
  },
  'signed-bytes-mismatch': {
    severity: 'error',
    message: {
      en: 'The DIGEST is computed over other bytes than this request sends: {why}',
      'zh-TW': 'DIGEST 計算所用的位元組與此請求送出的不同：{why}',
    },
  },
  'digest-over-parsed-body': {
    severity: 'warning',
    message: {
      en: 'The digest is checked over {expression}: {what}. Check the raw body: {route}.',
      'zh-TW': 'digest 是對 {expression} 驗證的：{what}。請對原始內容驗證：{route}。',
    },
  },
  'too-complex': {
    severity: 'error',
    message: {
      en: 'This file is too complex to check (nested too deeply for the parser): none of its payloads were checked.',
      'zh-TW': '此檔案過於複雜，無法檢查（巢狀過深，剖析器無法處理）：其中的 payload 都沒有檢查。',
    },
  },
  unreadable: {
    severity: 'error',
    message: { en: 'This file cannot be read: {reason}.', 'zh-TW': '無法讀取此檔案：{reason}。' },
  },
  'invalid-encoding': {
    severity: 'error',
    message: {
      en: 'The file is not valid UTF-8 (first invalid byte at offset {byte}); JKOPay expects UTF-8 JSON.',
      'zh-TW': '檔案不是有效的 UTF-8（第一個無效位元組位於位移 {byte}）；JKOPay 要求 UTF-8 編碼的 JSON。',
    },
  },
} as const satisfies Record<string, Omit<Rule, 'code'>>;

export type RuleCode = keyof typeof RULES;

export function getRule(code: RuleCode): Rule {
  return { code, ...RULES[code] } as Rule;
}
