/**
 * What a restart of the in-editor mock cuts off once its orders are moved across: read from the
 * orders' delivery records (callbacks still being retried), so that Forward Mock Callbacks To… can
 * name them instead of losing them silently.
 */
import * as assert from 'node:assert/strict';
import type { DeliveryRecord, MockOrder, MockStateData } from '../../src/api/mock/mockState';
import { cutCallbacks } from '../../src/client/runner/mockCarryOver';

const timing = { resultAttempts: 12 };

function order(id: string, status: MockOrder['status'], deliveries: Partial<DeliveryRecord>[]): MockOrder {
  return {
    platform_order_id: id,
    store_id: 's',
    currency: 'TWD',
    total_price: '100',
    final_price: '100',
    unredeem: '0',
    created_at: '2026-12-07 10:00:00',
    status,
    refunds: [],
    deliveries: deliveries.map((d) => ({
      kind: 'result_url',
      url: 'http://127.0.0.1/x',
      attempt: 1,
      at: '',
      outcome: '',
      ok: false,
      ...d,
    })),
  };
}

const state = (...orders: MockOrder[]): MockStateData => ({ version: 1, clock_offset_ms: 0, seq: 0, orders });

describe('the mock restart: what it cuts off', () => {
  it('names a paid order whose result_url has retries left, and a payment cut off while confirm_url was retried', () => {
    const cut = cutCallbacks(
      state(
        order('paid-retrying', 0, [
          { attempt: 1, outcome: 'HTTP 500' },
          { attempt: 2, outcome: 'HTTP 500' },
        ]),
        order('confirming', 101, [{ kind: 'confirm_url', attempt: 1, outcome: 'connect ECONNREFUSED', retry: true }]),
      ),
      timing,
    );
    assert.deepEqual(cut, [
      { platform_order_id: 'paid-retrying', kind: 'result_url' },
      { platform_order_id: 'confirming', kind: 'confirm_url' },
    ]);
  });

  it('names nothing that was done: acknowledged, out of attempts, skipped, refused, or never called', () => {
    const cut = cutCallbacks(
      state(
        order('acknowledged', 0, [
          { attempt: 1, outcome: 'HTTP 500' },
          { attempt: 2, ok: true, outcome: 'HTTP 200' },
        ]),
        order('out-of-attempts', 0, [{ attempt: 12, outcome: 'HTTP 500' }]),
        order('skipped', 0, [{ attempt: 0, skipped: true, outcome: 'not loopback' }]),
        order('refused', 101, [{ kind: 'confirm_url', attempt: 1, outcome: 'answered {"valid": false}', retry: false }]),
        order('confirm-exhausted', 101, [{ kind: 'confirm_url', attempt: 4, outcome: 'HTTP 500', retry: false }]),
        order('unpaid', 101, []),
        order('failed', 100, [{ kind: 'confirm_url', attempt: 4, outcome: 'HTTP 500' }]),
      ),
      timing,
    );
    assert.deepEqual(cut, []);
  });
});
