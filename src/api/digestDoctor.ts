/**
 * The DIGEST doctor: given the secret key, the exact message received (a request's body bytes or
 * an inquiry's query string) and the DIGEST presented, it names the slip that made that DIGEST —
 * the body pretty-printed or re-serialized, the keys reordered, a newline or byte-order mark,
 * the previous request's body, the query with `?`, its path, `%2C` or a `qs` array, upper-case
 * hex or base64, another algorithm, the API key or a padded secret as the key — instead of the
 * bare "no" a server gives. The mock's 401, `jkopay verify`, the library's
 * `explainDigestMismatch` and the runner all say what it finds (texts: digestSlipTexts.ts).
 *
 * The slips are data: each one rewrites what was received into what the client may have signed,
 * or changes the key or the algorithm, and the doctor compares the HMACs of those with the DIGEST
 * presented. The search is a fixed list, never combinations of rewrites (an encoding slip is
 * checked on every HMAC for free, since it only re-encodes the same bytes). The work is bounded:
 * JSON rewrites are tried on messages up to 64 KiB, and at most WORK_BUDGET bytes are hashed in
 * all (a 1 MB body gets the cheap slips, and the answer says which were left untried).
 *
 * What it tells is safe to show: the presented DIGEST is the caller's own, and every slip that
 * involves the secret (a padded key, another algorithm) can only match a DIGEST made with the
 * secret, so nobody learns anything about the key from the answer. It never prints the secret, a
 * valid DIGEST or any HMAC; the byte count, the plain SHA-256 of the message (no key) and its first
 * characters (the keys masked) let a developer compare with what they signed, as AWS's
 * StringToSign does.
 */
import { createHash, createHmac, type Hash } from 'node:crypto';
import type { Lang } from '../data/types';
import { digestText, type DigestSlipId, DIGEST_SLIP_IDS, slipFamily, slipFound, slipFix } from './digestSlipTexts';
import { DEFAULT_MOCK_URL, PRODUCTION_URL, SANDBOX_URL } from './environments';
import { ENDPOINT_PATHS } from './requestBody';
import { readInquiryQuery, writeInquiryQuery } from './inquiryQuery';
import { asciiOnlyJson, slashesEscapedJson, spacedJson } from './jsonStyles';
import { redact } from './secrets';

export { DIGEST_SLIP_IDS, type DigestSlipId } from './digestSlipTexts';

/** JSON rewrites (re-serializations) are tried on messages up to this size. */
export const MAX_REWRITE_BYTES = 64 * 1024;
/**
 * Bytes hashed in all, at most: a slip whose trial would pass this is left untried. About 2 ms at
 * today's SHA-256 speeds (1.4 GB/s with SHA extensions): a 1 MB body gets its exact pass (with the
 * newline either way and the three spellings), the plain SHA-256 and the API key as the key.
 */
export const WORK_BUDGET = 3 * 1024 * 1024;
/** The characters of the message shown. */
const EXCERPT_CHARS = 60;

/** The bytes the doctor has hashed and rewritten so far: what the tests count, instead of timing it. */
export const doctorWork = { count: 0 };

export interface DigestDoctorInput {
  secretKey: string;
  /** Exactly what was received: the body bytes (a string is taken as UTF-8), or the query string after `?`. */
  message: string | Uint8Array;
  /** The DIGEST as presented. */
  digest: string;
  /** `body` or `query`; by default a message that names `platform_order_ids` and does not start like JSON is a query. */
  kind?: 'body' | 'query';
  /** The merchant's API key, to recognise it used as the secret. */
  apiKey?: string;
  /** The previous request's message (body or query), to recognise a DIGEST reused from it. */
  previousMessage?: string | Uint8Array;
  /** Origins a client may have put in front of the query it signed (`https://host`); the JKOPay hosts and the mock's default by default. */
  origins?: readonly string[];
}

export interface DigestDiagnosis {
  /** True when the DIGEST is right: there is nothing to explain. */
  matches: boolean;
  /** The slips that make the DIGEST presented (a rewrite or key slip first, then an encoding slip); empty when none does. */
  slips: DigestSlipId[];
  /** What was checked: its size, its plain SHA-256 (no key: safe to show) and its first characters, escaped, keys masked. */
  signed: { bytes: number; sha256: string; excerpt: string };
  /** Slips left untried: the message was too large for them within the doctor's budget. */
  untried: DigestSlipId[];
  kind: 'body' | 'query';
}

/** What one trial needs to know about the message received. */
interface Received {
  bytes: Buffer;
  /** The UTF-8 text, when the bytes are valid UTF-8. */
  text: string | undefined;
  kind: 'body' | 'query';
}

/** A rewrite: what a client may have signed instead of what it sent, from what was received. */
interface Rewrite {
  id: DigestSlipId;
  kind: 'body' | 'query';
  /** Re-serializes JSON: tried only on messages up to MAX_REWRITE_BYTES. */
  json?: boolean;
  /** Each variant whole, or as pieces to be hashed one after the other (no copy of a large message). */
  variants(received: Received, context: Context): (string | Buffer | readonly Buffer[])[];
}

interface Context {
  previous?: Buffer;
  origins: readonly string[];
  parsed?: { value: unknown } | null;
}

/** Another key: what a client may have keyed the HMAC with instead of the secret. */
interface KeySlip {
  id: DigestSlipId;
  keys(secret: string, apiKey: string | undefined): (string | Buffer)[];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The JSON value of a body, parsed once per diagnosis (null when it is no JSON). */
function parsedOf(received: Received, context: Context): { value: unknown } | null {
  if (context.parsed === undefined) {
    context.parsed = null;
    const text = received.text?.replace(/^\ufeff/, '');
    if (text !== undefined) {
      try {
        context.parsed = { value: JSON.parse(text) };
        doctorWork.count += text.length;
      } catch {
        context.parsed = null;
      }
    }
  }
  return context.parsed;
}

/** `JSON.stringify` of the parsed body, or nothing when it cannot be written (too deep). */
function rewrite(received: Received, context: Context, write: (value: unknown) => string): string[] {
  const parsed = parsedOf(received, context);
  if (!parsed) return [];
  try {
    const text = write(parsed.value);
    doctorWork.count += text.length;
    return [text];
  } catch {
    return [];
  }
}

const spaced = spacedJson;
const asciiOnly = asciiOnlyJson;
const slashesEscaped = slashesEscapedJson;
/** Objects with their keys sorted, at every level. */
const sortedKeys = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
const hasNonAscii = (text: string | undefined) => text !== undefined && /[^\x00-\x7f]/.test(text);

/**
 * The rewrites, most likely first for each kind. A body's: the byte-order mark, the
 * re-serializations (compact, pretty, spaced, sorted, escaped), the encodings, then the previous
 * body. A query's: what a client signed around or instead of the query it sent.
 */
const REWRITES: Rewrite[] = [
  // (The trailing newline either way is tried inside the exact pass: see diagnoseDigest.)
  {
    id: 'body-bom-sent',
    kind: 'body',
    variants: (r) => (r.bytes.subarray(0, 3).equals(BOM) ? [r.bytes.subarray(3)] : []),
  },
  {
    id: 'body-bom-signed',
    kind: 'body',
    variants: (r) => (r.bytes.subarray(0, 3).equals(BOM) ? [] : [[BOM, r.bytes]]),
  },
  { id: 'body-compact', kind: 'body', json: true, variants: (r, c) => rewrite(r, c, (v) => JSON.stringify(v)) },
  { id: 'body-pretty-2', kind: 'body', json: true, variants: (r, c) => rewrite(r, c, (v) => JSON.stringify(v, null, 2)) },
  { id: 'body-pretty-4', kind: 'body', json: true, variants: (r, c) => rewrite(r, c, (v) => JSON.stringify(v, null, 4)) },
  { id: 'body-pretty-tab', kind: 'body', json: true, variants: (r, c) => rewrite(r, c, (v) => JSON.stringify(v, null, '\t')) },
  {
    id: 'body-spaced',
    kind: 'body',
    json: true,
    variants: (r, c) => rewrite(r, c, (v) => spaced(JSON.stringify(v))),
  },
  {
    id: 'body-sorted-keys',
    kind: 'body',
    json: true,
    variants: (r, c) => [...rewrite(r, c, sortedKeys), ...rewrite(r, c, (v) => spaced(sortedKeys(v)))],
  },
  {
    id: 'body-ascii-escaped',
    kind: 'body',
    json: true,
    variants: (r, c) =>
      hasNonAscii(r.text)
        ? [
            // PHP (slashes escaped too), Python (spaced), and either one alone.
            ...rewrite(r, c, (v) => slashesEscaped(asciiOnly(JSON.stringify(v)))),
            ...rewrite(r, c, (v) => asciiOnly(spaced(JSON.stringify(v)))),
            ...rewrite(r, c, (v) => asciiOnly(JSON.stringify(v))),
            ...rewrite(r, c, (v) => asciiOnly(spaced(sortedKeys(v)))),
          ]
        : [],
  },
  {
    id: 'body-slashes-escaped',
    kind: 'body',
    json: true,
    variants: (r, c) => (r.text?.includes('/') ? rewrite(r, c, (v) => slashesEscaped(JSON.stringify(v))) : []),
  },
  {
    id: 'body-form-encoded',
    kind: 'body',
    json: true,
    variants: (r, c) => {
      const parsed = parsedOf(r, c);
      const value = parsed?.value;
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
      // What `new URLSearchParams(body)` writes: each value through String().
      const form = new URLSearchParams(Object.entries(value).map(([k, v]): [string, string] => [k, String(v)])).toString();
      doctorWork.count += form.length;
      return [form];
    },
  },
  {
    id: 'body-url-encoded',
    kind: 'body',
    json: true,
    variants: (r) => (r.text === undefined ? [] : [encodeURIComponent(r.text)]),
  },

  // After the rewrites: a client that re-sends one order's body signs it the same way, and the rewrite is the better account.
  { id: 'body-previous', kind: 'body', variants: (_r, c) => (c.previous ? [c.previous] : []) },

  { id: 'query-question-mark', kind: 'query', variants: (r) => [`?${r.text}`] },
  {
    id: 'query-path',
    kind: 'query',
    variants: (r) => [`${ENDPOINT_PATHS.inquiry}?${r.text}`, `${ENDPOINT_PATHS.inquiry.slice(1)}?${r.text}`],
  },
  {
    id: 'query-whole-url',
    kind: 'query',
    variants: (r, c) => c.origins.map((origin) => `${origin.replace(/\/+$/, '')}${ENDPOINT_PATHS.inquiry}?${r.text}`),
  },
  {
    id: 'query-comma-encoded',
    kind: 'query',
    variants: (r) => {
      const q = readInquiryQuery(r.text!);
      const out = r.text!.includes(',') ? [r.text!.replace(/,/g, '%2C')] : [];
      if (q.form !== 'canonical' && q.form !== 'encoded-comma' && q.form !== 'missing')
        out.push(writeInquiryQuery(q.rawIds, 'encoded-comma'));
      return out;
    },
  },
  { id: 'query-comma-plain', kind: 'query', variants: (r) => (/%2C/i.test(r.text!) ? [r.text!.replace(/%2C/gi, ',')] : []) },
  { id: 'query-brackets', kind: 'query', variants: (r) => otherForm(r.text!, 'brackets') },
  { id: 'query-indexed', kind: 'query', variants: (r) => otherForm(r.text!, 'indexed') },
  { id: 'query-repeated', kind: 'query', variants: (r) => otherForm(r.text!, 'repeated') },
  { id: 'query-canonical', kind: 'query', variants: (r) => otherForm(r.text!, 'canonical') },
  {
    id: 'query-space-after-comma',
    kind: 'query',
    variants: (r) => {
      const q = readInquiryQuery(r.text!);
      return q.rawIds.length > 1 ? [`platform_order_ids=${q.rawIds.join(', ')}`, `platform_order_ids=${q.rawIds.join(',%20')}`] : [];
    },
  },
  {
    id: 'query-decoded',
    kind: 'query',
    variants: (r) => {
      try {
        const decoded = decodeURIComponent(r.text!);
        return decoded === r.text ? [] : [decoded];
      } catch {
        return [];
      }
    },
  },
];

/** The query written in another form than the one received (both bracket spellings). */
function otherForm(query: string, form: 'brackets' | 'indexed' | 'repeated' | 'canonical'): string[] {
  const q = readInquiryQuery(query);
  if (q.form === 'missing' || q.form === form || (form === 'canonical' && q.form === 'encoded-comma')) return [];
  if (form === 'canonical' || form === 'repeated')
    return q.rawIds.length > 1 || form === 'canonical' ? [writeInquiryQuery(q.rawIds, form)] : [];
  return [writeInquiryQuery(q.rawIds, form), writeInquiryQuery(q.rawIds, form, true)];
}

/** The keys a client may have used instead of the secret, most likely first. */
const KEY_SLIPS: KeySlip[] = [
  { id: 'key-api-key', keys: (secret, apiKey) => (apiKey && apiKey !== secret ? [apiKey] : []) },
  { id: 'key-newline', keys: (secret) => [`${secret}\n`, `${secret}\r\n`] },
  { id: 'key-whitespace', keys: (secret) => (secret.trim() !== secret ? [secret.trim()] : [` ${secret}`, `${secret} `, ` ${secret} `]) },
  { id: 'key-quoted', keys: (secret) => [`"${secret}"`, `'${secret}'`] },
  { id: 'key-hex-decoded', keys: (secret) => (/^(?:[0-9a-fA-F]{2})+$/.test(secret) ? [Buffer.from(secret, 'hex')] : []) },
  {
    id: 'key-base64-decoded',
    keys: (secret) => (secret.length >= 8 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(secret) ? [Buffer.from(secret, 'base64')] : []),
  },
];

/** Another HMAC than SHA-256's; `weight`: its cost per byte, in SHA-256 passes. */
const ALGORITHM_SLIPS: { id: DigestSlipId; algorithm: 'sha1' | 'sha512'; weight: number }[] = [
  { id: 'digest-hmac-sha1', algorithm: 'sha1', weight: 1 },
  { id: 'digest-hmac-sha512', algorithm: 'sha512', weight: 2 },
];

/** HMAC-SHA256 by hand, so that the inner hash can be copied: one pass over a message serves its prefixes and suffixes. */
function hmacStart(key: string | Buffer): { inner: Hash; opad: Buffer } {
  let k = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (k.length > 64) k = createHash('sha256').update(k).digest();
  const ipad = Buffer.alloc(64, 0x36);
  const opad = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i] ^= k[i];
    opad[i] ^= k[i];
  }
  return { inner: createHash('sha256').update(ipad), opad };
}

function hmacFinish(inner: Hash, opad: Buffer): Buffer {
  return createHash('sha256').update(opad).update(inner.digest()).digest();
}

function hmacSha256(key: string | Buffer, message: string | Buffer | readonly Buffer[]): Buffer {
  const { inner, opad } = hmacStart(key);
  if (Array.isArray(message)) for (const piece of message as readonly Buffer[]) inner.update(piece);
  else inner.update(message as string | Buffer);
  return hmacFinish(inner, opad);
}

/** How the DIGEST presented spells these bytes: right (lower-case hex), upper-case hex, base64, or not at all. */
function spelling(digest: string, lower: string, bytes: Buffer): 'hex' | 'digest-upper-hex' | 'digest-base64' | undefined {
  const hex = bytes.toString('hex');
  if (lower === hex) return digest === hex ? 'hex' : 'digest-upper-hex';
  const b64 = bytes.toString('base64');
  if (digest === b64 || digest === b64.replace(/=+$/, '') || digest === bytes.toString('base64url')) return 'digest-base64';
  return undefined;
}

/** The bytes of a message, without copying bytes that are already there (a 1 MB copy costs more than hashing it). */
function asBuffer(message: string | Uint8Array): Buffer {
  if (typeof message === 'string') return Buffer.from(message, 'utf8');
  return Buffer.isBuffer(message) ? message : Buffer.from(message.buffer, message.byteOffset, message.byteLength);
}

const byteLength = (m: string | Buffer | readonly Buffer[]): number =>
  typeof m === 'string'
    ? Buffer.byteLength(m)
    : Array.isArray(m)
      ? (m as readonly Buffer[]).reduce((n, piece) => n + piece.length, 0)
      : (m as Buffer).length;

/** Guesses the kind of a message: a query names `platform_order_ids` and does not start like JSON. Read on the bytes: a large body is never decoded whole. */
function kindOf(bytes: Buffer): 'body' | 'query' {
  let i = bytes.subarray(0, 3).equals(BOM) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  const start = bytes[i];
  return start !== 0x7b && start !== 0x5b && bytes.includes('platform_order_ids') ? 'query' : 'body';
}

/** The message as it is shown: its first characters, escaped so that nothing invisible hides, keys masked. */
function excerptOf(bytes: Buffer, secrets: readonly (string | undefined)[]): string {
  // A prefix is decoded, not the whole message; a character cut at its end is dropped.
  const head = bytes
    .subarray(0, EXCERPT_CHARS * 4 + 64)
    .toString('utf8')
    .replace(/\ufffd+$/, '');
  const chars = Array.from(head).slice(0, EXCERPT_CHARS).join('');
  const shown = JSON.stringify(redact(chars, secrets)).replace(
    /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return bytes.length > Buffer.byteLength(chars) ? `${shown}…` : shown;
}

/**
 * Names the slip behind a DIGEST that does not match: the rewrites of the message, the other
 * algorithms and keys, each checked against the DIGEST presented in its three spellings, within
 * the work budget. Never throws on what a client sent (any digest, any bytes).
 */
export function diagnoseDigest(input: DigestDoctorInput): DigestDiagnosis {
  const bytes = asBuffer(input.message);
  const kind = input.kind ?? kindOf(bytes);
  // Decoded only where a rewrite reads it: a query, or a body small enough to re-serialize (decoding 1 MB costs more than hashing it).
  let text: string | undefined;
  if (kind === 'query' || bytes.length <= MAX_REWRITE_BYTES) {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      text = kind === 'query' ? bytes.toString('latin1') : undefined;
    }
  }
  const received: Received = { bytes, text, kind };
  const digest = typeof input.digest === 'string' ? input.digest.trim() : '';
  const lower = digest.toLowerCase();
  const secret = input.secretKey;
  const context: Context = {
    previous: input.previousMessage === undefined ? undefined : asBuffer(input.previousMessage),
    origins: input.origins ?? [SANDBOX_URL, PRODUCTION_URL, DEFAULT_MOCK_URL, DEFAULT_MOCK_URL.replace('127.0.0.1', 'localhost')],
  };
  const sha256 = createHash('sha256').update(bytes).digest();
  doctorWork.count += bytes.length;
  const signed = { bytes: bytes.length, sha256: sha256.toString('hex'), excerpt: excerptOf(bytes, [secret, input.apiKey]) };
  const untried: DigestSlipId[] = [];
  // The exact pass and the plain SHA-256 are always made.
  let budget = WORK_BUDGET - 2 * bytes.length;
  const result = (matches: boolean, slips: DigestSlipId[]): DigestDiagnosis => ({ matches, slips, signed, untried, kind });
  /** The slips a candidate's HMAC makes, when it spells the DIGEST presented. */
  const check = (mac: Buffer, slip: DigestSlipId | undefined): DigestSlipId[] | undefined => {
    const spelled = spelling(digest, lower, mac);
    if (!spelled) return undefined;
    const slips: DigestSlipId[] = slip ? [slip] : [];
    if (spelled !== 'hex') slips.push(spelled);
    return slips;
  };
  /** Takes `cost` bytes from the budget, or records the slip as untried. */
  const afford = (id: DigestSlipId, cost: number): boolean => {
    if (cost > budget) {
      if (!untried.includes(id)) untried.push(id);
      return false;
    }
    budget -= cost;
    doctorWork.count += cost;
    return true;
  };

  // 1. The exact pass: the message itself, and in the same pass the message without its trailing
  //    newline (sent but not signed) and with one added (signed but not sent).
  {
    const { inner, opad } = hmacStart(secret);
    doctorWork.count += bytes.length;
    const cut = bytes.length >= 2 && bytes[bytes.length - 2] === 13 && bytes[bytes.length - 1] === 10 ? 2 : bytes.at(-1) === 10 ? 1 : 0;
    let withoutNewline: Buffer | undefined;
    if (cut) {
      inner.update(bytes.subarray(0, bytes.length - cut));
      withoutNewline = hmacFinish(inner.copy(), opad);
      inner.update(bytes.subarray(bytes.length - cut));
    } else inner.update(bytes);
    const exact = check(hmacFinish(inner.copy(), opad), undefined);
    if (exact) return result(exact.length === 0, exact);
    const sent = withoutNewline && check(withoutNewline, kind === 'body' ? 'body-newline-sent' : 'query-newline');
    if (sent) return result(false, sent);
    for (const suffix of ['\n', '\r\n']) {
      const found = check(hmacFinish(inner.copy().update(suffix), opad), kind === 'body' ? 'body-newline-signed' : 'query-newline');
      if (found) return result(false, found);
    }
  }

  // 2. Another algorithm over the exact message: a plain SHA-256 (already computed), HMAC-SHA1, HMAC-SHA512.
  //    (Then the keys, most likely first, and the other HMACs: on a large message the budget keeps the likely ones.)
  const unkeyed = check(sha256, 'digest-sha256-unkeyed');
  if (unkeyed) return result(false, unkeyed);

  // 3. Another key over the exact message, or another HMAC.
  for (const slip of [...KEY_SLIPS.slice(0, 2), ...ALGORITHM_SLIPS, ...KEY_SLIPS.slice(2)]) {
    for (const key of 'algorithm' in slip ? [secret] : slip.keys(secret, input.apiKey)) {
      if (!afford(slip.id, bytes.length * ('weight' in slip ? slip.weight : 1))) break;
      const mac = 'algorithm' in slip ? createHmac(slip.algorithm, key).update(bytes).digest() : hmacSha256(key, bytes);
      const found = check(mac, slip.id);
      if (found) return result(false, found);
    }
  }

  // 4. What the client may have signed instead of what it sent.
  for (const r of REWRITES) {
    if (r.kind !== kind) continue;
    if (r.json && bytes.length > MAX_REWRITE_BYTES) {
      untried.push(r.id);
      continue;
    }
    for (const variant of r.variants(received, context)) {
      if (!afford(r.id, byteLength(variant))) break;
      // A rewrite that changes nothing (a compact body re-serialized compactly) is the exact message, already tried.
      if (typeof variant === 'string' ? variant === received.text : Buffer.isBuffer(variant) && variant.equals(bytes)) continue;
      const found = check(hmacSha256(secret, variant), r.id);
      if (found) return result(false, found);
    }
  }
  return result(false, []);
}

/**
 * The diagnosis in words: the slip found and how to fix it (or that none of the usual slips
 * explains the DIGEST), then what was checked. One paragraph, no line breaks.
 */
export function describeDiagnosis(diagnosis: DigestDiagnosis, lang: Lang = 'en', digest?: string): string {
  const parts: string[] = [];
  if (diagnosis.matches) parts.push(digestText(lang, 'matches'));
  else if (diagnosis.slips.length) {
    for (const slip of diagnosis.slips) parts.push(slipFound(lang, slip));
    for (const fix of new Set(diagnosis.slips.map((slip) => slipFix(lang, slip)))) parts.push(fix);
  } else {
    const count = DIGEST_SLIP_IDS.filter((id) => slipFamily(id) !== (diagnosis.kind === 'query' ? 'body' : 'query')).length;
    parts.push(digestText(lang, diagnosis.kind === 'query' ? 'none-query' : 'none-body', { count }));
    const shown = typeof digest === 'string' ? digest.trim() : '';
    if (!/^[0-9a-f]{64}$/.test(shown)) parts.push(digestText(lang, 'shape', { length: shown.length }));
  }
  if (diagnosis.untried.length) parts.push(digestText(lang, 'untried', { count: diagnosis.untried.length, bytes: diagnosis.signed.bytes }));
  parts.push(digestText(lang, diagnosis.kind === 'query' ? 'signed-query' : 'signed-body', diagnosis.signed));
  // Chinese sentences follow each other without a space.
  return parts.join(lang === 'zh-TW' ? '' : ' ');
}
