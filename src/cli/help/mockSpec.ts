/**
 * `jkopay mock` (the server) and `jkopay mock pay|fail|clock|reset|orders` (driving a running one):
 * their usage and options, read by their parsers (mockCommand.ts, mockControlCommand.ts) and by
 * `jkopay help mock`.
 */
import { COMMON_OPTIONS, type CommandSpec } from './commandSpec';

export const MOCK_SPEC = {
  name: 'mock',
  usage: 'mock [options]',
  summary: {
    en: 'Run the mock JKOPay server: it signs and checks like JKOPay, answers with the official codes and messages, keeps orders and calls your callbacks.',
    'zh-TW': '執行模擬的街口伺服器：像街口一樣簽章與驗證、以官方代碼與訊息回應、保存訂單，並呼叫你的回呼網址。',
  },
  details: {
    en:
      'It runs until Ctrl-C. The first line is `listening on URL` (scripts wait for it); then the keys, stores, where callbacks go and the control commands; then one line per request and per callback attempt. ' +
      'Its callbacks go only to loopback hosts unless forwarded or allowed. The keys are mock-api-key and mock-secret-key unless --config says otherwise.',
    'zh-TW':
      '會一直執行到按下 Ctrl-C。第一行是 `listening on URL`（腳本可以等這一行）；接著是金鑰、商店、回呼的去向與控制指令；之後每個請求與每次回呼各一行。' +
      '除非轉送或允許，回呼只會送往本機（loopback）主機。除非 --config 另有設定，金鑰為 mock-api-key 與 mock-secret-key。',
  },
  exit: {
    en: '0 stopped; 1 the port is in use or cannot be listened on; 2 bad usage, a bad --config or --state file.',
    'zh-TW': '0 已停止；1 連接埠已被占用或無法監聽；2 用法錯誤、--config 或 --state 檔案有誤。',
  },
  options: {
    port: {
      type: 'string',
      arg: 'N',
      text: {
        en: 'Port to listen on (0: any free port). Another port than 8917 needs --url (or JKOPAY_MOCK_URL) in the control commands and send.',
        'zh-TW': '要監聽的連接埠（0：任何空閒的連接埠）。不是 8917 時，控制指令與 send 需要 --url（或 JKOPAY_MOCK_URL）。',
      },
      defaultText: { en: '8917', 'zh-TW': '8917' },
    },
    host: {
      type: 'string',
      arg: 'H',
      text: {
        en: 'Address to listen on. Anything but loopback is warned about: the keys are well known.',
        'zh-TW': '要監聽的位址。非本機位址會顯示警告：金鑰是公開的。',
      },
      defaultText: { en: '127.0.0.1', 'zh-TW': '127.0.0.1' },
    },
    state: {
      type: 'string',
      arg: 'FILE',
      text: {
        en: 'Keep orders, payments and refunds in FILE, so that a restart loses nothing (read at start, rewritten after every change).',
        'zh-TW': '把訂單、付款與退款保存在 FILE，重新啟動也不會遺失（啟動時讀取，每次變更後改寫）。',
      },
      defaultText: { en: 'in memory only', 'zh-TW': '只存在記憶體中' },
    },
    config: {
      type: 'string',
      arg: 'FILE',
      text: {
        en: 'A JSON file of keys, stores, timings, callback routing and exchange rates (docs/mock.md).',
        'zh-TW': 'JSON 設定檔：金鑰、商店、時限、回呼路由與匯率（見 docs/mock.md）。',
      },
    },
    'forward-callbacks-to': {
      type: 'string',
      arg: 'ORIGIN',
      text: {
        en: 'Send every callback to ORIGIN (http(s)://host:port) instead of its own host, keeping path and query: your local backend receives them.',
        'zh-TW': '把所有回呼改送到 ORIGIN（http(s)://主機:連接埠），保留路徑與查詢字串：讓你本機的後端收到回呼。',
      },
    },
    'allow-callback-host': {
      type: 'string',
      multiple: true,
      arg: 'HOST',
      text: {
        en: 'Call this host as named, besides loopback hosts (a bare host name).',
        'zh-TW': '除了本機主機外，也照原樣呼叫這個主機（只寫主機名稱）。',
      },
    },
    quiet: {
      type: 'boolean',
      text: { en: 'No access log: only the start-up summary and errors.', 'zh-TW': '不輸出存取記錄：只有啟動摘要與錯誤。' },
    },
    ...COMMON_OPTIONS,
  },
} as const satisfies CommandSpec;

export const MOCK_CONTROL_SPEC = {
  name: 'mock pay|fail|clock|reset|orders',
  usage:
    'mock pay <order id> [--coupon N|all] [--channel account|bank|creditcard] [--skip-callbacks]\n' +
    '       jkopay mock fail <order id>\n' +
    '       jkopay mock clock [--advance-days N | --set "YYYY-mm-dd HH:MM:SS" | --real]\n' +
    '       jkopay mock reset\n' +
    '       jkopay mock orders [<order id>]',
  summary: {
    en: 'Drive a running mock: pay or fail an order (its callbacks are called), move its clock, forget everything, or list the orders.',
    'zh-TW': '操作執行中的模擬伺服器：讓訂單付款或付款失敗（會呼叫回呼）、調整時鐘、清除全部，或列出訂單。',
  },
  details: {
    en: "Each prints what happened in words, or the mock's JSON with --format json.",
    'zh-TW': '每個指令都會用文字說明結果，或加 --format json 印出模擬伺服器的 JSON。',
  },
  exit: {
    en: '0 done; 1 the mock refused (the reason is printed) or nothing answered at --url; 2 bad usage.',
    'zh-TW': '0 完成；1 模擬伺服器拒絕（會印出原因）或 --url 沒有回應；2 用法錯誤。',
  },
  options: {
    url: {
      type: 'string',
      arg: 'URL',
      text: {
        en: 'The running mock to drive.',
        'zh-TW': '要操作的模擬伺服器。',
      },
      defaultText: { en: '$JKOPAY_MOCK_URL, else http://127.0.0.1:8917', 'zh-TW': '$JKOPAY_MOCK_URL，否則為 http://127.0.0.1:8917' },
    },
    format: {
      type: 'string',
      default: 'text',
      arg: 'text|json',
      text: {
        en: "Print the answer in words (text) or the mock's JSON (json).",
        'zh-TW': '以文字（text）或模擬伺服器的 JSON（json）印出結果。',
      },
    },
    coupon: {
      type: 'string',
      arg: 'N|all',
      text: {
        en: 'pay: pay N (or all of final_price − unredeem) with a JKO coupon, which makes the order full-refund-only.',
        'zh-TW': 'pay：以街口優惠券支付 N（或 final_price − unredeem 的全部），訂單因此只能全額退款。',
      },
    },
    channel: {
      type: 'string',
      arg: 'account|bank|creditcard',
      text: { en: 'pay: the payment channel the transaction reports.', 'zh-TW': 'pay：交易回報的付款管道。' },
    },
    'skip-callbacks': {
      type: 'boolean',
      text: {
        en: 'pay: pay without calling confirm_url or result_url.',
        'zh-TW': 'pay：付款時不呼叫 confirm_url 與 result_url。',
      },
    },
    'advance-days': {
      type: 'string',
      arg: 'N',
      text: { en: "clock: move the mock's clock N days ahead (negative: back).", 'zh-TW': 'clock：把模擬時鐘往後調 N 天（負數則往前）。' },
    },
    set: {
      type: 'string',
      arg: 'TIME',
      text: {
        en: 'clock: set the mock\'s clock to "YYYY-mm-dd HH:MM:SS" (UTC+8); it keeps running from there.',
        'zh-TW': 'clock：把模擬時鐘設為 "YYYY-mm-dd HH:MM:SS"（UTC+8），之後從那裡繼續走。',
      },
    },
    real: {
      type: 'boolean',
      text: { en: "clock: set the mock's clock back to the real time.", 'zh-TW': 'clock：把模擬時鐘調回實際時間。' },
    },
    ...COMMON_OPTIONS,
  },
} as const satisfies CommandSpec;
