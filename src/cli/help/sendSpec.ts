/** `jkopay send`: its usage and options, read by its parser (sendCommand.ts) and by `jkopay help send`. */
import { COMMON_OPTIONS, type CommandSpec } from './commandSpec';

export const SEND_SPEC = {
  name: 'send',
  usage: 'send <file.jkopay.json> [options]',
  summary: {
    en: 'Check, sign and send one payload, print the request exactly as sent and explain the answer.',
    'zh-TW': '檢查、簽章並送出一個 payload，印出實際送出的請求，並解釋回應。',
  },
  details: {
    en:
      'A payload with errors is not sent (unless --force); warnings are shown and do not stop it. The body is built once from the payload as written and those exact bytes are signed and sent. ' +
      'With --env mock (the default) the request goes to the mock at $JKOPAY_MOCK_URL, else http://127.0.0.1:8917; when nothing listens there, a built-in mock is started for this one call. ' +
      'Credentials come from JKOPAY_API_KEY and JKOPAY_SECRET_KEY (for the mock, its well-known keys when unset) and are never printed whole.',
    'zh-TW':
      'payload 有錯誤時不會送出（除非加 --force）；警告會顯示但不會阻止送出。請求內容只從 payload 原文建立一次，簽章與送出的就是這些位元組。' +
      '使用 --env mock（預設）時，請求送往 $JKOPAY_MOCK_URL 的模擬伺服器，未設定時為 http://127.0.0.1:8917；那裡沒有服務時，會為這一次呼叫啟動內建的模擬伺服器。' +
      '金鑰來自 JKOPAY_API_KEY 與 JKOPAY_SECRET_KEY（模擬伺服器在未設定時使用其公開的預設金鑰），且從不完整印出。',
  },
  exit: {
    en: '0 JKOPay answered "000"; 1 not sent (errors), failed, or answered another code; 2 bad usage, unreadable input or missing credentials.',
    'zh-TW': '0 街口回應 "000"；1 未送出（有錯誤）、傳送失敗或回應其他代碼；2 用法錯誤、無法讀取輸入或缺少金鑰。',
  },
  options: {
    env: {
      type: 'string',
      default: 'mock',
      arg: 'mock|sandbox|production',
      text: {
        en: "Where to send: the mock, JKOPay's sandbox (UAT), or production (refused unless --allow-production).",
        'zh-TW': '送往何處：模擬伺服器、街口的測試環境（UAT），或正式環境（除非加 --allow-production，否則拒絕）。',
      },
    },
    'base-url': {
      type: 'string',
      arg: 'URL',
      text: {
        en: "Send to this origin instead of the environment's own (a sandbox proxy, or a mock on another port).",
        'zh-TW': '改送往這個網址，而不是該環境原本的網址（例如測試環境的代理，或其他連接埠上的模擬伺服器）。',
      },
    },
    index: {
      type: 'string',
      arg: 'N',
      text: {
        en: 'Which payload to send when the file holds several (0 is the first).',
        'zh-TW': '檔案含有多個 payload 時，要送出哪一個（0 是第一個）。',
      },
    },
    currency: {
      type: 'string',
      default: 'TWD',
      arg: 'CODE',
      text: {
        en: 'The currency a refund is checked against (its body names none).',
        'zh-TW': '檢查退款時採用的幣別（退款內容不含幣別）。',
      },
    },
    timeout: {
      type: 'string',
      arg: 'MS',
      text: {
        en: 'Give up on the answer after MS milliseconds (1 to 300000).',
        'zh-TW': '等待回應超過 MS 毫秒就放棄（1 到 300000）。',
      },
      defaultText: { en: '15000', 'zh-TW': '15000' },
    },
    force: {
      type: 'boolean',
      text: {
        en: 'Send even though the payload has errors, to see what JKOPay answers to them.',
        'zh-TW': '即使 payload 有錯誤也送出，看看街口會怎麼回應。',
      },
    },
    'allow-production': {
      type: 'boolean',
      text: {
        en: 'Allow --env production: requests there move real money.',
        'zh-TW': '允許 --env production：送到正式環境的請求會動到真的錢。',
      },
    },
    'dry-run': {
      type: 'boolean',
      text: {
        en: 'Print the exact bytes, headers and DIGEST that would be sent, and send nothing.',
        'zh-TW': '印出將要送出的位元組、標頭與 DIGEST，但不送出。',
      },
    },
    'mock-result': {
      type: 'string',
      arg: 'CODE',
      text: {
        en: 'Ask the mock to answer with this documented failure code (the X-Mock-Result header), e.g. 999.',
        'zh-TW': '要求模擬伺服器以這個文件中的失敗代碼回應（X-Mock-Result 標頭），例如 999。',
      },
    },
    ...COMMON_OPTIONS,
  },
} as const satisfies CommandSpec;
