/**
 * Where a callback handler checks a `digest` over a parsed body instead of the raw bytes: the
 * message of an HMAC, of `computeDigest` or of `verifyDigest` (the sinks' own `signature`, plus
 * verifyDigest's message argument) that is `JSON.stringify` of a parsed request body
 * (`req.body`, `request.body`, `ctx.request.body`, `await req.json()`, `await c.req.json()`, or a
 * const holding one), or such a body itself where the file parses it as JSON (`express.json()`,
 * `bodyParser.json()`, Koa's body parsers, Fastify's default parser, `.json()`) and the route
 * mounts no raw parser. Only in a
 * file that reads a `digest` header or uses this package's digest functions: another service's
 * webhook signature is not JKOPay's. The framework the file imports names the raw-body route. Pure.
 */
import type * as TS from 'typescript';
import { findDeclaration } from './declarations';
import { LIBRARY, OTHER_SIGNATURE_HEADER, signature } from './sinks';
import type { TraceDeps } from './traceDeps';
import { childAt, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

export type Framework = 'express' | 'fastify' | 'koa' | 'next' | 'hono';

export interface ParsedBodyDigest {
  /** The message the digest is computed or checked over. */
  message: TS.Expression;
  /** `reserialized`: JSON.stringify of a parsed body; `parsed`: the parsed body itself. */
  how: 'reserialized' | 'parsed';
  /** The framework the file uses, when it says (its raw-body route is named); else every one is. */
  framework?: Framework;
}

/** A `digest` header read (`req.headers.digest`, `headers['digest']`, `req.get('digest')`, `c.req.header('digest')`). */
const READS_DIGEST = /headers?\s*(?:\.\s*digest\b|\[\s*['"`]digest['"`]\s*\])|\.(?:get|header)\(\s*['"`]digest['"`]\s*\)/i;
/** Calls whose arguments may be a digest's message. */
const CANDIDATE_CALL = /\b(?:update|computeDigest|verifyDigest|\w*[Hh]mac\w*)\s*\(/g;
/** Names a handler's request goes by, and the context objects that hold one (`ctx.request`, `c.req`). */
const REQUEST_NAMES = new Set(['req', 'request']);
const CONTEXT_NAMES = new Set(['ctx', 'context', 'c']);
/** A JSON body parser mounted by the file. */
const JSON_PARSER =
  /\b(?:express|bodyParser)\.json\s*\(|\bfrom\s+['"](?:koa-bodyparser|@koa\/bodyparser|koa-body)['"]|require\(\s*['"](?:koa-bodyparser|@koa\/bodyparser|koa-body)['"]\s*\)/;
/** A raw (or text) body parser as a route's own middleware. */
const RAW_PARSER = /^(?:express|bodyParser)\.(?:raw|text)$/;

const FRAMEWORKS: [Framework, RegExp][] = [
  ['express', /(?:from\s+|require\(\s*)['"]express['"]/],
  ['fastify', /(?:from\s+|require\(\s*)['"]fastify['"]/],
  ['koa', /(?:from\s+|require\(\s*)['"](?:koa|@koa\/router|koa-router)['"]/],
  ['next', /(?:from\s+|require\(\s*)['"]next(?:\/[\w/-]+)?['"]|\bNextRequest\b|\bNextApiRequest\b/],
  ['hono', /(?:from\s+|require\(\s*)['"]hono(?:\/[\w/-]+)?['"]/],
];

/** The digests of the file computed or checked over a parsed body. */
export function parsedBodyDigests(sourceFile: TS.SourceFile, deps: TraceDeps): ParsedBodyDigest[] {
  const text = sourceFile.text;
  const library = text.includes(LIBRARY) && /\b(?:verifyDigest|computeDigest)\b/.test(text);
  // JKOPay's digest, not another service's signature.
  if (!READS_DIGEST.test(text) && !library) return [];
  if (OTHER_SIGNATURE_HEADER.test(text) && !READS_DIGEST.test(text)) return [];
  const framework = FRAMEWORKS.find(([, pattern]) => pattern.test(text))?.[0];
  // Fastify parses JSON bodies unless the file keeps the buffer with a parser of its own.
  const parsesJson = JSON_PARSER.test(text) || (framework === 'fastify' && !/parseAs\s*:\s*['"]buffer['"]/.test(text));
  const found: ParsedBodyDigest[] = [];
  const seen = new Set<TS.Node>();
  for (const m of text.matchAll(CANDIDATE_CALL)) {
    const call = callAt(sourceFile, m.index + m[0].length - 1);
    if (!call || seen.has(call)) continue;
    seen.add(call);
    const name = calleeName(call);
    call.arguments.forEach((argument, index) => {
      const isMessage = (name === 'verifyDigest' && index === 1) || signature(call, index, deps) !== undefined;
      if (!isMessage) return;
      const how = parsedHow(argument, call, deps, parsesJson);
      if (how) found.push({ message: argument, how, framework });
    });
  }
  return found;
}

/** The call whose argument list opens at `offset`. */
function callAt(sourceFile: TS.SourceFile, offset: number): TS.CallExpression | undefined {
  const ts = typescript();
  let node: TS.Node | undefined = sourceFile;
  let call: TS.CallExpression | undefined;
  for (; node; node = childAt(node, offset)) if (ts.isCallExpression(node)) call = node;
  return call;
}

function calleeName(call: TS.CallExpression): string {
  const ts = typescript();
  const callee = unwrap(call.expression);
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
}

/** How a message is a parsed body: serialized again, or itself; undefined when it is not one (or may be raw). */
function parsedHow(
  message: TS.Expression,
  call: TS.CallExpression,
  deps: TraceDeps,
  parsesJson: boolean,
): ParsedBodyDigest['how'] | undefined {
  const ts = typescript();
  const node = resolved(message, deps);
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.getText() === 'JSON.stringify' &&
    node.arguments[0] &&
    parsedBody(node.arguments[0], deps) !== undefined
  )
    return 'reserialized';
  const body = parsedBody(message, deps);
  // `.json()` always parsed; a `.body` only where the file parses JSON and this route mounts no raw parser.
  if (body === 'sure' || (body === 'maybe' && parsesJson && !rawParserOnRoute(call))) return 'parsed';
  return undefined;
}

/** Follows consts to what they hold. */
function resolved(expression: TS.Expression, deps: TraceDeps, depth = 0): TS.Expression {
  const ts = typescript();
  let node = unwrap(expression);
  if (ts.isAwaitExpression(node)) node = unwrap(node.expression);
  if (depth < 8 && ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, deps);
    const holder = declaration?.node;
    if (
      declaration?.kind === 'variable' &&
      declaration.initializer &&
      holder &&
      ts.isVariableDeclaration(holder) &&
      ts.isIdentifier(holder.name)
    )
      return resolved(declaration.initializer, deps, depth + 1);
  }
  return node;
}

/**
 * Whether an expression is a parsed request body: `sure` for `.json()` of a request, `maybe` for
 * `req.body` (a raw parser may have left it bytes), undefined for anything else.
 */
function parsedBody(expression: TS.Expression, deps: TraceDeps): 'sure' | 'maybe' | undefined {
  const ts = typescript();
  const node = resolved(expression, deps);
  // `await req.json()`, `await request.json()`, `await c.req.json()`.
  if (
    ts.isCallExpression(node) &&
    node.arguments.length === 0 &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'json'
  )
    return isRequest(node.expression.expression) ? 'sure' : undefined;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'body') return isRequest(node.expression) ? 'maybe' : undefined;
  // `const { body } = req`.
  if (ts.isIdentifier(node) && node.text === 'body') {
    const declaration = findDeclaration(node.text, node, deps);
    const holder = declaration?.node;
    if (
      holder &&
      ts.isVariableDeclaration(holder) &&
      ts.isObjectBindingPattern(holder.name) &&
      holder.initializer &&
      isRequest(holder.initializer)
    )
      return 'maybe';
  }
  return undefined;
}

/** `req`, `request`, `ctx.request`, `c.req`: a handler's request. */
function isRequest(expression: TS.Expression): boolean {
  const ts = typescript();
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) return REQUEST_NAMES.has(node.text);
  return (
    ts.isPropertyAccessExpression(node) &&
    REQUEST_NAMES.has(node.name.text) &&
    ts.isIdentifier(node.expression) &&
    CONTEXT_NAMES.has(node.expression.text)
  );
}

/** Whether the route whose handler holds `node` mounts a raw or text parser (`app.post(path, express.raw(), handler)`). */
function rawParserOnRoute(node: TS.Node): boolean {
  const ts = typescript();
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    const route = n.parent;
    if (
      route &&
      ts.isCallExpression(route) &&
      route.arguments.some((a) => a !== n && ts.isCallExpression(a) && RAW_PARSER.test(a.expression.getText()))
    )
      return true;
  }
  return false;
}
