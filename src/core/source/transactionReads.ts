/**
 * Which `status` reads are a JKOPay transaction's: the order of a result_url callback or of an
 * inquiry answer, whose `status` is an integer (0 paid, 100 failed, 101 not yet paid, 102 no such
 * order), unlike the answer's `result`. Known by the library's types, never by the name `status`
 * alone (a job, an HTTP answer and an order row all have one):
 *
 * - `X.status` where X is typed with a transaction type of this package (`Transaction` imported
 *   from `jkopay-tools`, any type named for the brand such as `JkoPayTransaction`), by annotation,
 *   JSDoc or `as`;
 * - `body.transaction.status`, or a `transaction` destructured, from a value typed `ResultCallback`;
 * - an element of an inquiry answer's `result_object.transactions` (the answer resolver says which
 *   answer is an inquiry's): `transactions[0].status`, `for (const t of …transactions)`,
 *   `…transactions.filter((t) => t.status === 0)`.
 *
 * Pure.
 */
import type * as TS from 'typescript';
import type { AnswerResolver } from './answerEndpoint';
import { findDeclaration } from './declarations';
import { TraceDeps } from './traceDeps';
import { typescript } from './typescriptLoader';

const LIBRARY = 'jkopay-tools';
const TRANSACTION_TYPE = /Transaction$/;
const CALLBACK_TYPE = /ResultCallback$/;
/** Methods whose callback's first parameter is an element of the array they are called on. */
const ELEMENT_CALLBACKS = new Set(['filter', 'map', 'find', 'findLast', 'forEach', 'some', 'every', 'flatMap']);
/** How many steps back a transaction is followed. */
const MAX_DEPTH = 6;

/** Whether `read` (an `X.status`) reads the status of a JKOPay transaction. */
export function isTransactionStatus(read: TS.PropertyAccessExpression, resolver: AnswerResolver): boolean {
  return read.name.text === 'status' && isTransaction(read.expression, resolver, 0);
}

function isTransaction(expression: TS.Expression, resolver: AnswerResolver, depth: number): boolean {
  const ts = typescript();
  if (depth > MAX_DEPTH) return false;
  const e = unwrapped(expression);
  if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return isLibraryType(e.type, TRANSACTION_TYPE);
  // `body.transaction`, `(req.body as ResultCallback).transaction`.
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'transaction') return isCallback(e.expression, depth + 1);
  // `answer.result_object.transactions[0]`.
  if (ts.isElementAccessExpression(e)) return isTransactionList(e.expression, resolver, depth + 1);
  if (!ts.isIdentifier(e)) return false;
  const declaration = findDeclaration(e.text, e, new TraceDeps());
  const node = declaration?.node;
  if (!node || !(ts.isVariableDeclaration(node) || ts.isParameter(node))) return false;
  // `transactions.filter((t: { status: number }) => …)`: the first parameter of an element callback, whatever its type says.
  if (ts.isParameter(node) && isElementParameter(node, resolver, depth + 1)) return true;
  const type = node.type ?? ts.getJSDocType(node);
  if (type && ts.isIdentifier(node.name)) return isLibraryType(type, TRANSACTION_TYPE);
  // `const { transaction } = body as ResultCallback`, `({ transaction }: ResultCallback) => …`.
  if (ts.isObjectBindingPattern(node.name)) {
    const destructured = node.name.elements.some(
      (element) =>
        ts.isIdentifier(element.name) && element.name.text === e.text && (element.propertyName ?? element.name).getText() === 'transaction',
    );
    if (!destructured) return false;
    if (type) return isLibraryType(type, CALLBACK_TYPE);
    return ts.isVariableDeclaration(node) && node.initializer !== undefined && isCallback(node.initializer, depth + 1);
  }
  // `for (const t of answer.result_object.transactions)`.
  const statement = node.parent?.parent;
  return (
    ts.isVariableDeclaration(node) &&
    statement !== undefined &&
    ts.isForOfStatement(statement) &&
    isTransactionList(statement.expression, resolver, depth + 1)
  );
}

/** A value typed `ResultCallback` (by annotation, JSDoc or `as`). */
function isCallback(expression: TS.Expression, depth: number): boolean {
  const ts = typescript();
  const e = unwrapped(expression);
  if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return isLibraryType(e.type, CALLBACK_TYPE);
  if (!ts.isIdentifier(e) || depth > MAX_DEPTH) return false;
  const node = findDeclaration(e.text, e, new TraceDeps())?.node;
  if (!node || !(ts.isVariableDeclaration(node) || ts.isParameter(node))) return false;
  const type = node.type ?? ts.getJSDocType(node);
  if (type) return isLibraryType(type, CALLBACK_TYPE);
  return ts.isVariableDeclaration(node) && node.initializer !== undefined && isCallback(node.initializer, depth + 1);
}

/** `X.result_object.transactions` where X is an inquiry answer, or a variable holding that list. */
function isTransactionList(expression: TS.Expression, resolver: AnswerResolver, depth: number): boolean {
  const ts = typescript();
  const e = unwrapped(expression);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'transactions') {
    const holder = unwrapped(e.expression);
    const answer = ts.isPropertyAccessExpression(holder) && holder.name.text === 'result_object' ? holder.expression : undefined;
    return answer !== undefined && resolver.endpointAt(answer, e) === 'inquiry';
  }
  // `answer.result_object.transactions.filter(…)` and the like keep the elements.
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ELEMENT_CALLBACKS.has(e.expression.name.text))
    return e.expression.name.text === 'filter' && isTransactionList(e.expression.expression, resolver, depth + 1);
  if (!ts.isIdentifier(e) || depth > MAX_DEPTH) return false;
  const node = findDeclaration(e.text, e, new TraceDeps())?.node;
  return (
    !!node && ts.isVariableDeclaration(node) && node.initializer !== undefined && isTransactionList(node.initializer, resolver, depth + 1)
  );
}

function isElementParameter(parameter: TS.ParameterDeclaration, resolver: AnswerResolver, depth: number): boolean {
  const ts = typescript();
  const fn = parameter.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== parameter) return false;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isPropertyAccessExpression(call.expression)) return false;
  return ELEMENT_CALLBACKS.has(call.expression.name.text) && isTransactionList(call.expression.expression, resolver, depth);
}

/**
 * A type of this package named like `pattern`: a reference whose name is imported from
 * `jkopay-tools` (or JSDoc's `import('jkopay-tools').X`), or any name with the brand in it.
 */
function isLibraryType(type: TS.TypeNode, pattern: RegExp): boolean {
  const ts = typescript();
  if (ts.isImportTypeNode(type))
    return (
      ts.isLiteralTypeNode(type.argument) &&
      ts.isStringLiteral(type.argument.literal) &&
      type.argument.literal.text === LIBRARY &&
      !!type.qualifier &&
      pattern.test(type.qualifier.getText())
    );
  if (ts.isUnionTypeNode(type)) return type.types.some((t) => isLibraryType(t, pattern));
  if (!ts.isTypeReferenceNode(type)) return false;
  const name = type.typeName.getText();
  if (!pattern.test(name)) return false;
  if (/jko/i.test(name)) return true;
  const first = ts.isIdentifier(type.typeName) ? type.typeName : leftmost(type.typeName);
  const declaration = findDeclaration(first.text, type, new TraceDeps());
  return declaration?.kind === 'import' && declaration.module === LIBRARY;
}

function leftmost(name: TS.QualifiedName): TS.Identifier {
  const ts = typescript();
  let left: TS.EntityName = name;
  while (!ts.isIdentifier(left)) left = left.left;
  return left;
}

/** Without parentheses, `!` and `await`; an `as` stays, for the type it names. */
function unwrapped(expression: TS.Expression): TS.Expression {
  const ts = typescript();
  let e = expression;
  while (ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
  return e;
}
