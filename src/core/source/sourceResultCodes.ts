/**
 * Result codes in integrators' code: a string `"000"`–`"999"` compared with (`===`, `==`, `!==`,
 * `!=`), switched on, or assigned to something whose last name is `result` is a JKOPay result
 * code when that something is known to be JKOPay's answer; documented `message` texts in the same
 * places are explained too. The endpoint is the one the answer resolver finds for the answer the
 * `result` (or `message`) is read from — the same that the coverage rules use — and none when it
 * finds none. Pure.
 */
import type * as TS from 'typescript';
import { allResultCodes } from '../../data';
import type { Endpoint } from '../../data/types';
import type { AnswerResolver } from './answerEndpoint';
import { subjectOf } from './resultSites';
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

/** The answer of a `X.result` or `X.message` read, or of a `result` destructured from one; undefined for anything else. */
function answerOf(other: TS.Expression | TS.PropertyName): TS.Expression | undefined {
  const ts = typescript();
  const node = unwrap(other as TS.Expression);
  if (ts.isPropertyAccessExpression(node)) return node.expression;
  if (ts.isElementAccessExpression(node)) return node.expression;
  return ts.isIdentifier(node) ? subjectOf(node) : undefined;
}

const MESSAGES = new Set(allResultCodes().flatMap((row) => (row.message ? [row.message] : [])));

/** The result-code or message site at `offset`, when the string there is one; `resolver` says which endpoint answered. */
export function codeSiteAt(sourceFile: TS.SourceFile, offset: number, resolver: AnswerResolver): CodeSite | undefined {
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
  // Only a JKOPay answer's codes are JKOPay's: a job's, a queue's or another provider's `result` is none of ours.
  const answer = answerOf(found.other);
  if (!answer || !resolver.isJkoPayAnswer(answer, node)) return undefined;
  return { literal: node, field: isCode ? 'result' : 'message', endpoint: resolver.endpointAt(answer, node) };
}
