/**
 * The server side of the request runner: `jkopay/payloads` and `jkopay/prepareRequest` (declared
 * in `src/shared/protocol.ts`) and the Send CodeLens, offered only above payloads that can be sent.
 * All three read the cached parse of the document's current version, so the VS Code client holds
 * no parser and no document model of its own, and what is sent is exactly what the checker checked.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type PreparedRequest, prepareRequest, RequestBuildError } from '../api/requestBody';
import { type LanguageService, type PayloadDocument, nodeEnd, payloadErrorCounts, payloadErrors, runtimePart } from '../core';
import type { Lang } from '../data/types';
import {
  PAYLOADS_REQUEST,
  type PayloadInfo,
  type PayloadsParams,
  type PayloadsResult,
  PREPARE_REQUEST,
  type PrepareRequestParams,
  type PrepareRequestResult,
  type WireRequest,
} from '../shared/protocol';
import type { HandlerGuard } from './guard';

export interface RunnerRequestHost {
  documents: TextDocuments<TextDocument>;
  /** The cached parse of the document's current version. */
  parsed(document: TextDocument): PayloadDocument;
  /** The diagnostics of the current version, as the client shows them (severity overrides applied). */
  diagnostics(document: TextDocument): Diagnostic[];
  lang(): Lang;
  /** Whether the client said it can run the lenses' command (`InitializationOptions.sendCodeLens`). */
  sendCodeLens(): boolean;
  /** The language service of the workspace folder that holds the document. */
  service(document: TextDocument): LanguageService;
}

/** Why the server could not prepare a request, in the display language. */
const REASONS = {
  'no-payload': {
    en: 'the document has no payload {index} (has it changed?)',
    'zh-TW': '此文件中沒有第 {index} 個 payload（文件已變更？）',
  },
  'not-open': { en: 'the JKOPay language server does not hold this document', 'zh-TW': '街口支付語言伺服器沒有開啟此文件' },
  failed: {
    en: 'the JKOPay language server failed to read the payload (see the JKOPay log)',
    'zh-TW': '街口支付語言伺服器無法讀取此 payload（請見 JKOPay 記錄）',
  },
} as const;

function reason(lang: Lang, id: keyof typeof REASONS, index = 0): string {
  return REASONS[id][lang].replace('{index}', String(index));
}

/** The request a payload becomes, or why it cannot (a saved response, a value unknown until run time…). */
function tryPrepare(doc: PayloadDocument, index: number, lang: Lang): { request: PreparedRequest } | { reason: string } {
  try {
    return { request: prepareRequest(doc.payloads[index]) };
  } catch (e) {
    if (e instanceof RequestBuildError) return { reason: e.messageIn(lang) };
    throw e;
  }
}

/** `PreparedRequest` and the protocol's `WireRequest` are one shape: this fails to compile if they drift. */
const toWire = (request: PreparedRequest): WireRequest => request;

export function registerRunnerRequests(connection: Connection, guard: HandlerGuard, host: RunnerRequestHost): void {
  connection.onRequest(
    PAYLOADS_REQUEST,
    guard.wrap<PayloadsParams, PayloadsResult>('payloads', { version: null, payloads: [] }, ({ uri }) => {
      const document = host.documents.get(uri);
      if (!document) return { version: null, payloads: [] };
      const doc = host.parsed(document);
      const errorCounts = payloadErrorCounts(document, host.diagnostics(document), doc.payloads);
      const payloads = doc.payloads.map((payload, index): PayloadInfo => {
        const prepared = tryPrepare(doc, index, host.lang());
        return {
          index,
          kind: payload.kind,
          range: { start: document.positionAt(payload.node.offset), end: document.positionAt(nodeEnd(payload.node)) },
          errorCount: errorCounts[index],
          sendable: 'request' in prepared,
          ...('reason' in prepared ? { reason: prepared.reason } : {}),
        };
      });
      return { version: document.version, payloads };
    }),
  );

  const prepare = ({ uri, index }: PrepareRequestParams): PrepareRequestResult => {
    const document = host.documents.get(uri);
    if (!document) return { ok: false, version: null, reason: reason(host.lang(), 'not-open') };
    const doc = host.parsed(document);
    const payload = doc.payloads[index];
    if (!payload) return { ok: false, version: document.version, reason: reason(host.lang(), 'no-payload', index) };
    const prepared = tryPrepare(doc, index, host.lang());
    if ('reason' in prepared) return { ok: false, version: document.version, reason: prepared.reason };
    const errorCount = payloadErrors(document, host.diagnostics(document), payload).length;
    return { ok: true, version: document.version, request: toWire(prepared.request), errorCount };
  };
  connection.onRequest<PrepareRequestResult, void>(PREPARE_REQUEST, (params: PrepareRequestParams): PrepareRequestResult => {
    try {
      return prepare(params);
    } catch (e) {
      // Said to the user, in their language; the detail goes to the log once.
      guard.report('prepareRequest', e);
      return { ok: false, version: null, reason: reason(host.lang(), 'failed') };
    }
  });

  connection.onCodeLens(
    guard.wrap('codeLens', [], ({ textDocument }) => {
      const document = host.documents.get(textDocument.uri);
      if (!document || !host.sendCodeLens()) return [];
      const doc = host.parsed(document);
      // Only where the payload can be sent: a lens that can only answer "only known when the program runs" is no offer.
      // runtimePart walks the payload's nodes, no more: building every request (tryPrepare) took 0.2–0.3 s per lens
      // request on a 5,000-payload file, which VS Code asks for after each edit. A payload refused for another
      // reason (an inquiry id that is no string) keeps its lens; the send says why.
      return host.service(document).getCodeLenses(document, doc, (index) => runtimePart(doc.payloads[index].node) === undefined);
    }),
  );
}
