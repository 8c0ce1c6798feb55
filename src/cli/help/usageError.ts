/**
 * Bad usage of the command line, said in the language the user chose: the error every command
 * throws for it (with its text in English and Traditional Chinese), the texts themselves by id,
 * node's parseArgs errors put into the same words, and the language of a command line read before
 * it is parsed (an unknown option must still be refused in the language `--lang` asked for).
 */
import { type Args, fill, localize, toLang } from '../../data/localize';
import type { Lang, Localized } from '../../data/types';

export const USAGE_TEXTS = {
  'unknown-command': { en: 'unknown command "{command}"', 'zh-TW': '未知的指令「{command}」' },
  'unknown-option': { en: 'unknown option {option}', 'zh-TW': '未知的選項 {option}' },
  'option-needs-value': { en: '{option} needs a value', 'zh-TW': '{option} 需要一個值' },
  'option-takes-no-value': { en: '{option} takes no value', 'zh-TW': '{option} 不接受值' },
  'unexpected-argument': { en: 'unexpected argument "{argument}"', 'zh-TW': '多餘的參數「{argument}」' },
  'one-of': { en: '{option} must be {allowed}, not "{value}"', 'zh-TW': '{option} 必須是 {allowed}，而不是「{value}」' },
  'whole-number': { en: '{option} must be a whole number, not "{value}"', 'zh-TW': '{option} 必須是整數，而不是「{value}」' },
  'number-range': {
    en: '{option} must be from {min} to {max}, not "{value}"',
    'zh-TW': '{option} 必須介於 {min} 到 {max}，而不是「{value}」',
  },
  'not-url': { en: '{option} "{value}" is not an http(s) URL', 'zh-TW': '{option}「{value}」不是 http(s) 網址' },
  required: { en: '{option} is required: {what}', 'zh-TW': '必須提供 {option}：{what}' },
  'exactly-one': { en: 'give exactly one of {options}', 'zh-TW': '請在 {options} 中恰好給一個' },
  'at-most-one': { en: 'give at most one of {options}', 'zh-TW': '{options} 最多只能給一個' },
  'check-needs-path': {
    en: 'check needs at least one file or folder (`jkopay check .` checks the current folder)',
    'zh-TW': 'check 至少需要一個檔案或資料夾（`jkopay check .` 會檢查目前的資料夾）',
  },
  'explain-only-text': { en: '--explain prints text or JSON (--format json)', 'zh-TW': '--explain 只輸出文字或 JSON（--format json）' },
  'currency-unknown': {
    en: '--currency must be a currency JKOPay accepts ({allowed}), not "{value}"',
    'zh-TW': '--currency 必須是街口接受的幣別（{allowed}），而不是「{value}」',
  },
  'exclude-too-many': { en: '--exclude is given {problem}', 'zh-TW': '--exclude 的內容有問題：{problem}' },
  'exclude-refused': { en: '--exclude {glob} is refused: {problem}', 'zh-TW': '--exclude {glob} 被拒絕：{problem}' },
  'lsp-transport': {
    en: 'lsp needs a transport: --stdio, --node-ipc, --socket=N or --pipe=NAME',
    'zh-TW': 'lsp 需要指定傳輸方式：--stdio、--node-ipc、--socket=N 或 --pipe=NAME',
  },
  'timeout-ms': {
    en: '--timeout must be a whole number of ms from 1 to {max} (5 minutes), not "{value}"',
    'zh-TW': '--timeout 必須是 1 到 {max}（5 分鐘）之間的整數毫秒，而不是「{value}」',
  },
  index: { en: '--index must be 0, 1, 2…, not "{value}"', 'zh-TW': '--index 必須是 0、1、2…，而不是「{value}」' },
  'send-one-file': { en: 'send takes exactly one payload file', 'zh-TW': 'send 只接受一個 payload 檔案' },
  'explain-one-query': {
    en: 'explain takes one result code (e.g. 200) or one message in quotes',
    'zh-TW': 'explain 只接受一個結果代碼（例如 200）或一段加引號的訊息',
  },
  'callbacks-what': { en: 'say what to do: callbacks test', 'zh-TW': '請說明要做什麼：callbacks test' },
  'unknown-subcommand': { en: 'unknown sub-command "{command}"', 'zh-TW': '未知的子指令「{command}」' },
  seconds: {
    en: '--timeout-seconds must be a number of seconds between 0 and 300, not "{value}"',
    'zh-TW': '--timeout-seconds 必須是 0 到 300 之間的秒數，而不是「{value}」',
  },
  'mock-needs-order': {
    en: 'mock {command} needs the platform_order_id of an order the mock created',
    'zh-TW': 'mock {command} 需要模擬伺服器建立過的訂單的 platform_order_id',
  },
  days: { en: '--advance-days must be a number of days, not "{value}"', 'zh-TW': '--advance-days 必須是天數，而不是「{value}」' },
  'clock-one-of': {
    en: 'give one of --advance-days N, --set TIME or --real',
    'zh-TW': '請在 --advance-days N、--set TIME 或 --real 中只給一個',
  },
  'secret-env-name': {
    en: '--secret-env takes the NAME of an environment variable (such as JKOPAY_SECRET_KEY), and what was given is no such name (it is not shown: it may be the secret itself)',
    'zh-TW': '--secret-env 要給環境變數的「名稱」（例如 JKOPAY_SECRET_KEY），所給的不是這樣的名稱（不予顯示：它可能就是密鑰本身）',
  },
  'secret-env-unset': {
    en: 'the environment variable named by --secret-env is not set or empty (its name is not shown: it may be the secret itself)',
    'zh-TW': '--secret-env 指名的環境變數未設定或是空的（不顯示其名稱：它可能就是密鑰本身）',
  },
  'secret-key-variable': { en: 'the name of the environment variable holding the secret key', 'zh-TW': '存放密鑰的環境變數名稱' },
  'digest-to-check': { en: 'the DIGEST (or digest header) to check', 'zh-TW': '要檢查的 DIGEST（或 digest 標頭）' },
  'digest-hex': {
    en: '--digest must be 64 hexadecimal characters (HMAC-SHA256), not {length} characters',
    'zh-TW': '--digest 必須是 64 個十六進位字元（HMAC-SHA256），而不是 {length} 個字元',
  },
  usage: { en: 'Usage: jkopay {usage}', 'zh-TW': '用法：jkopay {usage}' },
  'global-usage': { en: 'Usage: jkopay [--lang en|zh-TW] <command> [options]', 'zh-TW': '用法：jkopay [--lang en|zh-TW] <指令> [選項]' },
  'global-hint': { en: '`jkopay help` lists the commands.', 'zh-TW': '`jkopay help` 列出所有指令。' },
  'help-hint': { en: '`jkopay help {command}` explains every option.', 'zh-TW': '`jkopay help {command}` 說明每個選項。' },
} satisfies Record<string, Localized>;

export type UsageTextId = keyof typeof USAGE_TEXTS;

/** Bad usage: exit 2 with the message, in the chosen language, and the command's usage line. */
export class CommandUsageError extends Error {
  constructor(
    /** A text of USAGE_TEXTS, or one that exists in English only (a message of another layer). */
    readonly text: Localized | string,
    readonly args?: Args,
  ) {
    super(typeof text === 'string' ? text : fill(text.en, args));
  }

  messageIn(lang: Lang): string {
    return typeof this.text === 'string' ? this.text : localize(this.text, lang, this.args);
  }
}

export function usageError(id: UsageTextId, args?: Args): CommandUsageError {
  return new CommandUsageError(USAGE_TEXTS[id], args);
}

export function usageText(id: UsageTextId, lang: Lang, args?: Args): string {
  return localize(USAGE_TEXTS[id], lang, args);
}

/** node's parseArgs errors (ERR_PARSE_ARGS_*) as a usage error in our words; undefined for any other error. */
export function fromParseArgsError(e: unknown): CommandUsageError | undefined {
  const error = e as NodeJS.ErrnoException;
  if (!error?.code?.startsWith('ERR_PARSE_ARGS')) return undefined;
  const option = /'(?:-\w, )?(--?[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usageError('unknown-option', { option });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return usageError(/does not take an argument/.test(error.message) ? 'option-takes-no-value' : 'option-needs-value', { option });
  return new CommandUsageError(error.message);
}

/** The environment's language (LC_ALL, LC_MESSAGES, LANG), as a shell program reads it. */
export function envLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return toLang(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * The language a command line asks for (the last valid `--lang X` or `--lang=X` before `--`, as the
 * parser takes the last one), else the environment's.
 */
export function langOfArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  let lang: Lang | undefined;
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    const value = args[i] === '--lang' ? args[i + 1] : args[i].startsWith('--lang=') ? args[i].slice(7) : undefined;
    if (value !== undefined && ['en', 'zh-tw'].includes(value.toLowerCase())) lang = toLang(value);
  }
  return lang ?? envLang(env);
}
