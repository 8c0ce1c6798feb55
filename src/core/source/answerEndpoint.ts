/**
 * Which endpoint answered: the one resolver behind every result-code feature (the coverage rules,
 * their fixes, the hovers and completion of codes and messages). It follows an answer back through
 * declarations to what produced it, and says an endpoint only when exactly one does:
 *
 * - a declared type (`EntryResponse`, `JkoPayRefundResponse`, a JSDoc `@type`), or a
 *   `// @jkopay entry-response` marker above the statement;
 * - a call of a JKOPay client: this package's client (`createClient` in this file, or in the
 *   relative module it is imported from), an instance of a class named or typed as a JKOPay client
 *   (`this.client` declared `JkoPayClient`), or a receiver named for the brand, whose method names
 *   the endpoint (`entry`, `refund`, `inquiry`, `createPayment`…);
 * - a call that sends to a JKOPay URL (`post('/platform/refund', body)`, `fetch(url, …)`, then
 *   `res.json()`); an axios-style answer's `data`;
 * - through variables and their assignments, `await`, `.then((res) => …)` callbacks, destructuring
 *   (`const { result } = await …`), and the return value of a function of the file (one level).
 *
 * Where nothing says one endpoint, it answers undefined and the rules say nothing; `isJkoPayAnswer`
 * still tells a JKOPay answer of an endpoint not known here (`callJkoPay(path, body)`, a
 * `JkoPayResponse`) from anyone else's `result`, so that hovers and completion offer JKOPay's codes
 * only where they mean something. Pure.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../../data/types';
import { type Declaration, findDeclaration } from './declarations';
import { identifiersNamed } from './identifierUses';
import type { ImportedBindings } from './importedBindings';
import { clientCall, isSending, urlBeside } from './sinks';
import { TraceDeps } from './traceDeps';
import { unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

const RESPONSE_MARKER = /@jkopay\s+(entry|refund|inquiry)-response\b/i;
const TYPE_WORD = /[A-Za-z_$][\w$]*/g;
const JKOPAY_TYPE = /jko/i;
/** What `collect` adds for a JKOPay answer whose endpoint is not known. */
const SOME_ENDPOINT = 'some endpoint';
type Found = Set<Endpoint | typeof SOME_ENDPOINT>;
/** How many steps back an answer is followed. */
const MAX_DEPTH = 6;

/** The context of one file's questions: its tree, and where imported modules may be read. */
export class AnswerResolver {
  private readonly deps = new TraceDeps();
  private readonly cache = new Map<TS.Node, Found>();

  constructor(
    private readonly sourceFile: TS.SourceFile,
    imports?: ImportedBindings,
  ) {
    if (imports) this.deps.imports = { bindings: imports, fromUri: sourceFile.fileName };
  }

  /** The endpoint whose answer `subject` (the X of `X.result`, or a destructured `result`) is, at `site`. */
  endpointAt(subject: TS.Expression, site: TS.Node): Endpoint | undefined {
    const endpoints = [...this.found(subject, site)].filter((e): e is Endpoint => e !== SOME_ENDPOINT);
    return endpoints.length === 1 ? endpoints[0] : undefined;
  }

  /** Whether `subject` is known to be an answer of JKOPay, whichever endpoint it is. */
  isJkoPayAnswer(subject: TS.Expression, site: TS.Node): boolean {
    return this.found(subject, site).size > 0;
  }

  private found(subject: TS.Expression, site: TS.Node): Found {
    let found = this.cache.get(site);
    if (!found) {
      const marked = markerAbove(statementOf(site), this.sourceFile);
      found = new Set(marked ? [marked] : []);
      if (!marked) this.collect(subject, found, new Set(), 0);
      this.cache.set(site, found);
    }
    return found;
  }

  /** Adds to `found` the endpoints the value of `expression` may be the answer of. */
  private collect(expression: TS.Expression, found: Found, seen: Set<TS.Node>, depth: number): void {
    const ts = typescript();
    if (depth > MAX_DEPTH || seen.has(expression)) return;
    seen.add(expression);
    let e: TS.Expression = expression;
    for (;;) {
      if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) {
        const typed = endpointOfType(e.type.getText(this.sourceFile));
        if (typed) return void found.add(typed);
        if (JKOPAY_TYPE.test(e.type.getText(this.sourceFile))) return void found.add(SOME_ENDPOINT);
        e = e.expression;
      } else if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
      else break;
    }
    if (ts.isConditionalExpression(e)) {
      this.collect(e.whenTrue, found, seen, depth + 1);
      this.collect(e.whenFalse, found, seen, depth + 1);
      return;
    }
    if (
      ts.isBinaryExpression(e) &&
      (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      this.collect(e.left, found, seen, depth + 1);
      this.collect(e.right, found, seen, depth + 1);
      return;
    }
    // An axios-style answer's `data`, a fetch answer's body (`res.data.result`, `(await res.json()).result`).
    if (ts.isPropertyAccessExpression(e) && (e.name.text === 'data' || e.name.text === 'body'))
      return this.collect(e.expression, found, seen, depth + 1);
    if (ts.isCallExpression(e)) return this.fromCall(e, found, seen, depth);
    if (ts.isIdentifier(e)) return this.fromName(e, found, seen, depth);
  }

  private fromCall(call: TS.CallExpression, found: Found, seen: Set<TS.Node>, depth: number): void {
    const ts = typescript();
    const callee = unwrap(call.expression);
    // `res.json()`, `res.text()`: the body of the answer `res` is.
    if (
      ts.isPropertyAccessExpression(callee) &&
      (callee.name.text === 'json' || callee.name.text === 'text') &&
      call.arguments.length === 0
    )
      return this.collect(callee.expression, found, seen, depth + 1);
    const client = clientCall(call, this.deps);
    if (client?.endpoint) return void found.add(client.endpoint);
    const url = isSending(call, this.deps) ? urlBeside(call, -1, this.deps) : undefined;
    if (url?.type === 'sent' && url.endpoint) return void found.add(url.endpoint);
    // JKOPay's answer, of an endpoint the function it calls may still say.
    if (client || url?.type === 'sent') found.add(SOME_ENDPOINT);
    // A function of the file: what it returns (one level).
    if (ts.isIdentifier(callee) && depth < MAX_DEPTH) {
      const declaration = findDeclaration(callee.text, callee, this.deps);
      const fn = declaration && functionOf(declaration);
      if (fn) for (const value of returnedValues(fn)) this.collect(value, found, seen, depth + 2);
    }
  }

  private fromName(name: TS.Identifier, found: Found, seen: Set<TS.Node>, depth: number): void {
    const ts = typescript();
    const declaration = findDeclaration(name.text, name, this.deps);
    if (!declaration || seen.has(declaration.node)) return;
    seen.add(declaration.node);
    const node = declaration.node;
    // A TypeScript annotation, or in JavaScript a JSDoc `@type {…}` / `@param {…}`.
    if (ts.isVariableDeclaration(node) || ts.isParameter(node)) {
      const typeText = (node.type ?? ts.getJSDocType(node))?.getText(this.sourceFile);
      const typed = typeText === undefined ? undefined : endpointOfType(typeText);
      const marked = markerAbove(statementOf(node), this.sourceFile) ?? markerAbove(node, this.sourceFile);
      if (typed || marked) return void found.add((typed || marked)!);
      if (typeText !== undefined && JKOPAY_TYPE.test(typeText)) return void found.add(SOME_ENDPOINT);
    }
    if (declaration.kind === 'parameter') return this.fromCallbackParameter(node as TS.ParameterDeclaration, found, seen, depth);
    // `const { result } = await jkopay.entry(…)`: the whole answer is the initializer of the pattern.
    const initializer = ts.isVariableDeclaration(node) ? node.initializer : undefined;
    if (initializer) this.collect(initializer, found, seen, depth + 1);
    if (declaration.kind === 'variable' && ts.isVariableDeclaration(node) && ts.isIdentifier(node.name))
      for (const value of this.assignmentsTo(declaration)) this.collect(value, found, seen, depth + 1);
  }

  /** `x.then((res) => …)`: the parameter is the answer `x` resolves to. */
  private fromCallbackParameter(parameter: TS.ParameterDeclaration, found: Found, seen: Set<TS.Node>, depth: number): void {
    const ts = typescript();
    const fn = parameter.parent;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== parameter) return;
    let node: TS.Node = fn;
    while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
    const call = node.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] !== node) return;
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'then') this.collect(callee.expression, found, seen, depth + 1);
  }

  /** The values assigned to a variable after its declaration, where it is visible (`res = await post(…)`). */
  private assignmentsTo(declaration: Declaration): TS.Expression[] {
    const ts = typescript();
    const values: TS.Expression[] = [];
    for (const id of identifiersNamed(declaration.scope, declaration.name.text, this.sourceFile)) {
      const parent = id.parent;
      if (ts.isBinaryExpression(parent) && parent.left === id && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
        values.push(parent.right);
    }
    return values;
  }
}

/** The function a declaration names: a function declaration, or a const bound to an arrow or function expression. */
function functionOf(declaration: Declaration): TS.FunctionLikeDeclaration | undefined {
  const ts = typescript();
  const node = declaration.node;
  if (ts.isFunctionDeclaration(node) && node.body) return node;
  const init = declaration.initializer && unwrap(declaration.initializer);
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
}

/** What a function returns: its `return` expressions (not those of functions inside it), or an arrow's expression body. */
function returnedValues(fn: TS.FunctionLikeDeclaration): TS.Expression[] {
  const ts = typescript();
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const values: TS.Expression[] = [];
  const visit = (node: TS.Node) => {
    if (ts.isReturnStatement(node)) {
      if (node.expression) values.push(node.expression);
    } else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return values;
}

/** The one endpoint the words of a type name say, e.g. `JkoPayEntryResponse | undefined`. */
export function endpointOfType(typeText: string): Endpoint | undefined {
  const found = new Set<Endpoint>();
  for (const [word] of typeText.matchAll(TYPE_WORD)) {
    const m = /(entry|refund|inquiry)Response$/i.exec(word);
    if (m) found.add(m[1].toLowerCase() as Endpoint);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The endpoint a `// @jkopay …-response` comment right above `node` names. */
function markerAbove(node: TS.Node, sourceFile: TS.SourceFile): Endpoint | undefined {
  const ts = typescript();
  for (const range of ts.getLeadingCommentRanges(sourceFile.text, node.pos) ?? []) {
    const m = RESPONSE_MARKER.exec(sourceFile.text.slice(range.pos, range.end));
    if (m) return m[1].toLowerCase() as Endpoint;
  }
  return undefined;
}

/** The statement holding `node` (its marker comment sits above it). */
export function statementOf(node: TS.Node): TS.Node {
  const ts = typescript();
  let n = node;
  while (
    n.parent &&
    !ts.isBlock(n.parent) &&
    !ts.isSourceFile(n.parent) &&
    !ts.isCaseClause(n.parent) &&
    !ts.isDefaultClause(n.parent) &&
    !ts.isModuleBlock(n.parent)
  )
    n = n.parent;
  return n;
}
