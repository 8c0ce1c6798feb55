/**
 * Exact decimals read from a number's source text. Amounts are never judged through a float:
 * `0.1`, `100.50` and `1e2` are compared, added, rounded and counted exactly here. Digits are
 * kept in a plain integer while they fit in 2^53 (exact, and far cheaper than BigInt: a check of
 * 5,000 payloads reads tens of thousands of amounts) and in a BigInt beyond that.
 * Pure: no imports.
 */

/** value = (negative ? -1 : 1) × digits / 10^scale, with digits ≥ 0 and scale ≥ 0. */
export interface Decimal {
  negative: boolean;
  /** A safe integer, or a BigInt once the digits do not fit in one. */
  digits: number | bigint;
  /** Read from a text, the decimal places as written: `10.100` has 3, `1e2` has 0, `1e-1` has 1, `1.50e1` has 1. */
  scale: number;
}

/** Exponents beyond this are not amounts anyone means; they are refused instead of building huge numbers. */
const MAX_EXPONENT = 400;
const ZERO = 48;
const NINE = 57;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/**
 * Reads a JSON (or JS decimal) number literal, keeping its written decimal places as the scale;
 * undefined when it is not one or is absurdly large. One object per call: it runs on every amount.
 */
export function readNumber(text: string): Decimal | undefined {
  let i = 0;
  const negative = text.charCodeAt(0) === 45; // '-'
  if (negative) i++;
  const mantissaStart = i;
  let small = 0;
  let count = 0;
  let fracLength = 0;
  let seenPoint = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (count < 15) small = small * 10 + (c - ZERO);
      count++;
      if (seenPoint) fracLength++;
    } else if (c === 46 && !seenPoint && count > 0) {
      seenPoint = true;
    } else {
      break;
    }
  }
  if (count === 0 || (seenPoint && fracLength === 0)) return undefined;
  const mantissaEnd = i;
  let exp = 0;
  if (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) return undefined; // e, E
    i++;
    let expNegative = false;
    if (text[i] === '+' || text[i] === '-') expNegative = text[i++] === '-';
    if (i >= text.length) return undefined;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (!isDigit(d)) return undefined;
      exp = exp * 10 + (d - ZERO);
      if (exp > MAX_EXPONENT) return undefined;
    }
    if (expNegative) exp = -exp;
  }
  let digits: number | bigint = count <= 15 ? small : BigInt(text.slice(mantissaStart, mantissaEnd).replace('.', ''));
  let scale = fracLength - exp;
  if (scale < 0) {
    digits = times10(digits, -scale);
    scale = 0;
  }
  return { negative: negative && !isZero(digits), digits, scale };
}

/** Parses a plain decimal string such as `0.13` (data tables); throws on anything else. */
export function decimal(text: string): Decimal {
  const read = readNumber(text);
  if (!read) throw new Error(`not a decimal: ${text}`);
  return read;
}

function isZero(digits: number | bigint): boolean {
  return digits === 0 || digits === 0n;
}

function times10(digits: number | bigint, power: number): number | bigint {
  if (typeof digits === 'number' && power <= 15) {
    const v = digits * 10 ** power;
    if (Number.isSafeInteger(v)) return v;
  }
  return BigInt(digits) * 10n ** BigInt(power);
}

/** Smallest form: a safe integer when the value fits in one. */
function normal(digits: number | bigint): number | bigint {
  return typeof digits === 'bigint' && digits <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(digits) : digits;
}

/** The signed integer value × 10^scale. */
function scaled(d: Decimal, scale: number): number | bigint {
  const v = times10(d.digits, scale - d.scale);
  return d.negative ? -v : v;
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  let x = scaled(a, scale);
  let y = scaled(b, scale);
  if (typeof x !== typeof y) {
    x = BigInt(x);
    y = BigInt(y);
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isPositive(d: Decimal): boolean {
  return !d.negative && !isZero(d.digits);
}

function fromSigned(v: number | bigint, scale: number): Decimal {
  const negative = v < 0;
  const digits = negative ? -v : v;
  return { negative, digits: normal(digits), scale };
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const x = scaled(a, scale);
  const y = scaled(b, scale);
  if (typeof x === 'number' && typeof y === 'number' && Number.isSafeInteger(x + y)) return fromSigned(x + y, scale);
  return fromSigned(BigInt(x) + BigInt(y), scale);
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  const x = scaled(a, a.scale);
  const y = scaled(b, b.scale);
  if (typeof x === 'number' && typeof y === 'number' && Number.isSafeInteger(x * y)) return fromSigned(x * y, a.scale + b.scale);
  return fromSigned(BigInt(x) * BigInt(y), a.scale + b.scale);
}

/** Rounds half away from zero to `places` decimal places (how people round money by hand). */
export function round(d: Decimal, places: number): Decimal {
  if (d.scale <= places) return d;
  const digits = BigInt(d.digits);
  const divisor = 10n ** BigInt(d.scale - places);
  let q = digits / divisor;
  if ((digits % divisor) * 2n >= divisor) q += 1n;
  return { negative: d.negative && q !== 0n, digits: normal(q), scale: places };
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

const HAS_EXPONENT = /[eE]/;

/** True when a JavaScript double holds the value exactly as far as JSON.stringify shows: 15 significant digits or fewer. */
export function fitsDouble(text: string): boolean {
  // At most 15 characters and no exponent: at most 15 digits, nothing to count (nearly every amount).
  if (text.length <= 15 && !HAS_EXPONENT.test(text)) return true;
  let significant = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) return significant <= 15 && Math.abs(Number(text.slice(i + 1))) < 300;
    if (!isDigit(c)) continue;
    if (leading && c === ZERO) continue;
    leading = false;
    significant++;
  }
  return significant <= 15;
}
