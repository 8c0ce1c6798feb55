/** `jkopay callbacks test`: its usage and options, read by its parser (callbacksCommand.ts) and by `jkopay help callbacks`. */
import { COMMON_OPTIONS, type CommandSpec } from './commandSpec';

export const CALLBACKS_SPEC = {
  name: 'callbacks',
  usage: 'callbacks test [--confirm-url URL] [--result-url URL] [options]',
  summary: {
    en: 'Play JKOPay against your own confirm_url and result_url and judge each answer against the contract.',
    'zh-TW': '扮演街口呼叫你自己的 confirm_url 與 result_url，並依規格評判每個回應。',
  },
  details: {
    en: 'Scenarios: confirm (must answer 200 {"valid": true}), result, a duplicate result (must be acknowledged again), a result with a wrong digest. Non-loopback URLs are allowed (you named them); the hosts called are printed first, on stderr.',
    'zh-TW':
      '情境：confirm（必須回應 200 {"valid": true}）、result、重複的 result（必須再次確認收到）、digest 錯誤的 result。允許非本機網址（是你指定的）；會先在 stderr 印出要呼叫的主機。',
  },
  exit: {
    en: '0 nothing failed; 1 a scenario failed; 2 bad usage.',
    'zh-TW': '0 全部通過；1 有情境失敗；2 用法錯誤。',
  },
  options: {
    'confirm-url': {
      type: 'string',
      arg: 'URL',
      text: { en: 'Your confirm_url. At least one of the two URLs is needed.', 'zh-TW': '你的 confirm_url。兩個網址至少要給一個。' },
    },
    'result-url': {
      type: 'string',
      arg: 'URL',
      text: { en: 'Your result_url.', 'zh-TW': '你的 result_url。' },
    },
    order: {
      type: 'string',
      arg: 'ID',
      text: { en: 'The platform_order_id the callbacks carry.', 'zh-TW': '回呼內容帶的 platform_order_id。' },
      defaultText: { en: 'callback-test-<time>', 'zh-TW': 'callback-test-<時間>' },
    },
    currency: {
      type: 'string',
      default: 'TWD',
      arg: 'CODE',
      text: {
        en: "The order's currency; for JPY, USD, CNY and HKD the debit_amount is whole TWD at the mock's default rate.",
        'zh-TW': '訂單幣別；JPY、USD、CNY、HKD 的 debit_amount 以模擬伺服器的預設匯率換成整數新台幣。',
      },
    },
    amount: {
      type: 'string',
      default: '100',
      arg: 'N',
      text: { en: "The order's final_price.", 'zh-TW': '訂單的 final_price。' },
    },
    'secret-env': {
      type: 'string',
      arg: 'VAR',
      text: {
        en: 'The environment variable holding the secret key the digest header is keyed with (never the key itself: it would stay in shell history).',
        'zh-TW': '存放 digest 標頭所用密鑰的環境變數名稱（不是密鑰本身：那會留在 shell 歷史中）。',
      },
      defaultText: { en: "the mock's mock-secret-key", 'zh-TW': '模擬伺服器的 mock-secret-key' },
    },
    'timeout-seconds': {
      type: 'string',
      default: '10',
      arg: 'N',
      text: {
        en: "Deadline of each call, answer included (10 is JKOPay's read timeout).",
        'zh-TW': '每次呼叫（含回應）的時限（10 是街口的讀取逾時）。',
      },
    },
    slow: {
      type: 'boolean',
      text: {
        en: "Add a row per URL judging its slowest answer against JKOPay's 10 s read timeout (no extra call).",
        'zh-TW': '每個網址多一列，以街口 10 秒的讀取逾時評判其最慢的回應（不會多呼叫）。',
      },
    },
    format: {
      type: 'string',
      default: 'text',
      arg: 'text|json',
      text: {
        en: 'A table (text) or an array of {scenario, url, verdict, status, ms, detail} (json).',
        'zh-TW': '表格（text），或 {scenario, url, verdict, status, ms, detail} 的陣列（json）。',
      },
    },
    ...COMMON_OPTIONS,
  },
} as const satisfies CommandSpec;
