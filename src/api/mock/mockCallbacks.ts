/**
 * The mock's calls to the merchant, as JKOPay makes them when a payment happens (reference §7):
 * `confirm_url` gets `{"platform_order_id": …}` and must answer `{"valid": true}` (retried up
 * to `confirmRetries` times on failure; `{"valid": false}` is final); `result_url` gets
 * `{"transaction": {…}}` and must answer HTTP 2xx, retried with doubling delays up to
 * `resultAttempts` in all. Each call carries a DIGEST header over its body (JKOPay's own
 * practice is undocumented; a handler may verify it). Every attempt is logged on the order.
 * Pending retries are cancelled when the server closes.
 */
import { exchange, TransportError } from '../httpExchange';
import { computeDigest } from '../signing';
import type { CallbackTiming } from './mockConfig';
import type { DeliveryRecord, MockOrder, MockState } from './mockState';
import { transactionOf } from './mockTransaction';

export interface ConfirmOutcome {
  valid: boolean;
  /** What the merchant answered, in words. */
  reason: string;
}

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
  ) {}

  async confirm(order: MockOrder): Promise<ConfirmOutcome> {
    const url = order.confirm_url!;
    const body = JSON.stringify({ platform_order_id: order.platform_order_id });
    let last: ConfirmOutcome = { valid: false, reason: 'not called' };
    for (let attempt = 1; attempt <= 1 + this.timing.confirmRetries; attempt++) {
      if (attempt > 1) await this.sleep(this.delay(attempt - 1));
      if (this.closed.signal.aborted) return { valid: false, reason: 'the mock was stopped' };
      const outcome = await this.post(url, body);
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
      this.log(order, { url: 'confirm_url', attempt, at: this.state.nowText(), outcome: last.reason, ok: last.valid });
      if (last.valid || final) return last;
    }
    return last;
  }

  /**
   * Posts the transaction to result_url. Resolves with the first attempt's record; when it
   * failed, further attempts run in the background (see the order's `deliveries`).
   */
  async deliverResult(order: MockOrder): Promise<DeliveryRecord> {
    const first = await this.attemptResult(order, 1);
    if (!first.ok) this.scheduleResult(order, 2);
    return first;
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
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // A reset or a new state may have dropped the order meanwhile: then there is nothing to deliver.
      if (this.state.orders.get(order.platform_order_id) !== order) return;
      void this.attemptResult(order, attempt).then((record) => {
        if (!record.ok) this.scheduleResult(order, attempt + 1);
      });
    }, this.delay(attempt - 1));
    this.timers.add(timer);
  }

  private async attemptResult(order: MockOrder, attempt: number): Promise<DeliveryRecord> {
    const body = JSON.stringify({ transaction: transactionOf(order) });
    const outcome = await this.post(order.result_url!, body);
    const ok = !('error' in outcome) && outcome.status >= 200 && outcome.status < 300;
    const text = 'error' in outcome ? outcome.error : `HTTP ${outcome.status}`;
    const record: DeliveryRecord = { url: 'result_url', attempt, at: this.state.nowText(), outcome: text, ok };
    this.log(order, record);
    return record;
  }

  /** Delay before retry n (1-based): base, 2×base, 4×base … */
  private delay(retry: number): number {
    return this.timing.resultBaseDelayMs * 2 ** (retry - 1);
  }

  private async post(url: string, body: string): Promise<{ status: number; bodyText: string } | { error: string }> {
    const call = exchange({
      url,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', DIGEST: computeDigest(this.secretKey, body) },
      body,
      timeoutMs: this.timing.timeoutMs,
      signal: this.closed.signal,
      maxResponseBytes: 64 * 1024,
    }).then(
      (response) => ({ status: response.status, bodyText: response.bodyText }),
      (e: unknown) => ({ error: e instanceof TransportError ? e.message : String(e) }),
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
  }
}
