/**
 * The mock's JKOPay times (`YYYY-mm-dd HH:MM:SS`, UTC+8): formatted by hand, they must be what the
 * ISO form gives, shifted by eight hours, for every real time; parsing round-trips them and refuses
 * dates that do not exist.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatJkopayTime, jkopayDay, parseJkopayTime } from '../../../src/api/mock/mockTime';

const EIGHT_HOURS = 8 * 3600 * 1000;
const iso = (ms: number) => new Date(ms + EIGHT_HOURS).toISOString().slice(0, 19).replace('T', ' ');

describe('mock: JKOPay times', () => {
  it('formats every time of years 1000–9999 as the ISO form at UTC+8 does, and parses it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1) - EIGHT_HOURS, max: Date.UTC(9999, 11, 31, 15, 59, 59) }), (ms) => {
        const text = formatJkopayTime(ms);
        assert.equal(text, iso(ms));
        assert.equal(parseJkopayTime(text), ms - (((ms % 1000) + 1000) % 1000));
      }),
      { numRuns: 5000, seed: 20261130 },
    );
  });

  it('pads small fields and knows the day in Taiwan', () => {
    assert.equal(formatJkopayTime(Date.UTC(2026, 0, 1, 16, 5, 9)), '2026-01-02 00:05:09');
    assert.equal(jkopayDay(Date.UTC(2026, 11, 31, 16)), '20270101');
    assert.equal(parseJkopayTime('2026-02-30 12:00:00'), undefined);
    assert.equal(parseJkopayTime('2026-02-28 24:00:00'), undefined);
  });
});
