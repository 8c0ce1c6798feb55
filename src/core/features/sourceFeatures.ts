/**
 * Hover and completion for result codes and messages in TS/JS source (see sourceResultCodes.ts):
 * the explanation of `"105"` in `if (res.result === "105")`, the documented codes offered inside
 * such a comparison, and on `result` of an answer every code its endpoint answers. Which endpoint
 * answered is the answer resolver's (source/answerEndpoint.ts), as for the coverage rules: a hover
 * and a diagnostic never name different endpoints. In callback handlers and inquiry code, the
 * `status` of a JKOPay transaction (source/transactionReads.ts) and the numbers it is compared
 * with are explained too. Pure.
 */
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import { allResultCodes, transactionStatuses } from '../../data';
import type { Lang } from '../../data/types';
import type { Completion } from './completion';
import type { HoverResult } from './hover';
import { localize } from '../texts/localize';
import { explainCodeMarkdown, explainMessageMarkdown, explainStatusMarkdown, RESULT_CODE } from '../texts/resultCodeDocs';
import type * as TS from 'typescript';
import { AnswerResolver } from '../source/answerEndpoint';
import type { ImportedBindings } from '../source/importedBindings';
import { codeSiteAt } from '../source/sourceResultCodes';
import { parseSourceFile, type SourceDocument } from '../source/sourceDocument';
import { typescript } from '../source/typescriptLoader';
import { msg } from '../texts/messages';
import { codeRows } from '../rules/resultCodeFixes';
import { nodeAt, subjectOf } from '../source/resultSites';
import { isTransactionStatus } from '../source/transactionReads';

/** Only sources that mention one of these can hold a code site; others are not parsed for it. */
const MENTIONS = /\bresult\b|\bmessage\b|\bstatus\b/;

/** Sources already searched for MENTIONS without a hit: each version of a document is searched once. */
const unmentioned = new WeakSet<SourceDocument>();

/**
 * The document's syntax tree, parsed on first need and kept in the document: the cached version
 * then serves every later hover and completion, and the next version re-parses incrementally
 * from it (see reparseSourceDocument) instead of from scratch.
 */
function treeOf(doc: SourceDocument) {
  if (doc.sourceFile || unmentioned.has(doc)) return doc.sourceFile;
  if (!MENTIONS.test(doc.text)) {
    unmentioned.add(doc);
    return undefined;
  }
  doc.sourceFile = parseSourceFile(doc.uri, doc.text);
  return doc.sourceFile;
}

export function doSourceHover(doc: SourceDocument, offset: number, lang: Lang, imports?: ImportedBindings): HoverResult | undefined {
  const sourceFile = treeOf(doc);
  if (!sourceFile) return undefined;
  const resolver = new AnswerResolver(sourceFile, imports);
  const member = resultMemberHover(sourceFile, offset, lang, resolver) ?? statusHover(sourceFile, offset, lang, resolver);
  if (member) return member;
  const site = codeSiteAt(sourceFile, offset, resolver);
  if (!site) return undefined;
  const offsetOf = site.literal.getStart(sourceFile);
  const at = { offset: offsetOf, length: site.literal.end - offsetOf };
  if (site.field === 'message') {
    const markdown = explainMessageMarkdown(site.literal.text, lang, site.endpoint);
    return markdown ? { markdown, ...at } : undefined;
  }
  if (!RESULT_CODE.test(site.literal.text)) return undefined;
  return { markdown: explainCodeMarkdown(site.literal.text, lang, site.endpoint), ...at };
}

export function doSourceComplete(doc: SourceDocument, offset: number, lang: Lang, imports?: ImportedBindings): Completion[] {
  const sourceFile = treeOf(doc);
  const site = sourceFile && codeSiteAt(sourceFile, offset, new AnswerResolver(sourceFile, imports));
  if (!site || site.field !== 'result') return [];
  // Replace the string's contents, keeping the quotes the user typed.
  const start = site.literal.getStart(sourceFile) + 1;
  const length = Math.max(0, site.literal.end - 1 - start);
  const seen = new Set<string>();
  const items: Completion[] = [];
  for (const row of allResultCodes()) {
    if (row.status !== 'current' || (site.endpoint && row.endpoint !== site.endpoint) || seen.has(row.code)) continue;
    seen.add(row.code);
    const item: CompletionItem = {
      label: row.code,
      kind: CompletionItemKind.Constant,
      detail: localize(row.title, lang),
      documentation: { kind: MarkupKind.Markdown, value: explainCodeMarkdown(row.code, lang, site.endpoint) },
      insertText: row.code,
      sortText: row.code,
    };
    items.push({ item, offset: start, length });
  }
  return items;
}

/**
 * The hover on a JKOPay transaction's `status` (every status it takes), or on a number it is
 * compared with or switched over (`transaction.status === 0`: that status).
 */
function statusHover(sourceFile: TS.SourceFile, offset: number, lang: Lang, resolver: AnswerResolver): HoverResult | undefined {
  const ts = typescript();
  const node = nodeAt(sourceFile, offset);
  if (!node?.parent) return undefined;
  const start = node.getStart(sourceFile);
  const at = { offset: start, length: node.end - start };
  if (ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) {
    if (!isTransactionStatus(node.parent, resolver)) return undefined;
    const lines = [`**${msg(lang, 'hover-transaction-status')}**`, ''];
    for (const entry of transactionStatuses())
      if (entry.current) lines.push(`- \`${entry.status}\` ${localize(entry.title, lang)}: ${localize(entry.meaning, lang)}`);
    return { markdown: lines.join('\n'), ...at };
  }
  if (!ts.isNumericLiteral(node)) return undefined;
  const read = statusComparedWith(node);
  if (!read || !isTransactionStatus(read, resolver)) return undefined;
  const markdown = explainStatusMarkdown(Number(node.text), lang);
  return markdown ? { markdown, ...at } : undefined;
}

/** The `X.status` a number is compared with (`===`, `!==`…) or is a `case` of. */
function statusComparedWith(literal: TS.NumericLiteral): TS.PropertyAccessExpression | undefined {
  const ts = typescript();
  const parent = literal.parent;
  let other: TS.Expression | undefined;
  if (ts.isBinaryExpression(parent) && /^[!=]==?$/.test(parent.operatorToken.getText()))
    other = parent.left === literal ? parent.right : parent.left;
  else if (ts.isCaseClause(parent)) other = parent.parent.parent.expression;
  while (other && (ts.isParenthesizedExpression(other) || ts.isNonNullExpression(other))) other = other.expression;
  return other && ts.isPropertyAccessExpression(other) && other.name.text === 'status' ? other : undefined;
}

/** The hover on the `result` of an answer whose endpoint is known: every code it answers, with its messages. */
function resultMemberHover(sourceFile: TS.SourceFile, offset: number, lang: Lang, resolver: AnswerResolver): HoverResult | undefined {
  const ts = typescript();
  const node = nodeAt(sourceFile, offset);
  if (!node || !node.parent || !ts.isIdentifier(node)) return undefined;
  const access = node.parent;
  const isName =
    (ts.isPropertyAccessExpression(access) && access.name === node) ||
    (ts.isElementAccessExpression(access) && access.argumentExpression === node);
  const read = isName ? (access as TS.Expression) : node;
  const subject = subjectOf(read);
  if (!subject) return undefined;
  const endpoint = resolver.endpointAt(subject, read);
  if (!endpoint) return undefined;
  const lines = [`**${msg(lang, 'coverage-hover-title', { endpoint })}**`, ''];
  for (const [code, rows] of codeRows(endpoint)) {
    for (const row of rows) {
      const message =
        row.message === null ? (row.messageIsDynamic ? `_${msg(lang, 'hover-dynamic-message')}_` : '`null`') : `\`${row.message}\``;
      lines.push(`- \`'${code}'\` ${localize(row.title, lang)}: ${message}`);
    }
  }
  const start = node.getStart(sourceFile);
  return { markdown: lines.join('\n'), offset: start, length: node.end - start };
}
