/**
 * Where a value reaches JKOPay, seen at one call that takes it: the sinks of the payload rule.
 *
 * - **Sent**: a call that sends (an HTTP verb or `request`/`fetch`/`send`/`call`/`api` in its
 *   name, an HTTP method among its arguments, options with `method` or `headers`, or a call earlier
 *   in its chain that sends: `superagent.post(url).send(body)`, `https.request(opts)` then
 *   `req.write(body)`) that also takes a URL naming a JKOPay endpoint or host, as an argument, a
 *   property of its options, or in an earlier call of its chain. Any HTTP client, and an SDK's own
 *   `request(method, path, body)`: the evidence is the URL beside the body, not the client's name.
 *   A send to another URL is evidence against (`elsewhere`). A logger, a cache or an audit trail
 *   given a URL does not send. A chain that starts at a mocking library (`nock`, a module named
 *   `…mock…`) states what a test expects, not a request.
 * - **Signed**: the message of an HMAC (`createHmac(…).update(x)`, Web Crypto's `subtle.sign('HMAC', …)`,
 *   a function named for an HMAC), or of this package's `computeDigest`. JKOPay's signature travels
 *   in a `DIGEST` header: in a file that sets another signature header (`x-signature`, `x-mac`, a
 *   webhook's) and no `DIGEST`, an HMAC is that other service's.
 * - **Handed to a JKOPay client**: this package's client (`createClient` from `jkopay-tools`); an
 *   instance of a class named as a JKOPay client (`new JkoPayClient()`, or a `this.x` declared with
 *   such a type); a receiver named only with a client's words (`jkopay`, `this.jko`, `jkoPayService`;
 *   not `jkoOrderRepository`) whose method names an operation (`refund`, `createPayment`; not
 *   `save`, `recordRefund`, `$patch`), unless the file binds it to something else (`useJkoStore()`,
 *   `mongoose.model(…)`); or a function named only with the brand and operation words
 *   (`createJkoPayment`; not `logJkoPayment`, `makeJkoPayment`). Names are read as words.
 * Pure.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../../data/types';
import { type Declaration, findDeclaration, requiredModule, topLevelDeclaration } from './declarations';
import { staticText, urlTarget, type UrlTarget } from './staticText';
import type { TraceDeps } from './traceDeps';
import { staticName, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

export interface SinkHit {
  /**
   * `request`: a call that sends, with no URL beside (what a request's options need to be sent; `weak`
   * when the call is named for JKOPay). `mock`: a test's expectation.
   */
  type: 'sent' | 'signed' | 'client' | 'elsewhere' | 'request' | 'mock';
  endpoint?: Endpoint;
  /**
   * Evidence that rests on a name or on a signature (a client named for the brand, an HMAC): the
   * app's own wrappers and other services' signatures look the same, so the literal must also have
   * a request's keys. A URL, or this package's client, needs nothing more.
   */
  weak?: boolean;
  /** A client known by its name may complete the body (its store, its currency): no field is reported missing. */
  open?: boolean;
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
 * passed there (a request's options), so only a send counts, not a signature or a client.
 */
export function sinkAt(call: TS.CallExpression | TS.NewExpression, index: number, wrapped: boolean, deps: TraceDeps): SinkHit | undefined {
  if (!wrapped) {
    const signed = signature(call, index, deps);
    if (signed) return signed;
  }
  const sending = isSending(call, deps);
  if (sending && isMock(call, deps)) return { type: 'mock', at: call, detail: calleeText(call) };
  if (sending) {
    const url = urlBeside(call, index, deps);
    if (url) return url;
  }
  if (!wrapped) {
    const client = clientCall(call, deps);
    if (client) return client;
  }
  if (!sending) return undefined;
  // A send named for JKOPay (`callJkopay(opts)`, `jkoFetch(url, opts)`) whose URL the file does not say.
  const name = calleeName(call.expression);
  return { type: 'request', at: call, detail: calleeText(call), weak: name !== undefined && hasBrand(words(name)) };
}

/** Words in a callee's name that say it sends a request (`post`, `fetchJson`, `callApi`, `jkosPost`, `sendRefund`)… */
const SEND_WORDS = new Set('get post put patch delete head request fetch send call invoke'.split(' '));
/** …and the only other words such a name may have: `getTracer` or `startSpan` sends nothing. */
const SEND_NEUTRAL_WORDS = new Set(
  'api http https rest remote json form raw data async sync safe retry with to do make jko jkos jkopay pay online onlinepay entry refund inquiry xhr ajax'.split(
    ' ',
  ),
);
const HTTP_METHOD = /^(get|post|put|patch|delete|head)$/i;

/** A call that sends: its name, an HTTP method or request options among its arguments, or a call earlier in its chain. */
export function isSending(call: TS.CallExpression | TS.NewExpression, deps: TraceDeps, depth = 0): boolean {
  const ts = typescript();
  const name = calleeName(call.expression);
  const ws = name === undefined ? [] : words(name);
  if (ws.some((w) => SEND_WORDS.has(w)) && ws.every((w) => SEND_WORDS.has(w) || SEND_NEUTRAL_WORDS.has(w))) return true;
  for (const argument of call.arguments ?? []) {
    const node = unwrap(argument);
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && HTTP_METHOD.test(node.text)) return true;
    if (ts.isObjectLiteralExpression(node) && isRequestOptions(node)) return true;
  }
  const previous = depth < MAX_CHAIN ? previousCall(call, deps) : undefined;
  return previous !== undefined && isSending(previous, deps, depth + 1);
}

/** Options of a request: they say its `method` or its `headers`. */
export function isRequestOptions(object: TS.ObjectLiteralExpression): boolean {
  const sourceFile = object.getSourceFile();
  return object.properties.some((p) => {
    const key = p.name && staticName(p.name, sourceFile);
    return key === 'method' || key === 'headers';
  });
}

/**
 * A URL among the call's other arguments, their options' properties, and the calls before it in its
 * chain (`client.request(opts)` where `client = axios.create({ baseURL })`).
 */
export function urlBeside(call: TS.CallExpression | TS.NewExpression, index: number, deps: TraceDeps): SinkHit | undefined {
  let elsewhere: SinkHit | undefined;
  let current: TS.CallExpression | TS.NewExpression | undefined = call;
  for (let step = 0; current && step < MAX_CHAIN; step++) {
    const args = current.arguments ?? [];
    for (let i = 0; i < args.length; i++) {
      if (current === call && i === index) continue;
      const found = urlIn(args[i], deps);
      if (found?.type === 'sent') return found;
      elsewhere ??= found;
    }
    current = previousCall(current, deps);
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

/** Whether the chain a call belongs to starts at a mocking library: `nock(…)`, `new MockAdapter(…)`, a module named `…mock…`. */
function isMock(call: TS.CallExpression | TS.NewExpression, deps: TraceDeps): boolean {
  const ts = typescript();
  let root: TS.CallExpression | TS.NewExpression = call;
  for (let step = 0; step < MAX_CHAIN; step++) {
    const previous = previousCall(root, deps);
    if (!previous) break;
    root = previous;
  }
  let callee = unwrap(root.expression);
  while (ts.isPropertyAccessExpression(callee)) callee = unwrap(callee.expression);
  if (!ts.isIdentifier(callee)) return false;
  // Libraries are imported at the top of the file: looked up there only.
  const declaration = topLevelDeclaration(callee.text, callee.getSourceFile(), deps);
  const module = declaration && (declaration.module ?? requiredModule(declaration));
  return module !== undefined && /(^|[/-])(nock|msw)$|mock/i.test(module);
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

/** A `DIGEST` header set in the file: `{ DIGEST: sig }`, `{ digest }`, `'digest': …`, `.set('DIGEST', …)`, `headers.digest = …`. */
export const DIGEST_HEADER = /(['"`])digest\1\s*[:,)\]]|[{,]\s*digest\s*[:,}]|\.digest\s*=(?!=)/i;
/** Another signature header: `x-signature`, `x-hub-signature-256`, `x-mac`, `stripe-signature`… */
export const OTHER_SIGNATURE_HEADER = /(['"`])(?:x-[\w-]*(?:sign|mac)[\w-]*|[\w-]*-signature[\w-]*)\1/i;
/** Per file: whether its HMACs may be JKOPay's (it sets a DIGEST header, or no other signature header). */
const signsForJkopay = new WeakMap<TS.SourceFile, boolean>();

/**
 * The message of an HMAC (unless the file signs for another service), or of `computeDigest`: what
 * argument `index` of `call` is, when it is the signed message. Also read by the signed-bytes rule.
 */
export function signature(call: TS.CallExpression | TS.NewExpression, index: number, deps: TraceDeps): SinkHit | undefined {
  const ts = typescript();
  const callee = call.expression;
  const name = calleeName(callee);
  let detail: string | undefined;
  if (name === 'computeDigest' && index === 1) return { type: 'signed', at: call, detail: 'computeDigest' };
  if (ts.isPropertyAccessExpression(callee) && name === 'update' && index === 0 && madeByHmac(callee.expression, deps))
    detail = 'createHmac(…).update';
  // Web Crypto: crypto.subtle.sign('HMAC', key, data).
  else if (name === 'sign' && index === 2 && ts.isPropertyAccessExpression(callee) && /subtle$/.test(callee.expression.getText()))
    detail = call.arguments?.[0] && /HMAC/i.test(call.arguments[0].getText()) ? 'crypto.subtle.sign' : undefined;
  // A function named for it: CryptoJS.HmacSHA256(message, key), hmacSha256Hex(message, key).
  else if (name !== undefined && index === 0 && name !== 'createHmac' && words(name).includes('hmac')) detail = name;
  if (!detail) return undefined;
  const sourceFile = call.getSourceFile();
  let ours = signsForJkopay.get(sourceFile);
  if (ours === undefined) {
    const text = sourceFile.text;
    signsForJkopay.set(sourceFile, (ours = DIGEST_HEADER.test(text) || !OTHER_SIGNATURE_HEADER.test(text)));
  }
  return ours ? { type: 'signed', at: call, detail, weak: true } : undefined;
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

function calleeText(call: TS.CallExpression | TS.NewExpression): string {
  const text = call.expression.getText().replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Words of a JKOPay client's name; a receiver named only with these (and the brand) is one. */
const CLIENT_WORDS = new Set(
  (
    'jko jkopay jkos pay online onlinepay client api sdk service svc gateway payment payments provider adapter connector ' +
    'integration http module native bridge plugin lib library wrapper kit proxy the my default'
  ).split(' '),
);
/** Words of an operation on JKOPay: a client's method named only with these sends a request. */
const OPERATION_WORDS = new Set(
  (
    'create send request post call submit start init initiate place do get query inquire inquiry entry refund pay payment ' +
    'charge checkout status order'
  ).split(' '),
);
/** A function of its own named with the brand and these says it sends a request (`createJkoPayment`, `requestJkoRefund`). */
const FUNCTION_WORDS = new Set(
  [...OPERATION_WORDS, 'jko', 'jkopay', 'jkos', 'to', 'with', 'via', 'online', 'onlinepay'].filter((w) => w !== 'order'),
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
const isClientName = (name: string) => {
  const ws = words(name);
  return hasBrand(ws) && ws.every((w) => CLIENT_WORDS.has(w));
};

/** The endpoint a method's words name: `refund`; `inquiry`/`query`/`status`; `entry`/`pay`/`checkout`. */
function endpointOfWords(named: string[]): Endpoint | undefined {
  // The `pay` of the brand (`callJkoPay`, `JKOPayClient`) names no operation.
  const ws = named.filter((w, i) => !(w === 'pay' && named[i - 1] === 'jko'));
  if (ws.includes('refund')) return 'refund';
  if (ws.some((w) => w === 'inquiry' || w === 'inquire' || w === 'query' || w === 'status')) return 'inquiry';
  if (ws.some((w) => w === 'entry' || w === 'pay' || w === 'payment' || w === 'checkout' || w === 'charge')) return 'entry';
  return undefined;
}

/** What a receiver is, by how the file binds it: this package's client, a client class's instance, something else, or not known. */
type Binding = 'library' | 'named' | 'other' | undefined;

/** A call of a JKOPay client's method, of a function named for a JKOPay request, or of this package's client. */
export function clientCall(call: TS.CallExpression | TS.NewExpression, deps: TraceDeps): SinkHit | undefined {
  const ts = typescript();
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const methodWords = words(method);
    const receiver = unwrap(callee.expression);
    const receiverName = ts.isIdentifier(receiver)
      ? receiver.text
      : ts.isPropertyAccessExpression(receiver)
        ? receiver.name.text
        : undefined;
    if (receiverName === undefined) return undefined;
    const binding = receiverBinding(receiver, deps);
    const detail = `${receiverName}.${method}`;
    if (binding === 'library') return { type: 'client', endpoint: libraryMethod(method) ?? endpointOfWords(methodWords), at: call, detail };
    if (binding === 'other') return undefined;
    const isOperation = methodWords.every((w) => OPERATION_WORDS.has(w));
    if ((binding === 'named' || isClientName(receiverName)) && isOperation)
      return { type: 'client', endpoint: endpointOfWords(methodWords), at: call, detail, weak: true, open: true };
    return undefined;
  }
  if (ts.isIdentifier(callee)) {
    const declaration = findDeclaration(callee.text, callee, deps);
    // `const { refund } = createClient(…)`: a method of this package's client.
    const holder = declaration?.node;
    if (
      holder &&
      ts.isVariableDeclaration(holder) &&
      !ts.isIdentifier(holder.name) &&
      holder.initializer &&
      madeBy(holder.initializer, deps) === 'library'
    )
      return { type: 'client', endpoint: libraryMethod(callee.text), at: call, detail: callee.text };
    const ws = words(callee.text);
    if (!hasBrand(ws) || !ws.every((w) => FUNCTION_WORDS.has(w))) return undefined;
    // A name bound to what a call returned (a hook's mutation, a factory's product) is that thing, whatever its name.
    if (declaration?.kind === 'variable' && !isFunctionValue(declaration)) return undefined;
    return { type: 'client', endpoint: endpointOfWords(ws), at: call, detail: callee.text, weak: true, open: true };
  }
  return undefined;
}

function isFunctionValue(declaration: Declaration): boolean {
  const ts = typescript();
  const init = declaration.initializer && unwrap(declaration.initializer);
  return init !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
}

function libraryMethod(method: string): Endpoint | undefined {
  return method === 'entry' || method === 'refund' || method === 'inquiry' ? method : undefined;
}

/**
 * How the file binds a receiver: a variable made by this package's `createClient` (`library`), by
 * `new` of a class named as a JKOPay client (`named`), or by any other call (`other`: a store, a
 * model, a hook's result, whatever its name); a `this.x` field declared with a client type (`named`)
 * or made by such a call; undefined when the file does not say (a parameter, an import).
 */
function receiverBinding(receiver: TS.Expression, deps: TraceDeps): Binding {
  const ts = typescript();
  if (ts.isIdentifier(receiver)) {
    const declaration = findDeclaration(receiver.text, receiver, deps);
    if (declaration?.kind === 'parameter') return typedBinding((declaration.node as TS.ParameterDeclaration).type);
    // A client made in another module of the workspace (`import { jkopay } from './jkopay'`), where the trail may read it.
    if (declaration?.kind === 'import' && deps.imports) {
      const made = deps.imports.bindings.initializerOf(declaration, deps.imports.fromUri);
      return made ? madeBy(made, deps) : undefined;
    }
    return declaration?.kind === 'variable' && declaration.initializer ? madeBy(declaration.initializer, deps) : undefined;
  }
  if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const member = classField(receiver, receiver.name.text);
    if (!member) return undefined;
    deps.touch(member);
    if (ts.isPropertyDeclaration(member) && member.initializer) return madeBy(member.initializer, deps);
    return typedBinding(member.type);
  }
  return undefined;
}

function typedBinding(type: TS.TypeNode | undefined): Binding {
  const ts = typescript();
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName.getText();
  return isClientName(name) ? 'named' : undefined;
}

/** What an initializer makes: this package's client, an instance of a client class, or something else. */
function madeBy(initializer: TS.Expression, deps: TraceDeps): Binding {
  const ts = typescript();
  let init = unwrap(initializer);
  if (ts.isAwaitExpression(init)) init = unwrap(init.expression);
  if (ts.isNewExpression(init)) {
    const name = calleeName(init.expression);
    return name && isClientName(name) ? 'named' : 'other';
  }
  if (!ts.isCallExpression(init)) return undefined;
  const factory = unwrap(init.expression);
  const factoryName = calleeName(factory);
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
  if (library) return 'library';
  // A factory that makes a client (`registerPlugin('JkoPay')`, `createJkoPayClient()`): the receiver's name says the rest.
  // Any other call (`useJkoPayStore()`, `mongoose.model(…)`) made something that is no client, whatever its name.
  const made = factoryName === undefined ? [] : words(factoryName).filter((w) => !FACTORY_VERBS.has(w));
  return made.length > 0 && made.every((w) => CLIENT_WORDS.has(w)) ? undefined : 'other';
}

/** Verbs of a factory's name: what it makes is in the other words (`register` + `Plugin`). */
const FACTORY_VERBS = new Set(['create', 'register', 'get', 'make', 'new', 'init', 'build', 'connect', 'load']);

/** The field `name` of the class that holds `node`: a property, or a constructor's parameter property. */
function classField(node: TS.Node, name: string): TS.PropertyDeclaration | TS.ParameterDeclaration | undefined {
  const ts = typescript();
  let cls: TS.Node | undefined = node.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const member of (cls as TS.ClassLikeDeclaration).members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === name) return member;
    if (ts.isConstructorDeclaration(member))
      for (const parameter of member.parameters)
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name && parameter.modifiers?.length) return parameter;
  }
  return undefined;
}
