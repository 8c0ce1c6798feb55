/**
 * Result codes in integrators' code: a string `"000"`–`"999"` compared with (`===`, `==`, `!==`,
 * `!=`), switched on, or assigned to something whose last name is `result` is a JKOPay result
 * code; documented `message` texts in the same places are explained too. The endpoint is told
 * from the surrounding code when it names exactly one (`/platform/refund`, `refundResponse`).
 * Pure.
 */
import type * as TS from 'typescript';
import { allResultCodes } from '../../data';
import type { Endpoint } from '../../data/types';
import { unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

export interface CodeSite {
  literal: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral;
  /** Which envelope field the string stands for. */
  field: 'result' | 'message';
  endpoint: Endpoint | undefined;
}

/** The deepest node whose text spans `offset`. */
export function nodeAt(sourceFile: TS.SourceFile, offset: number): TS.Node | undefined {
  const ts = typescript();
  let found: TS.Node | undefined;
  const visit = (node: TS.Node) => {
    if (offset < node.getStart(sourceFile) || offset > node.end) return;
    found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/** `result`, `res.result`, `res?.result`, `res["result"]` → "result". */
function lastName(expression: TS.Expression): string | undefined {
  const ts = typescript();
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) {
    const arg = unwrap(node.argumentExpression);
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  }
  return undefined;
}

/** The expression the string is compared with, switched on or assigned to, if any. */
function counterpart(literal: TS.Node): { other: TS.Expression | TS.PropertyName } | undefined {
  const ts = typescript();
  let node: TS.Node = literal;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const comparison =
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken;
    if (comparison) return { other: parent.left === node ? parent.right : parent.left };
    if (op === ts.SyntaxKind.EqualsToken && parent.right === node) return { other: parent.left };
  }
  if (ts.isCaseClause(parent) && parent.expression === node) return { other: parent.parent.parent.expression };
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return { other: parent.name };
  return undefined;
}

function nameOf(other: TS.Expression | TS.PropertyName): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(other) || ts.isStringLiteral(other)) return other.text;
  if (ts.isComputedPropertyName(other) || ts.isPrivateIdentifier(other) || ts.isNumericLiteral(other) || ts.isBigIntLiteral(other))
    return undefined;
  return lastName(other as TS.Expression);
}

const ENDPOINT_WORD = /\/platform\/(entry|refund|inquiry)\b|\b\w*(entry|refund|inquiry)\w*/gi;

/** The one endpoint the code names around `node` (its expression first, then the enclosing function), if exactly one. */
function endpointNear(node: TS.Node, other: TS.Node, sourceFile: TS.SourceFile): Endpoint | undefined {
  const ts = typescript();
  const single = (text: string): Endpoint | undefined => {
    const found = new Set<string>();
    for (const m of text.matchAll(ENDPOINT_WORD)) found.add((m[1] ?? m[2]).toLowerCase());
    return found.size === 1 ? ([...found][0] as Endpoint) : undefined;
  };
  const fromExpression = single(other.getText(sourceFile));
  if (fromExpression) return fromExpression;
  let scope: TS.Node = node;
  while (scope.parent && !ts.isFunctionLike(scope)) scope = scope.parent;
  return single(scope.getText(sourceFile));
}

const MESSAGES = new Set(allResultCodes().flatMap((row) => (row.message ? [row.message] : [])));

/** The result-code or message site at `offset`, when the string there is one. */
export function codeSiteAt(sourceFile: TS.SourceFile, offset: number): CodeSite | undefined {
  const ts = typescript();
  const node = nodeAt(sourceFile, offset);
  if (!node || !(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return undefined;
  const found = counterpart(node);
  if (!found) return undefined;
  const name = nameOf(found.other);
  // A shorter string is a code being typed (completion); hovers ask for three digits.
  const isCode = name === 'result' && /^\d{0,3}$/.test(node.text);
  const isMessage = name === 'message' && MESSAGES.has(node.text);
  if (!isCode && !isMessage) return undefined;
  return { literal: node, field: isCode ? 'result' : 'message', endpoint: endpointNear(node, found.other, sourceFile) };
}
