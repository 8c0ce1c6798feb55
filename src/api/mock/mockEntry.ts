/**
 * `POST /platform/entry` in the mock, checked in this order: the fields (core rules: "Bad
 * request" naming each bad field), the store, the store's currencies, decimal places, the
 * currency minimum, identity verification, then the order id: an existing id with another
 * store, currency, total or final price is a mismatch; one already paid is "Order is paid"; one
 * not yet paid gets the same payment link again. Only then is a new order created.
 */
import { getProperty, type ObjectNode } from '../../core';
import { official, ROWS } from './mockAnswers';
import { isAnswer, parseBody } from './mockBody';
import { type HandlerResult, type MockContext, unchanged } from './mockContext';
import { sameAmount } from './mockMoney';
import type { MockOrder } from './mockState';
import { checkFields } from './mockValidation';
import { DEFAULT_CURRENCY } from '../../data/files';

export function handleEntry(ctx: MockContext, text: string): HandlerResult {
  const body = parseBody(text);
  if (isAnswer(body)) return unchanged(body);
  const { value } = body;
  const problems = checkFields('entry', text, DEFAULT_CURRENCY);
  const root = problems.root;
  if (problems.answer === 'bad-request' || !root) return unchanged(official(ROWS.badRequest, problems.fields));

  const id = value.platform_order_id as string;
  const storeId = value.store_id as string;
  const currency = value.currency as string;
  const store = ctx.config.stores.find((s) => s.storeId === storeId);
  if (!store) return unchanged(official(ROWS.storeNotFound));
  if (!store.currencies.includes(currency)) return unchanged(official(ROWS.currencyUnsupported));
  if (problems.answer === 'digits') return unchanged(official(ROWS.entryDigits));
  if (problems.answer === 'below-minimum') return unchanged(official(ROWS.belowLimit));
  if (store.requiresIdentity && isEmpty(value.identities)) return unchanged(official(ROWS.identityRequired));

  const total = numberText(root, 'total_price');
  const final = numberText(root, 'final_price');
  const existing = ctx.state.orders.get(id);
  if (existing) {
    const same =
      existing.store_id === storeId &&
      existing.currency === currency &&
      sameAmount(existing.total_price, total) &&
      sameAmount(existing.final_price, final);
    if (!same) return unchanged(official(ROWS.orderMismatch));
    if (existing.status === 0) return unchanged(official(ROWS.orderIsPaid));
    return unchanged(official(ROWS.entryOk, paymentLinks(ctx, existing)));
  }

  const order: MockOrder = {
    platform_order_id: id,
    store_id: storeId,
    currency,
    total_price: total,
    final_price: final,
    unredeem: numberText(root, 'unredeem'),
    created_at: ctx.state.nowText(),
    status: 101,
    refunds: [],
    deliveries: [],
  };
  for (const key of ['confirm_url', 'result_url', 'result_display_url'] as const) {
    if (typeof value[key] === 'string') order[key] = value[key] as string;
  }
  ctx.state.orders.set(id, order);
  return { answer: official(ROWS.entryOk, paymentLinks(ctx, order)), changed: true };
}

/** The same order always gets the same links, which is how JKOPay answers a repeated entry. */
function paymentLinks(ctx: MockContext, order: MockOrder): Record<string, unknown> {
  const id = encodeURIComponent(order.platform_order_id);
  return {
    payment_url: `${ctx.baseUrl}/_mock/pay/${id}`,
    qr_img: `${ctx.baseUrl}/_mock/qr/${id}.svg`,
    qr_timeout: ctx.config.qrTimeout,
  };
}

/** The amount exactly as written in the body (the checks above guarantee a number is there). */
function numberText(root: ObjectNode, key: string): string {
  const node = getProperty(root, key)?.value;
  if (node?.type !== 'number') throw new Error(`${key} is not a number after validation`);
  return node.text;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
