/** `jkopay lsp`: its usage and options, read by its parser (lspCommand.ts) and by `jkopay help lsp`. */
import { COMMON_OPTIONS, type CommandSpec } from './commandSpec';

export const LSP_SPEC = {
  name: 'lsp',
  usage: 'lsp (--stdio | --node-ipc | --socket=N | --pipe=NAME) [--lang en|zh-TW]',
  summary: {
    en: 'Run the language server for any LSP client (Neovim, Helix, Zed…): the one the VS Code extension runs.',
    'zh-TW': '為任何 LSP 用戶端（Neovim、Helix、Zed…）執行語言伺服器：與 VS Code 擴充功能使用的是同一個。',
  },
  details: {
    en: 'On --stdio nothing but the protocol is written to stdout. It serves until the client sends exit or closes the stream.',
    'zh-TW': '使用 --stdio 時，stdout 只會寫出協定訊息。伺服器會一直服務，直到用戶端送出 exit 或關閉串流。',
  },
  options: {
    stdio: {
      type: 'boolean',
      text: {
        en: 'Speak LSP over standard input and output (what most editors use).',
        'zh-TW': '透過標準輸入與輸出傳遞 LSP（多數編輯器用這種）。',
      },
    },
    'node-ipc': {
      type: 'boolean',
      text: {
        en: "Speak LSP over Node's IPC channel (for a client that forks the server).",
        'zh-TW': '透過 Node 的 IPC 通道傳遞 LSP（給以 fork 啟動伺服器的用戶端）。',
      },
    },
    socket: {
      type: 'string',
      arg: '=N',
      text: { en: 'Connect to the client on TCP port N of this machine.', 'zh-TW': '連線到本機 TCP 連接埠 N 上的用戶端。' },
    },
    pipe: {
      type: 'string',
      arg: '=NAME',
      text: {
        en: 'Connect to the client on the named pipe (or Unix socket) NAME.',
        'zh-TW': '透過具名管道（或 Unix socket）NAME 連線到用戶端。',
      },
    },
    clientProcessId: {
      type: 'string',
      arg: '=PID',
      text: {
        en: 'The process id of the client: the server ends when that process does (LSP clients pass it themselves).',
        'zh-TW': '用戶端的行程編號：該行程結束時伺服器也會結束（LSP 用戶端會自行傳入）。',
      },
    },
    ...COMMON_OPTIONS,
  },
} as const satisfies CommandSpec;
