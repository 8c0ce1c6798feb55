/**
 * The mock's access log as text, one line per request (with the order ids it names) and one per
 * callback attempt or skip (the real URL, where it was forwarded, attempt, HTTP status, time).
 * Shared by `jkopay mock` and the JKOPay output channel of the editor's mock.
 */
import { escapeControl } from '../../shared/displayText';
import type { CallbackLogEntry } from './mockCallbacks';
import type { RequestLogEntry } from './mockServer';

/**
 * Text from a request (an order id, a path, a URL) as one printable line: control and bidi
 * characters, which could forge or hide log lines, become escapes, line breaks included.
 */
export function printable(text: string): string {
  return escapeControl(text);
}

/** One access-log line: method, path, the order ids the request names, status, result code, time. */
export function accessLine(e: RequestLogEntry): string {
  const orders = e.orderIds?.length ? ` [order ${e.orderIds.map(printable).join(', ')}]` : '';
  return `${printable(e.method)} ${printable(e.path)}${orders} → HTTP ${e.status}${e.result ? ` result ${printable(e.result)}` : ''} (${e.elapsedMs} ms)`;
}

/** One line per callback attempt (or skip): the real URL, where it went, attempt, status and time. */
export function callbackLine(e: CallbackLogEntry): string {
  const head = `callback ${e.kind} [order ${printable(e.platform_order_id)}] ${printable(e.url)}`;
  if (e.skipped) return `${head} ${printable(e.outcome)}`;
  const to = e.sent_to ? ` (forwarded to ${printable(e.sent_to)})` : '';
  const status = e.status === undefined ? '' : `HTTP ${e.status}`;
  const said = e.outcome === status ? '' : printable(e.outcome);
  const answer = [status, said].filter(Boolean).join(', ');
  return `${head}${to} attempt ${e.attempt} → ${answer}${e.ok ? '' : ' (failed)'} (${e.elapsed_ms ?? 0} ms)`;
}
