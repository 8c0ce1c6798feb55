/** `jkopay check`: its usage and options, read by its parser (main.ts) and by `jkopay help check`. */
import { COMMON_OPTIONS, type CommandSpec } from './commandSpec';

export const CHECK_SPEC = {
  name: 'check',
  usage: 'check [options] <files or folders…>',
  summary: {
    en: 'Check *.jkopay.json payload files and payload literals in TS/JS sources, like a compiler.',
    'zh-TW': '像編譯器一樣檢查 *.jkopay.json payload 檔案，以及 TS/JS 原始碼中的 payload 字面值。',
  },
  details: {
    en:
      'Folders are searched recursively; there, what .gitignore ignores is skipped, and so are hidden folders, node_modules, dist, out, build, coverage and the exclude globs. Files named here are always checked. ' +
      'The project\'s jkopay.config.json (or the "jkopay" key of package.json), found from the current folder up to the project\'s root (or the file --config names), adds its exclude globs, detection switches, severities and currency.',
    'zh-TW':
      '資料夾會遞迴搜尋；其中 .gitignore 忽略的、隱藏資料夾、node_modules、dist、out、build、coverage 以及排除的 glob 都會略過。命令列上直接指名的檔案一定會檢查。' +
      '專案的 jkopay.config.json（或 package.json 的 "jkopay" 欄位）從目前資料夾往上找到專案根目錄為止（或用 --config 指定），會加入其中的排除 glob、偵測開關、嚴重度與幣別。',
  },
  exit: {
    en: '0 no errors; 1 errors found (an unreadable file is one), or more warnings than --max-warnings; 2 bad usage, a bad configuration, a path that does not exist or is no regular file, or no file could be read.',
    'zh-TW':
      '0 沒有錯誤；1 有錯誤（無法讀取的檔案也算），或警告多於 --max-warnings；2 用法錯誤、設定有誤、路徑不存在或不是一般檔案，或沒有任何檔案可讀。',
  },
  options: {
    format: {
      type: 'string',
      default: 'text',
      arg: 'text|json|sarif|github',
      text: {
        en: 'Output: compiler-style lines (text), a JSON array (json), a SARIF 2.1.0 log for code scanning (sarif), or GitHub Actions annotations (github).',
        'zh-TW':
          '輸出格式：編譯器式的文字行（text）、JSON 陣列（json）、供程式碼掃描用的 SARIF 2.1.0 記錄（sarif），或 GitHub Actions 註記（github）。',
      },
    },
    exclude: {
      type: 'string',
      multiple: true,
      arg: 'GLOB',
      text: {
        en: 'In folders, skip the files and folders matching GLOB (relative to the current folder); a path named on the command line is always checked.',
        'zh-TW': '在資料夾中略過符合 GLOB 的檔案與資料夾（相對於目前資料夾）；命令列上指名的路徑一定會檢查。',
      },
    },
    'no-detect-keys': {
      type: 'boolean',
      text: {
        en: 'In TS/JS, only // @jkopay markers and type names make a literal a payload, not its keys.',
        'zh-TW': '在 TS/JS 中，只有 // @jkopay 標記與型別名稱會讓字面值被視為 payload，欄位名稱不算。',
      },
    },
    explain: {
      type: 'boolean',
      text: {
        en: 'Instead of the findings, list every TS/JS literal with JKOPay field names: checked as a request or not, and why (as text, or with --format json).',
        'zh-TW': '不列出問題，而是列出每個含街口欄位名稱的 TS/JS 字面值：是否被當成請求檢查，以及原因（文字，或加 --format json）。',
      },
    },
    config: {
      type: 'string',
      arg: 'FILE',
      text: {
        en: 'The configuration to use instead of the one found from the current folder up: a jkopay.config.json, or a package.json with a "jkopay" key.',
        'zh-TW': '改用這個設定檔，而不是從目前資料夾往上找到的那個：jkopay.config.json，或含 "jkopay" 欄位的 package.json。',
      },
    },
    quiet: {
      type: 'boolean',
      text: {
        en: 'Report errors only (warnings still count for --max-warnings).',
        'zh-TW': '只回報錯誤（警告仍會計入 --max-warnings）。',
      },
    },
    'max-warnings': {
      type: 'string',
      arg: 'N',
      text: {
        en: 'Exit 1 when there are more than N warnings (0: any warning fails).',
        'zh-TW': '警告多於 N 個時以 1 結束（0：有任何警告就失敗）。',
      },
    },
    currency: {
      type: 'string',
      arg: 'CODE',
      text: {
        en: 'The currency of refunds, whose body names none: TWD, JPY, USD, CNY or HKD.',
        'zh-TW': '退款的幣別（退款內容不含幣別）：TWD、JPY、USD、CNY 或 HKD。',
      },
      defaultText: { en: 'the configuration\'s "currency", else TWD', 'zh-TW': '設定檔的 "currency"，否則為 TWD' },
    },
    ...COMMON_OPTIONS,
  },
} as const satisfies CommandSpec;
