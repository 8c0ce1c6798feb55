/**
 * Plays JKOPay against the merchant's own callback endpoints and judges each answer against the
 * contract (reference §7): `confirm` (HTTP 200 with a boolean `valid`), `result` (any 2xx),
 * `result-duplicate` (the same notification again must be acknowledged too: JKOPay retries),
 * `result-bad-digest` (a wrong `digest` accepted is a warning, never a failure: JKOPay does not
 * document signing callbacks) and `slow` (the slowest answer against JKOPay's 10 s read
 * timeout). Every call carries a lower-case `digest` header, HMAC-SHA256 hex over the exact
 * body keyed with the secret, as the mock's own callbacks do. Each call has a hard deadline
 * and reads at most a few KiB of the answer: a hostile or broken endpoint gets a verdict, never
 * a hang or a full buffer. Whatever an answer says (body, `Location`, transport errors) passes
 * `redact` before a verdict quotes it: an endpoint may echo the secret. Used by `jkopay callbacks
 * test` and the VS Code command, which show only the verdicts.
 */
import { type Decimal, readNumber } from '../../core';
import { findCurrency, type Lang } from '../../data';
import { exchange, TransportError } from '../httpExchange';
import { DEFAULT_FX_TO_TWD } from '../mock/mockConfig';
import { debitAmount } from '../mock/mockFx';
import { money } from '../mock/mockMoney';
import { formatJkopayTime, jkopayDay } from '../mock/mockTime';
import { redact } from '../secrets';
import { computeDigest } from '../signing';
import { callbackText, type CallbackTextId } from './callbackTexts';

export type Verdict = 'pass' | 'warn' | 'fail';
export type Scenario = 'confirm' | 'result' | 'result-duplicate' | 'result-bad-digest' | 'slow';

/** One judged scenario: what `--format json` prints, and what the table and the webview show. */
export interface CallbackVerdict {
  scenario: Scenario;
  url: string;
  verdict: Verdict;
  /** HTTP status of the answer; null when there was none (unreachable, timeout, cut off). */
  status: number | null;
  /** Time until the answer was read (or the call gave up), ms. */
  ms: number;
  /** What was right or wrong, in words. */
  detail: string;
}

export interface CallbackTestOptions {
  confirmUrl?: string;
  resultUrl?: string;
  orderId: string;
  /** ISO code of the order currency (default TWD). */
  currency: string;
  /** final_price in the order currency, as text (default 100). */
  amount: string;
  secret: string;
  /** Deadline of each call, ms. */
  timeoutMs: number;
  /** Judge the slowest answer of each URL against JKOPay's 10 s timeout (adds no call). */
  slow?: boolean;
  lang?: Lang;
  signal?: AbortSignal;
  /** Called after each call with what was sent (tests, and the editor's log). */
  onCall?: (call: { scenario: Scenario; url: string; body: string; digest: string }) => void;
}

/** JKOPay's connect timeout for callbacks (reference §7). */
export const JKOPAY_CONNECT_TIMEOUT_MS = 5_000;
/** JKOPay's read timeout for callbacks (reference §7). */
export const JKOPAY_READ_TIMEOUT_MS = 10_000;
/** An answer is read up to this; a callback answer is a few bytes, and a 10 MB one must not be buffered. */
export const MAX_ANSWER_BYTES = 16 * 1024;

export class CallbackTestError extends Error {}

/** Checks the options a user typed; the message says what is wrong. */
export function checkCallbackOptions(
  options: Pick<CallbackTestOptions, 'confirmUrl' | 'resultUrl' | 'currency' | 'amount' | 'orderId'>,
): void {
  if (!options.confirmUrl && !options.resultUrl) throw new CallbackTestError('give --confirm-url URL, --result-url URL or both');
  for (const [name, url] of [
    ['--confirm-url', options.confirmUrl],
    ['--result-url', options.resultUrl],
  ] as const) {
    if (url === undefined) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new CallbackTestError(`${name} "${url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new CallbackTestError(`${name} "${url}" must be an http:// or https:// URL`);
  }
  const currency = findCurrency(options.currency);
  if (!currency) throw new CallbackTestError(`--currency "${options.currency}" is not a JKOPay currency (TWD, JPY, USD, CNY, HKD)`);
  const read = readNumber(options.amount);
  if (!read || read.negative || read.scale > currency.decimals || !/[1-9]/.test(options.amount)) {
    throw new CallbackTestError(
      `--amount "${options.amount}" must be a positive ${currency.code} amount with at most ${currency.decimals} decimal places`,
    );
  }
  if (options.orderId === '' || options.orderId.length > 60) throw new CallbackTestError('--order must be 1 to 60 characters');
}

/** The `{"transaction": …}` body of the result scenarios, shaped like an inquiry transaction of a paid order. */
export function resultBody(options: Pick<CallbackTestOptions, 'orderId' | 'currency' | 'amount'>, now = Date.now()): string {
  const paid = readNumber(options.amount) as Decimal;
  const transaction = {
    platform_order_id: options.orderId,
    status: 0,
    tradeNo: `J${jkopayDay(now)}${String(now % 1e11).padStart(11, '0')}`,
    trans_time: formatJkopayTime(now),
    currency: options.currency,
    final_price: money(paid, options.currency),
    redeem_amount: money('0', options.currency),
    redeem_detail: { jko_coin_amount: 0, official_coupon_amount: 0, store_coupon_amount: 0 },
    // In TWD for a foreign-currency order, as JKOPay's own non-TWD sample shows.
    debit_amount: debitAmount(paid, options.currency, DEFAULT_FX_TO_TWD),
    invoice_vehicle: '',
    maskNo: null,
    channel_type: 'account',
    refund_history: [],
  };
  return JSON.stringify({ transaction });
}

interface Answer {
  status: number | null;
  ms: number;
  bodyText?: string;
  location?: string;
  error?: { kind: string; message: string };
}

export async function runCallbackTests(options: CallbackTestOptions): Promise<CallbackVerdict[]> {
  checkCallbackOptions(options);
  const lang = options.lang ?? 'en';
  const t = (id: CallbackTextId, args?: Record<string, string | number>) => callbackText(lang, id, args);
  const verdicts: CallbackVerdict[] = [];
  const timings = new Map<string, number[]>();
  /** The one scrubber of everything shown (secrets.ts): the secret in any spelling becomes its mask. */
  const scrub = (text: string) => redact(text, [options.secret]);

  const call = async (scenario: Scenario, url: string, body: string, digest = computeDigest(options.secret, body)): Promise<Answer> => {
    options.onCall?.({ scenario, url, body, digest });
    const started = performance.now();
    try {
      const response = await exchange({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', digest },
        body,
        timeoutMs: options.timeoutMs,
        // JKOPay gives up connecting after 5 s; the whole call stays within --timeout-seconds.
        connectTimeoutMs: Math.min(JKOPAY_CONNECT_TIMEOUT_MS, options.timeoutMs),
        signal: options.signal,
        maxResponseBytes: MAX_ANSWER_BYTES,
      });
      const location = response.headers.location === undefined ? undefined : scrub(response.headers.location);
      // Scrubbed here, before anything quotes or cuts it: an endpoint may echo the secret it was signed with.
      const answer: Answer = { status: response.status, ms: response.elapsedMs, bodyText: scrub(response.bodyText), location };
      timings.set(url, [...(timings.get(url) ?? []), answer.ms]);
      return answer;
    } catch (e) {
      const ms = Math.round(performance.now() - started);
      if (e instanceof TransportError) {
        if (e.kind === 'timeout') timings.set(url, [...(timings.get(url) ?? []), ms]);
        const kind = e.kind === 'timeout' && e.message.startsWith('connecting to') ? 'connect-timeout' : e.kind;
        return { status: null, ms, error: { kind, message: scrub(e.message) } };
      }
      throw e;
    }
  };
  /** A verdict for what is wrong at the transport or HTTP-redirect level, or undefined when the answer can be judged. */
  const broken = (a: Answer): string | undefined => {
    if (a.error?.kind === 'timeout') return t('timeout', { seconds: +(options.timeoutMs / 1000).toFixed(1) });
    if (a.error?.kind === 'connect-timeout')
      return t('connect-timeout', { seconds: +(Math.min(JKOPAY_CONNECT_TIMEOUT_MS, options.timeoutMs) / 1000).toFixed(1) });
    if (a.error?.kind === 'too-large') return t('too-large', { bytes: MAX_ANSWER_BYTES });
    if (a.error) return t('transport', { error: a.error.message });
    if (a.status !== null && a.status >= 300 && a.status < 400) return t('redirect', { status: a.status, location: a.location ?? '?' });
    return undefined;
  };
  // Every verdict passes the scrubber whole, as the last step: what the CLI prints, the editor logs and the webview shows.
  const push = (scenario: Scenario, url: string, a: Answer, verdict: Verdict, detail: string) =>
    verdicts.push({ scenario, url: scrub(url), verdict, status: a.status, ms: a.ms, detail: scrub(detail) });

  if (options.confirmUrl) {
    const url = options.confirmUrl;
    const a = await call('confirm', url, JSON.stringify({ platform_order_id: options.orderId }));
    const wrong = broken(a);
    if (wrong) push('confirm', url, a, 'fail', wrong);
    else if (a.status !== 200) push('confirm', url, a, 'fail', t('confirm-not-200', { status: a.status! }));
    else {
      let parsed: unknown;
      let isJson = true;
      try {
        parsed = JSON.parse(a.bodyText!);
      } catch {
        isJson = false;
      }
      const valid = (parsed as { valid?: unknown } | null)?.valid;
      if (!isJson) push('confirm', url, a, 'fail', t('confirm-not-json', { shown: shown(a.bodyText!) }));
      else if (typeof valid !== 'boolean') push('confirm', url, a, 'fail', t('confirm-no-valid', { shown: shown(a.bodyText!) }));
      else push('confirm', url, a, 'pass', t('confirm-valid', { valid: String(valid), blocked: valid ? '' : t('confirm-blocks') }));
    }
  }

  if (options.resultUrl) {
    const url = options.resultUrl;
    const body = resultBody(options);
    const judge = (scenario: Scenario, a: Answer, ok: CallbackTextId, notOk: CallbackTextId) => {
      const wrong = broken(a);
      if (wrong) push(scenario, url, a, 'fail', wrong);
      else if (a.status! >= 200 && a.status! < 300) push(scenario, url, a, 'pass', t(ok, { status: a.status! }));
      else push(scenario, url, a, 'fail', t(notOk, { status: a.status! }));
    };
    const first = await call('result', url, body);
    judge('result', first, 'result-ok', 'result-not-2xx');
    if (first.error) {
      // Unreachable or silent: the same URL again would only wait as long again for the same verdict.
      const reason = t('not-run', { reason: broken(first)! });
      for (const scenario of ['result-duplicate', 'result-bad-digest'] as const)
        push(scenario, url, { status: null, ms: 0 }, 'fail', reason);
    } else {
      judge('result-duplicate', await call('result-duplicate', url, body), 'duplicate-ok', 'duplicate-not-2xx');
      // A digest of other bytes: well-formed, so only a handler that really verifies refuses it.
      const a = await call('result-bad-digest', url, body, computeDigest(options.secret, `${body} `));
      const wrong = broken(a);
      if (wrong) push('result-bad-digest', url, a, 'fail', wrong);
      else if (a.status! >= 200 && a.status! < 300)
        push('result-bad-digest', url, a, 'warn', t('bad-digest-accepted', { status: a.status! }));
      else push('result-bad-digest', url, a, 'pass', t('bad-digest-refused', { status: a.status! }));
    }
  }

  if (options.slow) {
    for (const url of [options.confirmUrl, options.resultUrl]) {
      if (!url) continue;
      const times = timings.get(url) ?? [];
      const ms = times.length ? Math.max(...times) : 0;
      const a: Answer = { status: null, ms };
      if (!times.length) push('slow', url, a, 'warn', t('slow-unknown'));
      else if (ms >= JKOPAY_READ_TIMEOUT_MS) push('slow', url, a, 'fail', t('slow-over', { ms }));
      else if (ms >= JKOPAY_READ_TIMEOUT_MS / 2) push('slow', url, a, 'warn', t('slow-close', { ms }));
      else push('slow', url, a, 'pass', t('slow-fast', { ms }));
    }
  }
  return verdicts;
}

/** An answer as quoted in a verdict: one line, at most 60 characters. */
function shown(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > 60 ? `${line.slice(0, 60)}…` : line;
  return JSON.stringify(cut);
}

/** Exit status of a run: 1 when any scenario failed. */
export function exitCodeOf(verdicts: readonly CallbackVerdict[]): 0 | 1 {
  return verdicts.some((v) => v.verdict === 'fail') ? 1 : 0;
}
