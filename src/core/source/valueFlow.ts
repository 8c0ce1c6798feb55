/**
 * Follows an object literal's value through the file to where it ends: a small taint analysis in
 * the vocabulary of Semgrep's and CodeQL's. The value propagates through bindings (`const body =
 * …`, `x = …`), wrappers (parentheses, `as`, `satisfies`, `!`, `await`, `a ?? b`, `c ? a : b`),
 * serializations (`JSON.stringify`, `new URLSearchParams`, `qs.stringify`, `.toString()`),
 * `Object.freeze`/`Object.assign`, spreads into a new literal, a template or concatenation that
 * makes a URL, the options object of a call (`{ body: … }`, one level), returns of the file's named
 * functions to their call sites, and arguments into the parameters of the file's own functions
 * (one level: a parameter that reaches a sink makes the argument evidence). It ends at a sink
 * (`sinks.ts`) or where nothing carries it on: as CodeQL does, a call to a function the file does
 * not declare is taken to carry nothing onward, so a logger, a queue, an ORM or a validator is
 * where a value is dropped, not a way to JKOPay.
 *
 * One tracer serves every literal of a parse, keeping what it learnt of each variable and function
 * (with what it read of the file: `TraceDeps`). Each trail is bounded in steps. Pure.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../../data/types';
import { type Declaration, findDeclaration, functionScopeOf } from './declarations';
import { identifiersNamed } from './identifierUses';
import { type SinkHit, sinkAt, urlProperty } from './sinks';
import { staticText, urlTarget } from './staticText';
import { TraceDeps, traceWork } from './traceDeps';
import { staticName } from './tsParser';
import { typescript } from './typescriptLoader';

/** Why a trail ends without reaching JKOPay. */
export type DropReason =
  /** An argument of a call that is no sink and no function of the file (a logger, a queue, an ORM…). */
  | 'argument'
  /** A property of another object that is not a request's options. */
  | 'nested'
  /** The return value of a callback (`orders.map(o => ({ … }))`). */
  | 'callback-return'
  /** Returned from a named function whose call sites (if any) lead nowhere. */
  | 'returned'
  /** An element of an array. */
  | 'array'
  /** Read, not passed on (`body.x`, a comparison, a destructuring). */
  | 'other'
  /** A variable, or a function's result, that nothing uses. */
  | 'unused'
  /** The trail was longer than the tracer follows. */
  | 'too-far';

export type Outcome =
  | { type: 'sent' | 'signed' | 'client' | 'elsewhere'; endpoint?: Endpoint; at: TS.Node; detail: string; via?: string; weak?: boolean }
  | { type: 'dropped'; reason: DropReason; at: TS.Node; detail: string };

/**
 * Steps one literal's trail may take: far more than code uses one value for (each use of a variable
 * is a step or two), and a bound on what hostile code can make one literal cost. The total stays
 * linear anyway: what a variable leads to is learnt once per parse and re-used.
 */
const MAX_STEPS = 10_000;

/** What a trail is carrying: the value itself, or an object that holds it (a request's options). */
type Carried = 'value' | 'wrapped';

interface Memo {
  outcomes: Outcome[];
  deps: TraceDeps;
}

export class ValueTracer {
  /** What each variable's or parameter's value leads to, by its declaring identifier, what it carries and the level. */
  private readonly memo = new Map<TS.Node, Map<string, Memo>>();
  private readonly pending = new Set<string>();
  private deps = new TraceDeps();
  private steps = 0;

  constructor(private readonly sourceFile: TS.SourceFile) {}

  /** Where the literal's value goes, and what of the file that reading depended on. */
  trace(literal: TS.ObjectLiteralExpression): { outcomes: Outcome[]; deps: TraceDeps } {
    this.deps = new TraceDeps();
    this.deps.touch(literal);
    this.steps = 0;
    const outcomes = this.follow(literal, 0, 'value');
    return { outcomes, deps: this.deps };
  }

  /** Where a value goes from an expression that produces it. */
  private follow(expression: TS.Node, level: number, carried: Carried): Outcome[] {
    const ts = typescript();
    traceWork.count++;
    if (++this.steps > MAX_STEPS) return [drop('too-far', expression, '')];
    let node: TS.Node = expression;
    let parent = node.parent;
    // Climb through what passes the value on unchanged.
    for (;;) {
      if (
        ts.isParenthesizedExpression(parent) ||
        ts.isAsExpression(parent) ||
        ts.isSatisfiesExpression(parent) ||
        ts.isNonNullExpression(parent) ||
        ts.isTypeAssertionExpression(parent) ||
        ts.isAwaitExpression(parent) ||
        (ts.isConditionalExpression(parent) && parent.condition !== node) ||
        (ts.isBinaryExpression(parent) &&
          isPassingOperator(parent.operatorToken.kind) &&
          (parent.right === node || parent.operatorToken.kind !== ts.SyntaxKind.CommaToken))
      ) {
        node = parent;
        parent = node.parent;
        continue;
      }
      break;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
      if (!ts.isIdentifier(parent.name)) return [drop('other', parent, '')];
      const declaration = findDeclaration(parent.name.text, parent.name, this.deps);
      return declaration ? this.variable(declaration, level, carried) : [drop('unused', parent, parent.name.text)];
    }
    if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = parent.left;
      if (ts.isIdentifier(target)) {
        const declaration = findDeclaration(target.text, target, this.deps);
        return declaration ? this.variable(declaration, level, carried) : [drop('other', parent, target.text)];
      }
      return [drop('nested', parent, target.getText(this.sourceFile))];
    }
    if (ts.isPropertyAssignment(parent) && parent.initializer === node) return this.nested(parent, parent.parent, level, carried);
    if (ts.isShorthandPropertyAssignment(parent)) return this.nested(parent, parent.parent, level, carried);
    if (ts.isSpreadAssignment(parent)) {
      // Spread into a new literal: that literal carries the keys on.
      return carried === 'value' ? this.follow(parent.parent, level, carried) : [drop('nested', parent.parent, '')];
    }
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== node) {
      const args: readonly TS.Node[] = parent.arguments ?? [];
      const index = args.indexOf(node);
      return index < 0 ? [drop('other', parent, '')] : this.argument(parent, index, level, carried);
    }
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node && carried === 'value') {
      // `x.toString()`, `Object.entries(x).filter(…)`: the content carried on by the method's result.
      const call = parent.parent;
      if (CARRYING_METHODS.has(parent.name.text) && ts.isCallExpression(call) && call.expression === parent)
        return this.follow(call, level, carried);
      return [drop('other', parent, '')];
    }
    if (ts.isTemplateSpan(parent) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
      // In a template or concatenation: a query string in a URL (`…/platform/inquiry?${query}`).
      const whole = ts.isTemplateSpan(parent) ? parent.parent : parent;
      const text = staticText(whole as TS.Expression, this.deps);
      const target = text === undefined ? undefined : urlTarget(text);
      if (target) return [{ type: target.jkopay ? 'sent' : 'elsewhere', endpoint: target.endpoint, at: whole, detail: target.display }];
      return carried === 'value' ? this.follow(whole, level, carried) : [drop('other', whole, '')];
    }
    if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) {
      const fn = ts.isReturnStatement(parent) ? functionScopeOf(parent) : parent;
      return this.returned(fn, level, carried);
    }
    if (ts.isArrayLiteralExpression(parent)) return [drop('array', parent, '')];
    return [drop('other', parent, '')];
  }

  /** Where the value held by a variable or parameter goes: every use of it in its scope. */
  private variable(declaration: Declaration, level: number, carried: Carried): Outcome[] {
    const key = `${carried}:${level}`;
    const known = this.memo.get(declaration.name)?.get(key);
    if (known) {
      this.deps.merge(known.deps);
      return known.outcomes;
    }
    const pendingKey = `${declaration.name.pos}:${key}`;
    if (this.pending.has(pendingKey)) return [];
    this.pending.add(pendingKey);
    const outer = this.deps;
    this.deps = new TraceDeps();
    this.deps.touch(declaration.node);
    if (typescript().isSourceFile(declaration.scope)) this.deps.fileWide = true;
    const outcomes: Outcome[] = [];
    for (const use of identifiersNamed(declaration.scope, declaration.name.text, this.sourceFile)) {
      if (use === declaration.name || !isValueUse(use)) continue;
      for (const outcome of this.follow(use, level, carried)) outcomes.push(outcome);
    }
    if (outcomes.length === 0) outcomes.push(drop('unused', declaration.name, declaration.name.text));
    const deps = this.deps;
    this.deps = outer;
    this.deps.merge(deps);
    this.pending.delete(pendingKey);
    let byKey = this.memo.get(declaration.name);
    if (!byKey) this.memo.set(declaration.name, (byKey = new Map()));
    byKey.set(key, { outcomes, deps });
    return outcomes;
  }

  /** The value is the property `element` of `object`: part of a request's options, or someone else's data. */
  private nested(element: TS.ObjectLiteralElementLike, object: TS.ObjectLiteralExpression, level: number, carried: Carried): Outcome[] {
    const key = element.name ? (staticName(element.name, this.sourceFile) ?? '') : '';
    // Under another object of a request's options, or in a JKOPay answer (`{ result, result_object: { … } }`): data.
    if (carried === 'wrapped' || isAnswer(object, this.sourceFile)) return [drop('nested', object, key)];
    // The options hold the URL themselves: `axios({ url, method: 'post', data: body })`.
    const url = urlProperty(object, element, this.deps);
    if (url) return [fromHit(url)];
    // Or the options go to a call with the URL: `fetch(url, { method: 'POST', body })`.
    const outcomes = this.follow(object, level, 'wrapped');
    if (outcomes.some((o) => o.type !== 'dropped')) return outcomes;
    return [drop('nested', object, key)];
  }

  /** The value is argument `index` of a call. */
  private argument(call: TS.CallExpression | TS.NewExpression, index: number, level: number, carried: Carried): Outcome[] {
    const ts = typescript();
    if (carried === 'value' && carriesOn(call, index)) return this.follow(call, level, carried);
    // `Object.assign(target, …, value)`: the target takes its keys, and the call returns the target.
    if (carried === 'value' && isObjectAssign(call) && index > 0) {
      const outcomes = this.follow(call, level, carried);
      const target = call.arguments![0];
      const declaration = ts.isIdentifier(target) ? findDeclaration(target.text, target, this.deps) : undefined;
      if (declaration) for (const outcome of this.variable(declaration, level, carried)) outcomes.push(outcome);
      return outcomes;
    }
    const sink = sinkAt(call, index, carried === 'wrapped', this.deps);
    if (sink) return [fromHit(sink)];
    // A function of the file: where its parameter goes, one level deep.
    const fn = level === 0 ? this.functionOf(call.expression) : undefined;
    if (fn) {
      const parameter = fn.node.parameters[index];
      if (parameter && ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken) {
        const declaration = findDeclaration(parameter.name.text, parameter.name, this.deps);
        if (declaration?.node === parameter) {
          const inner = this.variable(declaration, level + 1, carried);
          if (inner.some((o) => o.type !== 'dropped'))
            return inner.map((o) => (o.type === 'dropped' ? o : { ...o, via: o.via ?? fn.name }));
        }
      }
    }
    return [drop('argument', call, calleeText(call.expression, this.sourceFile))];
  }

  /** The value is returned from `fn`: from a named function, to its call sites; from a callback, nowhere. */
  private returned(fn: TS.Node, level: number, carried: Carried): Outcome[] {
    const ts = typescript();
    const named = namedFunction(fn);
    if (!named) {
      const call = fn.parent && (ts.isCallExpression(fn.parent) || ts.isNewExpression(fn.parent)) ? fn.parent : undefined;
      return [drop('callback-return', fn, call ? calleeText(call.expression, this.sourceFile) : '')];
    }
    if (level > 0) return [drop('returned', fn, named.name.text)];
    this.deps.touch(named.scope);
    const outcomes: Outcome[] = [];
    for (const use of identifiersNamed(named.scope, named.name.text, this.sourceFile)) {
      const call = callOf(use);
      if (call)
        outcomes.push(
          ...this.follow(call, level + 1, carried).map((o) => (o.type === 'dropped' ? o : { ...o, via: o.via ?? named.name.text })),
        );
    }
    return outcomes.length ? outcomes : [drop('returned', fn, named.name.text)];
  }

  /** The function of the file a call runs: a declared function, a const arrow, or a method of the class the call is in. */
  private functionOf(callee: TS.Expression): { node: TS.SignatureDeclaration; name: string } | undefined {
    const ts = typescript();
    if (ts.isIdentifier(callee)) {
      const declaration = findDeclaration(callee.text, callee, this.deps);
      if (!declaration) return undefined;
      if (declaration.kind === 'function' && ts.isFunctionDeclaration(declaration.node) && declaration.node.body)
        return { node: declaration.node, name: callee.text };
      const init = declaration.initializer;
      if (declaration.kind === 'variable' && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
        return { node: init, name: callee.text };
      return undefined;
    }
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const method = classMember(callee, callee.name.text);
      if (method) {
        this.deps.touch(method);
        return { node: method, name: callee.name.text };
      }
    }
    return undefined;
  }
}

/** Keys only JKOPay's answers and callbacks have at their top. */
const ANSWER_KEYS = new Set(['result', 'result_object', 'transaction', 'transactions']);

function isAnswer(object: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile): boolean {
  return object.properties.some((p) => p.name !== undefined && ANSWER_KEYS.has(staticName(p.name, sourceFile) ?? ''));
}

function drop(reason: DropReason, at: TS.Node, detail: string): Outcome {
  return { type: 'dropped', reason, at, detail };
}

function fromHit(hit: SinkHit): Outcome {
  return { type: hit.type, endpoint: hit.endpoint, at: hit.at, detail: hit.detail, weak: hit.weak };
}

function isPassingOperator(kind: TS.SyntaxKind): boolean {
  const k = typescript().SyntaxKind;
  return kind === k.QuestionQuestionToken || kind === k.BarBarToken || kind === k.AmpersandAmpersandToken || kind === k.CommaToken;
}

/** An identifier that stands for the variable's value (not a property name, a key, a declaration or a type). */
function isValueUse(id: TS.Identifier): boolean {
  const ts = typescript();
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === id)
    return false;
  if (ts.isBindingElement(parent) || ts.isParameter(parent) || ts.isVariableDeclaration(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent))
    return false;
  if (ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isLabeledStatement(parent)) return false;
  if (ts.isJsxAttribute(parent) || ts.isJsxOpeningElement(parent) || ts.isJsxClosingElement(parent) || ts.isJsxSelfClosingElement(parent))
    return false;
  return true;
}

/**
 * Methods whose result carries the content of the value they are called on: a serialization, and
 * the array methods an object's entries go through on their way back to an object
 * (`Object.fromEntries(Object.entries(body).filter(…))`, the usual way to drop undefined values).
 */
const CARRYING_METHODS = new Set(['toString', 'filter', 'map', 'sort', 'slice', 'concat', 'reverse', 'toSorted', 'flat']);

/** The standard library's (and lodash's) functions that return their first argument's content, filtered, copied or serialized. */
const CARRYING_FUNCTIONS = new Map([
  ['JSON', new Set(['stringify', 'parse'])],
  ['Object', new Set(['entries', 'fromEntries', 'freeze'])],
  ['Array', new Set(['from'])],
  ['Buffer', new Set(['from'])],
  ['qs', new Set(['stringify'])],
  ['querystring', new Set(['stringify'])],
  ['_', new Set(['omit', 'omitBy', 'pick', 'pickBy', 'clone', 'cloneDeep'])],
  ['lodash', new Set(['omit', 'omitBy', 'pick', 'pickBy', 'clone', 'cloneDeep'])],
]);
/** Such functions called by their own name (imported one by one). */
const CARRYING_NAMES = new Set(['structuredClone', 'omitBy', 'pickBy', 'cloneDeep']);

/** Calls that pass their argument's content on: serializations, copies, filters, `Object.assign({}, x)`. */
function carriesOn(call: TS.CallExpression | TS.NewExpression, index: number): boolean {
  const ts = typescript();
  const callee = call.expression;
  if (ts.isNewExpression(call)) return ts.isIdentifier(callee) && callee.text === 'URLSearchParams' && index === 0;
  if (ts.isIdentifier(callee)) return CARRYING_NAMES.has(callee.text) && index === 0;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const object = callee.expression.text;
  const method = callee.name.text;
  if (CARRYING_FUNCTIONS.get(object)?.has(method) && index === 0) return true;
  if (object === 'Object' && method === 'assign') {
    const target = call.arguments?.[0];
    return index > 0 && target !== undefined && ts.isObjectLiteralExpression(target) && target.properties.length === 0;
  }
  return false;
}

function isObjectAssign(call: TS.CallExpression | TS.NewExpression): boolean {
  const ts = typescript();
  const callee = call.expression;
  return (
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Object' &&
    callee.name.text === 'assign'
  );
}

/** A function that has a name its call sites use: a declaration, a const arrow or function, a method. */
function namedFunction(fn: TS.Node): { name: TS.Identifier; scope: TS.Node } | undefined {
  const ts = typescript();
  if (ts.isFunctionDeclaration(fn) && fn.name) return { name: fn.name, scope: functionScopeOf(fn) };
  if ((ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn)) && ts.isIdentifier(fn.name))
    return { name: fn.name, scope: fn.parent };
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    let node: TS.Node = fn;
    while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))
      node = node.parent;
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return { name: parent.name, scope: functionScopeOf(parent) };
    if (ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return { name: parent.name, scope: parent.parent };
  }
  return undefined;
}

/** The call an identifier is the callee of (`build(…)`, `this.build(…)`). */
function callOf(use: TS.Identifier): TS.CallExpression | undefined {
  const ts = typescript();
  let callee: TS.Node = use;
  if (ts.isPropertyAccessExpression(use.parent) && use.parent.name === use) callee = use.parent;
  const call = callee.parent;
  return call && ts.isCallExpression(call) && call.expression === callee ? call : undefined;
}

/** The method or arrow property `name` of the class that holds `node`. */
function classMember(node: TS.Node, name: string): TS.SignatureDeclaration | undefined {
  const ts = typescript();
  let cls: TS.Node | undefined = node.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const member of (cls as TS.ClassLikeDeclaration).members) {
    if (!member.name || !ts.isIdentifier(member.name) || member.name.text !== name) continue;
    if (ts.isMethodDeclaration(member) && member.body) return member;
    if (
      ts.isPropertyDeclaration(member) &&
      member.initializer &&
      (ts.isArrowFunction(member.initializer) || ts.isFunctionExpression(member.initializer))
    )
      return member.initializer;
  }
  return undefined;
}

/** How a callee reads in a message: `log.warn`, `bus.publish`, `useState`. */
export function calleeText(callee: TS.Expression, sourceFile: TS.SourceFile): string {
  const text = callee.getText(sourceFile).replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
