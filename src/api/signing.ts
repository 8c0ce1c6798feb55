/**
 * The JKOPay DIGEST (reference §3): lower-case hex HMAC-SHA256, keyed with the secret key's
 * UTF-8 bytes, over the exact bytes sent — the raw body of a POST, the query string of a GET
 * (`platform_order_ids=a,b`: no `?`, no path, comma not encoded). Nothing is normalised here on
 * purpose: signing anything but the bytes on the wire is the classic integration bug.
 *
 * Wrong arguments are refused with a JkoPayUsageError that says what to pass: a parsed body
 * (`verifyDigest(secret, req.body, …)` behind `express.json()`), an unset secret. Node's own
 * `ERR_INVALID_ARG_TYPE` crashed the merchant's handler with no hint, and TypeScript does not
 * catch it where frameworks type `req.body` as `any`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { JkoPayUsageError, kindOf } from './usageError';

/** The library function a refusal names. */
type Caller = 'computeDigest' | 'verifyDigest' | 'explainDigestMismatch';

/** How to read the raw body, per framework: what a message about a parsed body points to. */
const RAW_BODY_ROUTES =
  "Express: express.raw({ type: 'application/json' }) on this route (before express.json()); Fastify: a content-type parser with " +
  "parseAs: 'buffer'; Koa: koa-body's includeUnparsed (ctx.request.body[Symbol.for('unparsedBody')]); Next.js: await req.text(); " +
  'Hono: await c.req.text()';

/**
 * The secret key as HMAC takes it. An empty (or non-string) one is a caller's mistake, never a key:
 * a digest made with "" is one anybody can make, so a callback handler whose secret variable is
 * unset would accept forged callbacks. The message names no value.
 */
export function secretOf(caller: Caller, secretKey: unknown): string {
  if (typeof secretKey === 'string' && secretKey !== '') return secretKey;
  const got = secretKey === '' ? 'an empty string' : kindOf(secretKey);
  throw new JkoPayUsageError(
    `${caller} needs the secret key as a non-empty string and got ${got}: is the environment variable that holds it set? ` +
      '(the secret key JKOPay issued for the store, not the API key)',
  );
}

/** The message as HMAC takes it: a string (UTF-8) or the bytes themselves. */
export function messageOf(caller: Caller, message: unknown): string | Uint8Array {
  if (typeof message === 'string' || message instanceof Uint8Array) return message;
  const got = kindOf(message);
  if (caller === 'computeDigest') {
    throw new JkoPayUsageError(
      `computeDigest signs the exact bytes you send and got ${got}: give it the string (or Buffer) you will send, ` +
        'e.g. const body = JSON.stringify(payload); then send that same body with DIGEST: computeDigest(secret, body). ' +
        'Signing an object would sign one serialization while your HTTP client sends another.',
    );
  }
  const why =
    message === undefined || message === null
      ? 'no body was read, or a body parser consumed it first'
      : typeof message === 'object' && !ArrayBuffer.isView(message) && !(message instanceof ArrayBuffer)
        ? 'a parsed body serialized again is other bytes (spacing, key order, escapes), so the digest cannot be checked over it'
        : message instanceof ArrayBuffer
          ? 'wrap it: new Uint8Array(buffer)'
          : 'the digest covers bytes';
  throw new JkoPayUsageError(
    `${caller} needs the raw body bytes as received (a string, Buffer or Uint8Array) and got ${got}: ${why}. Read the raw body: ${RAW_BODY_ROUTES}.`,
  );
}

/** The DIGEST of `message` (a string is taken as UTF-8) under `secretKey`. */
export function computeDigest(secretKey: string, message: string | Uint8Array): string {
  return createHmac('sha256', secretOf('computeDigest', secretKey)).update(messageOf('computeDigest', message)).digest('hex');
}

/**
 * True when `digest` is the DIGEST of `message`. Compared in constant time so that a mock (or a
 * merchant's callback handler) does not leak how many leading characters were right. Upper-case
 * hex is refused: JKOPay documents lower case. A digest that is not a string (an array, a Buffer, an
 * object: what a header parser or a caller may hand over) is answered false, never an exception: a
 * handler that lets the exception through answers 500, and JKOPay retries. The secret and the
 * message are the caller's own: a wrong one is a JkoPayUsageError.
 */
export function verifyDigest(secretKey: string, message: string | Uint8Array, digest: string): boolean {
  const key = secretOf('verifyDigest', secretKey);
  const bytes = messageOf('verifyDigest', message);
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) return false;
  // The 32 bytes themselves, compared with the 32 the (checked) hex spells: no hex string is built.
  return timingSafeEqual(createHmac('sha256', key).update(bytes).digest(), Buffer.from(digest, 'hex'));
}
