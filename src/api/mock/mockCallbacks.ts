/**
 * The mock's calls to the merchant, as JKOPay makes them when a payment happens (reference §7):
 * `confirm_url` gets `{"platform_order_id": …}` and must answer `{"valid": true}` (retried up
 * to `confirmRetries` times on failure; `{"valid": false}` is final); `result_url` gets
 * `{"transaction": {…}}` and must answer HTTP 2xx, retried with doubling delays up to
 * `resultAttempts` in all. Each call carries a lower-case `digest` header over its body
 * (JKOPay's own practice is undocumented; a handler may verify it). Where a callback goes is
 * decided by callbackTargets (loopback only unless forwarded or allowed); every attempt, and
 * every skip, is recorded on the order with the real URL and reported to `onCallback`.
 * Pending retries are cancelled when the server closes.
 */
import { clampMs } from '../durations';
import { exchange, TransportError } from '../httpExchange';
import { redact } from '../secrets';
import { computeDigest } from '../signing';
import { type CallbackRouting, routeCallback } from './callbackTargets';
import type { CallbackTiming } from './mockConfig';
import type { DeliveryRecord, MockOrder, MockState } from './mockState';
import { transactionOf } from './mockTransaction';

export interface ConfirmOutcome {
  valid: boolean;
  /** What the merchant answered, in words. */
  reason: string;
  /** Not called (a host the mock may not call): the payment goes on as if there were no confirm_url. */
  skipped?: boolean;
}

/** One callback attempt (or skip) as the access log shows it. */
export interface CallbackLogEntry extends DeliveryRecord {
  platform_order_id: string;
}

type PostOutcome = { status: number; bodyText: string; elapsedMs: number } | { error: string; elapsedMs: number };

/** The characters of a merchant's answer kept on a delivery record. */
const ANSWER_EXCERPT = 80;

export class CallbackSender {
  private readonly closed = new AbortController();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly timing: CallbackTiming,
    private readonly secretKey: string,
    private readonly state: MockState,
    /** Called after each logged attempt so the state file can be rewritten. */
    private readonly changed: () => void,
    private readonly routing: CallbackRouting = { allowCallbackHosts: [] },
    /** Called with each attempt and skip (the access log). */
    private readonly onCallback?: (entry: CallbackLogEntry) => void,
    /** The merchant's API key, masked with the secret wherever an answer is quoted. */
    private readonly apiKey?: string,
  ) {}

  /**
   * Calls confirm_url until it answers `{"valid": …}` or the retries run out. `onRetrying` is
   * called once, when the first attempt settled nothing and retries follow (the pay call then
   * answers without waiting for them).
   */
  async confirm(order: MockOrder, onRetrying?: (first: ConfirmOutcome) => void): Promise<ConfirmOutcome> {
    const url = order.confirm_url!;
    const route = routeCallback(url, this.routing);
    if (!route.send) {
      this.log(order, { kind: 'confirm_url', url, attempt: 0, at: this.state.nowText(), outcome: route.reason, ok: false, skipped: true });
      return { valid: false, reason: route.reason, skipped: true };
    }
    const body = JSON.stringify({ platform_order_id: order.platform_order_id });
    let last: ConfirmOutcome = { valid: false, reason: 'not called' };
    for (let attempt = 1; attempt <= 1 + this.timing.confirmRetries; attempt++) {
      if (attempt > 1) await this.sleep(this.delay(attempt - 1));
      if (this.closed.signal.aborted) return { valid: false, reason: 'the mock was stopped' };
      const outcome = await this.post(route.target, body);
      let final = false;
      if ('error' in outcome) last = { valid: false, reason: outcome.error };
      else if (outcome.status < 200 || outcome.status >= 300) last = { valid: false, reason: `HTTP ${outcome.status}` };
      else {
        let answer: unknown;
        try {
          answer = JSON.parse(outcome.bodyText);
        } catch {
          answer = undefined;
        }
        const valid = (answer as { valid?: unknown } | undefined)?.valid;
        if (valid === true) last = { valid: true, reason: 'answered {"valid": true}' };
        else if (valid === false) {
          last = { valid: false, reason: 'answered {"valid": false}' };
          final = true;
        } else last = { valid: false, reason: 'did not answer {"valid": true} (the body must be JSON with valid: true)' };
      }
      this.log(order, {
        kind: 'confirm_url',
        url,
        ...(route.forwarded ? { sent_to: route.target } : {}),
        attempt,
        at: this.state.nowText(),
        ...('status' in outcome ? { status: outcome.status } : {}),
        elapsed_ms: outcome.elapsedMs,
        outcome: last.reason,
        ok: last.valid,
        ...this.answerOf(outcome),
        retry: !last.valid && !final && attempt < 1 + this.timing.confirmRetries,
      });
      if (last.valid || final) return last;
      if (attempt === 1 && this.timing.confirmRetries > 0) onRetrying?.(last);
    }
    return last;
  }

  /**
   * Posts the transaction to result_url. Resolves with the first attempt's record; when it
   * failed, further attempts run in the background (see the order's `deliveries`).
   */
  async deliverResult(order: MockOrder): Promise<DeliveryRecord> {
    const url = order.result_url!;
    const route = routeCallback(url, this.routing);
    if (!route.send) {
      const record: DeliveryRecord = {
        kind: 'result_url',
        url,
        attempt: 0,
        at: this.state.nowText(),
        outcome: route.reason,
        ok: false,
        skipped: true,
      };
      this.log(order, record);
      return record;
    }
    const first = await this.attemptResult(order, 1);
    if (!first.ok) this.scheduleResult(order, 2);
    return first;
  }

  /** True once the server is closing: a cut-off confirm retry then decides nothing. */
  get stopped(): boolean {
    return this.closed.signal.aborted;
  }

  /** Has the state file rewritten after a change made in the background (a payment completed by a confirm retry). */
  notifyChanged(): void {
    this.changed();
  }

  /** Stops pending retries and in-flight calls; resolves once they have settled. */
  async close(): Promise<void> {
    this.closed.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private scheduleResult(order: MockOrder, attempt: number): void {
    if (attempt > this.timing.resultAttempts || this.closed.signal.aborted) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        // A reset or a new state may have dropped the order meanwhile: then there is nothing to deliver.
        if (this.state.orders.get(order.platform_order_id) !== order) return;
        void this.attemptResult(order, attempt).then((record) => {
          if (!record.ok) this.scheduleResult(order, attempt + 1);
        });
      },
      this.delay(attempt - 1),
    );
    this.timers.add(timer);
  }

  private async attemptResult(order: MockOrder, attempt: number): Promise<DeliveryRecord> {
    const body = JSON.stringify({ transaction: transactionOf(order) });
    const url = order.result_url!;
    const route = routeCallback(url, this.routing);
    // The routing cannot change while the server runs; a skipped URL never gets here.
    const target = route.send ? route.target : url;
    const outcome = await this.post(target, body);
    const ok = !('error' in outcome) && outcome.status >= 200 && outcome.status < 300;
    const text = 'error' in outcome ? outcome.error : `HTTP ${outcome.status}`;
    const record: DeliveryRecord = {
      kind: 'result_url',
      url,
      ...(route.send && route.forwarded ? { sent_to: target } : {}),
      attempt,
      at: this.state.nowText(),
      ...('status' in outcome ? { status: outcome.status } : {}),
      elapsed_ms: outcome.elapsedMs,
      outcome: text,
      ok,
      ...this.answerOf(outcome),
      // The next attempt is scheduled right after this record (scheduleResult), unless this was the last.
      retry: !ok && attempt < this.timing.resultAttempts && !this.closed.signal.aborted,
    };
    this.log(order, record);
    return record;
  }

  /** What the merchant answered, for the record and the log: its start, on one line, the keys masked. */
  private answerOf(outcome: PostOutcome): { answer?: string } {
    if ('error' in outcome) return {};
    // Scrubbed whole (at most 64 KiB is read), then cut: a cut first could keep the start of a key.
    const line = redact(outcome.bodyText, [this.secretKey, this.apiKey]).replace(/\s+/g, ' ').trim();
    if (line === '') return {};
    return { answer: line.length > ANSWER_EXCERPT ? `${line.slice(0, ANSWER_EXCERPT)}…` : line };
  }

  /** Delay before retry n (1-based): base, 2×base, 4×base … */
  private delay(retry: number): number {
    // Clamped: beyond 2^31-1 ms setTimeout fires at once, which would turn the back-off into a busy loop.
    return clampMs(this.timing.resultBaseDelayMs * 2 ** (retry - 1), 0);
  }

  private async post(url: string, body: string): Promise<PostOutcome> {
    const started = performance.now();
    const call = exchange({
      url,
      method: 'POST',
      // Lower-case, as the callbacks test command sends it too; HTTP header names are case-insensitive.
      headers: { 'Content-Type': 'application/json', digest: computeDigest(this.secretKey, body) },
      body,
      timeoutMs: this.timing.timeoutMs,
      connectTimeoutMs: this.timing.connectTimeoutMs,
      readTimeoutMs: this.timing.readTimeoutMs,
      signal: this.closed.signal,
      maxResponseBytes: 64 * 1024,
    }).then(
      (response): PostOutcome => ({ status: response.status, bodyText: response.bodyText, elapsedMs: response.elapsedMs }),
      (e: unknown): PostOutcome => ({
        error: e instanceof TransportError ? plainError(e, this.timing) : String(e),
        elapsedMs: Math.round(performance.now() - started),
      }),
    );
    this.inFlight.add(call);
    try {
      return await call;
    } finally {
      this.inFlight.delete(call);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.closed.signal;
      const done = () => {
        clearTimeout(timer);
        this.timers.delete(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.timers.add(timer);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private log(order: MockOrder, record: DeliveryRecord): void {
    this.state.addDelivery(order, record);
    this.changed();
    this.onCallback?.({ platform_order_id: order.platform_order_id, ...record });
  }
}

/**
 * A transport error as a delivery record says it: a timeout names the deadline JKOPay would have
 * given up at, in seconds (the client's own wording counts milliseconds "after connecting").
 */
function plainError(e: TransportError, timing: CallbackTiming): string {
  if (e.kind !== 'timeout') return e.message;
  const seconds = (ms: number) => `${+(ms / 1000).toFixed(1)} s`;
  return e.message.startsWith('connecting to')
    ? `timed out: could not connect within ${seconds(timing.connectTimeoutMs)}`
    : `timed out: no answer within ${seconds(timing.readTimeoutMs)}`;
}
