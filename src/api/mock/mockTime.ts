/**
 * JKOPay's time format: `YYYY-mm-dd HH:MM:SS` in UTC+8 (Taiwan has no daylight saving), for
 * the mock's timestamps and its settable clock.
 */

const UTC_PLUS_8_MS = 8 * 3600 * 1000;
const FORMAT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export const DAY_MS = 24 * 3600 * 1000;

/**
 * The range the mock's clock may be set to: the times JKOPay's format can write, years 0001 to 9999.
 * Past it, `Date` gives NaN fields (`NaN-NaN-NaN` in every time and trade number, saved to the
 * state file) or a year of five digits or a sign that no parser of the format reads back.
 */
export const CLOCK_RANGE_TEXT = { first: '0001-01-01 00:00:00', last: '9999-12-31 23:59:59' } as const;
// Date.UTC reads years 0–99 as 1900–1999: the first year is set apart.
const CLOCK_FIRST_MS = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(1) - UTC_PLUS_8_MS;
const CLOCK_LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59) - UTC_PLUS_8_MS;

/** True when the clock may show `epochMs`. */
export function clockInRange(epochMs: number): boolean {
  return Number.isFinite(epochMs) && epochMs >= CLOCK_FIRST_MS && epochMs <= CLOCK_LAST_MS;
}

/** Why a clock setting is refused, naming the range. */
export function clockRangeError(what: string): string {
  return `${what} would take the mock's clock out of its range, ${CLOCK_RANGE_TEXT.first} to ${CLOCK_RANGE_TEXT.last} (UTC+8)`;
}

/** Formatted by hand from the date's fields: it stamps every order the mock creates, and toISOString costs several times more. */
export function formatJkopayTime(epochMs: number): string {
  const d = new Date(epochMs + UTC_PLUS_8_MS);
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  const year = d.getUTCFullYear();
  return `${String(year).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** Epoch ms of a `YYYY-mm-dd HH:MM:SS` UTC+8 time, or undefined when it is not a real time in that format. */
export function parseJkopayTime(text: string): number | undefined {
  const m = FORMAT.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - UTC_PLUS_8_MS;
  // Round-tripping rejects 2026-02-30 and 24:00:00, which Date.UTC would roll over.
  return formatJkopayTime(ms) === text ? ms : undefined;
}

/** Compact `YYYYmmdd` of a UTC+8 time, for trade numbers. */
export function jkopayDay(epochMs: number): string {
  return formatJkopayTime(epochMs).slice(0, 10).replaceAll('-', '');
}
