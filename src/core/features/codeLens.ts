/**
 * The `Send to mock` · `Send to sandbox` CodeLens above every request payload of a document that
 * can be sent, in payload files and TS/JS sources: never above a literal whose values the program
 * only knows when it runs (the server says which, from the request it would build; the hover on
 * the literal's braces says what the runner needs instead). Each runs the client's
 * `jkopay.sendRequest` command with the document, the payload's index and the environment. Whether
 * lenses are offered at all (only to a client that can run the command, only in a trusted
 * workspace) is decided by the server and the client, not here. Pure: no fs, net, timers, vscode or
 * LSP connection.
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

export function getSendCodeLenses(
  document: TextDocument,
  doc: PayloadDocument,
  lang: Lang,
  sendable: (index: number) => boolean = () => true,
): CodeLens[] {
  const lenses: CodeLens[] = [];
  doc.payloads.forEach((payload, index) => {
    if (payload.kind === 'response' || !sendable(index)) return;
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
