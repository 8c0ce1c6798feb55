/**
 * Where code reads the `result` of an answer: every `switch` on and equality comparison with a
 * `result` read (`X.result`, `X?.result`, `X['result']`, or a `result` destructured from an answer),
 * found from the text's `result` words rather than by walking the whole tree, and the `if`/`else if`
 * chains such comparisons make up. What answered is `answerEndpoint.ts`'s question; the rules
 * and their fixes are in `rules/resultCode*.ts`. Pure.
 */
import type * as TS from 'typescript';
import { findDeclaration } from './declarations';
import { parseSourceFile, type SourceDocument } from './sourceDocument';
import { TraceDeps } from './traceDeps';
import { childAt, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

/** A file can hold a checked site only when it reads a `result`. */
export const MENTIONS_RESULT = /\bresult\b/;
const MENTIONS_RESULT_GLOBAL = /\bresult\b/g;

/**
 * The deepest node whose text spans `offset`, by descending from the file and binary-searching
 * each list of children: visiting every top-level statement for each `result` in a long file
 * would make the search quadratic.
 */
export function nodeAt(sourceFile: TS.SourceFile, offset: number): TS.Node | undefined {
  let found: TS.Node | undefined;
  let node: TS.Node | undefined = sourceFile;
  while (node) {
    const next = childAt(node, offset);
    // Leading trivia belongs to a node's span (pos) but not to its text: stop above it.
    if (next && offset < next.getStart(sourceFile)) break;
    node = next;
    if (node) found = node;
  }
  return found;
}

/** The tree of a source document, parsed here when the payload search did not need it. */
export function treeOf(doc: SourceDocument): TS.SourceFile | undefined {
  if (doc.sourceFile) return doc.sourceFile;
  if (!MENTIONS_RESULT.test(doc.text)) return undefined;
  // Kept on the document, so that the next edit re-parses incrementally.
  doc.sourceFile = parseSourceFile(doc.uri, doc.text);
  return doc.sourceFile;
}

/**
 * The answer a `result` read belongs to: `X` of `X.result`, `X?.result` or `X['result']`; for a
 * `result` destructured from an answer, that name itself (the resolver follows its declaration).
 */
export function subjectOf(node: TS.Expression): TS.Expression | undefined {
  const ts = typescript();
  const access = unwrap(node);
  if (ts.isPropertyAccessExpression(access) && access.name.text === 'result') return access.expression;
  if (ts.isElementAccessExpression(access)) {
    const arg = unwrap(access.argumentExpression);
    if ((ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && arg.text === 'result') return access.expression;
  }
  if (ts.isIdentifier(access) && isDestructuredResult(access)) return access;
  return undefined;
}

/** `result` bound by `{ result }` (or `{ result: r }`) in a variable's or a parameter's pattern. */
function isDestructuredResult(name: TS.Identifier): boolean {
  const ts = typescript();
  const parent = name.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === name) return false;
  const declaration = findDeclaration(name.text, name, new TraceDeps());
  const node = declaration?.node;
  const pattern = node && (ts.isVariableDeclaration(node) || ts.isParameter(node)) ? node.name : undefined;
  if (!pattern || !ts.isObjectBindingPattern(pattern)) return false;
  return pattern.elements.some(
    (e) => ts.isIdentifier(e.name) && e.name.text === name.text && (e.propertyName ?? e.name).getText() === 'result',
  );
}

function isEquality(kind: TS.SyntaxKind): boolean {
  const K = typescript().SyntaxKind;
  return (
    kind === K.EqualsEqualsEqualsToken ||
    kind === K.EqualsEqualsToken ||
    kind === K.ExclamationEqualsEqualsToken ||
    kind === K.ExclamationEqualsToken
  );
}

export interface Comparison {
  node: TS.BinaryExpression;
  subject: TS.Expression;
  /** The literal the result is compared with. */
  value: TS.Expression;
  equal: boolean;
}

/** `X.result === v` or `v == X.result` (any equality operator), else undefined. */
export function comparisonOf(node: TS.Node): Comparison | undefined {
  const ts = typescript();
  if (!ts.isBinaryExpression(node) || !isEquality(node.operatorToken.kind)) return undefined;
  const K = ts.SyntaxKind;
  const equal = node.operatorToken.kind === K.EqualsEqualsEqualsToken || node.operatorToken.kind === K.EqualsEqualsToken;
  const left = subjectOf(node.left);
  if (left) return { node, subject: left, value: unwrap(node.right), equal };
  const right = subjectOf(node.right);
  if (right) return { node, subject: right, value: unwrap(node.left), equal };
  return undefined;
}

export function isStringLiteral(node: TS.Node): node is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
  const ts = typescript();
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** The numeric literal (`922`), or undefined: JKOPay codes are never negative. */
export function numberLiteral(node: TS.Expression): TS.NumericLiteral | undefined {
  return typescript().isNumericLiteral(node) ? node : undefined;
}

export interface Sites {
  switches: Map<TS.SwitchStatement, TS.Expression>;
  comparisons: Comparison[];
}

/** Every switch on and comparison with a `result` read, found from the text's `result` words. */
export function findSites(sourceFile: TS.SourceFile): Sites {
  const ts = typescript();
  const sites: Sites = { switches: new Map(), comparisons: [] };
  const seen = new Set<TS.Node>();
  for (const m of sourceFile.text.matchAll(MENTIONS_RESULT_GLOBAL)) {
    let node = nodeAt(sourceFile, m.index);
    if (!node) continue;
    // From the name (or the 'result' string) up to the access expression.
    if (
      node.parent &&
      (ts.isPropertyAccessExpression(node.parent) || ts.isElementAccessExpression(node.parent)) &&
      node.parent.expression !== node
    )
      node = node.parent;
    if (!ts.isExpression(node) || !subjectOf(node)) continue;
    let outer: TS.Node = node;
    while (
      outer.parent &&
      (ts.isParenthesizedExpression(outer.parent) || ts.isAsExpression(outer.parent) || ts.isNonNullExpression(outer.parent))
    )
      outer = outer.parent;
    const parent = outer.parent;
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    if (ts.isSwitchStatement(parent) && parent.expression === outer) sites.switches.set(parent, subjectOf(node)!);
    else {
      const comparison = comparisonOf(parent);
      if (comparison) sites.comparisons.push(comparison);
    }
  }
  return sites;
}

export interface Chain {
  subject: TS.Expression;
  /** The subject's access as written in the chain, e.g. `res.result`. */
  access: string;
  branches: TS.IfStatement[];
  handled: Set<string>;
  /** A string the chain compares with, whose quotes the inserted branches use. */
  literal?: TS.Node;
  /** The last `else`'s statement, when the chain ends in one. */
  finalElse?: TS.Statement;
}

/** The first `if` of the chain whose condition holds `node`, when `node` is (part of) a condition. */
export function chainTop(node: TS.Node): TS.IfStatement | undefined {
  const ts = typescript();
  let n = node;
  while (
    n.parent &&
    (ts.isParenthesizedExpression(n.parent) ||
      (ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken))
  )
    n = n.parent;
  const parent = n.parent;
  if (!parent || !ts.isIfStatement(parent) || parent.expression !== n) return undefined;
  let top = parent;
  while (ts.isIfStatement(top.parent) && top.parent.elseStatement === top) top = top.parent;
  return top;
}

/** An if/else-if chain whose every condition is `X.result === '…'` (or an `||` of those) on one X; else undefined. */
export function readChain(top: TS.IfStatement, sourceFile: TS.SourceFile): Chain | undefined {
  const ts = typescript();
  const handled = new Set<string>();
  const branches: TS.IfStatement[] = [];
  let subjectText: string | undefined;
  let subject: TS.Expression | undefined;
  let access = '';
  let literal: TS.Node | undefined;
  const read = (condition: TS.Expression): boolean => {
    const c = unwrap(condition);
    if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.BarBarToken) return read(c.left) && read(c.right);
    const comparison = comparisonOf(c);
    if (!comparison || !comparison.equal) return false;
    const text = comparison.subject.getText(sourceFile);
    if (subjectText !== undefined && text !== subjectText) return false;
    subjectText = text;
    subject ??= comparison.subject;
    if (!access) access = (subjectOf(comparison.node.left) ? comparison.node.left : comparison.node.right).getText(sourceFile);
    if (isStringLiteral(comparison.value)) {
      handled.add(comparison.value.text);
      literal ??= comparison.value;
    } else if (!numberLiteral(comparison.value)) return false;
    return true;
  };
  let branch: TS.Statement | undefined = top;
  while (branch && ts.isIfStatement(branch)) {
    if (!read(branch.expression)) return undefined;
    branches.push(branch);
    branch = branch.elseStatement;
  }
  return subject ? { subject, access, branches, handled, finalElse: branch, literal } : undefined;
}
