/**
 * The messages between the extension host and the response webview, declared once for both
 * sides (the host imports these types, the webview bundle imports them too). Each message says
 * who sends it and when. Everything here is plain data that is safe to show: no credentials ever
 * travel to the webview; the API key arrives already masked and the secret key never.
 * This file must stay free of `vscode` and DOM types: both programs compile it.
 */

/** One header of the request as it was sent (the API key masked). */
export interface HeaderView {
  name: string;
  value: string;
}

/** A result code explained in the display language (one row of the official table). */
export interface ExplanationView {
  code: string;
  title: string;
  /** The exact message JKOPay sends for this row, or a note that it varies. */
  message: string;
  meaning: string;
  cause: string;
  action: string;
}

/** One exchange as the webview shows it. */
export interface ExchangeView {
  id: string;
  /** Local time the request was sent, already formatted. */
  time: string;
  environment: string;
  endpoint: string;
  method: string;
  url: string;
  headers: HeaderView[];
  /** The exact request body (POST), or undefined for a GET. */
  body?: string;
  /** What the DIGEST was computed over (the body, or the query string of a GET). */
  signedText: string;
  digest: string;
  status?: number;
  elapsedMs: number;
  /** The response body, pretty-printed when it is JSON. */
  responseText?: string;
  /** `result` of the answer envelope. */
  result?: string;
  resultMessage?: string | null;
  /** True when the answer was `000`. */
  success: boolean;
  explanation: ExplanationView[];
  /** A transport or HTTP failure, in words. */
  error?: string;
  /** When the signature was refused: the slip behind it (the mock's DIGEST doctor) or the runner's hint, in the display language. */
  digestExplanation?: string;
  /** Checker errors found in the payload before it was sent (it is sent as written anyway). */
  checkerErrors: number;
}

/** One line of the recent-requests list. */
export interface HistoryItemView {
  id: string;
  label: string;
  detail: string;
}

/** One verdict of "Test Callback Endpoints", explained (all texts already in the display language). */
export interface CallbackRowView {
  scenario: string;
  /** What JKOPay does in this scenario and what it expects. */
  scenarioText: string;
  url: string;
  verdict: 'pass' | 'warn' | 'fail';
  verdictText: string;
  status: number | null;
  ms: number;
  /** `ms` with its unit in the display language ("12 ms", "12 毫秒"). */
  elapsed: string;
  /** What was right or wrong in the answer. */
  detail: string;
}

/** A run of "Test Callback Endpoints". */
export interface CallbackRunView {
  /** Local time of the run, formatted in the display language. */
  time: string;
  /** E.g. "2 passed, 1 warning, 1 failed". */
  summary: string;
  rows: CallbackRowView[];
}

/** Every text the webview shows that is not data: localized by the host (vscode.l10n). */
export interface WebviewLabels {
  title: string;
  request: string;
  response: string;
  headers: string;
  body: string;
  digestOver: string;
  status: string;
  time: string;
  noBody: string;
  noResponse: string;
  explanation: string;
  meaning: string;
  cause: string;
  action: string;
  message: string;
  recent: string;
  noHistory: string;
  resend: string;
  copyCurl: string;
  open: string;
  checkerErrors: string;
  error: string;
  /** What stands between a label and its text: `: ` in English, a full-width `：` in Chinese. */
  colon: string;
  empty: string;
  /** Shown when the answer's code is in no official table (the mock's own 401/404, or a new code). */
  unknownCode: string;
  /** Heading of the explanation of a refused signature. */
  digestTitle: string;
  /** Heading and column names of the callback test table. */
  callbacksTitle: string;
  scenario: string;
  url: string;
  verdict: string;
  detail: string;
}

/** Host → webview. */
export type HostMessage =
  /** Sent after every send, re-open or history change, and when the webview says it is ready. */
  {
    type: 'state';
    labels: WebviewLabels;
    /** The exchange to show; undefined before the first request. */
    current?: ExchangeView;
    history: HistoryItemView[];
    /** Set instead of `current` while a callback test run is on screen. */
    callbacks?: CallbackRunView;
  };

/** Webview → host. */
export type WebviewMessage =
  /** Sent once the script has loaded: the host answers with `state`. */
  | { type: 'ready' }
  /** The user chose a recent request: show it. */
  | { type: 'open'; id: string }
  /** The user asked to send a recent request again (signed anew with the current credentials). */
  | { type: 'resend'; id: string }
  /** The user pressed "Copy as cURL" for an exchange: the host asks whether to include the key. */
  | { type: 'copyCurl'; id: string }
  /** Sent after each render with the text now on screen, so the host (and its tests) know what the user sees. */
  | { type: 'rendered'; id?: string; text: string };
