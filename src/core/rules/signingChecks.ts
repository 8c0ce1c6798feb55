/**
 * The two signing rules of a TS/JS source, run together: `signed-bytes-mismatch` (the DIGEST of a
 * request signs other bytes than it sends) and `digest-over-parsed-body` (a callback's digest
 * checked over a parsed body). The language service calls this once per validation. Pure.
 */
import type { Lang } from '../../data/types';
import type { SourceDocument } from '../source/sourceDocument';
import { checkDigestOverParsedBody } from './digestOverParsedBody';
import type { Finding } from './findings';
import { checkSignedBytes } from './signedBytesMismatch';

export function checkSigning(doc: SourceDocument, lang: Lang): Finding[] {
  return [...checkSignedBytes(doc, lang), ...checkDigestOverParsedBody(doc, lang)];
}
