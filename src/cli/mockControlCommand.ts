/**
 * `jkopay mock pay|fail|clock|reset|orders`: drives a running mock through its `/_mock/`
 * control endpoints so that nobody needs curl, and says what happened in words (or prints the
 * mock's JSON with `--format json`). The mock is the one at `--url`, else $JKOPAY_MOCK_URL, else the
 * default. Exit 0: done; 1: the mock refused, or nothing answered there; 2: bad usage.
 */
import { DEFAULT_MOCK_URL } from '../api/environments';
import { exchange, TransportError } from '../api/httpExchange';
import { hasUrlUnsafeChar } from '../core';
import { escapeControl } from '../shared/displayText';
import type { Lang } from '../data/types';
import { type CommandIO, langOption, usageError } from './cliSupport';
import { type CommandTextId, commandText } from './commandTexts';
import { parseCommand } from './help/commandSpec';
import { MOCK_CONTROL_SPEC } from './help/mockSpec';

export const MOCK_CONTROL_COMMANDS = ['pay', 'fail', 'clock', 'reset', 'orders'] as const;
export type MockControlCommand = (typeof MOCK_CONTROL_COMMANDS)[number];

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

export function isMockControlCommand(word: string | undefined): word is MockControlCommand {
  return (MOCK_CONTROL_COMMANDS as readonly string[]).includes(word ?? '');
}

/** Runs one control sub-command (usage errors are thrown as CommandUsageError for the caller's usage text). */
export async function runMockControl(
  command: MockControlCommand,
  args: string[],
  io: CommandIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { values, positionals } = parseCommand(MOCK_CONTROL_SPEC, args);
  const lang = langOption(values.lang, env);
  if (values.format !== 'text' && values.format !== 'json')
    throw usageError('one-of', { option: '--format', allowed: 'text or json', value: values.format });
  // --url, else JKOPAY_MOCK_URL (the mock's banner says to set it when it runs on another port), else the default.
  const url = values.url ?? (env.JKOPAY_MOCK_URL || DEFAULT_MOCK_URL);
  const base = url.replace(/\/+$/, '');
  try {
    if (hasUrlUnsafeChar(base)) throw new Error();
    const u = new URL(base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw usageError('not-url', { option: values.url === undefined ? 'JKOPAY_MOCK_URL' : '--url', value: url });
  }
  const needsId = command === 'pay' || command === 'fail';
  const maxArgs = needsId || command === 'orders' ? 1 : 0;
  if (needsId && positionals.length === 0) throw usageError('mock-needs-order', { command });
  if (positionals.length > maxArgs) throw usageError('unexpected-argument', { argument: positionals[maxArgs] });
  const id = positionals[0];
  const orderPath = (suffix = '') => `orders/${encodeURIComponent(id)}${suffix}`;

  let path: string;
  let body: unknown;
  switch (command) {
    case 'pay': {
      const pay: Record<string, unknown> = {};
      if (values.coupon !== undefined) pay.coupon = values.coupon === 'all' ? true : values.coupon;
      if (values.channel !== undefined) pay.channel_type = values.channel;
      if (values['skip-callbacks']) pay.callbacks = false;
      path = orderPath('/pay');
      body = pay;
      break;
    }
    case 'fail':
      path = orderPath('/fail');
      body = {};
      break;
    case 'clock': {
      const given = [values['advance-days'] !== undefined, values.set !== undefined, values.real === true].filter(Boolean).length;
      if (given > 1) throw usageError('clock-one-of');
      path = 'clock';
      if (values['advance-days'] !== undefined) {
        const days = Number(values['advance-days']);
        if (values['advance-days'].trim() === '' || !Number.isFinite(days)) throw usageError('days', { value: values['advance-days'] });
        body = { advance_days: days };
      } else if (values.set !== undefined) body = { now: values.set };
      else if (values.real) body = { now: null };
      break;
    }
    case 'reset':
      path = 'reset';
      body = {};
      break;
    case 'orders':
      path = id === undefined ? 'orders' : orderPath();
      break;
  }

  /** One control call: the mock's JSON answer, or undefined once the reason was said. */
  const call = async (callPath: string): Promise<Answer | undefined> => {
    try {
      const response = await exchange({
        url: `${base}/_mock/${callPath}`,
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Paying waits for one confirm_url attempt (at most 15 s) and the first result_url call (15 s).
        timeoutMs: 60_000,
      });
      let json: unknown;
      try {
        json = JSON.parse(response.bodyText);
      } catch {
        json = undefined;
      }
      if (typeof json !== 'object' || json === null) {
        io.err(`jkopay mock ${command}: ${base} answered HTTP ${response.status} without the mock's JSON: is it a jkopay mock?`);
        return undefined;
      }
      return { status: response.status, json: json as Record<string, unknown> };
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      // A mock that answered too much did answer: say that, not that nothing did.
      io.err(
        e.kind === 'too-large'
          ? `jkopay mock ${command}: the mock at ${escapeControl(base)} answered, but more than this command reads in one answer (${escapeControl(e.message)})`
          : `jkopay mock ${command}: no mock answered at ${escapeControl(base)} (${escapeControl(e.message)}); start one with \`jkopay mock\`, or name it with --url (or JKOPAY_MOCK_URL)`,
      );
      return undefined;
    }
  };

  let answer: Answer | undefined;
  if (command === 'orders' && id === undefined) {
    // Page after page (each at most about 512 KiB, GET /_mock/orders?from=N), however many orders there are.
    const orders: unknown[] = [];
    for (let from: number | undefined = 0; from !== undefined;) {
      const page = await call(`orders?from=${from}`);
      if (!page) return 1;
      if (page.json.ok !== true || !Array.isArray(page.json.orders)) {
        answer = page;
        break;
      }
      for (const order of page.json.orders as unknown[]) orders.push(order);
      const next = page.json.next;
      from = typeof next === 'number' && next > from ? next : undefined;
      answer = { status: page.status, json: { ok: true, orders } };
    }
  } else answer = await call(path);
  if (!answer) return 1;
  if (values.format === 'json') io.out(JSON.stringify(answer.json, null, 2));
  if (answer.json.ok !== true) {
    // The mock's words are the server's: one line, whatever they hold.
    io.err(`jkopay mock ${command}: the mock refused: ${escapeControl(String(answer.json.error ?? `HTTP ${answer.status}`))}`);
    return 1;
  }
  if (values.format === 'text') for (const line of describe(command, id, answer.json, lang)) io.out(escapeControl(line));
  // A pending payment (confirm_url retried in the background) is not a failure of the command.
  return command === 'pay' && answer.json.paid === false && answer.json.pending !== true ? 1 : 0;
}

type Json = Record<string, unknown>;

function describe(command: MockControlCommand, id: string | undefined, a: Json, lang: Lang): string[] {
  const t = (key: CommandTextId, args?: Record<string, string | number>) => commandText(lang, key, args);
  switch (command) {
    case 'pay':
      return describePay(id!, a, lang);
    case 'fail':
      return [t('fail-done', { id: id! })];
    case 'clock':
      return [
        a.offset_ms
          ? t('clock-offset', { now: String(a.now), offset: formatOffset(Number(a.offset_ms), lang) })
          : t('clock-real', { now: String(a.now) }),
      ];
    case 'reset':
      return [t('reset-done', { now: String(a.now) })];
    case 'orders':
      if (id !== undefined) return describeOrder(a.order as Json, lang);
      if (!Array.isArray(a.orders) || a.orders.length === 0) return [t('no-orders')];
      return (a.orders as Json[]).flatMap((o) => describeOrder(o, lang));
  }
}

function describePay(id: string, a: Json, lang: Lang): string[] {
  const t = (key: CommandTextId, args?: Record<string, string | number>) => commandText(lang, key, args);
  if (a.pending === true) return [t('pay-pending', { id, confirm: String(a.confirm_url) })];
  if (a.paid === false) return [t('pay-refused', { id, confirm: String(a.confirm_url) })];
  const tr = (a.transaction ?? {}) as Json;
  const lines = [
    t('pay-paid', { id, tradeNo: String(tr.tradeNo), time: String(tr.trans_time) }),
    t('pay-amounts', {
      final: String(tr.final_price),
      currency: String(tr.currency),
      redeem: String(tr.redeem_amount),
      debit: String(tr.debit_amount),
    }),
  ];
  if (a.confirm_url !== undefined) lines.push(`  confirm_url: ${String(a.confirm_url)}`);
  const result = a.result_url;
  if (result === 'none' || result === undefined) lines.push(t('pay-no-result'));
  else lines.push(`  result_url: ${describeDelivery(result as Json, lang)}`);
  return lines;
}

function describeDelivery(d: Json, lang: Lang): string {
  const t = (key: CommandTextId, args?: Record<string, string | number>) => commandText(lang, key, args);
  const where = d.sent_to ? t('forwarded-to', { url: String(d.url), to: String(d.sent_to) }) : String(d.url);
  if (d.skipped) return `${where}: ${String(d.outcome)}`;
  return t('delivery', {
    where,
    attempt: String(d.attempt),
    outcome: String(d.outcome),
    time: d.elapsed_ms !== undefined ? t('delivery-time', { ms: String(d.elapsed_ms) }) : '',
    // Only where another attempt is scheduled: not after the last one, nor after a final {"valid": false}.
    more: d.retry === true ? t('delivery-retried') : '',
  });
}

function describeOrder(o: Json, lang: Lang): string[] {
  const t = (key: CommandTextId, args?: Record<string, string | number>) => commandText(lang, key, args);
  const payment = o.payment as Json | undefined;
  const status = Number(o.status);
  const words = status === 0 || status === 100 || status === 101 ? t(`status-${status}`) : `status ${status}`;
  const head = `${String(o.platform_order_id)}  ${words}  ${String(o.final_price)} ${String(o.currency)}`;
  const lines = [payment ? `${head}${t('order-debit', { debit: String(payment.debit_amount), tradeNo: String(payment.tradeNo) })}` : head];
  const refunds = Array.isArray(o.refunds) ? (o.refunds as Json[]) : [];
  if (refunds.length)
    lines.push(
      t('order-refunds', { list: refunds.map((r) => t('refund-item', { amount: String(r.amount), time: String(r.time) })).join(', ') }),
    );
  const deliveries = Array.isArray(o.deliveries) ? (o.deliveries as Json[]) : [];
  for (const d of deliveries) lines.push(`  ${String(d.kind ?? d.url)} ${d.at ? `${String(d.at)} ` : ''}${describeDelivery(d, lang)}`);
  return lines;
}

function formatOffset(ms: number, lang: Lang): string {
  const days = ms / 86_400_000;
  const sign = days < 0 ? '−' : '+';
  return Math.abs(days) >= 1
    ? commandText(lang, 'offset-days', { sign, n: +Math.abs(days).toFixed(2) })
    : commandText(lang, 'offset-minutes', { sign, n: Math.round(Math.abs(ms) / 60000) });
}
