/** `jkopay sign` and `jkopay verify`: their usage and options, read by their parsers and by `jkopay help sign|verify`. */
import { COMMON_OPTIONS, type CommandSpec } from './commandSpec';

const SECRET_ENV = {
  type: 'string',
  arg: 'VAR',
  text: {
    en: 'The NAME of the environment variable holding the secret key (never the key itself: it would stay in shell history and ps). Required.',
    'zh-TW': '存放密鑰的環境變數「名稱」（不是密鑰本身：那會留在 shell 歷史與 ps 中）。必填。',
  },
} as const;

const BODY_FILE = {
  type: 'string',
  arg: 'FILE',
  text: {
    en: 'The exact bytes of a request body (or a callback body), signed as they are: a trailing newline counts.',
    'zh-TW': '請求內容（或回呼內容）的原始位元組，照原樣簽章：結尾的換行也算。',
  },
} as const;

const QUERY = {
  type: 'string',
  arg: '"platform_order_ids=a,b"',
  text: {
    en: 'The query string of an inquiry, as JKOPay signs it: without "?", commas not encoded.',
    'zh-TW': '查詢（inquiry）的查詢字串，照街口簽章的寫法：不含「?」，逗號不編碼。',
  },
} as const;

export const SIGN_SPEC = {
  name: 'sign',
  usage: 'sign --secret-env VAR (--body-file FILE | --query "platform_order_ids=a,b")',
  summary: {
    en: 'Print the DIGEST (HMAC-SHA256, lower-case hex) of exactly those bytes, and nothing else on stdout.',
    'zh-TW': '印出這些位元組的 DIGEST（HMAC-SHA256，小寫十六進位），stdout 上不印其他東西。',
  },
  details: {
    en: 'Well-known slips (a trailing newline, a "?" or "%2C" in the query, a payload file with comments) are pointed out on stderr, never silently fixed.',
    'zh-TW': '常見的疏失（結尾換行、查詢字串中的「?」或「%2C」、含註解的 payload 檔）會在 stderr 指出，不會默默修正。',
  },
  exit: { en: '0 printed; 2 bad usage or unreadable input.', 'zh-TW': '0 已印出；2 用法錯誤或無法讀取輸入。' },
  options: { 'secret-env': SECRET_ENV, 'body-file': BODY_FILE, query: QUERY, ...COMMON_OPTIONS },
} as const satisfies CommandSpec;

export const VERIFY_SPEC = {
  name: 'verify',
  usage: 'verify --secret-env VAR --digest HEX (--body-file FILE | --query Q | < body)',
  summary: {
    en: "Check that a DIGEST (or a callback's digest header) is HMAC-SHA256 of exactly those bytes, compared in constant time.",
    'zh-TW': '檢查 DIGEST（或回呼的 digest 標頭）是否正是這些位元組的 HMAC-SHA256，以固定時間比較。',
  },
  details: {
    en: 'Without --body-file or --query the bytes are read from stdin. On a mismatch, a near miss (upper case, a trailing newline, a leading "?") is named.',
    'zh-TW': '沒有 --body-file 或 --query 時，從 stdin 讀取位元組。不相符時，會指出接近的原因（大寫、結尾換行、開頭的「?」）。',
  },
  exit: { en: '0 it matches; 1 it does not; 2 bad usage or unreadable input.', 'zh-TW': '0 相符；1 不相符；2 用法錯誤或無法讀取輸入。' },
  options: {
    'secret-env': SECRET_ENV,
    digest: {
      type: 'string',
      arg: 'HEX',
      text: {
        en: 'The DIGEST to check: 64 hexadecimal characters. Required.',
        'zh-TW': '要檢查的 DIGEST：64 個十六進位字元。必填。',
      },
    },
    'body-file': BODY_FILE,
    query: QUERY,
    ...COMMON_OPTIONS,
  },
} as const satisfies CommandSpec;
