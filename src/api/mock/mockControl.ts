/**
 * The mock's control endpoints under `/_mock/` (no credentials: the mock listens on loopback),
 * which play the payer's and the test's part: pay an order (through the merchant's confirm_url
 * and result_url, as JKOPay would), fail it, set the clock, reset everything, look at orders;
 * and the payment page and QR image that entry's payment_url and qr_img point at.
 * Documented in docs/mock.md.
 */
import { findCurrency } from '../../data';
import { maskKey } from '../secrets';
import { readNumber, hasUrlUnsafeChar } from '../../core';
import type { CallbackSender, ConfirmOutcome } from './mockCallbacks';
import type { MockContext } from './mockContext';
import { debitAmount } from './mockFx';
import { amount, compare, money, subtract, ZERO } from './mockMoney';
import type { MockOrder, RedeemDetail } from './mockState';
import { clockInRange, clockRangeError, DAY_MS, parseJkopayTime } from './mockTime';
import { transactionOf } from './mockTransaction';

export interface ControlRequest {
  method: string;
  /** Path after `/_mock`, decoded per segment by the router. */
  segments: string[];
  /** The query string (`GET /_mock/orders?from=N`), when there is one. */
  query?: URLSearchParams;
  body: string;
  contentType: string;
  /** The client prefers HTML (a browser submitting the payment page's form). */
  wantsHtml: boolean;
}

export interface ControlResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
  changed: boolean;
}

const CHANNELS = ['account', 'bank', 'creditcard'];

export async function handleControl(
  ctx: MockContext,
  sender: CallbackSender,
  paying: Set<string>,
  req: ControlRequest,
): Promise<ControlResponse> {
  const [first, id, action, extra] = req.segments;
  const route = `${req.method} ${first ?? ''}${id !== undefined ? '/:id' : ''}${action !== undefined ? `/${action}` : ''}`;
  if (extra !== undefined) return notFound(req);
  switch (route) {
    case 'GET ':
      return json(200, { ok: true, ...describe(ctx) });
    case 'GET orders':
      return req.query?.has('from')
        ? ordersPage(ctx, req.query.get('from')!)
        : json(200, { ok: true, orders: [...ctx.state.orders.values()] });
    case 'GET orders/:id': {
      const order = ctx.state.orders.get(id);
      return order
        ? json(200, { ok: true, order, transaction: transactionOf(order) })
        : json(404, { ok: false, error: `no order "${id}"` });
    }
    case 'POST orders/:id/pay':
      return pay(ctx, sender, paying, id, req);
    case 'POST orders/:id/fail':
      return fail(ctx, paying, id, req);
    case 'GET clock':
      return json(200, { ok: true, now: ctx.state.nowText(), offset_ms: ctx.state.clockOffsetMs });
    case 'POST clock':
      return setClock(ctx, req.body);
    case 'POST reset':
      if (paying.size) return json(409, { ok: false, error: 'a payment is in progress; reset when it has finished' });
      ctx.state.reset();
      return { ...json(200, { ok: true, now: ctx.state.nowText() }), changed: true };
    case 'GET pay/:id':
      return paymentPage(ctx, id);
    case 'GET qr/:id': {
      const orderId = id.replace(/\.svg$/, '');
      if (!ctx.state.orders.has(orderId)) return json(404, { ok: false, error: `no order "${orderId}"` });
      return { status: 200, contentType: 'image/svg+xml', body: qrPlaceholder(ctx, orderId), changed: false };
    }
    default:
      return notFound(req);
  }
}

export function describe(ctx: MockContext): Record<string, unknown> {
  return {
    base_url: ctx.baseUrl,
    // Never a key in clear: the page is readable by anything on this machine (and the keys may be the user's own).
    api_key: maskKey(ctx.config.apiKey),
    stores: ctx.config.stores.map((s) => ({ store_id: s.storeId, currencies: s.currencies, requires_identity: s.requiresIdentity })),
    now: ctx.state.nowText(),
    orders: ctx.state.orders.size,
  };
}

interface PayOptions {
  coupon: string | undefined;
  channel: string;
  /** False: pay without calling confirm_url and result_url (e.g. example URLs that lead nowhere). */
  callbacks: boolean;
}

async function pay(
  ctx: MockContext,
  sender: CallbackSender,
  paying: Set<string>,
  id: string,
  req: ControlRequest,
): Promise<ControlResponse> {
  const order = ctx.state.orders.get(id);
  if (!order) return json(404, { ok: false, error: `no order "${id}": create it with POST /platform/entry first` });
  if (order.status === 0) return json(409, { ok: false, error: `order "${id}" is already paid` });
  if (paying.has(id)) return json(409, { ok: false, error: `order "${id}" is being paid right now` });
  const options = readPayOptions(req, order);
  if (typeof options === 'string') return json(400, { ok: false, error: options });

  paying.add(id);
  let background = false;
  try {
    let confirmed: string | undefined;
    if (order.confirm_url && options.callbacks) {
      // The call waits for the first confirm_url attempt only (at most one attempt's timeout:
      // connect 5 s + read 10 s). When it settles nothing, the retries go on in the background and
      // complete or fail the payment there; the order's deliveries show each attempt.
      let retrying: ConfirmOutcome | undefined;
      let outcome: ConfirmOutcome | undefined;
      let firstSettled!: () => void;
      const first = new Promise<void>((resolve) => (firstSettled = resolve));
      const confirming = sender
        .confirm(order, (o) => {
          retrying = o;
          firstSettled();
        })
        .then((o) => (outcome = o));
      await Promise.race([confirming, first]);
      if (!outcome && retrying) {
        background = true;
        void confirming
          .then(async (o) => {
            if (sender.stopped) return;
            const paid = await ctx.commit(() => {
              if (ctx.state.orders.get(id) !== order || order.status !== 101) return false;
              if (o.valid || o.skipped) {
                completePayment(ctx, order, options);
                return true;
              }
              order.status = 100;
              return false;
            });
            if (paid && order.result_url && options.callbacks) void sender.deliverResult(order);
          })
          // A failed save undid the change (the order stays unpaid); the mock's error log has said why.
          .catch(() => undefined)
          .finally(() => paying.delete(id));
        return json(202, {
          ok: true,
          paid: false,
          pending: true,
          status: order.status,
          confirm_url: `${retrying.reason}; retried in the background (up to ${ctx.config.callbacks.confirmRetries} more attempts), which then pays or fails the order: see its deliveries`,
          deliveries: order.deliveries.slice(-1),
        });
      }
      const confirm = outcome!;
      if (ctx.state.orders.get(id) !== order) return json(409, { ok: false, error: `order "${id}" was removed while paying` });
      // A skipped confirm_url (a host the mock may not call) is recorded; the payment goes on as without one.
      if (!confirm.valid && !confirm.skipped) {
        await ctx.commit(() => (order.status = 100));
        return json(200, { ok: true, paid: false, status: 100, confirm_url: confirm.reason, deliveries: order.deliveries.slice(-1) });
      }
      confirmed = confirm.reason;
    }
    // Saved before anything is answered or sent to result_url; a failed save undoes it (999).
    await ctx.commit(() => completePayment(ctx, order, options));
    const delivery = order.result_url && options.callbacks ? await sender.deliverResult(order) : undefined;
    const answer = {
      ok: true,
      paid: true,
      transaction: transactionOf(order),
      ...(confirmed ? { confirm_url: confirmed } : {}),
      result_url: delivery ?? 'none',
    };
    const paidTarget = req.wantsHtml ? redirectTarget(order.result_display_url) : undefined;
    if (paidTarget)
      return { status: 303, contentType: 'text/plain; charset=utf-8', body: 'paid\n', headers: { Location: paidTarget }, changed: false };
    return json(200, answer);
  } finally {
    if (!background) paying.delete(id);
  }
}

/** Marks the order paid (status 0) with its payment record. Synchronous: no await between check and update. */
function completePayment(ctx: MockContext, order: MockOrder, options: PayOptions): void {
  const redeem = options.coupon ?? money(ZERO, order.currency);
  const redeemDetail: RedeemDetail = { jko_coin_amount: 0, official_coupon_amount: Number(redeem), store_coupon_amount: 0 };
  order.status = 0;
  order.payment = {
    tradeNo: ctx.state.nextTradeNo('J'),
    trans_time: ctx.state.nowText(),
    paid_at_ms: ctx.state.now(),
    coupon: options.coupon !== undefined,
    redeem_amount: redeem,
    debit_amount: debitAmount(subtract(amount(order.final_price), amount(redeem)), order.currency, ctx.config.fxToTwd),
    redeem_detail: redeemDetail,
    channel_type: options.channel,
  };
}

function fail(ctx: MockContext, paying: Set<string>, id: string, req: ControlRequest): ControlResponse {
  const order = ctx.state.orders.get(id);
  if (!order) return json(404, { ok: false, error: `no order "${id}"` });
  if (order.status === 0) return json(409, { ok: false, error: `order "${id}" is already paid` });
  if (paying.has(id)) return json(409, { ok: false, error: `order "${id}" is being paid right now` });
  order.status = 100;
  const failedTarget = req.wantsHtml ? redirectTarget(order.result_display_url) : undefined;
  if (failedTarget)
    return { status: 303, contentType: 'text/plain; charset=utf-8', body: 'failed\n', headers: { Location: failedTarget }, changed: true };
  return { ...json(200, { ok: true, transaction: transactionOf(order) }), changed: true };
}

/**
 * `{"coupon": true}` pays the part coins and coupons may cover (final_price − unredeem) with an
 * official JKO coupon; `{"coupon": "5"}` pays that much; `channel_type` is account, bank or creditcard;
 * `{"callbacks": false}` skips confirm_url and result_url.
 */
function readPayOptions(req: ControlRequest, order: MockOrder): PayOptions | string {
  let raw: Record<string, unknown> = {};
  if (req.contentType.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(req.body);
    raw = { coupon: form.has('coupon') ? true : undefined, channel_type: form.get('channel_type') ?? undefined };
  } else if (req.body.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return 'the body must be a JSON object such as {"coupon": true}';
      raw = parsed as Record<string, unknown>;
    } catch (e) {
      return `the body is not valid JSON: ${(e as Error).message}`;
    }
  }
  const channel = raw.channel_type ?? 'account';
  if (typeof channel !== 'string' || !CHANNELS.includes(channel)) return `channel_type must be one of ${CHANNELS.join(', ')}`;
  const coverable = subtract(amount(order.final_price), amount(order.unredeem));
  let coupon: string | undefined;
  if (raw.coupon === true) {
    if (compare(coverable, ZERO) <= 0) return 'unredeem equals final_price: no coupon may be used on this order';
    coupon = money(coverable, order.currency);
  } else if (typeof raw.coupon === 'string' || typeof raw.coupon === 'number') {
    const read = readNumber(String(raw.coupon));
    const decimals = findCurrency(order.currency)?.decimals ?? 0;
    if (!read || read.negative || read.scale > decimals || compare(read, ZERO) <= 0) {
      return `coupon must be a positive ${order.currency} amount with at most ${decimals} decimal places`;
    }
    if (compare(read, coverable) > 0)
      return `coupon ${raw.coupon} is more than final_price − unredeem (${money(coverable, order.currency)})`;
    coupon = money(read, order.currency);
  } else if (raw.coupon !== undefined && raw.coupon !== false) {
    return 'coupon must be true, false or an amount';
  }
  if (raw.callbacks !== undefined && typeof raw.callbacks !== 'boolean') return 'callbacks must be true or false';
  return { coupon, channel, callbacks: raw.callbacks !== false };
}

/**
 * Where the browser goes after the payment page: result_display_url, only when it is an http(s)
 * URL with no space or control character (checked on the text: the URL parser would drop CR/LF),
 * serialised by the parser. Anything else (say, from an old state file) gets no redirect: a
 * header built from it could not be sent, and the payment would answer an error although done.
 */
export function redirectTarget(text: string | undefined): string | undefined {
  if (!text || hasUrlUnsafeChar(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** About this many bytes of orders per page: far below what a client reads in one answer (2 MiB), and at least one order. */
export const ORDERS_PAGE_BYTES = 512 * 1024;

/**
 * `GET /_mock/orders?from=N`: the orders from the N-th (0-based, in the order they were made), as
 * many as fit in ORDERS_PAGE_BYTES (one at least), with `total` and, when more follow, `next`: a
 * client reads any number of orders in answers of bounded size (4,500 orders were 2 MiB, past what
 * `jkopay mock orders` reads in one answer).
 */
function ordersPage(ctx: MockContext, fromText: string): ControlResponse {
  const from = Number(fromText);
  const total = ctx.state.orders.size;
  if (!/^\d+$/.test(fromText) || !Number.isSafeInteger(from))
    return json(400, { ok: false, error: `"from" must be a whole number, not "${fromText}"` });
  const orders: unknown[] = [];
  let bytes = 0;
  let index = 0;
  for (const order of ctx.state.orders.values()) {
    if (index++ < from) continue;
    const size = JSON.stringify(order).length;
    if (orders.length > 0 && bytes + size > ORDERS_PAGE_BYTES) break;
    orders.push(order);
    bytes += size;
  }
  const next = from + orders.length;
  return json(200, { ok: true, orders, total, from, ...(next < total ? { next } : {}) });
}

function setClock(ctx: MockContext, body: string): ControlResponse {
  let raw: unknown;
  try {
    raw = JSON.parse(body || '{}');
  } catch (e) {
    return json(400, { ok: false, error: `the body is not valid JSON: ${(e as Error).message}` });
  }
  const request = (typeof raw === 'object' && raw !== null ? raw : {}) as { now?: unknown; advance_days?: unknown };
  if (request.now === null) ctx.state.clockOffsetMs = 0;
  else if (typeof request.now === 'string') {
    const at = parseJkopayTime(request.now);
    if (at === undefined)
      return json(400, { ok: false, error: `"now" must be a real time as YYYY-mm-dd HH:MM:SS (UTC+8), not "${request.now}"` });
    if (!clockInRange(at)) return json(400, { ok: false, error: clockRangeError(`"now": "${request.now}"`) });
    ctx.state.clockOffsetMs = at - Date.now();
  } else if (typeof request.advance_days === 'number' && Number.isFinite(request.advance_days)) {
    const offset = ctx.state.clockOffsetMs + request.advance_days * DAY_MS;
    // Checked before it is applied: a clock out of range was saved and kept after a restart.
    if (!clockInRange(Date.now() + offset))
      return json(400, { ok: false, error: clockRangeError(`advancing by ${request.advance_days} days`) });
    ctx.state.clockOffsetMs = offset;
  } else {
    return json(400, { ok: false, error: 'send {"now": "YYYY-mm-dd HH:MM:SS"}, {"now": null} for the real time, or {"advance_days": N}' });
  }
  return { ...json(200, { ok: true, now: ctx.state.nowText(), offset_ms: ctx.state.clockOffsetMs }), changed: true };
}

function paymentPage(ctx: MockContext, id: string): ControlResponse {
  const order = ctx.state.orders.get(id);
  if (!order)
    return {
      status: 404,
      contentType: 'text/html; charset=utf-8',
      body: page('Unknown order', `<p>No order ${escapeHtml(id)}.</p>`),
      changed: false,
    };
  const action = `${ctx.baseUrl}/_mock/orders/${encodeURIComponent(id)}`;
  const status = order.status === 0 ? 'paid' : order.status === 100 ? 'payment failed' : 'not paid';
  const token = `<input type="hidden" name="token" value="${escapeHtml(ctx.formToken)}">`;
  const forms =
    order.status === 0
      ? ''
      : `<form method="post" action="${escapeHtml(action)}/pay">${token}<label><input type="checkbox" name="coupon"> pay with a JKO coupon</label> <button>Pay</button></form>
<form method="post" action="${escapeHtml(action)}/fail">${token}<button>Fail the payment</button></form>`;
  const body = `<h1>JKOPay mock payment</h1>
<table>
<tr><th>platform_order_id</th><td>${escapeHtml(order.platform_order_id)}</td></tr>
<tr><th>store_id</th><td>${escapeHtml(order.store_id)}</td></tr>
<tr><th>amount</th><td>${escapeHtml(money(order.final_price, order.currency))} ${escapeHtml(order.currency)}</td></tr>
<tr><th>status</th><td>${status}</td></tr>
</table>
${forms}`;
  return { status: 200, contentType: 'text/html; charset=utf-8', body: page('JKOPay mock payment', body), changed: false };
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action *"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}th{text-align:left;padding-right:1em}form{margin-top:1em}</style></head><body>${body}</body></html>`;
}

function qrPlaceholder(ctx: MockContext, id: string): string {
  const url = `${ctx.baseUrl}/_mock/pay/${encodeURIComponent(id)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240"><rect width="240" height="240" fill="#fff" stroke="#000"/><text x="120" y="110" text-anchor="middle" font-family="sans-serif" font-size="16">JKOPay mock QR</text><text x="120" y="140" text-anchor="middle" font-family="monospace" font-size="9">${escapeHtml(url)}</text></svg>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function json(status: number, value: unknown): ControlResponse {
  return { status, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(value, null, 2)}\n`, changed: false };
}

function notFound(req: ControlRequest): ControlResponse {
  return json(404, {
    ok: false,
    error: `no control endpoint ${req.method} /_mock/${req.segments.join('/')}`,
    endpoints: [
      'GET /_mock/',
      'GET /_mock/orders[?from=N]',
      'GET /_mock/orders/{id}',
      'POST /_mock/orders/{id}/pay',
      'POST /_mock/orders/{id}/fail',
      'GET|POST /_mock/clock',
      'POST /_mock/reset',
    ],
  });
}
