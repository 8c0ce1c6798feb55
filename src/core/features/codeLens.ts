/**
 * The `Send to mock` · `Send to sandbox` CodeLens above every request payload of a document, in
 * payload files and TS/JS sources. Each runs the client's `jkopay.sendRequest` command with the
 * document, the payload's index and the environment. Whether lenses are offered at all (only to
 * a client that can run the command, only in a trusted workspace) is decided by the server and
 * the client, not here. Pure: no fs, net, timers, vscode or LSP connection.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import type { Lang } from '../../data/types';
import { msg } from '../texts/messages';
import type { PayloadDocument } from '../model/model';

/** The client command the lenses run; its arguments are `SendLensArgs`. */
export const SEND_COMMAND = 'jkopay.sendRequest';

export interface SendLensArgs {
  uri: string;
  index: number;
  env: 'mock' | 'sandbox';
}

export function getSendCodeLenses(document: TextDocument, doc: PayloadDocument, lang: Lang): CodeLens[] {
  const lenses: CodeLens[] = [];
  doc.payloads.forEach((payload, index) => {
    if (payload.kind === 'response') return;
    const start = document.positionAt(payload.node.offset);
    const range = { start, end: start };
    const lens = (env: SendLensArgs['env'], title: string): CodeLens => ({
      range,
      command: { title, command: SEND_COMMAND, arguments: [{ uri: document.uri, index, env } satisfies SendLensArgs] },
    });
    lenses.push(lens('mock', msg(lang, 'codelens-send-mock')), lens('sandbox', msg(lang, 'codelens-send-sandbox')));
  });
  return lenses;
}
