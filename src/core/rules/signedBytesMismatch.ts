/**
 * `signed-bytes-mismatch` (error): a request's DIGEST is computed over other bytes than the
 * request sends — `JSON.stringify` with other arguments, another serializer of the same value,
 * the value handed to a client that serializes it itself after another serialization was signed,
 * a query signed as a string but sent as the client's `params`, or the value changed between the
 * two. The requests are read by source/signedRequests.ts and what each side writes by
 * source/serialization.ts; only two serializations of the same value (the same variable, or the
 * same literal) are compared, so a request the file does not show is never judged. The finding is
 * on what is sent; its related information points where the DIGEST is made. Pure.
 */
import type * as TS from 'typescript';
import type { Lang } from '../../data/types';
import { parseSourceFile, type SourceDocument } from '../source/sourceDocument';
import { type Declaration, functionScopeOf, shadowed } from '../source/declarations';
import { identifiersNamed } from '../source/identifierUses';
import { queryValueShape, type Serialization, serializationOf } from '../source/serialization';
import { type SignedRequest, signedRequests } from '../source/signedRequests';
import { constObject, staticText } from '../source/staticText';
import { TraceDeps, traceWork } from '../source/traceDeps';
import { startOf, staticName, unwrap } from '../source/tsParser';
import { typescript } from '../source/typescriptLoader';
import { signingMessage } from '../texts/signingMessages';
import { type Finding, ruleMessage } from './findings';

/** A file can hold a signed request (or a checked callback) only when it names a digest and signs or verifies something. */
const MENTIONS = /digest/i;
const SIGNS = /createHmac|computeDigest|verifyDigest|hmac|subtle\.sign/i;

/** The tree of a source document, parsed here when the payload search did not need it (kept for the next edit). */
export function signingTree(doc: SourceDocument): TS.SourceFile | undefined {
  if (doc.sourceFile) return doc.sourceFile;
  if (!MENTIONS.test(doc.text) || !SIGNS.test(doc.text)) return undefined;
  doc.sourceFile = parseSourceFile(doc.uri, doc.text);
  return doc.sourceFile;
}

export function checkSignedBytes(doc: SourceDocument, lang: Lang): Finding[] {
  if (!MENTIONS.test(doc.text) || !SIGNS.test(doc.text)) return [];
  const sourceFile = signingTree(doc);
  if (!sourceFile) return [];
  const deps = new TraceDeps();
  const findings: Finding[] = [];
  for (const request of signedRequests(sourceFile, deps)) {
    const finding = judge(request, deps, sourceFile, lang);
    if (finding) findings.push(finding);
  }
  return findings;
}

function judge(request: SignedRequest, deps: TraceDeps, sourceFile: TS.SourceFile, lang: Lang): Finding | undefined {
  const signed = serializationOf(request.signed.message, deps);
  const lineOf = (node: TS.Node) => sourceFile.getLineAndCharacterOfPosition(startOf(node, sourceFile.text)).line + 1;
  const common = { signed: signed.display, line: lineOf(request.signed.message), client: request.client };
  const report = (at: TS.Node, why: string): Finding => {
    const start = startOf(at, sourceFile.text);
    const signedStart = startOf(request.signed.message, sourceFile.text);
    return {
      code: 'signed-bytes-mismatch',
      offset: start,
      length: at.end - start,
      message: ruleMessage('signed-bytes-mismatch', lang, { why }),
      related: {
        offset: signedStart,
        length: request.signed.message.end - signedStart,
        message: signingMessage(lang, 'signed-here', { signed: signed.display }),
        evidence: 'signed',
      },
    };
  };

  // A query the client writes itself from an object, while the DIGEST signs a string.
  if (request.params) {
    const option = (request.params.parent as TS.PropertyAssignment).name?.getText(sourceFile) ?? 'params';
    return paramsDiffer(request, signed, option, deps)
      ? report(request.params, signingMessage(lang, 'signed-params', { ...common, option }))
      : undefined;
  }
  const sent = request.query ? serializationOf(request.query, deps) : request.body ? sentBody(request.body, deps) : undefined;
  if (!sent || !signed.root || signed.root !== sent.root) return undefined;
  if ([signed.kind, sent.kind].some((k) => k === 'object' || k === 'unknown' || k === 'text')) return undefined;
  // The same call wrote both: the same bytes.
  if (signed.writtenAt !== undefined && signed.writtenAt === sent.writtenAt) return undefined;
  const at = request.query ?? request.body!.expression;
  const root = signed.rootName ?? sent.rootName ?? '';
  if (signed.kind !== sent.kind || signed.writer !== sent.writer || (signed.kind === 'json' && signed.args !== sent.args)) {
    const byClient = request.body?.by === 'client-json' && sent.writtenAt === request.send;
    return report(
      at,
      byClient
        ? signingMessage(lang, 'signed-client-json', { ...common, root })
        : signingMessage(lang, 'signed-serializer', { ...common, sent: sent.display, root }),
    );
  }
  const changed = signed.declaration && changeBetween(signed.declaration, signed.writtenAt, sent.writtenAt);
  if (changed) return report(at, signingMessage(lang, 'signed-changed', { ...common, root, sent: sent.display, changed: lineOf(changed) }));
  return undefined;
}

/** What a body sends: as written, or, for an object given to a client that serializes it (`data`, `json`), `JSON.stringify` at the call. */
function sentBody(body: NonNullable<SignedRequest['body']>, deps: TraceDeps): Serialization {
  const written = serializationOf(body.expression, deps);
  if (body.by !== 'client-json' || written.kind !== 'object') return written;
  const send = sendCallOf(body.expression);
  return {
    ...written,
    kind: 'json',
    writer: 'JSON.stringify',
    args: '',
    display: `JSON.stringify(${written.rootName ?? written.display})`,
    writtenAt: send,
  };
}

/** The call a body belongs to (the nearest call that holds it). */
function sendCallOf(node: TS.Node): TS.Node | undefined {
  const ts = typescript();
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) if (ts.isCallExpression(n) || ts.isNewExpression(n)) return n;
  return undefined;
}

/**
 * A change to the value between the two serializations, in the same function, by source order:
 * `root.x = …`, `root['x'] = …`, `delete root.x`, `Object.assign(root, …)`. A change under a
 * condition counts: the bytes may differ, and only when it runs.
 */
function changeBetween(declaration: Declaration, first: TS.Node | undefined, second: TS.Node | undefined): TS.Node | undefined {
  const ts = typescript();
  if (!first || !second || functionScopeOf(first) !== functionScopeOf(second)) return undefined;
  const from = Math.min(first.end, second.end);
  const to = Math.max(first.getStart(), second.getStart());
  // The uses are in text order: only those inside the window are looked at (a root used all over a long function costs its window).
  const uses = identifiersNamed(declaration.scope, declaration.name.text, declaration.name.getSourceFile());
  let low = 0;
  let high = uses.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (uses[mid].pos < from) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < uses.length && uses[i].end <= to; i++) {
    traceWork.count++;
    const use = uses[i];
    if (use === declaration.name || shadowed(use, declaration)) continue;
    const access = use.parent;
    const holder = access?.parent;
    if ((ts.isPropertyAccessExpression(access) || ts.isElementAccessExpression(access)) && access.expression === use && holder) {
      if (
        ts.isBinaryExpression(holder) &&
        holder.left === access &&
        holder.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        holder.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      )
        return holder;
      if (ts.isDeleteExpression(holder)) return holder;
    }
    if (
      ts.isCallExpression(access) &&
      access.arguments[0] === use &&
      ts.isPropertyAccessExpression(access.expression) &&
      access.expression.getText() === 'Object.assign'
    )
      return access;
  }
  return undefined;
}

/**
 * Whether the query a client writes from its options differs from the string signed. The same value
 * serialized by another function (`querystring.stringify(params)` signed, `params` sent) always
 * may. Otherwise the ids' value decides, by how each client writes it: axios's `params` keeps a
 * comma but writes an array as `platform_order_ids[]=…` and a space as `+`; `searchParams` (got,
 * ky: URLSearchParams) and `qs` write a comma as `%2C` and an array otherwise still. A single id of
 * unknown text is given the benefit of the doubt: most ids are letters, digits and dashes.
 */
function paramsDiffer(request: SignedRequest, signed: Serialization, option: string, deps: TraceDeps): boolean {
  const ts = typescript();
  if (signed.kind === 'object' || signed.kind === 'unknown') return false;
  const params = serializationOf(request.params!, deps);
  if (signed.root !== undefined && signed.root === params.root) return true;
  const aQuery = signed.kind === 'query' || /platform_order_ids/.test(staticText(request.signed.message, deps) ?? '');
  if (!aQuery) return false;
  // The value given to platform_order_ids, in the options object (or the const object it names).
  let object = unwrap(request.params!);
  if (ts.isIdentifier(object)) object = constObject(object, deps) ?? object;
  if (!ts.isObjectLiteralExpression(object)) return false;
  const property = object.properties.find(
    (p) => p.name !== undefined && staticName(p.name, object.getSourceFile()) === 'platform_order_ids',
  );
  const value =
    property &&
    (ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined);
  if (!value) return false;
  const shape = queryValueShape(value, deps);
  if (option === 'params') return shape.array || shape.space;
  return shape.array || shape.comma || shape.space;
}
