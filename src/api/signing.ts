/**
 * The JKOPay DIGEST (reference §3): lower-case hex HMAC-SHA256, keyed with the secret key's
 * UTF-8 bytes, over the exact bytes sent — the raw body of a POST, the query string of a GET
 * (`platform_order_ids=a,b`: no `?`, no path, comma not encoded). Nothing is normalised here on
 * purpose: signing anything but the bytes on the wire is the classic integration bug.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The DIGEST of `message` (a string is taken as UTF-8) under `secretKey`. */
export function computeDigest(secretKey: string, message: string | Uint8Array): string {
  return createHmac('sha256', secretKey).update(message).digest('hex');
}

/**
 * True when `digest` is the DIGEST of `message`. Compared in constant time so that a mock (or a
 * merchant's callback handler) does not leak how many leading characters were right. Upper-case
 * hex is refused: JKOPay documents lower case.
 */
export function verifyDigest(secretKey: string, message: string | Uint8Array, digest: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(digest)) return false;
  // The 32 bytes themselves, compared with the 32 the (checked) hex spells: no hex string is built.
  return timingSafeEqual(createHmac('sha256', secretKey).update(message).digest(), Buffer.from(digest, 'hex'));
}
