/**
 * Result codes and transaction statuses as hover Markdown, in the user's language: formats the
 * structured explanation of `src/data/resultCodeExplanation.ts` and decides nothing itself. Used
 * by the hovers and completion of payload files and source code. Pure.
 */
import type { Endpoint, Lang, ResultCodeEntry } from '../../data/types';
import {
  explainResultCode,
  explainResultMessage,
  explainTransactionStatus,
  RESULT_CODE,
  type ResultCodeExplanation,
} from '../../data/resultCodeExplanation';
import { localize } from './localize';
import { msg } from './messages';

export { RESULT_CODE };

function messageLine(row: ResultCodeEntry, lang: Lang): string {
  if (row.messageIsDynamic) return `_${msg(lang, 'hover-dynamic-message')}_`;
  return row.message === null ? '`null`' : `\`${row.message}\``;
}

function rowMarkdown(row: ResultCodeEntry, lang: Lang): string {
  const tag =
    row.status === 'legacy'
      ? ` _(${msg(lang, 'hover-legacy')})_`
      : row.status === 'authpay-only'
        ? ` _(${msg(lang, 'hover-authpay')})_`
        : '';
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

function explanationMarkdown(explanation: ResultCodeExplanation, lang: Lang): string {
  const blocks = [
    ...(explanation.statuses ?? []).map((status) => explainStatusMarkdown(status.status, lang) ?? ''),
    ...explanation.rows.map((row) => rowMarkdown(row, lang)),
  ];
  const note = explanationNote(explanation, lang);
  return `${note ? `_${note}_\n\n` : ''}${blocks.join('\n\n---\n\n')}`;
}

/** Says when the rows are not a plain match: another endpoint's code, an inquiry status, a near message. */
function explanationNote(explanation: ResultCodeExplanation, lang: Lang): string | undefined {
  const { code = '', endpoint = '' } = explanation;
  if (explanation.match === 'inquiry-status') return msg(lang, 'explain-inquiry-status', { code });
  if (explanation.match === 'similar-message') return msg(lang, 'explain-similar-message', { message: explanation.message ?? '' });
  if (explanation.match !== 'other-endpoint') return undefined;
  return explanation.elsewhere?.length
    ? msg(lang, 'explain-other-endpoint', { endpoint, code, elsewhere: explanation.elsewhere.join(', ') })
    : msg(lang, 'explain-other-endpoint-legacy', { endpoint, code });
}

export function explainCodeMarkdown(code: string, lang: Lang, endpoint?: Endpoint, message?: string): string {
  const explanation = explainResultCode(code, endpoint, message);
  if (explanation.match === 'none') return msg(lang, 'hover-unknown-code', { code });
  return explanationMarkdown(explanation, lang);
}

/** Markdown for a documented `message` text, or undefined when no table has it. */
export function explainMessageMarkdown(message: string, lang: Lang, endpoint?: Endpoint): string | undefined {
  const explanation = explainResultMessage(message, endpoint);
  return explanation.match === 'none' ? undefined : explanationMarkdown(explanation, lang);
}

export function explainStatusMarkdown(status: number, lang: Lang): string | undefined {
  const entry = explainTransactionStatus(status);
  if (!entry) return undefined;
  return [
    `**${msg(lang, 'hover-status', { status })}** ${localize(entry.title, lang)}${entry.current ? '' : ` _(${msg(lang, 'hover-legacy')})_`}`,
    '',
    localize(entry.meaning, lang),
    '',
    `**${msg(lang, 'hover-action')}:** ${localize(entry.action, lang)}`,
  ].join('\n');
}
