/**
 * The one explanation of a JKOPay result code or of a documented `message` text: which rows of
 * the official tables answer it and how the received message matched them. Structured data only,
 * in both display languages; the CLI (plain text), the hovers (Markdown), the runner's Markdown
 * preview and its response webview each format it and decide nothing. Pure: reads the tables only.
 */
import { editDistance } from './editDistance';
import { allResultCodes, findResultCodes, findResultCodesByMessage, transactionStatuses } from './index';
import type { Endpoint, ResultCodeEntry, TransactionStatusEntry } from './types';

/** What a result code looks like: JKOPay sends three digits as a string. */
export const RESULT_CODE = /^\d{3}$/;

/**
 * How the rows were chosen:
 * - `code`: every row of the code (for the endpoint when known); no message was given.
 * - `exact-message`: the code's rows narrowed to those whose message is exactly the received one.
 * - `varying-message`: the received text is in no row, so the rows whose message varies answer (refund 922).
 * - `code-only`: a message was given but matched none of the code's rows; all its rows answer.
 * - `other-endpoint`: the endpoint has no such code; the rows are those of the endpoints in `elsewhere`.
 * - `inquiry-status`: asked about inquiry, whose `result` is always "000": the number is a
 *   `transactions[].status`, explained in `statuses`; `rows` is empty.
 * - `message`: looked up by the message text alone (no code).
 * - `similar-message`: no row has the text exactly, but one differs only in case, spacing,
 *   punctuation or a typo or two (JKOPay's own texts have typos: `Invaid Order ID`).
 * - `none`: no table knows the code or the message.
 */
export type ExplanationMatch =
  'code' | 'exact-message' | 'varying-message' | 'code-only' | 'other-endpoint' | 'inquiry-status' | 'message' | 'similar-message' | 'none';

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
  /** With `other-endpoint`: the endpoints that do have the code. */
  elsewhere?: Endpoint[];
  /** With `inquiry-status`: the transaction status the number names. */
  statuses?: TransactionStatusEntry[];
}

/** The rows of `code` for `endpoint` (all endpoints when that has none), narrowed by the received `message`. */
export function explainResultCode(code: string, endpoint?: Endpoint, message?: string | null): ResultCodeExplanation {
  const base = { code, endpoint, ...(message === undefined ? {} : { message }) };
  if (endpoint === 'inquiry' && code !== '000' && /^\d{1,3}$/.test(code)) {
    const status = explainTransactionStatus(Number(code));
    if (status) return { ...base, match: 'inquiry-status', rows: [], statuses: [status] };
  }
  let rows = findResultCodes(code, endpoint);
  if (rows.length === 0 && endpoint) {
    rows = findResultCodes(code);
    const elsewhere = [...new Set(rows.map((row) => row.endpoint).filter((e): e is Endpoint => e !== 'any'))];
    if (rows.length) return { ...base, match: 'other-endpoint', rows, elsewhere };
  }
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
  let match: ExplanationMatch = 'message';
  if (rows.length === 0) {
    rows = similarMessageRows(message);
    match = 'similar-message';
  }
  const forEndpoint = endpoint ? rows.filter((row) => row.endpoint === endpoint || row.endpoint === 'any') : [];
  if (forEndpoint.length) rows = forEndpoint;
  return { message, endpoint, match: rows.length ? match : 'none', rows };
}

/**
 * A three-digit query is a code (with `inquiry`, a number of one to three digits is a transaction
 * status); anything else is looked up as a message text.
 */
export function explainQuery(query: string, endpoint?: Endpoint): ResultCodeExplanation {
  if (RESULT_CODE.test(query) || (endpoint === 'inquiry' && /^\d{1,3}$/.test(query))) return explainResultCode(query, endpoint);
  return explainResultMessage(query, endpoint);
}

/** Case, spacing and trailing punctuation do not matter when a message is looked up. */
function normalMessage(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/[.。!！\s]+$/, '')
    .trim();
}

/**
 * The rows whose message is nearest to `message` once normalised, within a few typos: at most
 * one edit per eight characters (so `Invalid Order ID` finds `Invaid Order ID`, and a short
 * text never matches a different short text). Ties all answer.
 */
function similarMessageRows(message: string): ResultCodeEntry[] {
  const wanted = normalMessage(message);
  if (wanted.length < 4) return [];
  const limit = Math.max(1, Math.floor(wanted.length / 8));
  let best = limit;
  let found: ResultCodeEntry[] = [];
  for (const row of allResultCodes()) {
    if (row.message === null) continue;
    // Anything over the best so far comes back as best + 1 (the search gives up early).
    const distance = editDistance(wanted, normalMessage(row.message), best + 1);
    if (distance > best) continue;
    if (distance < best || found.length === 0) found = [row];
    else found.push(row);
    best = distance;
  }
  return found;
}

/** The inquiry transaction `status` (an integer, unlike `result`), or undefined when no table has it. */
export function explainTransactionStatus(status: number): TransactionStatusEntry | undefined {
  return transactionStatuses().find((entry) => entry.status === status);
}
