/**
 * Explanations of JKOPay result codes and transaction statuses as Markdown, in the user's
 * language: used by hovers (payload files, later source code) and by `jkopay explain`.
 * Pure.
 */
import { findResultCodes, findResultCodesByMessage, transactionStatuses } from '../data';
import type { Endpoint, Lang, ResultCodeEntry } from '../data/types';
import { localize } from './localize';
import { msg } from './messages';

export const RESULT_CODE = /^\d{3}$/;

function messageLine(row: ResultCodeEntry, lang: Lang): string {
  if (row.messageIsDynamic) return `_${msg(lang, 'hover-dynamic-message')}_`;
  return row.message === null ? '`null`' : `\`${row.message}\``;
}

function rowMarkdown(row: ResultCodeEntry, lang: Lang): string {
  const tag =
    row.status === 'legacy' ? ` _(${msg(lang, 'hover-legacy')})_` : row.status === 'authpay-only' ? ` _(${msg(lang, 'hover-authpay')})_` : '';
  const where = row.endpoint === 'any' ? '' : ` · ${row.endpoint}`;
  return [
    `**${row.code}** ${localize(row.title, lang)}${where}${tag}`,
    '',
    `${msg(lang, 'hover-message')}: ${messageLine(row, lang)}`,
    '',
    `**${msg(lang, 'hover-meaning')}:** ${localize(row.meaning, lang)}`,
    '',
    `**${msg(lang, 'hover-cause')}:** ${localize(row.cause, lang)}`,
    '',
    `**${msg(lang, 'hover-action')}:** ${localize(row.action, lang)}`,
  ].join('\n');
}

/**
 * The rows that explain `code`: for one endpoint when known; narrowed to the row whose exact
 * message was received, when one matches.
 */
export function explainRows(code: string, endpoint?: Endpoint, message?: string): ResultCodeEntry[] {
  let rows = findResultCodes(code, endpoint);
  if (rows.length === 0 && endpoint) rows = findResultCodes(code);
  if (message !== undefined) {
    const exact = rows.filter((row) => row.message === message);
    if (exact.length) return exact;
    // A text no row has is what the rows with a varying message send (refund 922).
    const dynamic = rows.filter((row) => row.messageIsDynamic);
    if (dynamic.length && message !== null) return dynamic;
  }
  return rows;
}

export function explainCodeMarkdown(code: string, lang: Lang, endpoint?: Endpoint, message?: string): string {
  const rows = explainRows(code, endpoint, message);
  if (rows.length === 0) return msg(lang, 'hover-unknown-code', { code });
  return rows.map((row) => rowMarkdown(row, lang)).join('\n\n---\n\n');
}

/** Markdown for a documented `message` text, or undefined when no table has it. */
export function explainMessageMarkdown(message: string, lang: Lang, endpoint?: Endpoint): string | undefined {
  let rows = findResultCodesByMessage(message);
  const forEndpoint = endpoint ? rows.filter((r) => r.endpoint === endpoint) : [];
  if (forEndpoint.length) rows = forEndpoint;
  return rows.length ? rows.map((row) => rowMarkdown(row, lang)).join('\n\n---\n\n') : undefined;
}

export function explainStatusMarkdown(status: number, lang: Lang): string | undefined {
  const entry = transactionStatuses().find((s) => s.status === status);
  if (!entry) return undefined;
  return [
    `**${msg(lang, 'hover-status', { status })}** ${localize(entry.title, lang)}${entry.current ? '' : ` _(${msg(lang, 'hover-legacy')})_`}`,
    '',
    localize(entry.meaning, lang),
    '',
    `**${msg(lang, 'hover-action')}:** ${localize(entry.action, lang)}`,
  ].join('\n');
}
