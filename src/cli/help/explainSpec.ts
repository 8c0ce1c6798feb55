/** `jkopay explain`: its usage and options, read by its parser (explainCommand.ts) and by `jkopay help explain`. */
import { COMMON_OPTIONS, type CommandSpec } from './commandSpec';

export const EXPLAIN_SPEC = {
  name: 'explain',
  usage: 'explain <code|"message"> [--endpoint entry|refund|inquiry]',
  summary: {
    en: 'What a JKOPay result code (or an exact message) means, why it happens and what to do.',
    'zh-TW': '說明街口的結果代碼（或一段訊息原文）的意思、發生原因與處理方式。',
  },
  details: {
    en: "Without --endpoint, every table's row for the code is shown (a refund's 102 and the inquiry status 102). Codes the mock answers on its own (401, 404, 405, HTTP 413…) are explained as the mock's, not JKOPay's.",
    'zh-TW':
      '沒有 --endpoint 時，會列出各表中該代碼的每一列（例如退款的 102 與查詢狀態 102）。模擬伺服器自己的回應代碼（401、404、405、HTTP 413…）會註明是模擬伺服器的，而非街口的。',
  },
  exit: { en: '0 explained; 1 no table knows it; 2 bad usage.', 'zh-TW': '0 已說明；1 沒有任何表格認得它；2 用法錯誤。' },
  options: {
    endpoint: {
      type: 'string',
      arg: 'entry|refund|inquiry',
      text: {
        en: 'The endpoint that answered: only its table is read (for inquiry, a number is a transaction status).',
        'zh-TW': '回應的端點：只查它的表格（對 inquiry 而言，數字是交易狀態）。',
      },
      defaultText: { en: 'every table', 'zh-TW': '所有表格' },
    },
    ...COMMON_OPTIONS,
  },
} as const satisfies CommandSpec;
