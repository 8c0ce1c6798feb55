/**
 * Finds the payloads of an editor document by asking the language server (`jkopay/payloads`,
 * `jkopay/prepareRequest` in `src/shared/protocol.ts`): the client holds no parser and no
 * document model, so the payload sent is exactly the one the server checked. Picks the one to
 * send: the one at the cursor, else the only one, else the user's choice.
 */
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import {
  PAYLOADS_REQUEST,
  type PayloadsParams,
  type PayloadsResult,
  PREPARE_REQUEST,
  type PrepareRequestParams,
  type PrepareRequestResult,
} from '../../shared/protocol';

/** The language server is stopped, failed to start or gave up restarting: nothing can be read. */
export class ServerUnavailableError extends Error {}

export interface LocatedPayload {
  /** Index among the document's payloads, as CodeLens arguments and `jkopay/prepareRequest` name it. */
  index: number;
  kind: string;
  range: vscode.Range;
  errorCount: number;
  sendable: boolean;
  reason?: string;
}

export class PayloadLocator {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  private async request<R>(method: string, params: object): Promise<{ client: LanguageClient; result: R }> {
    const client = this.client();
    // A starting client queues the request; a stopped one (stopped, failed to start, gave up restarting) never answers.
    if (!client || client.state === State.Stopped) {
      throw new ServerUnavailableError('the JKOPay language server is not running');
    }
    try {
      return { client, result: await client.sendRequest<R>(method, params) };
    } catch (e) {
      // A server that died (or was stopped) under the request is the user's problem to know about.
      if (client.state !== State.Running) throw new ServerUnavailableError('the JKOPay language server is not running');
      throw e;
    }
  }

  /** Every payload of the document that is a request (saved responses have nothing to send). */
  async requests(document: vscode.TextDocument): Promise<LocatedPayload[]> {
    const params: PayloadsParams = { uri: document.uri.toString() };
    const { client, result } = await this.request<PayloadsResult>(PAYLOADS_REQUEST, params);
    return result.payloads
      .filter((p) => p.kind !== 'response')
      .map((p) => ({ ...p, range: client.protocol2CodeConverter.asRange(p.range) }));
  }

  /** The exact request payload `index` becomes, from the server's parse of the current version, or why it cannot be sent. */
  async prepare(document: vscode.TextDocument, index: number): Promise<PrepareRequestResult> {
    const params: PrepareRequestParams = { uri: document.uri.toString(), index };
    return (await this.request<PrepareRequestResult>(PREPARE_REQUEST, params)).result;
  }

  /**
   * The payload to send among `all`: `index` when given; else the one holding the cursor; else
   * the only one; else the user picks (undefined when they cancel or there is none).
   */
  async choose(
    document: vscode.TextDocument,
    all: readonly LocatedPayload[],
    cursor: vscode.Position | undefined,
    index?: number,
  ): Promise<LocatedPayload | undefined> {
    if (index !== undefined) return all.find((p) => p.index === index);
    if (cursor) {
      const here = all.filter((p) => p.range.contains(cursor));
      // Nested literals in source: the innermost payload is the one the cursor means.
      if (here.length) return here.reduce((a, b) => (a.range.contains(b.range) ? b : a));
    }
    if (all.length <= 1) return all[0];
    const picked = await vscode.window.showQuickPick(
      all.map((p) => ({
        label: p.kind,
        description: vscode.l10n.t('line {0}', p.range.start.line + 1),
        detail: preview(document, p),
        located: p,
      })),
      { placeHolder: vscode.l10n.t('This file holds several payloads: which one should be sent?') },
    );
    return picked?.located;
  }
}

/** The first fields of a payload on one line, to tell payloads apart in a pick list. */
function preview(document: vscode.TextDocument, p: LocatedPayload): string {
  const text = document.getText(p.range).replace(/\s+/g, ' ');
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}
