/**
 * `jkopay lsp --stdio [--lang en|zh-TW]`: the same language server the VS Code extension runs,
 * for any LSP client (Neovim, Helix, Zed…). vscode-languageserver reads the transport flag
 * (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`) from the command line itself; on stdio
 * nothing else may be written to stdout.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Lang } from '../data/types';
import { startServer } from '../server/startServer';
import { parseCommand } from './help/commandSpec';
import { LSP_SPEC } from './help/lspSpec';

export interface LspArgs {
  lang: string | undefined;
  /** False when no transport flag was given: the caller reports bad usage. */
  hasTransport: boolean;
}

/** Throws parseArgs' ERR_PARSE_ARGS_* errors on unknown flags, as the other sub-commands do. */
export function parseLspArgs(args: string[]): LspArgs {
  const { values } = parseCommand(LSP_SPEC, args);
  return { lang: values.lang, hasTransport: Boolean(values.stdio || values['node-ipc'] || values.socket || values.pipe) };
}

/** Serves until the client sends `exit` or closes the stream; vscode-languageserver then ends the process. */
export function runLsp(lang: Lang | undefined): Promise<number> {
  startServer(createConnection(ProposedFeatures.all), { lang });
  return new Promise(() => {});
}
