/**
 * The mock's answers: official rows of the result-code table, looked up by their stable id so
 * that every message is JKOPay's exact text from the data (typos included), never retyped here;
 * plus the mock-only envelopes for what JKOPay does not document (authentication, unknown paths).
 */
import { allResultCodes, type Endpoint, type ResultCodeEntry } from '../../data';
import type { Envelope } from '../envelope';

/** An envelope and the HTTP status it goes out with. */
export interface MockAnswer {
  httpStatus: number;
  envelope: Envelope;
}

function row(id: string): ResultCodeEntry {
  const found = allResultCodes().find((r) => r.id === id);
  // Fails at load, so a renamed row breaks the tests rather than a user's request.
  if (!found) throw new Error(`result code row ${id} is missing from resultCodes.json`);
  return found;
}

/** The official rows the mock answers with, by what happened. */
export const ROWS = {
  entryOk: row('entry.000.success'),
  orderIsPaid: row('entry.101.order-is-paid'),
  badRequest: row('entry.200.bad-request'),
  storeNotFound: row('entry.200.store-not-found'),
  currencyUnsupported: row('entry.200.currency-unsupported'),
  identityRequired: row('entry.200.identity-verification-required'),
  orderMismatch: row('entry.200.order-mismatch'),
  entryDigits: row('entry.200.invalid-amount-digits'),
  belowLimit: row('entry.200.price-below-limit'),
  entryInternal: row('entry.999.internal-error'),
  refundOk: row('refund.000.success'),
  invalidOrderId: row('refund.100.invalid-order-id'),
  refundExpired: row('refund.102.refund-period-expired'),
  inconsistentRefund: row('refund.105.inconsistent-refund-amount'),
  couponFullOnly: row('refund.117.coupon-full-refund-only'),
  refundDigits: row('refund.200.invalid-amount-digits'),
  exceedsFinal: row('refund.922.exceeds-final-price'),
  refundFailed: row('refund.922.refund-failed'),
  refundInternal: row('refund.999.internal-error'),
  inquiryOk: row('inquiry.000.success'),
} as const;

/** An official answer: the row's code and exact message, over HTTP 200 as JKOPay sends them. */
export function official(r: ResultCodeEntry, resultObject: unknown = null, httpStatus = 200): MockAnswer {
  return { httpStatus, envelope: { result: r.code, message: r.message, result_object: resultObject } };
}

/** The dynamic-message row (refund 922): JKOPay's code with a message of the situation. */
export function dynamic(r: ResultCodeEntry, message: string): MockAnswer {
  return { httpStatus: 200, envelope: { result: r.code, message, result_object: null } };
}

/**
 * A mock-only answer for what JKOPay does not document (a missing DIGEST, an unknown path): the
 * HTTP status as the result code, a message saying why, and `result_object.mock` so that no one
 * mistakes it for a JKOPay code.
 */
export function mockError(httpStatus: number, message: string, detail?: Record<string, unknown>): MockAnswer {
  return { httpStatus, envelope: { result: String(httpStatus), message, result_object: { mock: true, ...detail } } };
}

/** Bad request over a non-200 HTTP status, for bodies the mock cannot even read (not JSON, too large, wrong type). */
export function unreadable(httpStatus: number, reason: string): MockAnswer {
  return official(ROWS.badRequest, { body: reason }, httpStatus);
}

/**
 * The answer forced by `X-Mock-Result: <code> [message]`: the endpoint's current documented row
 * with that code (the one with that exact message when given; else the first with a fixed
 * message). Undefined when the endpoint's table has no such failure code.
 */
export function forcedRow(endpoint: Endpoint, spec: string): ResultCodeEntry | undefined {
  const m = /^\s*(\d{3})(?:\s+(.*\S))?\s*$/.exec(spec);
  if (!m || m[1] === '000') return undefined;
  const rows = forcibleRows(endpoint).filter((r) => r.code === m[1]);
  if (m[2] !== undefined) return rows.find((r) => r.message === m[2]);
  return rows.find((r) => !r.messageIsDynamic && r.message !== null) ?? rows[0];
}

/** The failure codes `X-Mock-Result` accepts on an endpoint, for the error that lists them. */
export function forcibleCodes(endpoint: Endpoint): string[] {
  return [...new Set(forcibleRows(endpoint).map((r) => r.code))];
}

/**
 * The current failure rows of an endpoint. The inquiry table lists none, yet an inquiry can
 * surely fail inside JKOPay: it gets the generic "Internal Error" row that entry and refund share.
 */
function forcibleRows(endpoint: Endpoint): ResultCodeEntry[] {
  const own = (e: Endpoint) => allResultCodes().filter((r) => r.endpoint === e && r.status === 'current' && r.code !== '000');
  return endpoint === 'inquiry' ? [ROWS.entryInternal] : own(endpoint);
}
