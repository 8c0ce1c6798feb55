/**
 * The DIGEST doctor as the library offers it: `explainDigestMismatch(secretKey, message, digest)`
 * says which common slip made a DIGEST that does not match (the body pretty-printed, the keys
 * reordered, the query with `?`, upper-case hex, the API key as the key…), typed, in English or
 * Traditional Chinese. For a merchant's own tests and handlers, and for what they log: the answer
 * never holds the secret or a valid DIGEST. Wrong arguments are refused as `verifyDigest` refuses
 * them (a JkoPayUsageError that says what to pass).
 */
import { describeDiagnosis, diagnoseDigest, type DigestSlipId } from '../api/digestDoctor';
import { messageOf, secretOf } from '../api/signing';
import type { Lang } from '../data/types';

export type { DigestSlipId } from '../api/digestDoctor';

export interface ExplainDigestOptions {
  /** `body` (a POST's bytes) or `query` (a GET's query string); guessed from the message by default. */
  kind?: 'body' | 'query';
  /** The API key, to recognise it used as the secret. */
  apiKey?: string;
  /** The previous request's body (or query), to recognise a DIGEST computed once and reused. */
  previousMessage?: string | Uint8Array;
  /** `en` (default) or `zh-TW`. */
  lang?: Lang;
}

export interface DigestMismatchExplanation {
  /** True when the DIGEST is right after all: nothing to explain. */
  matches: boolean;
  /**
   * The slip that made the DIGEST presented, when one of the usual ones did (`body-pretty-2`,
   * `query-question-mark`, `key-api-key`…); with an encoding slip second when both apply
   * (`['body-pretty-2', 'digest-upper-hex']`). Empty when none does.
   */
  slips: DigestSlipId[];
  /** What was checked: its size, its plain SHA-256 (no key) and its first characters, keys masked. */
  signed: { bytes: number; sha256: string; excerpt: string };
  /** Slips left untried because the message is large (the doctor's work is bounded). */
  untried: DigestSlipId[];
  /** All of it in words, in `lang`: the slip and how to fix it, then what was checked. */
  text: string;
}

export function explainDigestMismatch(
  secretKey: string,
  message: string | Uint8Array,
  digest: string,
  options: ExplainDigestOptions = {},
): DigestMismatchExplanation {
  const diagnosis = diagnoseDigest({
    secretKey: secretOf('explainDigestMismatch', secretKey),
    message: messageOf('explainDigestMismatch', message),
    // A header a framework hands over as an array, or none: no DIGEST to explain, said as such.
    digest: typeof digest === 'string' ? digest : '',
    kind: options.kind,
    apiKey: typeof options.apiKey === 'string' ? options.apiKey : undefined,
    previousMessage:
      typeof options.previousMessage === 'string' || options.previousMessage instanceof Uint8Array ? options.previousMessage : undefined,
  });
  return {
    matches: diagnosis.matches,
    slips: diagnosis.slips,
    signed: diagnosis.signed,
    untried: diagnosis.untried,
    text: describeDiagnosis(diagnosis, options.lang === 'zh-TW' ? 'zh-TW' : 'en', digest),
  };
}
