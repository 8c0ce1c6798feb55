/**
 * The text an expression stands for when the file says it (a string, a template, a concatenation,
 * a const of the file, a property of a const object, `new URL(path, base)`), with a hole for each
 * part only known at run time; and what such a text says as a URL: a JKOPay endpoint or host, or
 * somewhere else. This is how the payload rule tells `fetch(`${BASE}/platform/entry`, …)` from
 * `fetch('/api/checkout', …)`. Pure.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../../data/types';
import { findDeclaration } from './declarations';
import { type TraceDeps, traceWork } from './traceDeps';
import { staticName, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

/** Stands for a part of a text only known when the program runs. */
export const HOLE = '\u0000';

/** How many consts are followed to find a text: a loop of consts ends here. */
const MAX_DEPTH = 8;

export function staticText(expression: TS.Expression, deps: TraceDeps, depth = 0): string | undefined {
  traceWork.count++;
  if (depth > MAX_DEPTH) return undefined;
  const ts = typescript();
  const node = unwrap(expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) text += (staticText(span.expression, deps, depth + 1) ?? HOLE) + span.literal.text;
    return text;
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken) {
      const left = staticText(node.left, deps, depth + 1);
      const right = staticText(node.right, deps, depth + 1);
      return left === undefined && right === undefined ? undefined : (left ?? HOLE) + (right ?? HOLE);
    }
    // `process.env.JKO_URL ?? 'https://uat-onlinepay.jkopay.app'`: the text the file names.
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken)
      return staticText(node.left, deps, depth + 1) ?? staticText(node.right, deps, depth + 1);
    return undefined;
  }
  if (ts.isConditionalExpression(node)) {
    // `kind === 'refund' ? '/platform/refund' : '/platform/entry'`: what both branches share, then a hole.
    const yes = staticText(node.whenTrue, deps, depth + 1);
    const no = staticText(node.whenFalse, deps, depth + 1);
    if (yes === undefined || no === undefined || yes === no) return yes ?? no;
    // Two JKOPay URLs to the same endpoint (production or sandbox) say the same: either will do.
    const a = urlTarget(yes);
    const b = urlTarget(no);
    if (a?.jkopay && b?.jkopay && a.endpoint === b.endpoint) return yes;
    let common = 0;
    while (common < yes.length && yes[common] === no[common]) common++;
    return yes.slice(0, common) + HOLE;
  }
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, deps);
    return declaration?.kind === 'variable' && declaration.initializer && isConstLike(declaration.node)
      ? staticText(declaration.initializer, deps, depth + 1)
      : undefined;
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    // `url.href`, `url.toString()` of a URL the file builds.
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'href') return staticText(node.expression, deps, depth + 1);
    const key = ts.isPropertyAccessExpression(node) ? node.name.text : literalKey(node.argumentExpression);
    const member = key === undefined ? undefined : enumMember(node.expression, key, deps);
    if (member) return staticText(member, deps, depth + 1);
    const object = constObject(node.expression, deps, depth);
    if (!object || key === undefined) return undefined;
    const value = propertyValue(object, key);
    return value && staticText(value, deps, depth + 1);
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'toString')
    return staticText(node.expression.expression, deps, depth + 1);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.length) {
    const path = staticText(node.arguments[0], deps, depth + 1);
    const base = node.arguments[1] && staticText(node.arguments[1], deps, depth + 1);
    if (path === undefined && base === undefined) return undefined;
    return (node.arguments[1] ? (base ?? HOLE) : '') + (path ?? HOLE);
  }
  return undefined;
}

/** The initializer of a member of an enum of the file (`JkoEndpoint.Entry` with `enum JkoEndpoint { Entry = '/platform/entry' }`). */
function enumMember(expression: TS.Expression, key: string, deps: TraceDeps): TS.Expression | undefined {
  const ts = typescript();
  const node = unwrap(expression);
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = findDeclaration(node.text, node, deps);
  if (declaration?.kind !== 'enum' || !ts.isEnumDeclaration(declaration.node)) return undefined;
  for (const member of declaration.node.members) if (ts.isIdentifier(member.name) && member.name.text === key) return member.initializer;
  return undefined;
}

/** A `const`, or a `let`/`var` whose initializer is all the file says of it. */
function isConstLike(node: TS.Node): boolean {
  return typescript().isVariableDeclaration(node);
}

function literalKey(expression: TS.Expression): string | undefined {
  const ts = typescript();
  const node = unwrap(expression);
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** The object literal a name (or `Object.freeze` of one) is bound to, as a const of the file. */
export function constObject(expression: TS.Expression, deps: TraceDeps, depth = 0): TS.ObjectLiteralExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const ts = typescript();
  let node = unwrap(expression);
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, deps);
    if (declaration?.kind !== 'variable' || !declaration.initializer) return undefined;
    node = unwrap(declaration.initializer);
  } else if (ts.isPropertyAccessExpression(node)) {
    const outer = constObject(node.expression, deps, depth + 1);
    const value = outer && propertyValue(outer, node.name.text);
    if (!value) return undefined;
    node = unwrap(value);
  }
  if (isObjectFreeze(node)) node = unwrap((node as TS.CallExpression).arguments[0]);
  return ts.isObjectLiteralExpression(node) ? node : undefined;
}

/** `Object.freeze(x)`. */
export function isObjectFreeze(node: TS.Node): boolean {
  const ts = typescript();
  return (
    ts.isCallExpression(node) &&
    node.arguments.length === 1 &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'Object' &&
    node.expression.name.text === 'freeze'
  );
}

/** The value a literal object gives `key` (its last assignment, or a shorthand's name), when the key is written statically. */
export function propertyValue(object: TS.ObjectLiteralExpression, key: string): TS.Expression | undefined {
  const ts = typescript();
  const sourceFile = object.getSourceFile();
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const element = object.properties[i];
    if (ts.isPropertyAssignment(element) && staticName(element.name, sourceFile) === key) return element.initializer;
    if (ts.isShorthandPropertyAssignment(element) && element.name.text === key) return element.name;
  }
  return undefined;
}

/** What a text says as a URL. */
export interface UrlTarget {
  /** JKOPay's API (an endpoint path or a JKOPay host), or somewhere else. */
  jkopay: boolean;
  /** The endpoint its path names, when it names one. */
  endpoint?: Endpoint;
  /** How to show it: the endpoint's path, else the text with `…` for the holes. */
  display: string;
}

/** JKOPay's paths, at the start of what follows the host: `/platform/entry`, also `platform/entry` after a base. */
const ENDPOINT_PATH = /^\/?platform\/(entry|refund|inquiry)(?![\w-])/i;
const ANY_ENDPOINT_PATH = new RegExp(`^/?platform/${HOLE}`);
const JKOPAY_HOST = /^(?:[\w-]+\.)*jkopay\.(?:com|app)(?![\w-])/i;
const JKOPAY_WHOLE_HOST = /^(?:[\w-]+\.)*jkopay\.(?:com|app)(?::\d+)?$/i;
const LOOPBACK = /^(?:localhost|127(?:\.\d+){3}|\[::1\])(?::\d+)?$/i;
/** A scheme and host (`https://onlinepay.jkopay.com`), a protocol-relative host, or a base only known at run time. */
const ORIGIN = new RegExp(`^(?:[a-z][\\w+.-]*:\\/\\/([^/?#\\s]*)|\\/\\/([^/?#\\s]*)|${HOLE}+)`, 'i');

/**
 * What a text says as a URL: one with a scheme, a protocol-relative one, a path (`/x`), a base
 * only known at run time followed by a path, or JKOPay's own `platform/…`. It is JKOPay's when its
 * host is, or when its path (right after a base, a loopback host or no host) is
 * `/platform/entry|refund|inquiry`: `/api/admin/platform/refund` is the app's own route. A text with blank space in it is a sentence
 * that mentions a URL (a log line), not one.
 */
export function urlTarget(text: string): UrlTarget | undefined {
  if (/\s/.test(text)) return undefined;
  const origin = ORIGIN.exec(text);
  const written = origin ? (origin[1] ?? origin[2]) : undefined;
  let host = written;
  let path = origin ? text.slice(origin[0].length) : text;
  const hole = written?.indexOf(HOLE) ?? -1;
  if (written !== undefined && hole >= 0) {
    // `https://onlinepay.jkopay.com${path}`: a whole host, then a path only known at run time.
    // `https://${env}.example.com`: a host with a part only known at run time is as good as none.
    const known = written.slice(0, hole);
    host = JKOPAY_WHOLE_HOST.test(known) ? known : undefined;
    path = written.slice(hole) + path;
  }
  if (origin === null && !/^\/[\w.~-]|^platform\//i.test(text)) return undefined;
  // A bare hole is a URL only known at run time: it says nothing.
  if (origin && path === '' && host === undefined) return undefined;
  const endpoint = ENDPOINT_PATH.exec(path);
  // A JKOPay host, or this machine's (a mock of JKOPay in tests, such as `jkopay mock`).
  const jkopayHost = host !== undefined && (JKOPAY_HOST.test(host) || (endpoint !== null && LOOPBACK.test(host)));
  if (endpoint && (host === undefined || jkopayHost)) {
    const name = endpoint[1].toLowerCase() as Endpoint;
    return { jkopay: true, endpoint: name, display: `/platform/${name}` };
  }
  if (jkopayHost || (host === undefined && ANY_ENDPOINT_PATH.test(path))) return { jkopay: true, display: shown(text) };
  // A base only known at run time with no path after it says nothing either (`${base}?${query}`).
  if (origin && host === undefined && !path.startsWith('/')) return undefined;
  return { jkopay: false, display: shown(text) };
}

function shown(text: string): string {
  const display = text.replace(new RegExp(`${HOLE}+`, 'g'), '…');
  return display.length > 80 ? `${display.slice(0, 79)}…` : display;
}
