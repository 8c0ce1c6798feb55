/**
 * One case per slip of the DIGEST doctor: what a client sent, and the DIGEST it presented because
 * of the slip (over other bytes, with another key, algorithm or spelling). The doctor's own test,
 * `jkopay verify`'s and the mock's 401 test all run this table, so every slip is named on every
 * surface; a slip added to the doctor without a case here fails the doctor's test.
 */
import { createHash, createHmac } from 'node:crypto';
import type { DigestSlipId } from '../../../src/api/digestDoctor';

export const API_KEY = 'mock-api-key';
export const SECRET = 'mock-secret-key';
/** Secrets a client could have decoded: hex and base64 text. */
export const HEX_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const BASE64_SECRET = 'c2VjcmV0LWtleS0xMjM0NTY3OA==';

const ORDER = {
  platform_order_id: 'slip-1',
  store_id: '00000000-0000-4000-8000-000000000001',
  currency: 'TWD',
  total_price: 100,
  final_price: 100,
  unredeem: 0,
  result_url: 'https://shop.example/jkopay/result',
  products: [{ name: '街口咖啡', unit_count: 1, unit_price: 100, unit_final_price: 100 }],
};
/** What a client sends: compact JSON, with a slash and non-ASCII text (two slips need them). */
export const BODY = JSON.stringify(ORDER);
/** An earlier request's body, for the reused DIGEST. */
export const PREVIOUS_BODY = JSON.stringify({ ...ORDER, platform_order_id: 'slip-0' });
export const QUERY = 'platform_order_ids=slip-1,slip-2';

export const BOM = '\ufeff';

const hmac = (key: string | Buffer, message: string, algorithm = 'sha256') => createHmac(algorithm, key).update(message).digest();
const hex = (key: string | Buffer, message: string) => hmac(key, message).toString('hex');
const spaced = (json: string) => json.replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (m) => (m === ',' || m === ':' ? `${m} ` : m));
const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
        )
      : value;

export interface SlipCase {
  slip: DigestSlipId;
  kind: 'body' | 'query';
  /** The exact message sent: the body, or the query string after `?`. */
  sent: string;
  /** The DIGEST presented. */
  digest: string;
  /** The store's secret key (the mock's configuration); SECRET unless the slip needs another. */
  secret: string;
  /** The previous request's message, when the slip reuses its DIGEST. */
  previous?: string;
  /** The origin the client put in front of the query, for the whole-URL slip (replaced by the mock's own). */
  origin?: string;
}

/** Builds the table; `origin` is where a whole URL signed by mistake points (the mock under test, or the sandbox). */
export function slipCases(origin = 'https://uat-onlinepay.jkopay.app'): SlipCase[] {
  const body = (slip: DigestSlipId, sent: string, signed: string): SlipCase => ({
    slip,
    kind: 'body',
    sent,
    digest: hex(SECRET, signed),
    secret: SECRET,
  });
  const query = (slip: DigestSlipId, sent: string, signed: string): SlipCase => ({
    slip,
    kind: 'query',
    sent,
    digest: hex(SECRET, signed),
    secret: SECRET,
  });
  const keyed = (slip: DigestSlipId, key: string | Buffer, secret = SECRET): SlipCase => ({
    slip,
    kind: 'body',
    sent: BODY,
    digest: hex(key, BODY),
    secret,
  });
  return [
    body('body-newline-signed', BODY, `${BODY}\n`),
    body('body-newline-sent', `${BODY}\n`, BODY),
    body('body-bom-sent', `${BOM}${BODY}`, BODY),
    body('body-bom-signed', BODY, `${BOM}${BODY}`),
    { ...body('body-previous', BODY, PREVIOUS_BODY), previous: PREVIOUS_BODY },
    body('body-compact', JSON.stringify(ORDER, null, 2), BODY),
    body('body-pretty-2', BODY, JSON.stringify(ORDER, null, 2)),
    body('body-pretty-4', BODY, JSON.stringify(ORDER, null, 4)),
    body('body-pretty-tab', BODY, JSON.stringify(ORDER, null, '\t')),
    body('body-spaced', BODY, spaced(BODY)),
    body('body-sorted-keys', BODY, JSON.stringify(sorted(ORDER))),
    body(
      'body-ascii-escaped',
      BODY,
      BODY.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    ),
    body('body-slashes-escaped', BODY, BODY.replace(/\//g, '\\/')),
    body(
      'body-form-encoded',
      BODY,
      new URLSearchParams(Object.entries(ORDER).map(([k, v]): [string, string] => [k, String(v)])).toString(),
    ),
    body('body-url-encoded', BODY, encodeURIComponent(BODY)),
    query('query-newline', QUERY, `${QUERY}\n`),
    query('query-question-mark', QUERY, `?${QUERY}`),
    query('query-path', QUERY, `/platform/inquiry?${QUERY}`),
    { ...query('query-whole-url', QUERY, `${origin}/platform/inquiry?${QUERY}`), origin },
    query('query-comma-encoded', QUERY, 'platform_order_ids=slip-1%2Cslip-2'),
    query('query-comma-plain', 'platform_order_ids=slip-1%2Cslip-2', QUERY),
    query('query-brackets', QUERY, 'platform_order_ids[]=slip-1&platform_order_ids[]=slip-2'),
    query('query-indexed', QUERY, 'platform_order_ids[0]=slip-1&platform_order_ids[1]=slip-2'),
    query('query-repeated', QUERY, 'platform_order_ids=slip-1&platform_order_ids=slip-2'),
    query('query-canonical', 'platform_order_ids%5B0%5D=slip-1&platform_order_ids%5B1%5D=slip-2', QUERY),
    query('query-space-after-comma', QUERY, 'platform_order_ids=slip-1, slip-2'),
    query('query-decoded', 'platform_order_ids=shop%2F1', 'platform_order_ids=shop/1'),
    { slip: 'digest-upper-hex', kind: 'body', sent: BODY, digest: hex(SECRET, BODY).toUpperCase(), secret: SECRET },
    { slip: 'digest-base64', kind: 'body', sent: BODY, digest: hmac(SECRET, BODY).toString('base64'), secret: SECRET },
    { slip: 'digest-hmac-sha1', kind: 'body', sent: BODY, digest: hmac(SECRET, BODY, 'sha1').toString('hex'), secret: SECRET },
    { slip: 'digest-hmac-sha512', kind: 'body', sent: BODY, digest: hmac(SECRET, BODY, 'sha512').toString('hex'), secret: SECRET },
    { slip: 'digest-sha256-unkeyed', kind: 'body', sent: BODY, digest: createHash('sha256').update(BODY).digest('hex'), secret: SECRET },
    keyed('key-api-key', API_KEY),
    keyed('key-newline', `${SECRET}\n`),
    keyed('key-whitespace', ` ${SECRET}`),
    keyed('key-quoted', `"${SECRET}"`),
    keyed('key-hex-decoded', Buffer.from(HEX_SECRET, 'hex'), HEX_SECRET),
    keyed('key-base64-decoded', Buffer.from(BASE64_SECRET, 'base64'), BASE64_SECRET),
  ];
}

/** Every spelling of the DIGEST that would be right for `message`, and the secret: none may ever be shown. */
export function forbiddenIn(secret: string, message: string): string[] {
  const right = hmac(secret, message);
  return [secret, right.toString('hex'), right.toString('hex').toUpperCase(), right.toString('base64').replace(/=+$/, '')];
}
