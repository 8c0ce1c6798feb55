/**
 * How an expression writes bytes, when the file says: `JSON.stringify(x)` (with its other
 * arguments as written), a query serializer (`qs.stringify(x)`, `querystring.stringify(x)`,
 * `new URLSearchParams(x)`), a text built by a template or a concatenation, or an object that the
 * HTTP client it is handed to serializes itself. What is serialized is named by its root: the
 * variable (or literal) that holds the value. Two serializations of the same root by different
 * writers are other bytes, whatever the value: that is what the signed-bytes rule compares (a
 * DIGEST signs the bytes, so "the same object" is not enough). Consts are followed through the
 * file as staticText follows them; anything else is `unknown` and never compared. Pure.
 */
import type * as TS from 'typescript';
import { type Declaration, findDeclaration, shadowed } from './declarations';
import { identifiersNamed } from './identifierUses';
import { type TraceDeps, traceWork } from './traceDeps';
import { unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

export interface Serialization {
  /**
   * `json`: `JSON.stringify`; `query`: a query-string serializer; `text`: a template or a
   * concatenation; `object`: the value itself (what a client given it serializes); `unknown`.
   */
  kind: 'json' | 'query' | 'text' | 'object' | 'unknown';
  /** How it reads in a message: `JSON.stringify(body, null, 2)`, `qs.stringify(params)`, `body`. */
  display: string;
  /** The function that writes it (`JSON.stringify`, `qs.stringify`, `URLSearchParams`). */
  writer?: string;
  /** The call that writes the bytes: two serializations through the same call are the same bytes. */
  writtenAt?: TS.Node;
  /** `JSON.stringify`'s arguments after the value, as written (`null, 2`); '' when there are none. */
  args?: string;
  /** The declaration (or literal) of the value serialized, when the file says which. */
  root?: TS.Node;
  /** The root's name, for messages. */
  rootName?: string;
  /** The root's declaration, when it is a variable or a parameter (where its uses are). */
  declaration?: Declaration;
  /** The expression that writes it, for positions. */
  at: TS.Expression;
}

/** Query-string serializers by the name they are called with (`qs.stringify`, `querystring.encode`, `stringifyQuery`). */
const QUERY_OBJECTS = new Set(['qs', 'querystring', 'queryString', 'QueryString']);
const QUERY_METHODS = new Set(['stringify', 'encode']);
/** How many variables are followed from a name to what it holds. */
const MAX_DEPTH = 8;

/** What bytes `expression` writes, followed through the consts and variables of the file. */
export function serializationOf(expression: TS.Expression, deps: TraceDeps, depth = 0): Serialization {
  traceWork.count++;
  const ts = typescript();
  const node = unwrap(expression);
  const sourceFile = node.getSourceFile();
  const display = shortText(node, sourceFile);
  const unknown: Serialization = { kind: 'unknown', display, at: node };
  if (depth > MAX_DEPTH) return unknown;
  if (ts.isAwaitExpression(node)) return serializationOf(node.expression, deps, depth + 1);
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, deps);
    if (declaration?.kind !== 'variable' && declaration?.kind !== 'parameter') return unknown;
    const named = { root: declaration.node, rootName: node.text, declaration, display: node.text, at: node };
    // A parameter is taken for an object (a serialization of it is what a caller signs); a variable for what it was given.
    if (declaration.kind === 'parameter') return { kind: 'object', ...named };
    if (!declaration.initializer || reassigned(declaration, deps)) return { kind: 'unknown', ...named };
    const inner = serializationOf(declaration.initializer, deps, depth + 1);
    if (inner.kind === 'object' || inner.kind === 'unknown') return { kind: inner.kind, ...named };
    return { ...inner, at: node };
  }
  if (ts.isObjectLiteralExpression(node)) return { kind: 'object', display: '{ … }', root: node, rootName: '{ … }', at: node };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))
    return { kind: 'text', display, at: node };
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return { kind: 'text', display, at: node };
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const callee = unwrap(node.expression);
    const args = node.arguments ?? [];
    const valueOf = (arg: TS.Expression | undefined) => (arg ? serializationOf(arg, deps, depth + 1) : undefined);
    /** A query written by `writer` from the call's first argument. */
    const queryWrite = (writer: string): Serialization => {
      const value = valueOf(args[0]);
      return {
        kind: 'query',
        display,
        writer,
        writtenAt: node,
        root: value?.root,
        rootName: value?.rootName,
        declaration: value?.declaration,
        at: node,
      };
    };
    // JSON.stringify(x, replacer?, space?)
    if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'JSON' &&
      callee.name.text === 'stringify'
    ) {
      const value = valueOf(args[0]);
      const rest = args
        .slice(1)
        .map((a) => a.getText(sourceFile))
        .join(', ');
      return {
        kind: 'json',
        display,
        writer: 'JSON.stringify',
        writtenAt: node,
        args: normalArgs(rest),
        root: value?.root,
        rootName: value?.rootName,
        declaration: value?.declaration,
        at: node,
      };
    }
    // qs.stringify(x), querystring.stringify(x), stringify(x) imported from one of them.
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    const object = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : '';
    if ((QUERY_OBJECTS.has(object) && QUERY_METHODS.has(method)) || (ts.isIdentifier(callee) && importedQuerySerializer(callee, deps))) {
      return queryWrite(ts.isPropertyAccessExpression(callee) ? `${object}.${method}` : method);
    }
    // new URLSearchParams(x), and its .toString() or String(…) below.
    if (ts.isNewExpression(node) && ts.isIdentifier(callee) && callee.text === 'URLSearchParams') {
      return queryWrite('URLSearchParams');
    }
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString' && args.length === 0) {
      const inner = serializationOf(callee.expression, deps, depth + 1);
      return inner.kind === 'query' ? { ...inner, display, at: node } : unknown;
    }
    // Buffer.from(text), new TextEncoder().encode(text): the same bytes.
    if (
      (ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'Buffer' &&
        callee.name.text === 'from') ||
      (ts.isPropertyAccessExpression(callee) && callee.name.text === 'encode' && args.length === 1)
    )
      return args[0] ? { ...serializationOf(args[0], deps, depth + 1), at: node } : unknown;
  }
  return unknown;
}

/** `null, 2` and `undefined, 2` write alike; spaces do not matter in how the arguments are written. */
function normalArgs(args: string): string {
  const compact = args.replace(/\s+/g, '');
  return compact === 'null' || compact === 'undefined' ? '' : compact.replace(/^undefined,/, 'null,');
}

/** A function imported by name from a query-string package (`import { stringify } from 'qs'`). */
function importedQuerySerializer(callee: TS.Identifier, deps: TraceDeps): boolean {
  const declaration = findDeclaration(callee.text, callee, deps);
  return (
    declaration?.kind === 'import' &&
    /^(?:qs|querystring|node:querystring|query-string)$/.test(declaration.module ?? '') &&
    QUERY_METHODS.has(declaration.importedName ?? '')
  );
}

/** Whether each `let`/`var` is assigned again, by its declaring node: learnt once, however many times its value is read. */
const reassignedVariables = new WeakMap<TS.Node, boolean>();

/** Whether a `let`/`var` is assigned again after its declaration (`let x = …; x = …`): then its initializer does not say what it holds. */
function reassigned(declaration: Declaration, deps: TraceDeps): boolean {
  const ts = typescript();
  const list = declaration.node.parent;
  if (!ts.isVariableDeclarationList(list) || list.flags & ts.NodeFlags.Const) return false;
  deps.touch(declaration.scope);
  let known = reassignedVariables.get(declaration.node);
  if (known === undefined) {
    known = identifiersNamed(declaration.scope, declaration.name.text, declaration.node.getSourceFile()).some((use) => {
      traceWork.count++;
      const parent = use.parent;
      return (
        use !== declaration.name &&
        ts.isBinaryExpression(parent) &&
        parent.left === use &&
        parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
        !shadowed(use, declaration)
      );
    });
    reassignedVariables.set(declaration.node, known);
  }
  return known;
}

/** An expression as a message shows it: one line, at most 60 characters. */
export function shortText(node: TS.Node, sourceFile: TS.SourceFile): string {
  const text = node.getText(sourceFile).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** What a query value is known to hold: an array (a client writes it as repeated or bracketed keys), a comma, a space. */
export interface QueryValueShape {
  array: boolean;
  comma: boolean;
  space: boolean;
}

/**
 * The shape of the value an options object gives `platform_order_ids` (`{ platform_order_ids: ids.join(',') }`,
 * `{ platform_order_ids: ['a', 'b'] }`, a parameter typed `string[]`), as far as the file says.
 */
export function queryValueShape(value: TS.Expression, deps: TraceDeps, depth = 0): QueryValueShape {
  const ts = typescript();
  const none = { array: false, comma: false, space: false };
  const node = unwrap(value);
  if (depth > MAX_DEPTH) return none;
  if (ts.isArrayLiteralExpression(node)) return { ...none, array: true };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return { array: false, comma: node.text.includes(','), space: /\s/.test(node.text) };
  if (ts.isTemplateExpression(node)) {
    const literal = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('');
    return { array: false, comma: literal.includes(','), space: /\s/.test(literal) };
  }
  // ids.join(','), ids.join(', ')
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    const separator = node.arguments[0];
    const text = separator && (ts.isStringLiteral(separator) || ts.isNoSubstitutionTemplateLiteral(separator)) ? separator.text : ',';
    return { array: false, comma: text.includes(','), space: /\s/.test(text) };
  }
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node.text, node, deps);
    if (declaration?.kind === 'parameter') {
      const type = (declaration.node as TS.ParameterDeclaration).type;
      return { ...none, array: type !== undefined && /\[\]|Array</.test(type.getText()) };
    }
    if (declaration?.kind === 'variable' && declaration.initializer && !reassigned(declaration, deps))
      return queryValueShape(declaration.initializer, deps, depth + 1);
  }
  return none;
}
