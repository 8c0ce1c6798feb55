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
import type { PropertyNode } from '../model/model';
import { calledFunction, type Declaration, declarationOfVariable, findDeclaration, functionScopeOf, shadowed } from './declarations';
import { identifiersNamed } from './identifierUses';
import { isRequestOptions, type SinkHit, sinkAt, urlProperty } from './sinks';
import { staticText, urlTarget, type UrlTarget } from './staticText';
import { TraceDeps, traceWork } from './traceDeps';
import { convertObject, staticName, unwrap } from './tsParser';
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
  /** Sent by a call whose URL is only known when the program runs (`axios.post(config.url, body)`). */
  | 'unknown-url'
  /** What a test expects a mocked JKOPay to receive (`nock(host).post(path, body)`), not a request. */
  | 'mock'
  /** The trail was longer than the tracer follows. */
  | 'too-far';

export type Outcome =
  | {
      /** `request`: options reached a call that sends, with no URL beside (only `nested` reads it). */
      type: 'sent' | 'signed' | 'client' | 'elsewhere' | 'request';
      endpoint?: Endpoint;
      at: TS.Node;
      detail: string;
      via?: string;
      weak?: boolean;
      open?: boolean;
      /**
       * The fields of the literals the value was spread into on its way (`{ store_id, currency, ...partial }`):
       * present in what is sent, and read for the currency.
       */
      acquired?: PropertyNode[];
      /** The value was serialized on its way (`JSON.stringify`): text that no client can complete. */
      serialized?: boolean;
    }
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
  /** What each variable's or parameter's value leads to, by its declaring identifier: one slot per what it carries and level. */
  private readonly memo = new Map<TS.Node, Memo[]>();
  /** The slots of each variable being followed right now (a bit per slot). */
  private readonly pending = new Map<TS.Node, number>();
  /** What each text a value is part of says as a URL, and what reading it looked at. */
  private readonly urls = new Map<TS.Node, { url: UrlTarget | undefined; deps: TraceDeps }>();
  /** Where each named function's result goes, from its call sites: one slot per what it carries. */
  private readonly returns = new Map<TS.Node, Memo[]>();
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
    const K = kinds();
    traceWork.count++;
    if (++this.steps > MAX_STEPS) return [drop('too-far', expression, '')];
    let node: TS.Node = expression;
    let parent = node.parent;
    // Climb through what passes the value on unchanged.
    for (;;) {
      const kind = parent.kind;
      if (
        K.passing.has(kind) ||
        (kind === K.Conditional && (parent as TS.ConditionalExpression).condition !== node) ||
        (kind === K.Binary && passes(parent as TS.BinaryExpression, node))
      ) {
        node = parent;
        parent = node.parent;
        continue;
      }
      break;
    }
    switch (parent.kind) {
      case K.VariableDeclaration: {
        const declaration = parent as TS.VariableDeclaration;
        if (declaration.initializer !== node) return [drop('other', parent, '')];
        if (declaration.name.kind !== K.Identifier) return [drop('other', parent, '')];
        return this.variable(
          declarationOfVariable(declaration as TS.VariableDeclaration & { name: TS.Identifier }, this.deps),
          level,
          carried,
        );
      }
      case K.PropertyAssignment:
        if ((parent as TS.PropertyAssignment).initializer !== node) return [drop('other', parent, '')];
        return this.nested(parent as TS.PropertyAssignment, parent.parent as TS.ObjectLiteralExpression, level, carried);
      case K.ShorthandPropertyAssignment:
        return this.nested(parent as TS.ShorthandPropertyAssignment, parent.parent as TS.ObjectLiteralExpression, level, carried);
      case K.SpreadAssignment: {
        // Spread into a new literal: that literal carries the keys on, with its own fields added.
        if (carried !== 'value') return [drop('nested', parent.parent, '')];
        const outcomes = this.follow(parent.parent, level, carried);
        if (!outcomes.some((o) => o.type !== 'dropped')) return outcomes;
        const into = parent.parent as TS.ObjectLiteralExpression;
        const added = convertObject(into, this.sourceFile, 1).properties;
        // Another spread beside this one may bring any key: the key set is open.
        const open = into.properties.some((p) => p !== parent && p.kind === K.SpreadAssignment);
        return outcomes.map((o) =>
          o.type === 'dropped' ? o : { ...o, acquired: [...added, ...(o.acquired ?? [])], open: o.open || open },
        );
      }
      case K.Call:
      case K.New: {
        const call = parent as TS.CallExpression | TS.NewExpression;
        if (call.expression === node) return [drop('other', parent, '')];
        const args: readonly TS.Node[] = call.arguments ?? [];
        const index = args.indexOf(node);
        return index < 0 ? [drop('other', parent, '')] : this.argument(call, index, level, carried);
      }
      case K.PropertyAccess: {
        const access = parent as TS.PropertyAccessExpression;
        // `x.toString()`, `Object.entries(x).filter(…)`: the content carried on by the method's result.
        const call = parent.parent;
        if (
          access.expression === node &&
          carried === 'value' &&
          CARRYING_METHODS.has(access.name.text) &&
          call.kind === K.Call &&
          (call as TS.CallExpression).expression === parent
        ) {
          const outcomes = this.follow(call, level, carried);
          return access.name.text === 'toString' ? outcomes.map((o) => (o.type === 'dropped' ? o : { ...o, serialized: true })) : outcomes;
        }
        return [drop('other', parent, '')];
      }
      case K.Binary: {
        const binary = parent as TS.BinaryExpression;
        const operator = binary.operatorToken.kind;
        if (operator === K.Equals && binary.right === node) return this.assigned(binary, level, carried);
        if (operator === K.Plus) return this.inText(outermostText(binary), level, carried);
        return [drop('other', parent, '')];
      }
      case K.TemplateSpan:
        return this.inText(outermostText(parent.parent as TS.TemplateExpression), level, carried);
      case K.Return:
        return this.returned(functionScopeOf(parent), level, carried);
      case K.Arrow:
        return (parent as TS.ArrowFunction).body === node ? this.returned(parent, level, carried) : [drop('other', parent, '')];
      case K.ArrayLiteral:
        return [drop('array', parent, '')];
      default:
        return [drop('other', parent, '')];
    }
  }

  /**
   * `x = value`: where the variable goes. `init.body = value`: the value is part of the object `init`
   * holds, a request's options when they reach a send (`fetch(url, init)`); `url.search = query` puts
   * it in the URL `url` holds.
   */
  private assigned(assignment: TS.BinaryExpression, level: number, carried: Carried): Outcome[] {
    const ts = typescript();
    const target = assignment.left;
    if (ts.isIdentifier(target)) {
      const declaration = findDeclaration(target.text, target, this.deps);
      return declaration ? this.variable(declaration, level, carried) : [drop('other', assignment, target.text)];
    }
    const holder = (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && unwrap(target.expression);
    const key = ts.isPropertyAccessExpression(target) ? target.name.text : '';
    const declaration = holder && ts.isIdentifier(holder) ? findDeclaration(holder.text, holder, this.deps) : undefined;
    if (carried === 'wrapped' || !declaration || declaration.kind !== 'variable')
      return [drop('nested', assignment, target.getText(this.sourceFile))];
    const init = declaration.initializer && unwrap(declaration.initializer);
    const text = init && staticText(init, this.deps);
    const target_ = text === undefined ? undefined : urlTarget(text);
    if (target_) return [{ type: target_.jkopay ? 'sent' : 'elsewhere', endpoint: target_.endpoint, at: init!, detail: target_.display }];
    const own = init && ts.isObjectLiteralExpression(init) ? urlProperty(init, undefined, this.deps) : undefined;
    const options = init !== undefined && ts.isObjectLiteralExpression(init) && isRequestOptions(init);
    return this.asOptions(this.variable(declaration, level, 'wrapped'), own, options, assignment, key);
  }

  /** In a template or a concatenation: a query string in a URL (`…/platform/inquiry?${query}`), else text carried on. */
  private inText(whole: TS.Expression, level: number, carried: Carried): Outcome[] {
    // Read once per text: every literal of a long concatenation is in the same one.
    let target = this.urls.get(whole);
    if (target === undefined) {
      const deps = new TraceDeps();
      const text = staticText(whole, deps);
      target = { url: text === undefined ? undefined : urlTarget(text), deps };
      this.urls.set(whole, target);
    }
    this.deps.merge(target.deps);
    return this.fromText(target.url, whole, level, carried);
  }

  private fromText(target: UrlTarget | undefined, whole: TS.Expression, level: number, carried: Carried): Outcome[] {
    if (target) return [{ type: target.jkopay ? 'sent' : 'elsewhere', endpoint: target.endpoint, at: whole, detail: target.display }];
    return carried === 'value' ? this.follow(whole, level, carried) : [drop('other', whole, '')];
  }

  /** Where the value held by a variable or parameter goes: every use of it in its scope. */
  private variable(declaration: Declaration, level: number, carried: Carried): Outcome[] {
    const slot = (carried === 'value' ? 0 : 2) + Math.min(level, 1);
    let memos = this.memo.get(declaration.name);
    const known = memos?.[slot];
    if (known) {
      this.deps.merge(known.deps);
      return known.outcomes;
    }
    // A variable met again on its own trail (`a = f(a)`): nothing more to learn there.
    const pending = this.pending.get(declaration.name) ?? 0;
    if (pending & (1 << slot)) return [];
    this.pending.set(declaration.name, pending | (1 << slot));
    const uses = identifiersNamed(declaration.scope, declaration.name.text, this.sourceFile);
    // Learnt once for the literals that share it only where it has several uses: most variables
    // (`const body = …; send(body)`) have one, and following it again costs less than keeping it.
    const kept = uses.length > 2;
    const outer = this.deps;
    if (kept) this.deps = new TraceDeps();
    this.deps.touch(declaration.node);
    if (declaration.scope.kind === kinds().SourceFile) this.deps.fileWide = true;
    const outcomes: Outcome[] = [];
    for (const use of uses) {
      if (use === declaration.name || !isValueUse(use) || shadowed(use, declaration)) continue;
      for (const outcome of this.follow(use, level, carried)) outcomes.push(outcome);
    }
    if (outcomes.length === 0) outcomes.push(drop('unused', declaration.name, declaration.name.text));
    this.pending.set(declaration.name, pending);
    if (!kept) return outcomes;
    const deps = this.deps;
    this.deps = outer;
    this.deps.merge(deps);
    if (!memos) this.memo.set(declaration.name, (memos = []));
    memos[slot] = { outcomes, deps };
    return outcomes;
  }

  /** The value is the property `element` of `object`: part of a request's options, or someone else's data. */
  private nested(element: TS.ObjectLiteralElementLike, object: TS.ObjectLiteralExpression, level: number, carried: Carried): Outcome[] {
    const key = element.name ? (staticName(element.name, this.sourceFile) ?? '') : '';
    // Under another object of a request's options, or in a JKOPay answer (`{ result, result_object: { … } }`): data.
    if (carried === 'wrapped' || isAnswer(object, this.sourceFile)) return [drop('nested', object, key)];
    const own = urlProperty(object, element, this.deps);
    return this.asOptions(this.follow(object, level, 'wrapped'), own, isRequestOptions(object), object, key);
  }

  /**
   * What becomes of a value inside an object, from where that object goes (`outcomes`, followed as
   * wrapped): sent where the object goes to a send with a URL beside (`fetch(url, { body })`); sent
   * to its own URL (`own`: `axios({ url, method, data })`) when it reaches a call that sends, or is
   * handed to a call and says its `method` or `headers` (`options`); handed to a JKOPay client when
   * such options go to a send named for JKOPay whose URL is not written here; else someone else's data.
   */
  private asOptions(outcomes: Outcome[], own: SinkHit | undefined, options: boolean, at: TS.Node, key: string): Outcome[] {
    const reached = outcomes.filter((o) => o.type === 'sent' || o.type === 'elsewhere');
    if (reached.length) return reached;
    const mocked = outcomes.find((o) => o.type === 'dropped' && o.reason === 'mock');
    if (mocked) return [mocked];
    const handed = outcomes.some(
      (o) => o.type === 'request' || (options && o.type === 'dropped' && (o.reason === 'argument' || o.reason === 'unknown-url')),
    );
    if (own && handed) return [fromHit(own)];
    // Request options handed to a send named for JKOPay (`callJkopay({ url: config.entryUrl, method: 'POST', payload })`).
    const jkopaySend = outcomes.find((o) => o.type === 'request' && o.weak);
    if (jkopaySend && options && jkopaySend.type === 'request')
      return [{ type: 'client', at: jkopaySend.at, detail: jkopaySend.detail, weak: true, open: true }];
    return [drop('nested', at, key)];
  }

  /** The value is argument `index` of a call. */
  private argument(call: TS.CallExpression | TS.NewExpression, index: number, level: number, carried: Carried): Outcome[] {
    const ts = typescript();
    if (carried === 'value' && carriesOn(call, index)) {
      const outcomes = this.follow(call, level, carried);
      return serializes(call) ? outcomes.map((o) => (o.type === 'dropped' ? o : { ...o, serialized: true })) : outcomes;
    }
    // `Object.assign(target, …, value)`: the target takes its keys, and the call returns the target.
    if (carried === 'value' && isObjectAssign(call) && index > 0) {
      const outcomes = this.follow(call, level, carried);
      const target = call.arguments![0];
      const declaration = ts.isIdentifier(target) ? findDeclaration(target.text, target, this.deps) : undefined;
      if (declaration) for (const outcome of this.variable(declaration, level, carried)) outcomes.push(outcome);
      return outcomes;
    }
    const sink = sinkAt(call, index, carried === 'wrapped', this.deps);
    if (sink?.type === 'mock') return [drop('mock', call, sink.detail)];
    // An HMAC whose result goes with a send to another URL is that request's signature, not JKOPay's.
    if (sink?.type === 'signed' && sink.weak) {
      // Followed here only, not through returns and parameters: where the signature goes is written beside it.
      const signature = this.follow(outermostChain(call), 1, 'value');
      const away = signature.find((o) => o.type === 'elsewhere');
      if (away && !signature.some((o) => o.type === 'sent')) return [away];
    }
    if (sink && sink.type !== 'request') return [fromHit(sink)];
    // A function of the file: where its parameter goes, one level deep.
    const fn = level === 0 ? calledFunction(call.expression, this.deps) : undefined;
    if (fn) {
      const parameter = fn.node.parameters[index];
      if (parameter && ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken) {
        const declaration = findDeclaration(parameter.name.text, parameter.name, this.deps);
        if (declaration?.node === parameter) {
          const inner = this.variable(declaration, level + 1, carried);
          if (inner.some((o) => o.type !== 'dropped' && o.type !== 'request'))
            return inner.map((o) => (o.type === 'dropped' ? o : { ...o, via: o.via ?? fn.name }));
          // A helper that hands back (a copy of) what it is given (`compact(body)`): its result carries the value.
          if (inner.some((o) => o.type === 'dropped' && o.reason === 'returned' && o.at === fn.node))
            return this.follow(call, level, carried);
        }
      }
    }
    if (sink) return carried === 'wrapped' ? [fromHit(sink)] : [drop('unknown-url', call, calleeText(call.expression, this.sourceFile))];
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
    // Every return of a function leads where its call sites lead: learnt once per function.
    const slot = carried === 'value' ? 0 : 1;
    let memos = this.returns.get(fn);
    const known = memos?.[slot];
    if (known) {
      this.deps.merge(known.deps);
      return known.outcomes;
    }
    const outer = this.deps;
    this.deps = new TraceDeps();
    this.deps.touch(named.scope);
    const outcomes: Outcome[] = [];
    for (const use of identifiersNamed(named.scope, named.name.text, this.sourceFile)) {
      const call = callOf(use);
      if (call)
        outcomes.push(
          ...this.follow(call, level + 1, carried).map((o) => (o.type === 'dropped' ? o : { ...o, via: o.via ?? named.name.text })),
        );
    }
    if (outcomes.length === 0) outcomes.push(drop('returned', fn, named.name.text));
    const deps = this.deps;
    this.deps = outer;
    this.deps.merge(deps);
    if (!memos) this.returns.set(fn, (memos = []));
    memos[slot] = { outcomes, deps };
    return outcomes;
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
  if (hit.type === 'mock') return drop('mock', hit.at, hit.detail);
  return { type: hit.type, endpoint: hit.endpoint, at: hit.at, detail: hit.detail, weak: hit.weak, open: hit.open };
}

/** The end of a call chain a call starts (`createHmac(…).update(x).digest('hex')` from `update(x)`). */
function outermostChain(call: TS.Expression): TS.Expression {
  const K = kinds();
  let node: TS.Expression = call;
  for (;;) {
    const access = node.parent;
    const next = access?.parent;
    if (
      access?.kind === K.PropertyAccess &&
      (access as TS.PropertyAccessExpression).expression === node &&
      next?.kind === K.Call &&
      (next as TS.CallExpression).expression === access
    )
      node = next as TS.Expression;
    else return node;
  }
}

/** The whole text a piece of it is in: the outermost concatenation or template, read once rather than at each level. */
function outermostText(node: TS.Expression): TS.Expression {
  const K = kinds();
  let whole = node;
  for (;;) {
    const parent = whole.parent;
    if ((parent.kind === K.Binary && (parent as TS.BinaryExpression).operatorToken.kind === K.Plus) || K.passing.has(parent.kind))
      whole = parent as TS.Expression;
    else if (parent.kind === K.TemplateSpan) whole = parent.parent as TS.Expression;
    else return whole;
  }
}

/** The syntax kinds the tracer tests, read from `typescript` once (its namespace is huge to search per node). */
function makeKinds() {
  const k = typescript().SyntaxKind;
  return {
    /** Wrappers that hand their operand's value on unchanged. */
    passing: new Set([
      k.ParenthesizedExpression,
      k.AsExpression,
      k.SatisfiesExpression,
      k.NonNullExpression,
      k.TypeAssertionExpression,
      k.AwaitExpression,
    ]),
    Conditional: k.ConditionalExpression,
    Binary: k.BinaryExpression,
    VariableDeclaration: k.VariableDeclaration,
    PropertyAssignment: k.PropertyAssignment,
    ShorthandPropertyAssignment: k.ShorthandPropertyAssignment,
    SpreadAssignment: k.SpreadAssignment,
    Call: k.CallExpression,
    New: k.NewExpression,
    PropertyAccess: k.PropertyAccessExpression,
    TemplateSpan: k.TemplateSpan,
    Return: k.ReturnStatement,
    Arrow: k.ArrowFunction,
    ArrayLiteral: k.ArrayLiteralExpression,
    Identifier: k.Identifier,
    SourceFile: k.SourceFile,
    Equals: k.EqualsToken,
    Plus: k.PlusToken,
    Comma: k.CommaToken,
    /** `a ?? b`, `a || b`, `a && b`, `a, b`: the value may be either side (the right one only, after a comma). */
    choosing: new Set([k.QuestionQuestionToken, k.BarBarToken, k.AmpersandAmpersandToken, k.CommaToken]),
    /** Parents where an identifier is a name, not the variable's value. */
    naming: new Set([
      k.BindingElement,
      k.Parameter,
      k.VariableDeclaration,
      k.TypeReference,
      k.QualifiedName,
      k.ImportSpecifier,
      k.ExportSpecifier,
      k.FunctionDeclaration,
      k.ClassDeclaration,
      k.LabeledStatement,
      k.JsxAttribute,
      k.JsxOpeningElement,
      k.JsxClosingElement,
      k.JsxSelfClosingElement,
    ]),
    named: new Set([k.PropertyAccessExpression, k.PropertyAssignment, k.PropertyDeclaration, k.MethodDeclaration]),
  };
}
let kindsCache: ReturnType<typeof makeKinds> | undefined;
const kinds = () => (kindsCache ??= makeKinds());

function passes(binary: TS.BinaryExpression, operand: TS.Node): boolean {
  const K = kinds();
  const operator = binary.operatorToken.kind;
  return K.choosing.has(operator) && (binary.right === operand || operator !== K.Comma);
}

/** An identifier that stands for the variable's value (not a property name, a key, a declaration or a type). */
function isValueUse(id: TS.Identifier): boolean {
  const K = kinds();
  const parent = id.parent;
  if (K.naming.has(parent.kind)) return false;
  // `x.name`, `{ name: … }`, `name() {}`: the identifier names a property.
  return !(K.named.has(parent.kind) && (parent as TS.PropertyAccessExpression).name === id);
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
const CARRYING_NAMES = new Set(['structuredClone', 'omitBy', 'pickBy', 'cloneDeep', 'encodeURIComponent']);

/** Calls that pass their argument's content on: serializations, copies, filters, `Object.assign({}, x)`. */
function carriesOn(call: TS.CallExpression | TS.NewExpression, index: number): boolean {
  const ts = typescript();
  const callee = call.expression;
  if (ts.isNewExpression(call)) return ts.isIdentifier(callee) && callee.text === 'URLSearchParams' && index === 0;
  if (ts.isIdentifier(callee)) return CARRYING_NAMES.has(callee.text) && index === 0;
  // `new TextEncoder().encode(text)`, `encoder.encode(text)`: the bytes of the text.
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'encode') return index === 0;
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

/** Carriers whose result is text (or bytes): `JSON.stringify`, `new URLSearchParams`, `qs.stringify`, `Buffer.from`, `encode`. */
function serializes(call: TS.CallExpression | TS.NewExpression): boolean {
  const ts = typescript();
  if (ts.isNewExpression(call)) return true;
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  return name === 'stringify' || name === 'from' || name === 'encode' || name === 'encodeURIComponent';
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

/** How a callee reads in a message: `log.warn`, `bus.publish`, `useState`. */
export function calleeText(callee: TS.Expression, sourceFile: TS.SourceFile): string {
  const text = callee.getText(sourceFile).replace(/\s+/g, '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
