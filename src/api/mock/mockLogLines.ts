/**
 * The mock's access log as text, one line per request (with the order ids it names) and one per
 * callback attempt or skip (the real URL, where it was forwarded, attempt, HTTP status, time).
 * Shared by `jkopay mock` and the JKOPay output channel of the editor's mock. Text from a request
 * (ids, paths, URLs) is escaped: control and bidi characters could forge or hide log lines, and one
 * entry must stay one line.
 */
import { escapeControl } from '../../shared/displayText';
import type { CallbackLogEntry } from './mockCallbacks';
import type { RequestLogEntry } from './mockServer';

/** One access-log line: method, path, the order ids the request names, status, result code, time, and why it was refused when that says more (a DIGEST slip). */
export function accessLine(e: RequestLogEntry): string {
  const orders = e.orderIds?.length ? ` [order ${e.orderIds.map((id) => escapeControl(id)).join(', ')}]` : '';
  const note = e.note ? ` — ${escapeControl(e.note)}` : '';
  return `${escapeControl(e.method)} ${escapeControl(e.path)}${orders} → HTTP ${e.status}${e.result ? ` result ${escapeControl(e.result)}` : ''} (${e.elapsedMs} ms)${note}`;
}

/**
 * One line per callback attempt (or skip): the real URL, where it went, attempt, status, the start
 * of what the merchant answered (keys masked), time, and whether another attempt follows.
 */
export function callbackLine(e: CallbackLogEntry): string {
  const head = `callback ${e.kind} [order ${escapeControl(e.platform_order_id)}] ${escapeControl(e.url)}`;
  if (e.skipped) return `${head} ${escapeControl(e.outcome)}`;
  const to = e.sent_to ? ` (forwarded to ${escapeControl(e.sent_to)})` : '';
  const status = e.status === undefined ? '' : `HTTP ${e.status}`;
  const said = e.outcome === status ? '' : escapeControl(e.outcome);
  const answer = [status, said].filter(Boolean).join(', ');
  const body = e.answer ? ` ${escapeControl(JSON.stringify(e.answer))}` : '';
  const next = e.ok || e.retry === undefined ? '' : e.retry ? '; another attempt follows' : '; no more attempts';
  return `${head}${to} attempt ${e.attempt} → ${answer}${body}${e.ok ? '' : ' (failed)'} (${e.elapsed_ms ?? 0} ms)${next}`;
}
