/**
 * The JKOPay DIGEST (reference §3): lower-case hex HMAC-SHA256, keyed with the secret key's
 * UTF-8 bytes, over the exact bytes sent — the raw body of a POST, the query string of a GET
 * (`platform_order_ids=a,b`: no `?`, no path, comma not encoded). Nothing is normalised here on
 * purpose: signing anything but the bytes on the wire is the classic integration bug.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret key as HMAC takes it. An empty (or non-string) one is a caller's mistake, never a key:
 * a digest made with "" is one anybody can make, so a callback handler whose secret variable is
 * unset would accept forged callbacks. Refused with a TypeError that names no value.
 */
function secretOf(secretKey: unknown): string {
  if (typeof secretKey !== 'string' || secretKey === '')
    throw new TypeError('the DIGEST secret key must be a non-empty string (is the variable that holds it set?)');
  return secretKey;
}

/** The DIGEST of `message` (a string is taken as UTF-8) under `secretKey`. */
export function computeDigest(secretKey: string, message: string | Uint8Array): string {
  return createHmac('sha256', secretOf(secretKey)).update(message).digest('hex');
}

/**
 * True when `digest` is the DIGEST of `message`. Compared in constant time so that a mock (or a
 * merchant's callback handler) does not leak how many leading characters were right. Upper-case
 * hex is refused: JKOPay documents lower case. A digest that is not a string (an array, a Buffer, an
 * object: what a header parser or a caller may hand over) is answered false, never an exception: a
 * handler that lets the exception through answers 500, and JKOPay retries.
 */
export function verifyDigest(secretKey: string, message: string | Uint8Array, digest: string): boolean {
  const key = secretOf(secretKey);
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) return false;
  // The 32 bytes themselves, compared with the 32 the (checked) hex spells: no hex string is built.
  return timingSafeEqual(createHmac('sha256', key).update(message).digest(), Buffer.from(digest, 'hex'));
}
