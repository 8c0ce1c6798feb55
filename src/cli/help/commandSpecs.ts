/**
 * Every command's table, in the order `jkopay help` lists them, and the options of the command line
 * itself: what `jkopay help`, `jkopay help <command>` and the test that walks the tables read.
 */
import { CALLBACKS_SPEC } from './callbacksSpec';
import { CHECK_SPEC } from './checkSpec';
import { COMMON_OPTIONS, type CommandSpec, type OptionTable } from './commandSpec';
import { EXPLAIN_SPEC } from './explainSpec';
import { LSP_SPEC } from './lspSpec';
import { MOCK_CONTROL_SPEC, MOCK_SPEC } from './mockSpec';
import { SEND_SPEC } from './sendSpec';
import { SIGN_SPEC, VERIFY_SPEC } from './signSpec';

/** `jkopay help <command>` shows the tables listed for it (mock: the server, then its control commands). */
export const COMMAND_SPECS: Record<string, readonly CommandSpec[]> = {
  check: [CHECK_SPEC],
  send: [SEND_SPEC],
  mock: [MOCK_SPEC, MOCK_CONTROL_SPEC],
  callbacks: [CALLBACKS_SPEC],
  sign: [SIGN_SPEC],
  verify: [VERIFY_SPEC],
  explain: [EXPLAIN_SPEC],
  lsp: [LSP_SPEC],
};

export const ALL_SPECS: readonly CommandSpec[] = Object.values(COMMAND_SPECS).flat();

/** `jkopay --lang L <command>`, `jkopay --help`, `jkopay --version`. */
export const GLOBAL_OPTIONS = {
  lang: COMMON_OPTIONS.lang,
  help: { type: 'boolean', short: 'h', text: { en: 'Show this help and exit.', 'zh-TW': '顯示這份說明後結束。' } },
  version: { type: 'boolean', short: 'v', text: { en: 'Print the version and exit.', 'zh-TW': '印出版本後結束。' } },
} as const satisfies OptionTable;
