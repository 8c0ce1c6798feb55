/**
 * Every other user-facing text of the core (syntax errors, detail messages, fix titles, hover
 * and completion labels) in English and Traditional Chinese, by id. Pure data.
 */
import type { Lang, Localized } from '../../data/types';
import { type Args, localize } from './localize';

export const MESSAGES = {
  // Syntax problems (ids of ParseProblem).
  'empty-document': { en: 'The file is empty: expected a payload object.', 'zh-TW': '檔案是空的：應為一個 payload 物件。' },
  'value-expected': { en: 'Value expected.', 'zh-TW': '此處應為一個值。' },
  'property-expected': { en: 'Property name expected (in double quotes).', 'zh-TW': '此處應為欄位名稱（以雙引號括住）。' },
  'colon-expected': { en: 'Colon expected.', 'zh-TW': '此處應為冒號。' },
  'comma-expected': { en: 'Comma expected.', 'zh-TW': '此處應為逗號。' },
  'close-brace-expected': { en: 'Closing brace "}" expected.', 'zh-TW': '此處應為右大括號「}」。' },
  'close-bracket-expected': { en: 'Closing bracket "]" expected.', 'zh-TW': '此處應為右中括號「]」。' },
  'end-expected': {
    en: 'End of file expected: a file holds one payload object or one array of them.',
    'zh-TW': '此處應為檔案結尾：一個檔案只能有一個 payload 物件或一個 payload 陣列。',
  },
  'unexpected-token': { en: 'Unexpected symbol.', 'zh-TW': '不應出現的符號。' },
  'unterminated-string': { en: 'Unterminated string.', 'zh-TW': '字串沒有結束的引號。' },
  'unterminated-comment': { en: 'Unterminated comment.', 'zh-TW': '註解沒有結束。' },
  'invalid-number': { en: 'Invalid number.', 'zh-TW': '無效的數字。' },
  'invalid-escape': { en: 'Invalid escape sequence in string.', 'zh-TW': '字串中有無效的跳脫字元。' },
  'invalid-character': { en: 'Invalid character.', 'zh-TW': '無效的字元。' },
  'too-deep': {
    en: 'Nested too deeply (more than 256 levels): this part is not checked.',
    'zh-TW': '巢狀層數過深（超過 256 層）：這部分不會檢查。',
  },
  'too-many-errors': { en: 'Too many syntax errors: the rest are not shown.', 'zh-TW': '語法錯誤過多：其餘不再顯示。' },
  'too-complex': { en: 'Too complex to check.', 'zh-TW': '過於複雜，無法檢查。' },
  'format-too-deep': {
    en: 'Not formatted: the document is nested {depth} levels deep, more than the {max} levels a payload can have.',
    'zh-TW': '未格式化：文件巢狀 {depth} 層，超過 payload 可有的 {max} 層。',
  },
  'format-input-too-large': {
    en: 'Not formatted: the document is {mb} MB; documents over {max} MB are not formatted, as it would block the editor.',
    'zh-TW': '未格式化：文件大小為 {mb} MB；超過 {max} MB 的文件不會格式化，以免編輯器停止回應。',
  },
  'document-too-large': {
    en: 'This document is {mb} MB: documents over {max} MB are not checked in the editor, as it would block it. Run jkopay check on the file.',
    'zh-TW': '此文件大小為 {mb} MB：超過 {max} MB 的文件不會在編輯器中檢查，以免編輯器停止回應。請對此檔案執行 jkopay check。',
  },
  'check-run-cut': {
    en: 'jkopay check: {left} more problems are not shown: at most {shown} are listed per run (they count in the summary and the exit code).',
    'zh-TW': 'jkopay check：還有 {left} 個問題未顯示：每次執行最多列出 {shown} 個（仍計入摘要與結束代碼）。',
  },
  'diagnostics-cut': {
    en: '{left} more problems in this file are not shown: only the first {shown} are listed. Fix these, or turn off the codes you do not need, to see the rest.',
    'zh-TW': '此檔案還有 {left} 個問題未顯示：只列出前 {shown} 個。修正這些問題，或關閉不需要的代碼，即可看到其餘問題。',
  },
  'format-too-large': {
    en: 'Not formatted: the formatted document would exceed {mb} MB.',
    'zh-TW': '未格式化：格式化後的文件會超過 {mb} MB。',
  },

  // Details of rule messages.
  'not-a-payload': {
    en: 'A payload file holds one payload object or an array of payload objects, not {actual}.',
    'zh-TW': 'payload 檔案應包含一個 payload 物件或 payload 物件陣列，而不是{actual}。',
  },
  'request-not-object': { en: 'A {kind} request is a JSON object.', 'zh-TW': '{kind} 請求必須是 JSON 物件。' },
  'coverage-switch': { en: 'switch without a default', 'zh-TW': '沒有 default 的 switch ' },
  'coverage-switch-default': { en: "this switch's default", 'zh-TW': '這個 switch 的 default ' },
  'coverage-final-else': { en: 'the final else of this chain', 'zh-TW': '這串判斷最後的 else ' },
  'coverage-guard': { en: 'this check', 'zh-TW': '這個判斷' },
  'coverage-missing-one': { en: '{codes}, a code the {endpoint} endpoint answers', 'zh-TW': ' {endpoint} API 會回傳的代碼：{codes}' },
  'coverage-missing-many': {
    en: '{count} codes the {endpoint} endpoint answers: {codes}',
    'zh-TW': ' {endpoint} API 會回傳的 {count} 個代碼：{codes}',
  },
  'coverage-if-chain': { en: 'if/else if chain without a final else', 'zh-TW': '沒有最後 else 的 if/else if 判斷' },
  'coverage-answered-by': { en: ' ({endpoints} answers it)', 'zh-TW': '（{endpoints} 才會回傳）' },
  'coverage-answered-by-none': { en: ' (no OnlinePay endpoint answers it)', 'zh-TW': '（沒有任何 OnlinePay API 回傳此代碼）' },
  'coverage-not-onlinepay': { en: ' (it is not a current OnlinePay code)', 'zh-TW': '（這不是現行的 OnlinePay 代碼）' },
  'coverage-by-message': { en: 'Tell these apart by message: {titles}', 'zh-TW': '以 message 區分以下情況：{titles}' },
  'list-separator': { en: ', ', 'zh-TW': '、' },
  // "Handle the missing result codes": what each group of codes asks of the code that handles it.
  'handle-success': { en: 'Succeeded: read result_object.', 'zh-TW': '成功：讀取 result_object。' },
  'handle-done': {
    en: 'Already done (a retried request): do not repeat it; continue as after success.',
    'zh-TW': '已經完成（重送的請求）：不要重複執行，比照成功後的流程繼續。',
  },
  'handle-retry': {
    en: 'Retry later with the same request (same ids, same amounts).',
    'zh-TW': '稍後以相同的請求重試（相同編號、相同金額）。',
  },
  'handle-buyer': {
    en: 'Show the buyer a message: the order cannot be paid this way.',
    'zh-TW': '向消費者顯示訊息：此訂單無法以這種方式付款。',
  },
  'handle-merchant': { en: "Fix the request or the store's setup, and alert the merchant.", 'zh-TW': '修正請求或商店設定，並通知商家。' },
  'handle-by-message': {
    en: 'Depends on the message: hover the code for each situation.',
    'zh-TW': '依 message 而定：游標停在代碼上可看各種情況。',
  },
  'code-situations': { en: '{count} situations, told apart by message', 'zh-TW': '{count} 種情況，依 message 區分' },
  'handle-success-short': { en: 'succeeded', 'zh-TW': '成功' },
  'handle-done-short': { en: 'already done', 'zh-TW': '已經完成' },
  'handle-retry-short': { en: 'retry later', 'zh-TW': '稍後重試' },
  'handle-buyer-short': { en: 'tell the buyer', 'zh-TW': '告知消費者' },
  'handle-merchant-short': { en: 'fix it and alert the merchant', 'zh-TW': '修正並通知商家' },
  'handle-by-message-short': { en: 'see the message', 'zh-TW': '依 message 處理' },
  'handle-throw': { en: 'JKOPay answer not handled yet ({what}): ', 'zh-TW': '尚未處理的街口回應（{what}）：' },
  'fix-handle-done': { en: 'Handle {codes} as done', 'zh-TW': '將 {codes} 當作已完成處理' },
  'coverage-hover-title': { en: 'Result codes of the {endpoint} answer', 'zh-TW': '{endpoint} 回應的結果代碼' },
  'fix-handle-missing-codes': { en: 'Handle the missing result codes', 'zh-TW': '處理缺少的結果代碼' },
  'fix-compare-string': { en: "Compare with the string '{code}'", 'zh-TW': "改為與字串 '{code}' 比較" },
  'did-you-mean': { en: ' Did you mean "{suggestion}"?', 'zh-TW': '您是指「{suggestion}」嗎？' },
  'empty-value': { en: '"{field}" is empty: JKOPay needs a value here.', 'zh-TW': '「{field}」是空的：街口需要這個值。' },
  'not-allowed-value': {
    en: '"{value}" is not an allowed value of "{field}". Allowed: {allowed}.',
    'zh-TW': '「{value}」不是「{field}」允許的值。允許的值：{allowed}。',
  },
  'wrong-case-value': {
    en: '"{value}" must be written "{expected}" (upper case).',
    'zh-TW': '「{value}」必須寫成「{expected}」（大寫）。',
  },
  'integer-too-small': { en: '"{field}" must be at least {minimum}.', 'zh-TW': '「{field}」至少必須是 {minimum}。' },
  'negative-amount': { en: '"{field}" must not be negative.', 'zh-TW': '「{field}」不可為負數。' },
  'bad-datetime': {
    en: '"{field}" must be a UTC+8 time written "YYYY-mm-dd HH:MM:SS" (19 characters), e.g. "2026-12-31 23:59:59".',
    'zh-TW': '「{field}」必須是 UTC+8 時間，格式為「YYYY-mm-dd HH:MM:SS」（19 個字元），例如「2026-12-31 23:59:59」。',
  },
  'url-unsafe-char': {
    en: '"{field}" contains a space or a control character (such as a line break): a URL must not. URL parsers silently drop some of them, so the URL used would differ from the one written.',
    'zh-TW':
      '「{field}」含有空白或控制字元（例如換行）：網址不可包含這些字元。網址解析器會默默刪除其中一些，實際使用的網址會與所寫的不同。',
  },
  'bad-url': { en: '"{field}" is not a valid absolute http(s) URL.', 'zh-TW': '「{field}」不是有效的 http(s) 絕對網址。' },
  'no-order-ids': {
    en: '"{field}" names no order: an inquiry takes 1 to 20 ids.',
    'zh-TW': '「{field}」沒有任何訂單編號：一次查詢需要 1 到 20 個編號。',
  },
  'order-id-empty': {
    en: 'An empty order id: ids are joined by single commas, with none empty (JKOPay signs "platform_order_ids=a,b" exactly).',
    'zh-TW': '有空的訂單編號：編號以單一逗號串接，不可有空的編號（街口的簽章內容就是「platform_order_ids=a,b」）。',
  },
  'order-id-space': {
    en: 'Order id "{id}" contains a space: ids are joined by "," with no spaces (JKOPay signs "platform_order_ids=a,b" exactly).',
    'zh-TW': '訂單編號「{id}」含有空白：編號以「,」串接，不可有空白（街口的簽章內容就是「platform_order_ids=a,b」）。',
  },
  'order-id-comma': {
    en: 'Order id "{id}" contains a comma: in the query it would become two ids.',
    'zh-TW': '訂單編號「{id}」含有逗號：放進查詢字串後會變成兩個編號。',
  },
  'order-id-lone-surrogate': {
    en: 'Order id "{id}" holds a lone UTF-16 surrogate (such as an unpaired \\ud800 escape): it has no UTF-8 form and cannot be sent.',
    'zh-TW': '訂單編號「{id}」含有不成對的 UTF-16 代理字元（例如沒有配對的 \\ud800 跳脫）：它沒有 UTF-8 形式，無法送出。',
  },
  'order-id-too-long': {
    en: 'Order id "{id}" is {length} characters long; the limit is {max}.',
    'zh-TW': '訂單編號「{id}」長度為 {length} 個字元，上限是 {max}。',
  },
  'loopback-url': {
    en: '"{field}" points at this machine ({host}): fine for a local backend under the mock server, but JKOPay cannot reach it and requires https.',
    'zh-TW': '「{field}」指向本機（{host}）：在模擬伺服器下測試本機後端可以，但街口無法連到它，且要求 https。',
  },
  'number-out-of-range': { en: '{text} is not a usable amount.', 'zh-TW': '{text} 不是可用的金額。' },
  'unsafe-integer': {
    en: '{text} is beyond 2^53: a JavaScript client would send {sent} instead, and the DIGEST would be over other bytes.',
    'zh-TW': '{text} 超過 2^53：JavaScript 用戶端會送出 {sent}，簽章也會對應到不同的內容。',
  },
  'rewritten-number': {
    en: 'A JavaScript client (JSON.stringify) would send {text} as {sent}. Sign and send the same bytes.',
    'zh-TW': 'JavaScript 用戶端（JSON.stringify）會把 {text} 送成 {sent}。簽章與送出的內容必須是同一份位元組。',
  },
  'jkopay-answers': { en: ' JKOPay answers {code} "{message}".', 'zh-TW': '街口會回應 {code}「{message}」。' },

  // The summary of `jkopay check`.
  'check-summary': {
    en: '{files|# file|# files} checked: {errors|# error|# errors}, {warnings|# warning|# warnings}',
    'zh-TW': '已檢查 {files} 個檔案：{errors} 個錯誤、{warnings} 個警告',
  },
  'check-too-many-warnings': {
    en: '{warnings|# warning|# warnings}: more than --max-warnings {max}.',
    'zh-TW': '{warnings} 個警告：超過 --max-warnings {max}。',
  },

  // Type names in wrong-type messages.
  'type-string': { en: 'a string', 'zh-TW': '字串' },
  'type-number': { en: 'a number', 'zh-TW': '數字' },
  'type-integer': { en: 'an integer', 'zh-TW': '整數' },
  'type-boolean': { en: 'true or false', 'zh-TW': 'true 或 false' },
  'type-array': { en: 'an array', 'zh-TW': '陣列' },
  'type-object': { en: 'an object', 'zh-TW': '物件' },
  'type-null': { en: 'null', 'zh-TW': 'null' },
  'type-or': { en: ' or ', 'zh-TW': '或' },

  // Quick fix titles.
  'fix-round': {
    en: 'Round to {value} ({currency} allows {decimals} decimal places)',
    'zh-TW': '四捨五入為 {value}（{currency} 允許 {decimals} 位小數）',
  },
  'fix-minimum': { en: 'Raise to the {currency} minimum {value}', 'zh-TW': '提高到 {currency} 最低金額 {value}' },
  'fix-add-missing': { en: 'Add missing required fields: {fields}', 'zh-TW': '加入缺少的必填欄位：{fields}' },
  'fix-case': { en: 'Change to "{value}"', 'zh-TW': '改為「{value}」' },
  'fix-https': { en: 'Use https://', 'zh-TW': '改用 https://' },
  'fix-ignore-line': { en: 'Ignore this problem on this line ({code})', 'zh-TW': '在這一行忽略此問題（{code}）' },
  'fix-remove-suppression': { en: 'Remove the unused suppression comment', 'zh-TW': '移除未使用的忽略註解' },
  'fix-rename': { en: 'Rename to "{value}"', 'zh-TW': '改名為「{value}」' },

  // Hover and completion labels.
  'hover-required': { en: 'required', 'zh-TW': '必填' },
  'hover-optional': { en: 'optional', 'zh-TW': '選填' },
  'hover-max-length': { en: 'max {max} characters', 'zh-TW': '最多 {max} 個字元' },
  'hover-allowed': { en: 'allowed: {values}', 'zh-TW': '允許的值：{values}' },
  'hover-amount': {
    en: 'Amount in {currency}: {decimals} decimal places, minimum {minimum}.',
    'zh-TW': '{currency} 金額：{decimals} 位小數，最低 {minimum}。',
  },
  'hover-amount-any': {
    en: 'Decimal places and minimum follow the currency: {table}.',
    'zh-TW': '小數位數與最低金額依幣別而定：{table}。',
  },
  'hover-meaning': { en: 'Meaning', 'zh-TW': '意義' },
  'hover-cause': { en: 'Typical cause', 'zh-TW': '常見原因' },
  'hover-action': { en: 'What to do', 'zh-TW': '處理方式' },
  'hover-message': { en: 'message', 'zh-TW': 'message' },
  'hover-no-message': { en: 'null', 'zh-TW': 'null' },
  'hover-dynamic-message': { en: 'a message that varies', 'zh-TW': '內容不固定的訊息' },
  'hover-legacy': {
    en: 'older revision or third-party source, not on the current official page',
    'zh-TW': '舊版或第三方來源，未列於目前的官方頁面',
  },
  'hover-authpay': { en: 'Authorized Payment (授權扣款) code, not OnlinePay', 'zh-TW': '授權扣款 API 的代碼，不屬於線上支付' },
  'hover-unknown-code': {
    en: 'Result code {code} is not in any JKOPay table known to this tool.',
    'zh-TW': '結果代碼 {code} 不在本工具所知的任何街口代碼表中。',
  },
  'hover-currency': {
    en: '{name}: {decimals} decimal places, minimum order price {minimum}.',
    'zh-TW': '{name}：{decimals} 位小數，最低訂單金額 {minimum}。',
  },
  'hover-sent-as': {
    en: 'Written `{written}`; JSON.stringify sends `{sent}`, and that is what is checked and signed.',
    'zh-TW': '程式寫的是 `{written}`；JSON.stringify 送出的是 `{sent}`，檢查與簽章都以送出的內容為準。',
  },
  'hover-status': { en: 'Transaction status {status}', 'zh-TW': '交易狀態 {status}' },
  'hover-transaction-status': {
    en: "Status of a JKOPay transaction: an integer, unlike the answer's result",
    'zh-TW': '街口交易的 status：整數，與回應的 result 不同',
  },
  'explain-inquiry-status': {
    en: 'An inquiry answers result "000" whatever the orders\' state: {code} is a transactions[].status.',
    'zh-TW': '查詢 API 不論訂單狀態都回應 result「000」：{code} 是 transactions[].status 的值。',
  },
  'explain-other-endpoint': {
    en: '{endpoint} has no result code {code}; it exists at: {elsewhere}.',
    'zh-TW': '{endpoint} 沒有結果代碼 {code}；此代碼出現在：{elsewhere}。',
  },
  'explain-other-endpoint-legacy': {
    en: '{endpoint} has no result code {code}; only older or other tables have it.',
    'zh-TW': '{endpoint} 沒有結果代碼 {code}；只有舊版或其他代碼表有此代碼。',
  },
  'explain-similar-message': {
    en: 'No table has the message "{message}" exactly; the nearest official text (JKOPay\'s own spelling):',
    'zh-TW': '沒有代碼表的 message 與「{message}」完全相同；最接近的官方文字（街口原文拼法）：',
  },
  'explain-unknown-message': { en: 'No JKOPay table has the message "{message}".', 'zh-TW': '沒有街口代碼表的 message 是「{message}」。' },
  // Why a TS/JS literal is checked as a request, or not (hover, related information, `check --explain`).
  'why-checked': { en: 'Checked as a JKOPay {kind}: {reason}', 'zh-TW': '以街口支付 {kind} 請求檢查：{reason}' },
  'why-skipped': { en: 'Not checked: {reason}', 'zh-TW': '未檢查：{reason}' },
  'why-marker': { en: 'marked `{detail}` at line {line}', 'zh-TW': '第 {line} 行標記了 `{detail}`' },
  'why-type': { en: 'typed as `{detail}` at line {line}', 'zh-TW': '第 {line} 行的型別為 `{detail}`' },
  'why-sent': { en: 'sent to {detail} at line {line}', 'zh-TW': '第 {line} 行送往 {detail}' },
  'why-signed': { en: 'signed as the DIGEST ({detail}) at line {line}', 'zh-TW': '第 {line} 行以它計算 DIGEST（{detail}）' },
  'why-client': { en: 'handed to the JKOPay client `{detail}` at line {line}', 'zh-TW': '第 {line} 行交給街口支付用戶端 `{detail}`' },
  'why-complete': {
    en: 'it holds every required field of an entry, and nothing else',
    'zh-TW': '它具備 entry 的所有必填欄位，且沒有其他欄位',
  },
  'why-via': { en: '{reason}, through {via}()', 'zh-TW': '{reason}（經由 {via}()）' },
  'why-argument': {
    en: 'an argument of {detail}() at line {line}, which does not take it to JKOPay',
    'zh-TW': '它是第 {line} 行 {detail}() 的參數，不會送到街口支付',
  },
  'why-nested': {
    en: 'a value inside another object (line {line}) that is not the options of a request to JKOPay',
    'zh-TW': '它位於另一個物件中（第 {line} 行），而該物件不是送往街口支付的請求選項',
  },
  'why-callback-return': {
    en: 'returned from a callback of {detail}() at line {line}',
    'zh-TW': '它是第 {line} 行 {detail}() 回呼函式的回傳值',
  },
  'why-returned': {
    en: 'returned from {detail}(), whose result does not reach JKOPay in this file',
    'zh-TW': '它是 {detail}() 的回傳值，而此檔案中該結果不會送到街口支付',
  },
  'why-inside': { en: 'part of the request around it (line {line})', 'zh-TW': '它是外層請求的一部分（第 {line} 行）' },
  'why-array': { en: 'an element of an array (line {line})', 'zh-TW': '它是陣列中的元素（第 {line} 行）' },
  'why-nowhere': {
    en: 'nothing in this file sends it to JKOPay, signs it as the DIGEST or hands it to a JKOPay client',
    'zh-TW': '此檔案中沒有程式將它送往街口支付、以它計算 DIGEST 或交給街口支付用戶端',
  },
  'why-too-far': {
    en: 'its way through this file is longer than the checker follows',
    'zh-TW': '它在此檔案中的傳遞路徑超過檢查器追蹤的長度',
  },
  'why-unknown-url': {
    en: 'sent by {detail}() at line {line} to a URL only known when the program runs (a `// @jkopay entry|refund|inquiry` comment above it says which request it is)',
    'zh-TW':
      '第 {line} 行由 {detail}() 送出，但網址要到程式執行時才知道（在它上方加上 `// @jkopay entry|refund|inquiry` 註解即可指明請求種類）',
  },
  'why-mock': {
    en: 'what a test expects a mocked JKOPay to receive ({detail}, line {line}), not a request',
    'zh-TW': '這是測試預期模擬的街口支付會收到的內容（{detail}，第 {line} 行），不是請求',
  },
  'why-elsewhere': { en: 'sent to {detail} at line {line}, which is not JKOPay', 'zh-TW': '第 {line} 行送往 {detail}，不是街口支付' },
  'why-own-type': {
    en: "typed as `{detail}`, but none of its keys is a JKOPay field: the app's own type, not the wire format",
    'zh-TW': '型別為 `{detail}`，但沒有任何鍵是街口支付的欄位：這是應用程式自己的型別，不是送出的格式',
  },
  'why-other-type': {
    en: "typed as `{detail}`, the app's own type, and nothing in this file sends it to JKOPay",
    'zh-TW': '型別為應用程式自己的 `{detail}`，且此檔案中沒有程式將它送往街口支付',
  },
  'why-not-request': {
    en: 'its keys are those of a JKOPay answer or callback, not of a request',
    'zh-TW': '它的鍵屬於街口支付的回應或回呼，不是請求',
  },
  'why-not-request-keys': {
    en: "handed to {detail} at line {line}, but most of its keys are not fields of a JKOPay request: the app's own parameters",
    'zh-TW': '第 {line} 行交給 {detail}，但它大部分的鍵都不是街口支付請求的欄位：這是應用程式自己的參數',
  },
  'why-no-kind': {
    en: 'it reaches JKOPay ({detail}, line {line}), but neither the URL nor its keys say which request it is',
    'zh-TW': '它會到達街口支付（{detail}，第 {line} 行），但網址與鍵都無法判斷是哪一種請求',
  },
  'snippet-entry': { en: 'JKOPay entry request (create a payment link)', 'zh-TW': '街口 entry 請求（建立付款連結）' },
  'snippet-refund': { en: 'JKOPay refund request', 'zh-TW': '街口 refund 請求（退款）' },
  'snippet-inquiry': { en: 'JKOPay inquiry request (order status)', 'zh-TW': '街口 inquiry 請求（查詢訂單）' },
  'kind-entry': { en: 'entry', 'zh-TW': 'entry（建立訂單）' },
  'kind-refund': { en: 'refund', 'zh-TW': 'refund（退款）' },
  'kind-inquiry': { en: 'inquiry', 'zh-TW': 'inquiry（查詢）' },
  'kind-response': { en: 'saved response', 'zh-TW': '已存的回應' },
  // CodeLens above each request payload (VS Code only: `$(play)` is one of its icons).
  'codelens-send-mock': { en: '$(play) Send to mock', 'zh-TW': '$(play) 送到模擬伺服器' },
  'codelens-send-sandbox': { en: 'Send to sandbox', 'zh-TW': '送到測試環境' },
  // The hover on the braces of a literal the runner cannot send (runtimePart.ts): why, and what it needs instead.
  'runner-needs': {
    en: '_Send Request_ cannot send it: {why}. To try such a request from the editor, put `// @jkopay {kind}` above a literal with sample values, or write a payload file (`order.{kind}.jkopay.json`).',
    'zh-TW':
      '「送出請求」無法送出它：{why}。若要在編輯器中試送這種請求，請在填入範例值的字面值上方加上 `// @jkopay {kind}`，或寫一個 payload 檔案（`order.{kind}.jkopay.json`）。',
  },
  'runner-needs-value': { en: '`{field}` is only known when the program runs', 'zh-TW': '`{field}` 要到程式執行時才知道' },
  'runner-needs-spread': {
    en: 'some of its fields come from a spread or a computed key',
    'zh-TW': '它有部分欄位來自展開運算或計算出的鍵',
  },
  'runner-needs-assigned': {
    en: '`{field}` is assigned after the literal',
    'zh-TW': '`{field}` 是在字面值之後才指定的',
  },
} as const satisfies Record<string, Localized>;

export type MessageId = keyof typeof MESSAGES;

export function msg(lang: Lang, id: MessageId, args?: Args): string {
  return localize(MESSAGES[id], lang, args);
}
