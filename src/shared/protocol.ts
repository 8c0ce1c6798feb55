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
