/**
 * Where a value reaches JKOPay, seen at one call that takes it: the sinks of the payload rule.
 *
 * - **Sent**: the call (or a call earlier in its chain: `superagent.post(url).send(body)`, or the
 *   call that made its receiver: `const req = https.request({ path }); req.write(body)`) also takes
 *   a URL that names a JKOPay endpoint or host, as an argument or as a property of an options
 *   object. Any HTTP client, and an SDK's own `request(method, path, body)`: the evidence is the
 *   URL beside the body, not the client's name. A URL that is not JKOPay's makes the call a send
 *   somewhere else, which is evidence against.
 * - **Signed**: the message of an HMAC (`createHmac(…).update(x)`, Web Crypto's `subtle.sign('HMAC', …)`)
 *   or of this package's `computeDigest`.
 * - **Handed to a JKOPay client**: a method of a receiver named as a client of the brand
 *   (`jkopay.entry(…)`, `this.jko.refund(…)`, `jkoPayService.createPayment(…)`, an instance of a
 *   class so named), a function named for what it does to JKOPay (`createJkoPayment(…)`), or this
 *   package's client (`createClient` from `jkopay-tools`). A name is read as words: a receiver
 *   whose words are all a client's (`jkoPayClient`, `jkopayApi`) is a client, one with other words
 *   (`jkoOrderRepository`, `jkoCache`) is not; a function's other words must say a request
 *   (`create`, `send`, `refund`…), so `logJkoPayment` and `saveJkoOrder` are not.
 * Pure.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../../data/types';
import { findDeclaration, requiredModule } from './declarations';
import { staticText, urlTarget, type UrlTarget } from './staticText';
import type { TraceDeps } from './traceDeps';
import { staticName, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

export interface SinkHit {
  type: 'sent' | 'signed' | 'client' | 'elsewhere';
  endpoint?: Endpoint;
  /**
   * Evidence that rests on a name or on a signature (a client named for the brand, an HMAC): the
   * app's own wrappers and other services' signatures look the same, so the literal must also have
   * a request's keys. A URL, or this package's client, needs nothing more.
   */
  weak?: boolean;
  /** The node that is the evidence: the URL, the HMAC call, the client call. */
  at: TS.Node;
  /** What it says: the path or URL, `createHmac(…).update`, `jkopay.refund`. */
  detail: string;
}

/** This package's name, whose imports are its own library. */
export const LIBRARY = 'jkopay-tools';

/** How many calls back a chain or a receiver is searched for the URL. */
const MAX_CHAIN = 8;

/**
 * The sink a call is for its argument number `index`. `wrapped`: the value is inside an object
 * passed there (a request's options), so only a send or a client counts, not a signature.
 */
export function sinkAt(call: TS.CallExpression | TS.NewExpression, index: number, wrapped: boolean, deps: TraceDeps): SinkHit | undefined {
  if (!wrapped) {
    const signed = signature(call, index, deps);
    if (signed) return signed;
  }
  return urlBeside(call, index, wrapped, deps) ?? clientCall(call, deps);
}

/**
 * A URL among the call's other arguments, their options' properties, and the calls before it in its
 * chain. Options (`wrapped`) go with the URL of their own call: a value handed on later in a chain
 * that began with a URL is the answer of a stub (`nock(host).post(path).reply(200, { … })`).
 */
function urlBeside(call: TS.CallExpression | TS.NewExpression, index: number, wrapped: boolean, deps: TraceDeps): SinkHit | undefined {
  let elsewhere: SinkHit | undefined;
  const consider = (hit: SinkHit | undefined) => {
    if (hit && hit.type === 'sent') return hit;
    elsewhere ??= hit;
    return undefined;
  };
  let current: TS.CallExpression | TS.NewExpression | undefined = call;
  for (let step = 0; current && step < MAX_CHAIN; step++) {
    const args = current.arguments ?? [];
    for (let i = 0; i < args.length; i++) {
      if (current === call && i === index) continue;
      const found = consider(urlIn(args[i], deps));
      if (found) return found;
    }
    current = wrapped ? undefined : previousCall(current, deps);
  }
  return elsewhere;
}

/** The call before this one: its receiver's call (`a.post(url).send(…)`), or the call a receiver variable holds. */
function previousCall(call: TS.CallExpression | TS.NewExpression, deps: TraceDeps): TS.CallExpression | TS.NewExpression | undefined {
  const ts = typescript();
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  let receiver = unwrap(callee.expression);
  if (ts.isIdentifier(receiver)) {
    const declaration = findDeclaration(receiver.text, receiver, deps);
    if (declaration?.kind !== 'variable' || !declaration.initializer) return undefined;
    receiver = unwrap(declaration.initializer);
    if (ts.isAwaitExpression(receiver)) receiver = unwrap(receiver.expression);
  }
  return ts.isCallExpression(receiver) || ts.isNewExpression(receiver) ? receiver : undefined;
}

/** What an argument says as a URL: its own text, or a property of an options object. */
function urlIn(argument: TS.Expression, deps: TraceDeps): SinkHit | undefined {
  const ts = typescript();
  const node = unwrap(argument);
  if (ts.isObjectLiteralExpression(node)) return urlProperty(node, undefined, deps);
  const text = staticText(node, deps);
  const target = text === undefined ? undefined : urlTarget(text);
  return target && hit(target, node);
}

/** A property of an options object whose value is a URL (`url`, `baseURL`, `path`, `hostname`…), other than `except`. */
export function urlProperty(object: TS.ObjectLiteralExpression, except: TS.Node | undefined, deps: TraceDeps): SinkHit | undefined {
  const ts = typescript();
  let elsewhere: SinkHit | undefined;
  let host: SinkHit | undefined;
  for (const element of object.properties) {
    if (element === except || (!ts.isPropertyAssignment(element) && !ts.isShorthandPropertyAssignment(element))) continue;
    const value = ts.isPropertyAssignment(element) ? element.initializer : element.name;
    const text = staticText(value, deps);
    // A host alone (`hostname: 'onlinepay.jkopay.com'`) is a URL only as a host property.
    const target = text === undefined ? undefined : (urlTarget(text) ?? hostTarget(element, text, object.getSourceFile()));
    if (!target) continue;
    const found = hit(target, value);
    if (target.jkopay && target.endpoint) return found;
    if (target.jkopay) host ??= found;
    else elsewhere ??= found;
  }
  return host ?? elsewhere;
}

function hostTarget(element: TS.ObjectLiteralElementLike, text: string, sourceFile: TS.SourceFile): UrlTarget | undefined {
  const key = element.name && staticName(element.name, sourceFile);
  if (key !== 'host' && key !== 'hostname') return undefined;
  return urlTarget(`//${text}`);
}

function hit(target: UrlTarget, at: TS.Node): SinkHit {
  return { type: target.jkopay ? 'sent' : 'elsewhere', endpoint: target.endpoint, at, detail: target.display };
}

/** The message of an HMAC or of `computeDigest`. */
function signature(call: TS.CallExpression | TS.NewExpression, index: number, deps: TraceDeps): SinkHit | undefined {
  const ts = typescript();
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'update' && index === 0 && madeByHmac(callee.expression, deps))
    return { type: 'signed', at: call, detail: 'createHmac(…).update', weak: true };
  const name = calleeName(callee);
  if (name === 'computeDigest' && index === 1) return { type: 'signed', at: call, detail: 'computeDigest', weak: true };
  // Web Crypto: crypto.subtle.sign('HMAC', key, data).
  if (name === 'sign' && index === 2 && ts.isPropertyAccessExpression(callee) && /subtle$/.test(callee.expression.getText())) {
    const algorithm = call.arguments?.[0] && staticText(call.arguments[0], deps);
    if (algorithm === 'HMAC' || (call.arguments?.[0] && /HMAC/.test(call.arguments[0].getText())))
      return { type: 'signed', at: call, detail: 'crypto.subtle.sign', weak: true };
  }
  return undefined;
}

/** True when an expression is `createHmac(…)`, a chain on it, or a variable that holds one. */
function madeByHmac(expression: TS.Expression, deps: TraceDeps, depth = 0): boolean {
  const ts = typescript();
  if (depth > MAX_CHAIN) return false;
  const node = unwrap(expression);
  if (ts.isCallExpression(node)) {
    if (calleeName(node.expression) === 'createHmac') return true;
    return ts.isPropertyAccessExpression(node.expression) && madeByHmac(node.expression.expression, deps, depth + 1);
  }
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, deps);
    return (
      declaration?.kind === 'variable' && declaration.initializer !== undefined && madeByHmac(declaration.initializer, deps, depth + 1)
    );
  }
  return false;
}

function calleeName(callee: TS.Expression): string | undefined {
  const ts = typescript();
  const node = unwrap(callee);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/** Words of a JKOPay client's name; a receiver named only with these (and the brand) is one. */
const CLIENT_WORDS = new Set(
  (
    'jko jkopay jkos pay online onlinepay client api sdk service svc gateway payment payments provider adapter connector ' +
    'integration http module native bridge plugin lib library wrapper kit proxy the my default'
  ).split(' '),
);
/** Words that say a call makes a request; a branded function named only with these (and the brand) sends one. */
const REQUEST_WORDS = new Set(
  (
    'jko jkopay jkos pay payment create send request post call submit make do start init initiate place to with via ' +
    'refund entry inquiry inquire query charge checkout order'
  ).split(' '),
);

/** The words of a name: `jkoPayClient` → jko, pay, client; `JKOPay_SDK` → jko, pay, sdk. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const hasBrand = (ws: string[]) => ws.some((w) => w.startsWith('jko'));

/** The endpoint a method's words name: `refund`; `inquiry`/`query`/`status`; `entry`/`pay`/`checkout`. */
function endpointOfWords(ws: string[]): Endpoint | undefined {
  if (ws.includes('refund')) return 'refund';
  if (ws.some((w) => w === 'inquiry' || w === 'inquire' || w === 'query' || w === 'status')) return 'inquiry';
  if (ws.some((w) => w === 'entry' || w === 'pay' || w === 'payment' || w === 'checkout' || w === 'charge')) return 'entry';
  return undefined;
}

/** A call of a JKOPay client's method, of a function named for a JKOPay request, or of this package's client. */
function clientCall(call: TS.CallExpression | TS.NewExpression, deps: TraceDeps): SinkHit | undefined {
  const ts = typescript();
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = unwrap(callee.expression);
    const receiverName = ts.isIdentifier(receiver)
      ? receiver.text
      : ts.isPropertyAccessExpression(receiver)
        ? receiver.name.text
        : undefined;
    const methodWords = words(method);
    if (receiverName !== undefined) {
      const receiverWords = words(receiverName);
      if (hasBrand(receiverWords) && receiverWords.every((w) => CLIENT_WORDS.has(w)))
        return { type: 'client', endpoint: endpointOfWords(methodWords), at: call, detail: `${receiverName}.${method}`, weak: true };
      const instance = ts.isIdentifier(receiver) ? clientInstance(receiver, deps) : undefined;
      if (instance)
        return {
          type: 'client',
          weak: instance === 'named',
          endpoint: endpointOfWords(methodWords) ?? libraryMethod(method),
          at: call,
          detail: `${receiverName}.${method}`,
        };
    }
    if (hasBrand(methodWords) && methodWords.every((w) => REQUEST_WORDS.has(w)))
      return { type: 'client', endpoint: endpointOfWords(methodWords), at: call, detail: method, weak: true };
    return undefined;
  }
  if (ts.isIdentifier(callee)) {
    const ws = words(callee.text);
    if (hasBrand(ws) && ws.every((w) => REQUEST_WORDS.has(w)))
      return { type: 'client', endpoint: endpointOfWords(ws), at: call, detail: callee.text };
  }
  return undefined;
}

function libraryMethod(method: string): Endpoint | undefined {
  return method === 'entry' || method === 'refund' || method === 'inquiry' ? method : undefined;
}

/**
 * What a receiver variable holds: this package's client (`createClient(…)` imported or required
 * from `jkopay-tools`: `library`), or an instance of a class named as a JKOPay client
 * (`new JkoPayClient(…)`: `named`).
 */
function clientInstance(receiver: TS.Identifier, deps: TraceDeps): 'library' | 'named' | undefined {
  const ts = typescript();
  const declaration = findDeclaration(receiver.text, receiver, deps);
  if (declaration?.kind !== 'variable' || !declaration.initializer) return undefined;
  let init = unwrap(declaration.initializer);
  if (ts.isAwaitExpression(init)) init = unwrap(init.expression);
  if (ts.isNewExpression(init)) {
    const name = calleeName(init.expression);
    const ws = name ? words(name) : [];
    return hasBrand(ws) && ws.every((w) => CLIENT_WORDS.has(w)) ? 'named' : undefined;
  }
  if (!ts.isCallExpression(init)) return undefined;
  const factory = unwrap(init.expression);
  let library = false;
  if (ts.isIdentifier(factory)) {
    const imported = findDeclaration(factory.text, factory, deps);
    if (imported?.kind === 'import') library = imported.module === LIBRARY && imported.importedName === 'createClient';
    else library = imported?.kind === 'variable' && requiredModule(imported) === LIBRARY;
  } else if (ts.isPropertyAccessExpression(factory) && factory.name.text === 'createClient' && ts.isIdentifier(factory.expression)) {
    // `jk.createClient(…)` under a namespace import or a require of the package.
    const namespace = findDeclaration(factory.expression.text, factory.expression, deps);
    library = namespace?.module === LIBRARY || (namespace?.kind === 'variable' && requiredModule(namespace) === LIBRARY);
  }
  return library ? 'library' : undefined;
}

/** The property name under which a value sits in an object literal (for messages). */
export function keyOf(element: TS.ObjectLiteralElementLike, sourceFile: TS.SourceFile): string | undefined {
  return element.name ? staticName(element.name, sourceFile) : undefined;
}
