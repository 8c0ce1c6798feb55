/**
 * The mock's access log as text, one line per request (with the order ids it names) and one per
 * callback attempt or skip (the real URL, where it was forwarded, attempt, HTTP status, time).
 * Shared by `jkopay mock` and the JKOPay output channel of the editor's mock.
 */
import type { CallbackLogEntry } from './mockCallbacks';
import type { RequestLogEntry } from './mockServer';

/** One access-log line: method, path, the order ids the request names, status, result code, time. */
export function accessLine(e: RequestLogEntry): string {
  const orders = e.orderIds?.length ? ` [order ${e.orderIds.join(', ')}]` : '';
  return `${e.method} ${e.path}${orders} → HTTP ${e.status}${e.result ? ` result ${e.result}` : ''} (${e.elapsedMs} ms)`;
}

/** One line per callback attempt (or skip): the real URL, where it went, attempt, status and time. */
export function callbackLine(e: CallbackLogEntry): string {
  const head = `callback ${e.kind} [order ${e.platform_order_id}] ${e.url}`;
  if (e.skipped) return `${head} ${e.outcome}`;
  const to = e.sent_to ? ` (forwarded to ${e.sent_to})` : '';
  const status = e.status === undefined ? '' : `HTTP ${e.status}`;
  const said = e.outcome === status ? '' : e.outcome;
  const answer = [status, said].filter(Boolean).join(', ');
  return `${head}${to} attempt ${e.attempt} → ${answer}${e.ok ? '' : ' (failed)'} (${e.elapsed_ms ?? 0} ms)`;
}
