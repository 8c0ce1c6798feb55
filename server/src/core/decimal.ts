/**
 * Exact decimals read from a number's source text. Amounts are never judged through a float:
 * `0.1`, `100.50` and `1e2` are compared, rounded and counted exactly here with BigInt.
 * Pure: no imports.
 */

/** value = (negative ? -1 : 1) × digits / 10^scale, scale ≥ 0. */
export interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

export interface ReadNumber {
  value: Decimal;
  /** Decimal places as written: `10.100` has 3, `1e2` has 0, `1e-1` has 1, `1.50e1` has 1. */
  places: number;
}

const NUMBER = /^(-)?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
/** Exponents beyond this are not amounts anyone means; they are refused instead of building huge BigInts. */
const MAX_EXPONENT = 400;

/** Reads a JSON (or JS decimal) number literal; undefined when it is not one or is absurdly large. */
export function readNumber(text: string): ReadNumber | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const [, minus, int, frac = '', expText] = m;
  const exp = expText ? Number(expText) : 0;
  if (Math.abs(exp) > MAX_EXPONENT) return undefined;
  let scale = frac.length - exp;
  let digits = BigInt(int + frac);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { value: { negative: minus === '-' && digits !== 0n, digits, scale }, places: Math.max(0, frac.length - exp) };
}

/** Parses a plain decimal string such as `0.13` (data tables); throws on anything else. */
export function decimal(text: string): Decimal {
  const read = readNumber(text);
  if (!read) throw new Error(`not a decimal: ${text}`);
  return read.value;
}

function scaled(d: Decimal, scale: number): bigint {
  const v = d.digits * 10n ** BigInt(scale - d.scale);
  return d.negative ? -v : v;
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = scaled(a, scale);
  const y = scaled(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isPositive(d: Decimal): boolean {
  return !d.negative && d.digits > 0n;
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return fromScaled(scaled(a, scale) + scaled(b, scale), scale);
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return fromScaled(scaled(a, a.scale) * scaled(b, b.scale), a.scale + b.scale);
}

function fromScaled(v: bigint, scale: number): Decimal {
  return { negative: v < 0n, digits: v < 0n ? -v : v, scale };
}

/** Rounds half away from zero to `places` decimal places (how people round money by hand). */
export function round(d: Decimal, places: number): Decimal {
  if (d.scale <= places) return d;
  const divisor = 10n ** BigInt(d.scale - places);
  let q = d.digits / divisor;
  if ((d.digits % divisor) * 2n >= divisor) q += 1n;
  return { negative: d.negative && q !== 0n, digits: q, scale: places };
}

/** Plain notation without exponent, keeping `scale` decimal places (`round` then `format` gives `100.50` for USD). */
export function format(d: Decimal): string {
  let s = d.digits.toString();
  if (d.scale > 0) {
    s = s.padStart(d.scale + 1, '0');
    s = `${s.slice(0, s.length - d.scale)}.${s.slice(s.length - d.scale)}`;
  }
  return d.negative ? `-${s}` : s;
}

/** The fewest decimal places that express the value exactly (`100.50` → 1). */
export function significantPlaces(d: Decimal): number {
  let places = d.scale;
  let digits = d.digits;
  while (places > 0 && digits % 10n === 0n) {
    digits /= 10n;
    places--;
  }
  return places;
}
