/**
 * The mock's memory: orders with their payment and refunds, a sequence for trade numbers and
 * the clock offset. Plain data with snake_case fields named as JKOPay names them, so it
 * serialises as is to the state file and reads back after a restart. Handlers mutate it
 * synchronously — no await between a check and its update — which is what keeps concurrent
 * requests from over-refunding or creating an order twice.
 */
import { clockInRange, clockRangeError, formatJkopayTime, jkopayDay } from './mockTime';

/** Order status as inquiry reports it: 0 paid, 100 payment failed, 101 not paid yet. */
export type OrderStatus = 0 | 100 | 101;

export interface RedeemDetail {
  jko_coin_amount: number;
  official_coupon_amount: number;
  store_coupon_amount: number;
}

export interface MockPayment {
  tradeNo: string;
  trans_time: string;
  paid_at_ms: number;
  /** Paid partly with a JKO coupon: only a full refund is accepted (117). */
  coupon: boolean;
  redeem_amount: string;
  debit_amount: string;
  redeem_detail: RedeemDetail;
  channel_type: string;
}

export interface MockRefund {
  refund_order_id?: string;
  refund_tradeNo: string;
  amount: string;
  debit_amount: string;
  redeem_amount: string;
  redeem_detail: RedeemDetail;
  time: string;
}

/** One attempt to call the merchant's confirm_url or result_url (or a skipped one: attempt 0). */
export interface DeliveryRecord {
  kind: 'confirm_url' | 'result_url';
  /** The URL as the order names it. */
  url: string;
  /** Where the call really went, when forwarded (`--forward-callbacks-to`). */
  sent_to?: string;
  attempt: number;
  at: string;
  /** The HTTP status of the answer, when there was one. */
  status?: number;
  elapsed_ms?: number;
  /** `HTTP 200`, `valid`, or what went wrong. */
  outcome: string;
  ok: boolean;
  /** Not called: the host is not loopback and was neither forwarded nor allowed (outcome says so). */
  skipped?: boolean;
  /** The start of what the merchant answered (one line, keys masked), when it answered with a body. */
  answer?: string;
  /**
   * Whether another attempt follows this one: true when a retry is scheduled, false when this was
   * the last (a success, `{"valid": false}`, or the retries used up). Absent in records written
   * before it was kept: then nothing is claimed.
   */
  retry?: boolean;
}

export interface MockOrder {
  platform_order_id: string;
  store_id: string;
  currency: string;
  /** Amounts as the merchant wrote them (compared by exact value, never as floats). */
  total_price: string;
  final_price: string;
  unredeem: string;
  confirm_url?: string;
  result_url?: string;
  result_display_url?: string;
  created_at: string;
  status: OrderStatus;
  payment?: MockPayment;
  refunds: MockRefund[];
  deliveries: DeliveryRecord[];
}

export interface MockStateData {
  version: 1;
  clock_offset_ms: number;
  seq: number;
  orders: MockOrder[];
}

/** Only the latest callback attempts of an order are kept. */
const MAX_DELIVERIES = 50;

export class MockStateError extends Error {}

export class MockState {
  readonly orders = new Map<string, MockOrder>();
  /** Added to the real time: set by `POST /_mock/clock`. */
  clockOffsetMs = 0;
  private seq = 0;

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  nowText(): string {
    return formatJkopayTime(this.now());
  }

  /** A 20-character JKOPay-style trade number: prefix, UTC+8 day, sequence. */
  nextTradeNo(prefix: 'J' | 'R'): string {
    this.seq += 1;
    return `${prefix}${jkopayDay(this.now())}${String(this.seq).padStart(11, '0')}`;
  }

  addDelivery(order: MockOrder, record: DeliveryRecord): void {
    order.deliveries.push(record);
    if (order.deliveries.length > MAX_DELIVERIES) order.deliveries.splice(0, order.deliveries.length - MAX_DELIVERIES);
  }

  reset(): void {
    this.orders.clear();
    this.clockOffsetMs = 0;
    this.seq = 0;
  }

  /**
   * Puts the state back to `data` (a toJSON() copy taken earlier), keeping the identity of the
   * orders that still exist so that callback retries in flight keep following them.
   */
  restore(data: MockStateData): void {
    this.clockOffsetMs = data.clock_offset_ms;
    this.seq = data.seq;
    const current = new Map(this.orders);
    this.orders.clear();
    for (const saved of data.orders) {
      const live = current.get(saved.platform_order_id);
      if (live) {
        for (const key of Object.keys(live)) delete (live as unknown as Record<string, unknown>)[key];
        Object.assign(live, saved);
        this.orders.set(saved.platform_order_id, live);
      } else this.orders.set(saved.platform_order_id, saved);
    }
  }

  toJSON(): MockStateData {
    return { version: 1, clock_offset_ms: this.clockOffsetMs, seq: this.seq, orders: [...this.orders.values()] };
  }

  static fromJSON(raw: unknown, source: string): MockState {
    const fail = (what: string): never => {
      throw new MockStateError(`${source}: ${what}; fix or remove the file (it was not changed)`);
    };
    if (typeof raw !== 'object' || raw === null) return fail('not a state object');
    const data = raw as Partial<MockStateData>;
    if (data.version !== 1) fail(`unknown state version ${JSON.stringify(data.version)}`);
    if (!Array.isArray(data.orders)) fail('"orders" must be an array');
    const state = new MockState();
    state.clockOffsetMs = Number.isFinite(data.clock_offset_ms) ? data.clock_offset_ms! : 0;
    // A clock saved out of range (earlier versions let `clock --advance-days 1e8` through) would stamp NaN times.
    if (!clockInRange(state.now())) fail(`"clock_offset_ms": ${clockRangeError(String(state.clockOffsetMs))}`);
    state.seq = Number.isInteger(data.seq) ? data.seq! : 0;
    for (const [i, order] of data.orders!.entries()) {
      const fields = (typeof order === 'object' && order !== null ? order : {}) as Record<string, unknown>;
      const ok =
        ['platform_order_id', 'store_id', 'currency', 'total_price', 'final_price', 'unredeem'].every(
          (k) => typeof fields[k] === 'string',
        ) &&
        [0, 100, 101].includes(fields.status as number) &&
        Array.isArray(fields.refunds);
      if (!ok) fail(`orders[${i}] is not an order`);
      state.orders.set(order.platform_order_id, { ...order, deliveries: Array.isArray(order.deliveries) ? order.deliveries : [] });
    }
    return state;
  }
}
