/**
 * Why a signature was refused, for the response panel, in the display language: the mock's 401
 * names the slip behind a wrong DIGEST in `result_object.digest_slips` (the DIGEST doctor), which
 * is told here with the doctor's own words; for the sandbox or production, which say no more than
 * a status, the runner's own hint from the stored credentials (kept on the history entry when the
 * exchange happened, since the secret never reaches the history). Plain data in, text out.
 */
import { describeDiagnosis, DIGEST_SLIP_IDS, type DigestSlipId } from '../../api/digestDoctor';
import { slipFix, slipFound } from '../../api/digestSlipTexts';
import type { Lang } from '../../data/types';
import type { HistoryEntry } from './requestHistory';

/** The explanation of a refused signature, or undefined when the exchange was no such refusal. */
export function digestExplanationOf(entry: HistoryEntry, lang: Lang): string | undefined {
  if (entry.result === '401' && entry.bodyText !== undefined) {
    const told = mockDiagnosis(entry.bodyText);
    if (told) return describeDiagnosis({ ...told, matches: false, kind: entry.prepared.endpoint === 'inquiry' ? 'query' : 'body' }, lang);
  }
  return entry.digestHint;
}

const KNOWN = new Set<string>(DIGEST_SLIP_IDS);

/** The slips and what was checked, as the mock's 401 envelope carries them; undefined for anything else. */
function mockDiagnosis(
  bodyText: string,
): { slips: DigestSlipId[]; untried: DigestSlipId[]; signed: { bytes: number; sha256: string; excerpt: string } } | undefined {
  let envelope: unknown;
  try {
    envelope = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const object = (envelope as { result_object?: Record<string, unknown> } | null)?.result_object;
  if (!object || object.mock !== true || !Array.isArray(object.digest_slips)) return undefined;
  const signed = object.signed as { bytes?: unknown; sha256?: unknown; excerpt?: unknown } | undefined;
  if (!signed || typeof signed.bytes !== 'number' || typeof signed.sha256 !== 'string' || typeof signed.excerpt !== 'string')
    return undefined;
  // Only ids the doctor knows are told: the answer is a server's, whatever it says.
  const ids = (list: unknown) => (Array.isArray(list) ? list.filter((s): s is DigestSlipId => typeof s === 'string' && KNOWN.has(s)) : []);
  return {
    slips: ids(object.digest_slips),
    untried: ids(object.digest_untried),
    signed: { bytes: signed.bytes, sha256: signed.sha256.slice(0, 64), excerpt: signed.excerpt.slice(0, 200) },
  };
}

/**
 * What the stored credentials show about a signature the sandbox or production refused: the runner
 * signs exactly the bytes it sends, so the slip can only be in the key — the API key stored as the
 * secret, a secret with a newline, spaces or quotes around it. Said with the doctor's words; else
 * `general` (the runner's own sentence). Never the keys themselves.
 */
export function credentialHint(credentials: { apiKey: string; secretKey: string }, lang: Lang, general: string): string {
  const secret = credentials.secretKey;
  const slip: DigestSlipId | undefined =
    secret === credentials.apiKey
      ? 'key-api-key'
      : /[\r\n]$/.test(secret)
        ? 'key-newline'
        : secret.trim() !== secret
          ? 'key-whitespace'
          : /^(["']).*\1$/s.test(secret)
            ? 'key-quoted'
            : undefined;
  if (!slip) return general;
  return [slipFound(lang, slip), slipFix(lang, slip)].join(lang === 'zh-TW' ? '' : ' ');
}
