/**
 * The one explanation of a JKOPay result code or of a documented `message` text: which rows of
 * the official tables answer it and how the received message matched them. Structured data only,
 * in both display languages; the CLI (plain text), the hovers (Markdown), the runner's Markdown
 * preview and its response webview each format it and decide nothing. Pure: reads the tables only.
 */
import { findResultCodes, findResultCodesByMessage, transactionStatuses } from './index';
import type { Endpoint, ResultCodeEntry, TransactionStatusEntry } from './types';

/** What a result code looks like: JKOPay sends three digits as a string. */
export const RESULT_CODE = /^\d{3}$/;

/**
 * How the rows were chosen:
 * - `code`: every row of the code (for the endpoint when known); no message was given.
 * - `exact-message`: the code's rows narrowed to those whose message is exactly the received one.
 * - `varying-message`: the received text is in no row, so the rows whose message varies answer (refund 922).
 * - `code-only`: a message was given but matched none of the code's rows; all its rows answer.
 * - `message`: looked up by the message text alone (no code).
 * - `none`: no table knows the code or the message.
 */
export type ExplanationMatch = 'code' | 'exact-message' | 'varying-message' | 'code-only' | 'message' | 'none';

export interface ResultCodeExplanation {
  /** The code asked about, when asked by code. */
  code?: string;
  /** The message received (or asked about); null when JKOPay sent `null`. */
  message?: string | null;
  /** The endpoint the answer came from, when known. */
  endpoint?: Endpoint;
  match: ExplanationMatch;
  /** The matching rows, current rows first: code, endpoint, message, status, title, meaning, cause and action (en + zh-TW). */
  rows: ResultCodeEntry[];
}

/** The rows of `code` for `endpoint` (all endpoints when that has none), narrowed by the received `message`. */
export function explainResultCode(code: string, endpoint?: Endpoint, message?: string | null): ResultCodeExplanation {
  let rows = findResultCodes(code, endpoint);
  if (rows.length === 0 && endpoint) rows = findResultCodes(code);
  const base = { code, endpoint, ...(message === undefined ? {} : { message }) };
  if (rows.length === 0) return { ...base, match: 'none', rows };
  if (message === undefined) return { ...base, match: 'code', rows };
  const exact = rows.filter((row) => row.message === message);
  if (exact.length) return { ...base, match: 'exact-message', rows: exact };
  // A text no row has is what the rows with a varying message send (refund 922).
  const varying = rows.filter((row) => row.messageIsDynamic);
  if (varying.length && message !== null) return { ...base, match: 'varying-message', rows: varying };
  return { ...base, match: 'code-only', rows };
}

/** The rows whose exact message is `message`, those of `endpoint` (or of the older flat table) when it has any. */
export function explainResultMessage(message: string, endpoint?: Endpoint): ResultCodeExplanation {
  let rows = findResultCodesByMessage(message);
  const forEndpoint = endpoint ? rows.filter((row) => row.endpoint === endpoint || row.endpoint === 'any') : [];
  if (forEndpoint.length) rows = forEndpoint;
  return { message, endpoint, match: rows.length ? 'message' : 'none', rows };
}

/** A three-digit query is a code; anything else is looked up as an exact message text. */
export function explainQuery(query: string, endpoint?: Endpoint): ResultCodeExplanation {
  return RESULT_CODE.test(query) ? explainResultCode(query, endpoint) : explainResultMessage(query, endpoint);
}

/** The inquiry transaction `status` (an integer, unlike `result`), or undefined when no table has it. */
export function explainTransactionStatus(status: number): TransactionStatusEntry | undefined {
  return transactionStatuses().find((entry) => entry.status === status);
}
