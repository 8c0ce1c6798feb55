/**
 * The words of the DIGEST doctor (digestDoctor.ts), in English and Traditional Chinese: per slip,
 * what the DIGEST presented turned out to be (`found`) and how to fix it (`fix`); and the
 * sentences around them. The slip ids are stable: the mock's 401 answer carries them, the
 * library returns them. Pure data.
 */
import { type Args, localize } from '../data/localize';
import type { Lang, Localized } from '../data/types';

interface SlipText {
  family: 'body' | 'query' | 'digest' | 'key';
  found: Localized;
  fix: Localized;
}

const SIGN_WHAT_YOU_SEND: Localized = {
  en: 'Serialize once, then sign that exact string and send that same string.',
  'zh-TW': '只序列化一次，然後對那個字串簽章，並送出同一個字串。',
};
const SEND_WHAT_YOU_SIGN_QUERY: Localized = {
  en: 'Sign and send the query JKOPay documents, platform_order_ids=a,b (one parameter, plain commas), written into the URL yourself rather than as params an HTTP client serializes.',
  'zh-TW':
    '請簽章並送出街口文件所寫的查詢字串 platform_order_ids=a,b（單一參數、逗號不編碼），自行寫進網址，不要交給 HTTP 用戶端以 params 序列化。',
};
const USE_THE_SECRET_AS_TEXT: Localized = {
  en: "Key the HMAC with the secret key's text as JKOPay issued it (its UTF-8 bytes), not decoded.",
  'zh-TW': '請以街口發給的密鑰文字本身（其 UTF-8 位元組）作為 HMAC 的金鑰，不要先解碼。',
};

export const DIGEST_SLIPS = {
  'body-newline-signed': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body followed by a newline, which was not sent.',
      'zh-TW': 'DIGEST 是對「內容加上結尾換行」計算的 HMAC-SHA256，但送出的內容沒有這個換行。',
    },
    fix: {
      en: 'Sign exactly the bytes you send: drop the newline before signing, or send it too.',
      'zh-TW': '請對實際送出的位元組簽章：簽章前去掉換行，或送出時也帶上它。',
    },
  },
  'body-newline-sent': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body without its trailing newline: the body sent ends with a newline that was not signed.',
      'zh-TW': 'DIGEST 是對「去掉結尾換行的內容」計算的 HMAC-SHA256：送出的內容結尾有換行，但簽章時沒有。',
    },
    fix: {
      en: 'Send exactly the bytes you signed (a body read from a file often ends with a newline).',
      'zh-TW': '請送出與簽章完全相同的位元組（從檔案讀出的內容常在結尾多一個換行）。',
    },
  },
  'body-bom-sent': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body without the byte-order mark (EF BB BF) the body sent starts with.',
      'zh-TW': 'DIGEST 是對「不含位元組順序記號（EF BB BF）的內容」計算的 HMAC-SHA256，但送出的內容開頭有這個記號。',
    },
    fix: {
      en: 'Write the body without a byte-order mark (UTF-8 JSON needs none), and send the bytes you signed.',
      'zh-TW': '請寫出不含位元組順序記號的內容（UTF-8 JSON 不需要它），並送出與簽章相同的位元組。',
    },
  },
  'body-bom-signed': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body with a byte-order mark (EF BB BF) in front, which was not sent.',
      'zh-TW': 'DIGEST 是對「開頭加上位元組順序記號（EF BB BF）的內容」計算的 HMAC-SHA256，但送出的內容沒有這個記號。',
    },
    fix: {
      en: 'Sign the bytes you send, without a byte-order mark (a text read with its BOM keeps it).',
      'zh-TW': '請對實際送出的位元組簽章，不要包含位元組順序記號（連同 BOM 讀入的文字會保留它）。',
    },
  },
  'body-previous': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the previous request’s body, not of this one: it was computed once and reused.',
      'zh-TW': 'DIGEST 是對上一個請求的內容計算的 HMAC-SHA256，不是這一個：它只算了一次就被重複使用。',
    },
    fix: {
      en: 'Compute the DIGEST for every request, over that request’s own body.',
      'zh-TW': '每個請求都要以它自己的內容重新計算 DIGEST。',
    },
  },
  'body-compact': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body re-serialized compactly (JSON.stringify of the parsed body), not of the bytes sent: they differ in spacing or escapes.',
      'zh-TW':
        'DIGEST 是對「解析後再以緊湊格式重新序列化的內容」（JSON.stringify）計算的 HMAC-SHA256，而不是送出的位元組：兩者的空白或跳脫字元不同。',
    },
    fix: SIGN_WHAT_YOU_SEND,
  },
  'body-pretty-2': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body pretty-printed with 2 spaces (JSON.stringify(body, null, 2)), not of the bytes sent.',
      'zh-TW': 'DIGEST 是對「以 2 個空白縮排的內容」（JSON.stringify(body, null, 2)）計算的 HMAC-SHA256，而不是送出的位元組。',
    },
    fix: SIGN_WHAT_YOU_SEND,
  },
  'body-pretty-4': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body pretty-printed with 4 spaces (JSON.stringify(body, null, 4)), not of the bytes sent.',
      'zh-TW': 'DIGEST 是對「以 4 個空白縮排的內容」（JSON.stringify(body, null, 4)）計算的 HMAC-SHA256，而不是送出的位元組。',
    },
    fix: SIGN_WHAT_YOU_SEND,
  },
  'body-pretty-tab': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body pretty-printed with tabs, not of the bytes sent.',
      'zh-TW': 'DIGEST 是對「以 Tab 縮排的內容」計算的 HMAC-SHA256，而不是送出的位元組。',
    },
    fix: SIGN_WHAT_YOU_SEND,
  },
  'body-spaced': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body with a space after each colon and comma (Python’s json.dumps default, the style of JKOPay’s documentation), not of the bytes sent.',
      'zh-TW':
        'DIGEST 是對「每個冒號與逗號後都有空白的內容」（Python json.dumps 的預設、街口文件的寫法）計算的 HMAC-SHA256，而不是送出的位元組。',
    },
    fix: SIGN_WHAT_YOU_SEND,
  },
  'body-sorted-keys': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body with its keys sorted, not of the bytes sent: the key order changes the bytes.',
      'zh-TW': 'DIGEST 是對「鍵依字母排序後的內容」計算的 HMAC-SHA256，而不是送出的位元組：鍵的順序會改變位元組。',
    },
    fix: {
      en: 'Sign and send the same string; do not sort or rebuild the object between signing and sending.',
      'zh-TW': '請對同一個字串簽章並送出；簽章與送出之間不要排序或重建物件。',
    },
  },
  'body-ascii-escaped': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body with its non-ASCII characters written as \\uXXXX escapes (PHP’s json_encode, Python’s ensure_ascii), while the body sent has them as UTF-8.',
      'zh-TW':
        'DIGEST 是對「非 ASCII 字元寫成 \\uXXXX 跳脫的內容」（PHP json_encode、Python ensure_ascii 的預設）計算的 HMAC-SHA256，但送出的內容以 UTF-8 寫出這些字元。',
    },
    fix: SIGN_WHAT_YOU_SEND,
  },
  'body-slashes-escaped': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body with / written as \\/ (PHP’s json_encode default), while the body sent has plain slashes.',
      'zh-TW': 'DIGEST 是對「/ 寫成 \\/ 的內容」（PHP json_encode 的預設）計算的 HMAC-SHA256，但送出的內容是一般的斜線。',
    },
    fix: SIGN_WHAT_YOU_SEND,
  },
  'body-form-encoded': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body’s fields form-encoded (a=1&b=2, as new URLSearchParams(body) writes them), while a JSON body was sent.',
      'zh-TW': 'DIGEST 是對「表單編碼的欄位」（a=1&b=2，new URLSearchParams(body) 的寫法）計算的 HMAC-SHA256，但送出的是 JSON 內容。',
    },
    fix: {
      en: 'Sign the JSON string you send, byte for byte.',
      'zh-TW': '請對送出的 JSON 字串逐位元組簽章。',
    },
  },
  'body-url-encoded': {
    family: 'body',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the body percent-encoded (encodeURIComponent), while the body was sent as is.',
      'zh-TW': 'DIGEST 是對「百分比編碼後的內容」（encodeURIComponent）計算的 HMAC-SHA256，但內容是原樣送出的。',
    },
    fix: {
      en: 'Sign the body itself, not an encoding of it.',
      'zh-TW': '請對內容本身簽章，不要先編碼。',
    },
  },
  'query-newline': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the query string with a trailing newline different from the one checked.',
      'zh-TW': 'DIGEST 計算時的查詢字串與檢查的查詢字串，結尾換行不同。',
    },
    fix: {
      en: 'Sign the query string alone, with no newline.',
      'zh-TW': '請只對查詢字串簽章，不含換行。',
    },
  },
  'query-question-mark': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the query string with its leading "?".',
      'zh-TW': 'DIGEST 是對「含開頭「?」的查詢字串」計算的 HMAC-SHA256。',
    },
    fix: {
      en: 'JKOPay signs the query without it: platform_order_ids=a,b.',
      'zh-TW': '街口簽章的查詢字串不含「?」：platform_order_ids=a,b。',
    },
  },
  'query-path': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the path and the query (/platform/inquiry?…), not of the query alone.',
      'zh-TW': 'DIGEST 是對「路徑加查詢字串」（/platform/inquiry?…）計算的 HMAC-SHA256，而不是只有查詢字串。',
    },
    fix: {
      en: 'Sign only the query string after "?": platform_order_ids=a,b.',
      'zh-TW': '請只對「?」之後的查詢字串簽章：platform_order_ids=a,b。',
    },
  },
  'query-whole-url': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the whole URL, not of the query string alone.',
      'zh-TW': 'DIGEST 是對整個網址計算的 HMAC-SHA256，而不是只有查詢字串。',
    },
    fix: {
      en: 'Sign only the query string after "?": platform_order_ids=a,b.',
      'zh-TW': '請只對「?」之後的查詢字串簽章：platform_order_ids=a,b。',
    },
  },
  'query-comma-encoded': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the query with the commas between ids percent-encoded (%2C, as URLSearchParams and http_build_query write them), while the query sent is written otherwise.',
      'zh-TW':
        'DIGEST 是對「訂單編號之間的逗號寫成 %2C 的查詢字串」（URLSearchParams、http_build_query 的寫法）計算的 HMAC-SHA256，但送出的查詢字串寫法不同。',
    },
    fix: SEND_WHAT_YOU_SIGN_QUERY,
  },
  'query-comma-plain': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the query with plain commas, while the query sent has them percent-encoded (%2C): the HTTP client re-encoded the query that was signed.',
      'zh-TW':
        'DIGEST 是對「逗號未編碼的查詢字串」計算的 HMAC-SHA256，但送出的查詢字串把逗號編碼成 %2C：HTTP 用戶端把簽章過的查詢字串又編碼了一次。',
    },
    fix: SEND_WHAT_YOU_SIGN_QUERY,
  },
  'query-brackets': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the ids written as an array, platform_order_ids[]=a&platform_order_ids[]=b (as qs and PHP write them), while the query sent writes them otherwise.',
      'zh-TW':
        'DIGEST 是對「寫成陣列的訂單編號」platform_order_ids[]=a&platform_order_ids[]=b（qs 與 PHP 的寫法）計算的 HMAC-SHA256，但送出的查詢字串寫法不同。',
    },
    fix: SEND_WHAT_YOU_SIGN_QUERY,
  },
  'query-indexed': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the ids written as an indexed array, platform_order_ids[0]=a&platform_order_ids[1]=b (qs.stringify’s default), while the query sent writes them otherwise.',
      'zh-TW':
        'DIGEST 是對「寫成有索引陣列的訂單編號」platform_order_ids[0]=a&platform_order_ids[1]=b（qs.stringify 的預設）計算的 HMAC-SHA256，但送出的查詢字串寫法不同。',
    },
    fix: SEND_WHAT_YOU_SIGN_QUERY,
  },
  'query-repeated': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the parameter repeated once per id (platform_order_ids=a&platform_order_ids=b), while the query sent writes the ids otherwise.',
      'zh-TW':
        'DIGEST 是對「每個訂單編號重複一次參數」（platform_order_ids=a&platform_order_ids=b）計算的 HMAC-SHA256，但送出的查詢字串寫法不同。',
    },
    fix: SEND_WHAT_YOU_SIGN_QUERY,
  },
  'query-canonical': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of platform_order_ids=a,b, the form JKOPay documents, but the query sent writes the ids otherwise: the HTTP client serialized them itself.',
      'zh-TW':
        'DIGEST 是對街口文件的寫法 platform_order_ids=a,b 計算的 HMAC-SHA256，但送出的查詢字串寫法不同：HTTP 用戶端自行序列化了這些編號。',
    },
    fix: SEND_WHAT_YOU_SIGN_QUERY,
  },
  'query-space-after-comma': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the ids with a space after each comma (a, b).',
      'zh-TW': 'DIGEST 是對「逗號後有空白的訂單編號」（a, b）計算的 HMAC-SHA256。',
    },
    fix: {
      en: 'Write the ids as a,b: no spaces, in what you sign and in what you send.',
      'zh-TW': '簽章與送出時都請寫成 a,b，不要有空白。',
    },
  },
  'query-decoded': {
    family: 'query',
    found: {
      en: 'The DIGEST is HMAC-SHA256 of the query percent-decoded, while the query sent is percent-encoded.',
      'zh-TW': 'DIGEST 是對「百分比解碼後的查詢字串」計算的 HMAC-SHA256，但送出的查詢字串是編碼過的。',
    },
    fix: {
      en: 'Sign the query string exactly as it goes in the URL.',
      'zh-TW': '請對寫進網址的查詢字串原樣簽章。',
    },
  },
  'digest-upper-hex': {
    family: 'digest',
    found: {
      en: 'The DIGEST is written in upper-case hex; JKOPay writes it in lower case.',
      'zh-TW': 'DIGEST 以大寫十六進位寫出；街口使用小寫。',
    },
    fix: {
      en: "Use the hex as HMAC gives it (.digest('hex'), lower case): do not upper-case it.",
      'zh-TW': "請直接使用 HMAC 產生的十六進位（.digest('hex')，小寫），不要轉成大寫。",
    },
  },
  'digest-base64': {
    family: 'digest',
    found: { en: 'The DIGEST is written in base64, not hex.', 'zh-TW': 'DIGEST 以 base64 寫出，而不是十六進位。' },
    fix: {
      en: "Write the HMAC as lower-case hex (.digest('hex')).",
      'zh-TW': "請把 HMAC 寫成小寫十六進位（.digest('hex')）。",
    },
  },
  'digest-hmac-sha1': {
    family: 'digest',
    found: { en: 'The DIGEST is HMAC-SHA1, not HMAC-SHA256.', 'zh-TW': 'DIGEST 是 HMAC-SHA1，而不是 HMAC-SHA256。' },
    fix: { en: "Use HMAC-SHA256: createHmac('sha256', secretKey).", 'zh-TW': "請使用 HMAC-SHA256：createHmac('sha256', secretKey)。" },
  },
  'digest-hmac-sha512': {
    family: 'digest',
    found: { en: 'The DIGEST is HMAC-SHA512, not HMAC-SHA256.', 'zh-TW': 'DIGEST 是 HMAC-SHA512，而不是 HMAC-SHA256。' },
    fix: { en: "Use HMAC-SHA256: createHmac('sha256', secretKey).", 'zh-TW': "請使用 HMAC-SHA256：createHmac('sha256', secretKey)。" },
  },
  'digest-sha256-unkeyed': {
    family: 'digest',
    found: {
      en: 'The DIGEST is a plain SHA-256 of the message, without the secret key: anybody could make it.',
      'zh-TW': 'DIGEST 是不含密鑰的一般 SHA-256：任何人都能算出來。',
    },
    fix: {
      en: "Use HMAC-SHA256 keyed with the secret key: createHmac('sha256', secretKey).update(message).digest('hex').",
      'zh-TW': "請使用以密鑰為金鑰的 HMAC-SHA256：createHmac('sha256', secretKey).update(message).digest('hex')。",
    },
  },
  'key-api-key': {
    family: 'key',
    found: {
      en: 'The DIGEST is keyed with the API key, not with the secret key.',
      'zh-TW': 'DIGEST 是以 API key 為金鑰計算的，而不是密鑰（secret key）。',
    },
    fix: {
      en: 'Sign with the secret key JKOPay issued beside the API key; the API key only goes in the API-KEY header.',
      'zh-TW': '請以街口與 API key 一起發給的密鑰簽章；API key 只放在 API-KEY 標頭。',
    },
  },
  'key-newline': {
    family: 'key',
    found: {
      en: 'The DIGEST is keyed with the secret key followed by a newline (as read from a file or printed by echo).',
      'zh-TW': 'DIGEST 是以「密鑰加上結尾換行」為金鑰計算的（從檔案讀入或用 echo 印出時常見）。',
    },
    fix: {
      en: 'Trim the secret before using it (readFileSync(…).trim(), printf instead of echo).',
      'zh-TW': '使用前請去掉密鑰前後的空白與換行（readFileSync(…).trim()，或用 printf 取代 echo）。',
    },
  },
  'key-whitespace': {
    family: 'key',
    found: {
      en: 'The DIGEST is keyed with the secret key with spaces around it (or without spaces it has).',
      'zh-TW': 'DIGEST 是以「前後多了（或少了）空白的密鑰」為金鑰計算的。',
    },
    fix: {
      en: 'Use the secret key exactly as issued, with no surrounding spaces.',
      'zh-TW': '請原樣使用發給的密鑰，前後不要有空白。',
    },
  },
  'key-quoted': {
    family: 'key',
    found: {
      en: 'The DIGEST is keyed with the secret key in quotes (as written in a .env file or a shell export).',
      'zh-TW': 'DIGEST 是以「帶引號的密鑰」為金鑰計算的（.env 檔或 shell export 的寫法）。',
    },
    fix: {
      en: 'Remove the quotes from the value the program reads.',
      'zh-TW': '請去掉程式讀到的值裡的引號。',
    },
  },
  'key-hex-decoded': {
    family: 'key',
    found: {
      en: 'The DIGEST is keyed with the bytes the secret key spells in hex, not with the key’s text.',
      'zh-TW': 'DIGEST 是以「密鑰當作十六進位解碼後的位元組」為金鑰計算的，而不是密鑰文字本身。',
    },
    fix: USE_THE_SECRET_AS_TEXT,
  },
  'key-base64-decoded': {
    family: 'key',
    found: {
      en: 'The DIGEST is keyed with the secret key base64-decoded, not with the key’s text.',
      'zh-TW': 'DIGEST 是以「密鑰經 base64 解碼後的位元組」為金鑰計算的，而不是密鑰文字本身。',
    },
    fix: USE_THE_SECRET_AS_TEXT,
  },
} as const satisfies Record<string, SlipText>;

export type DigestSlipId = keyof typeof DIGEST_SLIPS;

/** Every slip the doctor knows, in the order of the table above. */
export const DIGEST_SLIP_IDS = Object.keys(DIGEST_SLIPS) as DigestSlipId[];

const TEXTS = {
  matches: {
    en: 'The DIGEST matches: it is HMAC-SHA256 of exactly these bytes with the secret key.',
    'zh-TW': 'DIGEST 相符：它就是以密鑰對這些位元組計算的 HMAC-SHA256。',
  },
  'none-body': {
    en: 'No usual slip explains it: the DIGEST is not HMAC-SHA256 of these bytes with this secret key, nor of any of {count} usual variants (the body pretty-printed or re-serialized, keys reordered, a newline or byte-order mark, the previous body, another algorithm or encoding, the API key or a padded secret as the key). Check that the secret key is the one issued for this store and environment (sandbox and production keys differ).',
    'zh-TW':
      '常見的失誤都無法解釋：DIGEST 不是以此密鑰對這些位元組計算的 HMAC-SHA256，也不符合 {count} 種常見變化中的任何一種（內容經排版或重新序列化、鍵的順序改變、換行或位元組順序記號、上一個請求的內容、其他演算法或編碼、誤用 API key 或前後有空白的密鑰）。請確認密鑰是此商店、此環境所發的那一把（測試與正式環境的金鑰不同）。',
  },
  'none-query': {
    en: 'No usual slip explains it: the DIGEST is not HMAC-SHA256 of this query string with this secret key, nor of any of {count} usual variants (with "?", the path or the whole URL, %2C for the comma, the ids as an array or repeated, another algorithm or encoding, the API key or a padded secret as the key). Check that the secret key is the one issued for this store and environment (sandbox and production keys differ).',
    'zh-TW':
      '常見的失誤都無法解釋：DIGEST 不是以此密鑰對這個查詢字串計算的 HMAC-SHA256，也不符合 {count} 種常見變化中的任何一種（含「?」、路徑或整個網址、逗號寫成 %2C、訂單編號寫成陣列或重複參數、其他演算法或編碼、誤用 API key 或前後有空白的密鑰）。請確認密鑰是此商店、此環境所發的那一把（測試與正式環境的金鑰不同）。',
  },
  shape: {
    en: 'The DIGEST presented has {length} characters; a JKOPay DIGEST is 64 lower-case hex characters.',
    'zh-TW': '收到的 DIGEST 有 {length} 個字元；街口的 DIGEST 是 64 個小寫十六進位字元。',
  },
  untried: {
    en: '{count} rarer variants were not tried on a message this large ({bytes} bytes).',
    'zh-TW': '訊息很大（{bytes} 位元組），有 {count} 種較少見的變化沒有嘗試。',
  },
  'signed-body': {
    en: 'Checked: the {bytes} bytes of the body as received (SHA-256 {sha256}), starting {excerpt}.',
    'zh-TW': '檢查的是收到的內容，共 {bytes} 位元組（SHA-256 {sha256}），開頭為 {excerpt}。',
  },
  'signed-query': {
    en: 'Checked: the query string as received, {bytes} bytes (SHA-256 {sha256}): {excerpt}.',
    'zh-TW': '檢查的是收到的查詢字串，共 {bytes} 位元組（SHA-256 {sha256}）：{excerpt}。',
  },
} satisfies Record<string, Localized>;

export type DigestTextId = keyof typeof TEXTS;

export function digestText(lang: Lang, id: DigestTextId, args?: Args): string {
  return localize(TEXTS[id], lang, args);
}

/** What the DIGEST turned out to be, for one slip. */
export function slipFound(lang: Lang, slip: DigestSlipId): string {
  return localize(DIGEST_SLIPS[slip].found, lang);
}

/** How to fix one slip. */
export function slipFix(lang: Lang, slip: DigestSlipId): string {
  return localize(DIGEST_SLIPS[slip].fix, lang);
}

/** The family of a slip: what it changed (the body, the query, the digest's spelling or algorithm, the key). */
export function slipFamily(slip: DigestSlipId): SlipText['family'] {
  return DIGEST_SLIPS[slip].family;
}
