/**
 * Types of the JKOPay data files in this folder (result codes, currencies, rule messages).
 * The JSON files are the source of truth; each has a JSON Schema of its own beside it
 * (`*.schema.json` in `meta/`) that a unit test checks it against.
 */

/** The two display languages every user-facing text exists in. */
export type Lang = 'en' | 'zh-TW';

/** A text in both display languages. */
export interface Localized {
  en: string;
  'zh-TW': string;
}

export type Endpoint = 'entry' | 'refund' | 'inquiry';

/** One row of an official (or older) response-code table. */
export interface ResultCodeEntry {
  /** Stable id, e.g. `entry.200.store-not-found`. */
  id: string;
  /** The endpoint whose table the row comes from; `any` for the older flat table. */
  endpoint: Endpoint | 'any';
  /** The code as JKOPay sends it: a three-digit string. */
  code: string;
  /** The exact `message` JKOPay sends (typos kept), or null when it sends none. */
  message: string | null;
  /** True when JKOPay puts a dynamic text in `message` (e.g. refund 922). */
  messageIsDynamic: boolean;
  /** `current`: the newest official table; `legacy`: older revisions or third parties; `authpay-only`: not an OnlinePay code. */
  status: 'current' | 'legacy' | 'authpay-only';
  /** Source keys as in the API research notes (O-CODES, MOKSA, …). */
  sources: string[];
  title: Localized;
  meaning: Localized;
  cause: Localized;
  action: Localized;
  /**
   * Current rows: what code handling the answer must do — `success`; `done` (it already happened: a
   * retried entry of a paid order); `retry` (later, the same request); `buyer` (show the buyer a
   * message); `merchant` (fix the request or the store's setup, alert the merchant).
   */
  handling?: 'success' | 'done' | 'retry' | 'buyer' | 'merchant';
}

/** A transaction `status` of the inquiry response (an integer, unlike `result`). */
export interface TransactionStatusEntry {
  status: number;
  current: boolean;
  title: Localized;
  meaning: Localized;
  action: Localized;
}

export interface ResultCodeTable {
  codes: ResultCodeEntry[];
  transactionStatuses: TransactionStatusEntry[];
}

export interface CurrencyEntry {
  /** ISO 4217 code, upper case. */
  code: string;
  /** Decimal places JKOPay accepts for amounts in this currency. */
  decimals: number;
  /** Smallest accepted order price, as an exact decimal string. */
  minimum: string;
  name: Localized;
  /** Where the figures come from and how sure they are. */
  note: Localized;
}

export interface CurrencyTable {
  currencies: CurrencyEntry[];
}
