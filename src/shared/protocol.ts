/**
 * What the JKOPay language server and its clients say to each other beyond plain LSP: the
 * initialization options and the custom requests. Declared once here; the VS Code client
 * imports these types, and other editors (Neovim, Helix, Zed) may send the same options.
 * No imports: both sides can use this file.
 */

/** Settings under the `jkopay` section (VS Code) or `initializationOptions.settings` (other editors). */
export interface JkopaySettings {
  /** Currency of refunds, whose body names none. Default `TWD`. */
  defaultCurrency?: string;
  diagnostics?: {
    /** Turns all payload diagnostics off when false. Default true. */
    enable?: boolean;
    /** Per-code severity overrides, e.g. `{ "products-total-mismatch": "off" }`. */
    severity?: Record<string, string>;
  };
  /** Which object literals in TS/JS sources are payloads; each sign is on unless set to false. */
  source?: {
    markers?: boolean;
    types?: boolean;
    keys?: boolean;
  };
}

/** Sent by the client in `initialize`. Every field is optional. */
export interface InitializationOptions {
  /** The editor's display language (`vscode.env.language`, e.g. `zh-tw`); wins over LSP `locale`. */
  locale?: string;
  /** Settings for clients that do not answer `workspace/configuration`. */
  settings?: JkopaySettings;
  /**
   * True when the client can run the `jkopay.sendRequest` command that the server's CodeLens
   * names (the VS Code extension). Other editors get no CodeLens: they could not run it.
   */
  sendCodeLens?: boolean;
  /**
   * True when a TS/JS document is already open as the server starts (the extension activates on
   * one): the server loads the TypeScript parser at once, while the client finishes the handshake,
   * instead of when that document's first request comes. A workspace of payload files never loads it.
   */
  sourceDocumentOpen?: boolean;
}

/**
 * `jkopay/payloadKinds`, sent by the VS Code client when the active editor or its text
 * changes, for the status bar: the kind of each payload in the document, in order.
 */
export const PAYLOAD_KINDS_REQUEST = 'jkopay/payloadKinds';

export interface PayloadKindsParams {
  uri: string;
}

export interface PayloadKindsResult {
  /** `entry`, `refund`, `inquiry` or `response` per payload object; empty when none. */
  kinds: string[];
}

/** A zero-based LSP position and range (declared here so that this file needs no import). */
export interface ProtocolPosition {
  line: number;
  character: number;
}
export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

/**
 * `jkopay/payloads`, sent by the VS Code client's request runner when the user sends (the
 * command, the CodeLens, a test): every payload of the document as the server's cached parse of
 * the current version has it, to pick the one at the cursor, the only one, or the user's choice.
 * The client holds no parser of its own.
 */
export const PAYLOADS_REQUEST = 'jkopay/payloads';

export interface PayloadsParams {
  uri: string;
}

export interface PayloadInfo {
  /** Index among all payloads of the document (responses included): what `jkopay/prepareRequest` takes. */
  index: number;
  /** `entry`, `refund`, `inquiry` or `response`. */
  kind: string;
  /** From the opening to the closing brace of the payload object. */
  range: ProtocolRange;
  /** Error-level findings inside the payload, plus syntax errors anywhere in the file, as the Problems panel shows them. */
  errorCount: number;
  /** True when the payload can become a request (not a response; every value known and writable as JSON). */
  sendable: boolean;
  /** Why it cannot be sent, in the display language, when `sendable` is false. */
  reason?: string;
}

export interface PayloadsResult {
  /** The document version the answer is about; null when the server does not hold the document. */
  version: number | null;
  payloads: PayloadInfo[];
}

/**
 * `jkopay/prepareRequest`, sent by the VS Code client's request runner right before it signs and
 * sends payload `index` of a document: the exact request (endpoint, method, path, body) built from
 * the server's parse, or the reason it cannot be sent. The client signs and sends exactly these bytes.
 */
export const PREPARE_REQUEST = 'jkopay/prepareRequest';

export interface PrepareRequestParams {
  uri: string;
  index: number;
}

/** The exact request a payload becomes: the same shape as `PreparedRequest` in `src/api/requestBody.ts`. */
export interface WireRequest {
  endpoint: 'entry' | 'refund' | 'inquiry';
  method: 'POST' | 'GET';
  /** Path and, for inquiry, the query. */
  path: string;
  /** The JSON body of a POST, exactly as sent. */
  body?: string;
  /** Exactly what the DIGEST is computed over. */
  signedText: string;
}

export type PrepareRequestResult =
  { ok: true; version: number; request: WireRequest; errorCount: number } | { ok: false; version: number | null; reason: string };
