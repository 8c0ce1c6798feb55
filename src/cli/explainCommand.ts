/**
 * `jkopay explain <code|message> [--lang en|zh-TW] [--endpoint entry|refund|inquiry]`: what a
 * JKOPay result code (or an exact message text) means, why it happens and what to do, as plain
 * text from the data table. Without --endpoint every table answers (an inquiry status of the same
 * number included), and the mock's own codes (401, 404…) are explained as the mock's. Exit 0 when
 * explained, 1 when no table knows it. The same plain-text rendering serves `jkopay send`.
 */
import { msg } from '../core';
import type { Endpoint, Lang, ResultCodeEntry } from '../data';
import { localize } from '../data/localize';
import { explainQuery, explainTransactionStatus, RESULT_CODE, type ResultCodeExplanation } from '../data/resultCodeExplanation';
import { findMockOwnCode, type MockOwnCode } from '../api/mock/mockOwnCodes';
import { type CommandIO, langOption, usageError, withUsage } from './cliSupport';
import { commandText } from './commandTexts';
import { parseCommand } from './help/commandSpec';
import { EXPLAIN_SPEC } from './help/explainSpec';

const ENDPOINTS: readonly Endpoint[] = ['entry', 'refund', 'inquiry'];

export function runExplain(args: string[], io: CommandIO): Promise<number> {
  return withUsage(EXPLAIN_SPEC, args, io, async () => {
    const { values, positionals } = parseCommand(EXPLAIN_SPEC, args);
    const lang = langOption(values.lang);
    const endpoint = values.endpoint;
    if (endpoint !== undefined && !(ENDPOINTS as readonly string[]).includes(endpoint)) {
      throw usageError('one-of', { option: '--endpoint', allowed: 'entry, refund or inquiry', value: endpoint });
    }
    if (positionals.length !== 1) throw usageError('explain-one-query');
    const query = positionals[0].trim();
    const blocks: string[] = [];
    const explanation = explainQuery(query, endpoint as Endpoint | undefined);
    if (explanation.match !== 'none') blocks.push(renderExplanation(explanation, lang));
    if (endpoint === undefined && RESULT_CODE.test(query) && query !== '000') {
      // No endpoint named: every table answers, the inquiry's transaction statuses too (102 is a refund's
      // "over 180 days" and an inquiry's "order does not exist").
      const status = explainTransactionStatus(Number(query));
      if (status)
        blocks.push(renderExplanation({ code: query, endpoint: 'inquiry', match: 'inquiry-status', rows: [], statuses: [status] }, lang));
    }
    // The mock's own answers (401 for a bad DIGEST…) are no JKOPay code: said so, after any JKOPay row of the same number.
    const own = RESULT_CODE.test(query) ? findMockOwnCode(query) : undefined;
    if (own && (endpoint === undefined || blocks.length === 0)) blocks.push(renderMockOwnCode(own, lang));
    if (blocks.length === 0) {
      io.out(
        RESULT_CODE.test(query)
          ? msg(lang, 'hover-unknown-code', { code: query })
          : msg(lang, 'explain-unknown-message', { message: query }),
      );
      return 1;
    }
    io.out(blocks.join('\n\n'));
    return 0;
  });
}

/** One of the mock's own codes, headed by whose it is. */
function renderMockOwnCode(own: MockOwnCode, lang: Lang): string {
  return [
    `${own.code} ${localize(own.title, lang)}${lang === 'zh-TW' ? '（' : ' ('}${commandText(lang, own.shows === 'result' ? 'explain-mock-result' : 'explain-mock-http')}${lang === 'zh-TW' ? '）' : ')'}`,
    `  ${msg(lang, 'hover-meaning')}: ${localize(own.meaning, lang)}`,
    `  ${msg(lang, 'hover-action')}: ${localize(own.action, lang)}`,
  ].join('\n');
}

/** An explanation as plain text: a line saying how it matched when that matters, then its rows or statuses. */
export function renderExplanation(explanation: ResultCodeExplanation, lang: Lang): string {
  const notes = explanationNote(explanation, lang);
  const statuses = (explanation.statuses ?? []).map((status) => renderStatusBlock(status.status, lang));
  const blocks = [...statuses, ...(explanation.rows.length ? [renderRows(explanation.rows, lang)] : [])];
  return [...(notes ? [notes] : []), blocks.join('\n\n')].join('\n');
}

/** The line before the rows that says they are not a plain match, or undefined. */
export function explanationNote(explanation: ResultCodeExplanation, lang: Lang): string | undefined {
  const { code, endpoint } = explanation;
  switch (explanation.match) {
    case 'inquiry-status':
      return msg(lang, 'explain-inquiry-status', { code: code ?? '' });
    case 'other-endpoint':
      return explanation.elsewhere?.length
        ? msg(lang, 'explain-other-endpoint', { endpoint: endpoint ?? '', code: code ?? '', elsewhere: explanation.elsewhere.join(', ') })
        : msg(lang, 'explain-other-endpoint-legacy', { endpoint: endpoint ?? '', code: code ?? '' });
    case 'similar-message':
      return msg(lang, 'explain-similar-message', { message: explanation.message ?? '' });
    default:
      return undefined;
  }
}

function renderStatusBlock(status: number, lang: Lang): string {
  const entry = explainTransactionStatus(status);
  if (!entry) return renderStatus(status, lang);
  return [
    `${msg(lang, 'hover-status', { status })} ${localize(entry.title, lang)}${entry.current ? '' : ` (${msg(lang, 'hover-legacy')})`}`,
    `  ${msg(lang, 'hover-meaning')}: ${localize(entry.meaning, lang)}`,
    `  ${msg(lang, 'hover-action')}: ${localize(entry.action, lang)}`,
  ].join('\n');
}

/** Rows as plain text, one block each, separated by a blank line. */
export function renderRows(rows: readonly ResultCodeEntry[], lang: Lang, indent = ''): string {
  return rows.map((row) => renderRow(row, lang, indent)).join('\n\n');
}

function renderRow(row: ResultCodeEntry, lang: Lang, indent: string): string {
  const tag =
    row.status === 'legacy' ? ` (${msg(lang, 'hover-legacy')})` : row.status === 'authpay-only' ? ` (${msg(lang, 'hover-authpay')})` : '';
  const where = row.endpoint === 'any' ? '' : ` · ${row.endpoint}`;
  const message = row.messageIsDynamic
    ? `(${msg(lang, 'hover-dynamic-message')})`
    : row.message === null
      ? 'null'
      : JSON.stringify(row.message);
  return [
    `${row.code} ${localize(row.title, lang)}${where}${tag}`,
    `  ${msg(lang, 'hover-message')}: ${message}`,
    `  ${msg(lang, 'hover-meaning')}: ${localize(row.meaning, lang)}`,
    `  ${msg(lang, 'hover-cause')}: ${localize(row.cause, lang)}`,
    `  ${msg(lang, 'hover-action')}: ${localize(row.action, lang)}`,
  ]
    .map((line) => indent + line)
    .join('\n');
}

/** One line for an inquiry transaction `status`, e.g. `status 102 Order does not exist`. */
export function renderStatus(status: number, lang: Lang): string {
  const entry = explainTransactionStatus(status);
  const head = msg(lang, 'hover-status', { status });
  return entry ? `${head} ${localize(entry.title, lang)}: ${localize(entry.meaning, lang)}` : `${head}: ?`;
}
