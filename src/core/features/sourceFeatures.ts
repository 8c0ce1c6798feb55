/**
 * Hover and completion for result codes and messages in TS/JS source (see sourceResultCodes.ts):
 * the explanation of `"105"` in `if (res.result === "105")`, and the documented codes offered
 * inside such a comparison. Pure.
 */
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import { allResultCodes } from '../../data';
import type { Lang } from '../../data/types';
import type { Completion } from './completion';
import type { HoverResult } from './hover';
import { localize } from '../texts/localize';
import { explainCodeMarkdown, explainMessageMarkdown, RESULT_CODE } from '../texts/resultCodeDocs';
import { resultMemberHover } from '../rules/resultCodeCoverage';
import { codeSiteAt } from '../source/sourceResultCodes';
import { parseSourceFile, type SourceDocument } from '../source/sourceDocument';

/** Only sources that mention one of these can hold a code site; others are not parsed for it. */
const MENTIONS = /\bresult\b|\bmessage\b/;

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

export function doSourceHover(doc: SourceDocument, offset: number, lang: Lang): HoverResult | undefined {
  const sourceFile = treeOf(doc);
  const member = sourceFile && resultMemberHover(sourceFile, offset, lang);
  if (member) return member;
  const site = sourceFile && codeSiteAt(sourceFile, offset);
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

export function doSourceComplete(doc: SourceDocument, offset: number, lang: Lang): Completion[] {
  const sourceFile = treeOf(doc);
  const site = sourceFile && codeSiteAt(sourceFile, offset);
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
