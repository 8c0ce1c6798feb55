/**
 * Turns a history entry into what the webview shows: headers as a list, the response pretty-
 * printed, the result code explained from the official table in the display language, and the
 * webview's fixed texts localized. Plain data only; the webview renders it as text.
 */
import * as vscode from 'vscode';
import { MAX_ANSWER_DEPTH, nestedDeeperThan } from '../../api/envelope';
import { localize, toLang } from '../../data/localize';
import { explainResultCode } from '../../data/resultCodeExplanation';
import type { ExchangeView, ExplanationView, HistoryItemView, WebviewLabels } from '../../shared/webviewProtocol';
import { digestExplanationOf } from './digestRefusal';
import type { HistoryEntry } from './requestHistory';

/** The response shown in the webview is cut here: a hostile server must not flood it. */
const MAX_SHOWN = 64 * 1024;

export function explanationOf(entry: HistoryEntry): ExplanationView[] {
  if (entry.result === undefined) return [];
  const lang = toLang(vscode.env.language);
  const message = entry.message === null ? undefined : entry.message;
  return explainResultCode(entry.result, entry.prepared.endpoint, message).rows.map((row) => ({
    code: row.code,
    title: localize(row.title, lang),
    message: row.messageIsDynamic ? vscode.l10n.t('(a message that varies)') : row.message === null ? 'null' : row.message,
    meaning: localize(row.meaning, lang),
    cause: localize(row.cause, lang),
    action: localize(row.action, lang),
  }));
}

function pretty(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let shown = text;
  try {
    const parsed: unknown = JSON.parse(text);
    // Indented, an answer nested n deep grows as n² (2,000 levels: 8 MB): one deeper than any JKOPay answer is shown as received.
    if (!nestedDeeperThan(parsed, MAX_ANSWER_DEPTH)) shown = JSON.stringify(parsed, null, 2);
  } catch {
    // Not JSON: shown as received.
  }
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}\n…` : shown;
}

export function toExchangeView(entry: HistoryEntry): ExchangeView {
  return {
    id: entry.id,
    time: new Date(entry.time).toLocaleString(vscode.env.language),
    environment: entry.env,
    endpoint: entry.prepared.endpoint,
    method: entry.request.method,
    url: entry.request.url,
    headers: Object.entries(entry.request.headers).map(([name, value]) => ({ name, value })),
    body: entry.request.body,
    signedText: entry.request.signedText,
    digest: entry.request.digest,
    status: entry.status,
    elapsedMs: entry.elapsedMs,
    responseText: pretty(entry.bodyText),
    result: entry.result,
    resultMessage: entry.message,
    success: entry.result === '000' && !entry.error,
    explanation: explanationOf(entry),
    digestExplanation: digestExplanationOf(entry, toLang(vscode.env.language)),
    error: entry.error,
    checkerErrors: entry.checkerErrors,
  };
}

/** One line of the recent list: `entry → 000 · mock`, with where and when. */
export function toHistoryItem(entry: HistoryEntry): HistoryItemView {
  const outcome = entry.result ?? (entry.status !== undefined ? `HTTP ${entry.status}` : vscode.l10n.t('failed'));
  return {
    id: entry.id,
    label: `${entry.prepared.endpoint} → ${outcome} · ${entry.env}`,
    detail: `${new Date(entry.time).toLocaleTimeString(vscode.env.language)}${entry.source ? ` · ${entry.source}` : ''}`,
  };
}

export function webviewLabels(): WebviewLabels {
  return {
    title: vscode.l10n.t('JKOPay Response'),
    request: vscode.l10n.t('Request'),
    response: vscode.l10n.t('Response'),
    headers: vscode.l10n.t('Headers'),
    body: vscode.l10n.t('Body (exactly as sent)'),
    digestOver: vscode.l10n.t('DIGEST computed over'),
    status: vscode.l10n.t('HTTP status'),
    time: vscode.l10n.t('Time'),
    noBody: vscode.l10n.t('No body: a GET signs its query string.'),
    noResponse: vscode.l10n.t('No answer was received.'),
    explanation: vscode.l10n.t('What the result code means'),
    meaning: vscode.l10n.t('Meaning'),
    cause: vscode.l10n.t('Cause'),
    action: vscode.l10n.t('What to do'),
    message: vscode.l10n.t('Message'),
    recent: vscode.l10n.t('Recent requests'),
    noHistory: vscode.l10n.t('No requests yet.'),
    resend: vscode.l10n.t('Send again'),
    copyCurl: vscode.l10n.t('Copy as cURL'),
    open: vscode.l10n.t('Show'),
    checkerErrors: vscode.l10n.t('The checker found errors in this payload; it was sent as written to see the answer.'),
    error: vscode.l10n.t('Error'),
    // The separator alone, from the template every `label: text` of the host uses (`：` in Chinese).
    colon: vscode.l10n.t('{0}: {1}', '', ''),
    digestTitle: vscode.l10n.t('Why the DIGEST was refused'),
    unknownCode: vscode.l10n.t(
      'This code is in no official JKOPay table: an answer of the mock itself (see the message) or a code JKOPay has not documented.',
    ),
    empty: vscode.l10n.t('Send a payload (JKOPay: Send Request, or the CodeLens above a payload) to see the request and the answer here.'),
    callbacksTitle: vscode.l10n.t('Callback endpoints tested as JKOPay calls them'),
    scenario: vscode.l10n.t('Scenario'),
    url: vscode.l10n.t('URL'),
    verdict: vscode.l10n.t('Verdict'),
    detail: vscode.l10n.t('What was found'),
  };
}
