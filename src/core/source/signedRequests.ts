/**
 * Where a request's DIGEST is made and what the request sends, read from the `DIGEST` header a
 * file sets: the header's value is followed back to the message an HMAC signs (the sinks' own
 * `signature`: `createHmac(…).update(x)`, `computeDigest(secret, x)`, a function named for an
 * HMAC, one level into the file's own functions, through consts), and the header's object to
 * the call that sends it (`fetch(url, { headers, body })`, `axios({ headers, data, params })`,
 * `axios.post(url, body, { headers })`, got's `json`/`searchParams`). What the call sends is
 * told by its options: `body` is sent as is, `data` (axios) and `json` (got, ky) and a body given
 * by position are serialized by the client with `JSON.stringify`, `params`/`searchParams`/`qs`
 * are a query the client writes itself, and a URL with `?` carries the query it is built with.
 * The signed-bytes rule compares the two (serialization.ts). Only a header named DIGEST counts:
 * another service's signature is no JKOPay request. Pure.
 */
import type * as TS from 'typescript';
import { calledFunction, type Declaration, findDeclaration } from './declarations';
import { identifiersNamed } from './identifierUses';
import { signature } from './sinks';
import { propertyValue } from './staticText';
import { type TraceDeps, traceWork } from './traceDeps';
import { childAt, staticName, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

/** The message a DIGEST signs: the expression, and the call that signs it. */
export interface SignedMessage {
  message: TS.Expression;
  /** The signing call (the HMAC, `computeDigest`, or the file's function that wraps one). */
  at: TS.Node;
}

/** What a request that carries a DIGEST sends. */
export interface SignedRequest {
  /** The DIGEST header's value as written. */
  header: TS.Expression;
  signed: SignedMessage;
  /** The call that sends it. */
  send: TS.CallExpression | TS.NewExpression;
  /** The client, as the call reads (`fetch`, `axios.post`). */
  client: string;
  /** The body: sent as is (`body`), or serialized by the client with JSON.stringify when it is an object (`data`, `json`, by position). */
  body?: { expression: TS.Expression; by: 'as-is' | 'client-json' };
  /** A query the client writes itself from an object (`params`, `searchParams`, `qs`). */
  params?: TS.Expression;
  /** The part of the URL after `?`, when the URL is built in the call with a query. */
  query?: TS.Expression;
}

/** How many variables and calls are followed from a header back to its message. */
const MAX_DEPTH = 8;
const HEADER = /\bdigest\b/gi;

/** Every request the file sends with a DIGEST header whose message and body it shows. */
export function signedRequests(sourceFile: TS.SourceFile, deps: TraceDeps): SignedRequest[] {
  const found: SignedRequest[] = [];
  const seen = new Set<TS.Node>();
  for (const m of sourceFile.text.matchAll(HEADER)) {
    traceWork.count++;
    const node = deepestAt(sourceFile, m.index);
    const header = headerValue(node);
    if (!header || seen.has(header.value)) continue;
    seen.add(header.value);
    const signed = signedMessageOf(header.value, deps);
    if (!signed) continue;
    const send = sendOf(header.object, deps);
    if (!send) continue;
    found.push({ header: header.value, signed, ...send });
  }
  return found;
}

/** The innermost node that holds `offset`, by descending (never a walk of the whole file). */
function deepestAt(sourceFile: TS.SourceFile, offset: number): TS.Node | undefined {
  let last: TS.Node | undefined;
  for (let node: TS.Node | undefined = sourceFile; node; node = childAt(node, offset)) {
    traceWork.count++;
    last = node;
  }
  return last;
}

/** `{ DIGEST: v }`, `{ 'digest': v }`, `{ digest }` in an object literal: the value and the object. */
function headerValue(node: TS.Node | undefined): { value: TS.Expression; object: TS.ObjectLiteralExpression } | undefined {
  const ts = typescript();
  if (!node) return undefined;
  const property = node.parent;
  if (!property?.parent || !ts.isObjectLiteralExpression(property.parent)) return undefined;
  if (ts.isPropertyAssignment(property) && property.name === node) {
    const name = staticName(property.name, node.getSourceFile());
    return name?.toLowerCase() === 'digest' ? { value: property.initializer, object: property.parent } : undefined;
  }
  if (ts.isShorthandPropertyAssignment(property) && property.name === node && node.getText().toLowerCase() === 'digest')
    return { value: property.name, object: property.parent };
  return undefined;
}

/**
 * The message a header's value signs: through a const (`const sig = …`), `.digest('hex')`, an
 * HMAC's `update(x)` (on the chain or on a variable that holds the HMAC), `computeDigest(secret, x)`,
 * a function named for an HMAC, and one level into a function of the file whose result signs one
 * of its parameters (`this.digest(JSON.stringify(body))`).
 */
export function signedMessageOf(expression: TS.Expression, deps: TraceDeps, depth = 0): SignedMessage | undefined {
  traceWork.count++;
  const ts = typescript();
  if (depth > MAX_DEPTH) return undefined;
  let node = unwrap(expression);
  if (ts.isAwaitExpression(node)) node = unwrap(node.expression);
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, deps);
    if (declaration?.kind !== 'variable' || !declaration.initializer) return undefined;
    return signedMessageOf(declaration.initializer, deps, depth + 1);
  }
  if (!ts.isCallExpression(node)) return undefined;
  const callee = unwrap(node.expression);
  // `hmac.digest('hex')`, `createHmac(…).update(x).digest('hex')`: the HMAC before it.
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'digest') {
    const hmac = hmacMessage(callee.expression, deps, depth + 1);
    // `this.digest(x)` is no HMAC's digest: a method of the file, read below.
    if (hmac) return hmac;
  }
  // computeDigest(secret, x), CryptoJS.HmacSHA256(x, key), crypto.subtle.sign('HMAC', key, x), hmac.update(x)…
  const args = node.arguments;
  for (let i = 0; i < args.length; i++) if (signature(node, i, deps)) return { message: bytesOf(args[i]), at: node };
  // A function of the file that signs one of its parameters: that argument is the message.
  const fn = depth < MAX_DEPTH ? calledFunction(callee, deps) : undefined;
  if (fn) {
    for (const returned of returnedExpressions(fn.node)) {
      const inner = signedMessageOf(returned, deps, depth + 1);
      const index = inner && parameterIndex(inner.message, fn.node);
      if (inner && index !== undefined && args[index]) return { message: bytesOf(args[index]), at: node };
      if (inner && index === undefined) return inner;
    }
  }
  return undefined;
}

/** The message of the HMAC an expression is: `createHmac(…).update(x)`, or a variable holding an HMAC updated once with `x`. */
function hmacMessage(expression: TS.Expression, deps: TraceDeps, depth: number): SignedMessage | undefined {
  const ts = typescript();
  const node = unwrap(expression);
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    // `update(x)`, or `update(x, 'utf8')` with the text's encoding.
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'update' && node.arguments.length <= 2 && signature(node, 0, deps))
      return { message: bytesOf(node.arguments[0]), at: node };
    return undefined;
  }
  if (!ts.isIdentifier(node) || depth > MAX_DEPTH) return undefined;
  const declaration = findDeclaration(node.text, node, deps);
  if (declaration?.kind !== 'variable' || !declaration.initializer) return undefined;
  // `const hmac = createHmac(…).update(x)`, or `const hmac = createHmac(…); hmac.update(x);`.
  const direct = hmacMessage(declaration.initializer, deps, depth + 1);
  if (direct) return direct;
  const updates = updatesOf(declaration);
  return updates.length === 1 ? { message: bytesOf(updates[0].arguments[0]), at: updates[0] } : undefined;
}

/** The `v.update(x)` calls on a variable that holds an HMAC. */
function updatesOf(declaration: Declaration): TS.CallExpression[] {
  const ts = typescript();
  const calls: TS.CallExpression[] = [];
  for (const use of identifiersNamed(declaration.scope, declaration.name.text, declaration.name.getSourceFile())) {
    const access = use.parent;
    const call = access?.parent;
    if (
      ts.isPropertyAccessExpression(access) &&
      access.expression === use &&
      access.name.text === 'update' &&
      call &&
      ts.isCallExpression(call) &&
      call.expression === access &&
      call.arguments.length >= 1 &&
      call.arguments.length <= 2
    )
      calls.push(call);
  }
  return calls;
}

/** The text behind bytes made of it: `Buffer.from(x)`, `encoder.encode(x)` sign the bytes of `x`. */
function bytesOf(expression: TS.Expression): TS.Expression {
  const ts = typescript();
  const node = unwrap(expression);
  if (ts.isCallExpression(node) && node.arguments.length >= 1) {
    const callee = unwrap(node.expression);
    if (
      ts.isPropertyAccessExpression(callee) &&
      (callee.name.text === 'encode' || (callee.name.text === 'from' && callee.expression.getText() === 'Buffer'))
    )
      return node.arguments[0];
  }
  return expression;
}

/** What a function returns: its expression body, or each `return x` of its own (not of nested functions). */
function returnedExpressions(fn: TS.SignatureDeclaration): TS.Expression[] {
  const ts = typescript();
  const body = (fn as TS.FunctionLikeDeclaration).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const out: TS.Expression[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) out.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

/** The index of the parameter an expression names, when it is one of `fn`'s. */
function parameterIndex(expression: TS.Expression, fn: TS.SignatureDeclaration): number | undefined {
  const ts = typescript();
  const node = unwrap(expression);
  if (!ts.isIdentifier(node)) return undefined;
  const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === node.text);
  return index < 0 ? undefined : index;
}

/** The call a headers object goes with, and what that call sends. */
function sendOf(headers: TS.ObjectLiteralExpression, deps: TraceDeps): Omit<SignedRequest, 'header' | 'signed'> | undefined {
  const ts = typescript();
  const options = optionsHolding(headers, deps);
  if (!options) return undefined;
  const placed = callTaking(options, deps);
  if (!placed) return undefined;
  const { call, index } = placed;
  const sourceFile = call.getSourceFile();
  const client = call.expression.getText(sourceFile).replace(/\s+/g, '');
  const value = (key: string) => propertyValue(options, key);
  const method = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text.toLowerCase() : '';
  const args = call.arguments ?? [];
  let body: SignedRequest['body'];
  const asIs = value('body');
  const clientJson = value('data') ?? value('json');
  if (asIs) body = { expression: asIs, by: 'as-is' };
  else if (clientJson) body = { expression: clientJson, by: 'client-json' };
  // axios.post(url, data, config) and the clients shaped like it: the body by position, before the options.
  else if (/^(post|put|patch)$/.test(method) && index === 2 && args[1]) body = { expression: args[1], by: 'client-json' };
  const params = value('params') ?? value('searchParams') ?? value('qs');
  const url = value('url') ?? (index > 0 ? args[0] : undefined);
  return { send: call, client, body, params, query: url && queryPart(url, deps) };
}

/** The options object that holds a headers object: `{ headers: { … } }`, or `{ headers }` with `const headers = { … }`. */
function optionsHolding(headers: TS.ObjectLiteralExpression, deps: TraceDeps): TS.ObjectLiteralExpression | undefined {
  const ts = typescript();
  const parent = headers.parent;
  if (
    ts.isPropertyAssignment(parent) &&
    staticName(parent.name, headers.getSourceFile()) === 'headers' &&
    ts.isObjectLiteralExpression(parent.parent)
  )
    return parent.parent;
  const variable = boundTo(headers, deps);
  if (!variable) return undefined;
  for (const use of usesOf(variable, deps)) {
    const holder = use.parent;
    if (ts.isShorthandPropertyAssignment(holder) && ts.isObjectLiteralExpression(holder.parent)) return holder.parent;
    if (ts.isPropertyAssignment(holder) && holder.initializer === use && staticName(holder.name, use.getSourceFile()) === 'headers')
      return holder.parent as TS.ObjectLiteralExpression;
  }
  return undefined;
}

/** The call an options object is an argument of: directly, or through the variable it is bound to. */
function callTaking(
  options: TS.ObjectLiteralExpression,
  deps: TraceDeps,
): { call: TS.CallExpression | TS.NewExpression; index: number } | undefined {
  const ts = typescript();
  const argumentOf = (node: TS.Expression): { call: TS.CallExpression | TS.NewExpression; index: number } | undefined => {
    const parent: TS.Node = node.parent;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) {
      const args: readonly TS.Expression[] = parent.arguments ?? [];
      const index = args.indexOf(node);
      if (index >= 0) return { call: parent, index };
    }
    return undefined;
  };
  let node: TS.Expression = options;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))
    node = node.parent;
  const direct = argumentOf(node);
  if (direct) return direct;
  const variable = boundTo(options, deps);
  if (!variable) return undefined;
  for (const use of usesOf(variable, deps)) {
    const taken = argumentOf(use);
    if (taken) return taken;
  }
  return undefined;
}

/** The variable an object literal initializes (`const headers = { … }`). */
function boundTo(object: TS.ObjectLiteralExpression, deps: TraceDeps): Declaration | undefined {
  const ts = typescript();
  let node: TS.Node = object;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))
    node = node.parent;
  const parent = node.parent;
  if (!ts.isVariableDeclaration(parent) || !ts.isIdentifier(parent.name) || parent.initializer !== node) return undefined;
  return findDeclaration(parent.name.text, parent.name, deps);
}

function usesOf(declaration: Declaration, deps: TraceDeps): TS.Identifier[] {
  deps.touch(declaration.scope);
  return identifiersNamed(declaration.scope, declaration.name.text, declaration.name.getSourceFile()).filter((u) => u !== declaration.name);
}

/** The expression a URL's query is built from: what follows `?` in a template or a concatenation (through consts). */
function queryPart(url: TS.Expression, deps: TraceDeps, depth = 0): TS.Expression | undefined {
  const ts = typescript();
  const node = unwrap(url);
  if (depth > MAX_DEPTH) return undefined;
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, deps);
    return declaration?.kind === 'variable' && declaration.initializer ? queryPart(declaration.initializer, deps, depth + 1) : undefined;
  }
  if (ts.isTemplateExpression(node)) {
    const spans = node.templateSpans;
    for (let i = 0; i < spans.length; i++) {
      const before = i === 0 ? node.head.text : spans[i - 1].literal.text;
      if (before.endsWith('?') && spans[i].literal.text === '' && i === spans.length - 1) return spans[i].expression;
    }
    return undefined;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = unwrap(node.left);
    const endsWithMark =
      (ts.isStringLiteral(left) && left.text.endsWith('?')) ||
      (ts.isBinaryExpression(left) &&
        ts.isStringLiteral(unwrap(left.right)) &&
        (unwrap(left.right) as TS.StringLiteral).text.endsWith('?')) ||
      (ts.isTemplateExpression(left) && left.templateSpans[left.templateSpans.length - 1]?.literal.text.endsWith('?')) ||
      (ts.isNoSubstitutionTemplateLiteral(left) && left.text.endsWith('?'));
    return endsWithMark ? node.right : undefined;
  }
  return undefined;
}
