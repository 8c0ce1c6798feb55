/**
 * `digest-over-parsed-body` (warning): a callback handler checks the `digest` over a parsed body —
 * `JSON.stringify(req.body)`, `JSON.stringify(await request.json())`, or the parsed body itself
 * behind a JSON parser — instead of the raw bytes JKOPay sent. Compact test bodies re-serialize to
 * themselves, so every test passes; a real notification (JKOPay's documentation writes `": "`)
 * does not. The message names the raw-body route of the framework the file uses (Express,
 * Fastify, Koa, Next.js, Hono; all of them when it does not say). The sites are found by
 * source/parsedBodyDigests.ts. Pure.
 */
import type { Lang } from '../../data/types';
import { type Framework, parsedBodyDigests } from '../source/parsedBodyDigests';
import { shortText } from '../source/serialization';
import type { SourceDocument } from '../source/sourceDocument';
import { TraceDeps } from '../source/traceDeps';
import { startOf } from '../source/tsParser';
import { signingMessage, type SigningMessageId } from '../texts/signingMessages';
import { type Finding, ruleMessage } from './findings';
import { signingTree } from './signedBytesMismatch';

const MENTIONS = /digest/i;
const ROUTES: Record<Framework, SigningMessageId> = {
  express: 'route-express',
  fastify: 'route-fastify',
  koa: 'route-koa',
  next: 'route-next',
  hono: 'route-hono',
};

export function checkDigestOverParsedBody(doc: SourceDocument, lang: Lang): Finding[] {
  if (!MENTIONS.test(doc.text) || !/\bbody\b|\.json\s*\(/.test(doc.text)) return [];
  const sourceFile = signingTree(doc);
  if (!sourceFile) return [];
  return parsedBodyDigests(sourceFile, new TraceDeps()).map((site) => {
    const start = startOf(site.message, sourceFile.text);
    const routes = site.framework ? [ROUTES[site.framework]] : Object.values(ROUTES);
    return {
      code: 'digest-over-parsed-body',
      offset: start,
      length: site.message.end - start,
      message: ruleMessage('digest-over-parsed-body', lang, {
        expression: shortText(site.message, sourceFile),
        what: signingMessage(lang, site.how === 'reserialized' ? 'parsed-reserialized' : 'parsed-bare'),
        route: routes.map((id) => signingMessage(lang, id)).join(lang === 'zh-TW' ? '；' : '; '),
      }),
    };
  });
}
