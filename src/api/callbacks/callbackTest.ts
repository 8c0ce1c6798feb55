/**
 * Plays JKOPay against the merchant's own callback endpoints and judges each answer against the
 * contract (reference §7): `confirm` (HTTP 200 with a boolean `valid`), `result` (any 2xx),
 * `result-duplicate` (the same notification again must be acknowledged too: JKOPay retries),
 * `result-bad-digest` (a notification of its own, another `tradeNo`, with a wrong `digest`: only
 * 401/403 is a refusal of the signature; accepting it is a warning, never a failure, since JKOPay
 * does not document signing callbacks), `result-unsigned` (a notification without `digest`:
 * refusing it only for that is a warning, for the same reason) and `slow` (the slowest answer
 * against JKOPay's 10 s read timeout; shown without `--slow` too once an answer takes half of it).
 *
 * The result bodies are written as JKOPay's documentation writes JSON (`": "` spacing, `\/`, a
 * `\u` escape), so that their re-serialization is other bytes: a handler that verifies the digest
 * over `JSON.stringify(req.body)` refuses them, and one more call (the same notification written
 * compactly) tells that slip from a wrong secret. A 404 for the test's order says how to pass an
 * order the backend knows. Signed calls carry a lower-case `digest` header, HMAC-SHA256 hex over
 * the exact body keyed with the secret, as the mock's own callbacks do. Each call has a hard
 * deadline and reads at most a few KiB of the answer: a hostile or broken endpoint gets a verdict,
 * never a hang or a full buffer. Whatever an answer says (body, `Location`, transport errors) passes
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
import { slashesEscapedJson, spacedJson } from '../jsonStyles';
import { computeDigest } from '../signing';
import { callbackText, type CallbackTextId } from './callbackTexts';

export type Verdict = 'pass' | 'warn' | 'fail';
export type Scenario = 'confirm' | 'result' | 'result-duplicate' | 'result-bad-digest' | 'result-unsigned' | 'slow';

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
  /** Judge the slowest answer of each URL against JKOPay's 10 s timeout (adds no call); without it, only an answer past half of it is shown. */
  slow?: boolean;
  /** JKOPay's read timeout the slow row judges against, ms (default JKOPAY_READ_TIMEOUT_MS; tests make it short). */
  readTimeoutMs?: number;
  lang?: Lang;
  /** How the caller lets the user name an order the backend knows: command-line options (default) or the editor's command. */
  orderHint?: 'cli' | 'editor';
  signal?: AbortSignal;
  /** Called after each call with what was sent (tests, and the editor's log); `digest` is absent from an unsigned call. */
  onCall?: (call: { scenario: Scenario | 'result-compact'; url: string; body: string; digest?: string }) => void;
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

/** The e-invoice carrier of the test transaction (the reference's sample), whose `+` the body writes as `\u002b`. */
const INVOICE_VEHICLE = '/9-99+99';

/**
 * The `{"transaction": …}` body of the result scenarios, shaped like an inquiry transaction of a
 * paid order and written as JKOPay's documentation writes JSON: a space after each `:` and `,`,
 * `/` escaped as `\/`, and the carrier's `+` as a `\u` escape. Its re-serialization
 * (`JSON.stringify(JSON.parse(body))`) is other bytes, as a real notification's may be. `trade`
 * makes the tradeNo of another notification of the same order.
 */
export function resultBody(options: Pick<CallbackTestOptions, 'orderId' | 'currency' | 'amount'>, now = Date.now(), trade = 0): string {
  const paid = readNumber(options.amount) as Decimal;
  const transaction = {
    platform_order_id: options.orderId,
    status: 0,
    tradeNo: `J${jkopayDay(now)}${String((now + trade) % 1e11).padStart(11, '0')}`,
    trans_time: formatJkopayTime(now),
    currency: options.currency,
    final_price: money(paid, options.currency),
    redeem_amount: money('0', options.currency),
    redeem_detail: { jko_coin_amount: 0, official_coupon_amount: 0, store_coupon_amount: 0 },
    // In TWD for a foreign-currency order, as JKOPay's own non-TWD sample shows.
    debit_amount: debitAmount(paid, options.currency, DEFAULT_FX_TO_TWD),
    invoice_vehicle: INVOICE_VEHICLE,
    maskNo: null,
    channel_type: 'account',
    refund_history: [],
  };
  const carrier = JSON.stringify(INVOICE_VEHICLE);
  return slashesEscapedJson(spacedJson(JSON.stringify({ transaction }))).replace(
    slashesEscapedJson(carrier),
    slashesEscapedJson(carrier).replace('+', '\\u002b'),
  );
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

  /** One call; `digest` null sends no digest header (the unsigned notification). */
  const call = async (
    scenario: Scenario | 'result-compact',
    url: string,
    body: string,
    digest: string | null = computeDigest(options.secret, body),
  ): Promise<Answer> => {
    options.onCall?.({ scenario, url, body, ...(digest === null ? {} : { digest }) });
    const started = performance.now();
    try {
      const response = await exchange({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(digest === null ? {} : { digest }) },
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

  /** The hint that says how to name an order the backend knows, for a 404. */
  const unknownOrder = (status: number) =>
    t('unknown-order', {
      status,
      order: options.orderId,
      how: t(options.orderHint === 'editor' ? 'order-hint-editor' : 'order-hint-cli'),
    });
  const isRefusal = (status: number | null) => status === 401 || status === 403;
  const is2xx = (status: number | null) => status !== null && status >= 200 && status < 300;

  if (options.confirmUrl) {
    const url = options.confirmUrl;
    const a = await call('confirm', url, JSON.stringify({ platform_order_id: options.orderId }));
    const wrong = broken(a);
    if (wrong) push('confirm', url, a, 'fail', wrong);
    else if (a.status === 404) push('confirm', url, a, 'fail', unknownOrder(a.status));
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
    const now = Date.now();
    const body = resultBody(options, now);
    const judge = (scenario: Scenario, a: Answer, ok: CallbackTextId, notOk: CallbackTextId) => {
      const wrong = broken(a);
      if (wrong) push(scenario, url, a, 'fail', wrong);
      else if (is2xx(a.status)) push(scenario, url, a, 'pass', t(ok, { status: a.status! }));
      else if (a.status === 404) push(scenario, url, a, 'fail', unknownOrder(a.status));
      else push(scenario, url, a, 'fail', t(notOk, { status: a.status! }));
    };
    const first = await call('result', url, body);
    if (!first.error && isRefusal(first.status)) {
      // A right digest refused: the same notification written compactly tells a handler that
      // verifies a re-serialization (it accepts that one) from one keyed with another secret.
      const compact = JSON.stringify(JSON.parse(body));
      const probe = await call('result-compact', url, compact);
      const detail = is2xx(probe.status)
        ? t('result-reserialized', { status: first.status!, probe: probe.status! })
        : t('result-refused-signed', { status: first.status! });
      push('result', url, first, 'fail', detail);
    } else judge('result', first, 'result-ok', 'result-not-2xx');
    if (first.error) {
      // Unreachable or silent: the same URL again would only wait as long again for the same verdict.
      const reason = t('not-run', { reason: broken(first)! });
      for (const scenario of ['result-duplicate', 'result-bad-digest', 'result-unsigned'] as const)
        push(scenario, url, { status: null, ms: 0 }, 'fail', reason);
    } else {
      judge('result-duplicate', await call('result-duplicate', url, body), 'duplicate-ok', 'duplicate-not-2xx');
      // A notification of its own (another tradeNo: a handler's duplicate check cannot refuse it for
      // that) with a digest of other bytes: well-formed, so only a handler that verifies refuses it.
      const forged = resultBody(options, now, 1);
      const a = await call('result-bad-digest', url, forged, computeDigest(options.secret, `${forged} `));
      const wrong = broken(a);
      if (wrong) push('result-bad-digest', url, a, 'fail', wrong);
      else if (is2xx(a.status)) push('result-bad-digest', url, a, 'warn', t('bad-digest-accepted', { status: a.status! }));
      else if (isRefusal(a.status)) push('result-bad-digest', url, a, 'pass', t('bad-digest-refused', { status: a.status! }));
      // Another status is what it is, not a refusal of the signature (the handler failed, or does not know the order).
      else push('result-bad-digest', url, a, 'warn', t('bad-digest-other', { status: a.status! }));
      // A notification without a digest: JKOPay does not document signing callbacks, so refusing it
      // for that alone could refuse every real notification.
      const unsigned = await call('result-unsigned', url, resultBody(options, now, 2), null);
      const off = broken(unsigned);
      if (off) push('result-unsigned', url, unsigned, 'fail', off);
      else if (is2xx(unsigned.status)) push('result-unsigned', url, unsigned, 'pass', t('unsigned-accepted', { status: unsigned.status! }));
      else if (isRefusal(unsigned.status))
        push('result-unsigned', url, unsigned, 'warn', t('unsigned-refused', { status: unsigned.status! }));
      else if (unsigned.status === 404) push('result-unsigned', url, unsigned, 'fail', unknownOrder(unsigned.status));
      else push('result-unsigned', url, unsigned, 'fail', t('result-not-2xx', { status: unsigned.status! }));
    }
  }

  // The slowest answer of each URL: always with --slow; without it, once one takes half of JKOPay's read timeout.
  const readTimeout = options.readTimeoutMs ?? JKOPAY_READ_TIMEOUT_MS;
  for (const url of [options.confirmUrl, options.resultUrl]) {
    if (!url) continue;
    const times = timings.get(url) ?? [];
    const ms = times.length ? Math.max(...times) : 0;
    if (!options.slow && ms < readTimeout / 2) continue;
    const a: Answer = { status: null, ms };
    if (!times.length) push('slow', url, a, 'warn', t('slow-unknown'));
    else if (ms >= readTimeout) push('slow', url, a, 'fail', t('slow-over', { ms }));
    else if (ms >= readTimeout / 2) push('slow', url, a, 'warn', t('slow-close', { ms }));
    else push('slow', url, a, 'pass', t('slow-fast', { ms }));
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
