/**
 * The quick fixes of result-code coverage. "Handle the missing result codes" writes code that
 * handles, not code that silences: the missing codes grouped by what the merchant must do (already
 * done, retry later, show the buyer a message, fix the request and alert the merchant — the
 * `handling` of each row of the result-code table), each group a `case` list (or an `else if`)
 * with a short comment, ending in a `throw` that names the answer and stays until the user writes
 * the handling. "Handle … as done" routes the codes that mean the request already succeeded away
 * from a `default` that throws. Pure.
 */
import type * as TS from 'typescript';
import { endpointResultRows } from '../../data';
import type { Endpoint, Lang, ResultCodeEntry } from '../../data/types';
import { unwrap } from '../source/tsParser';
import { typescript } from '../source/typescriptLoader';
import { localize } from '../texts/localize';
import { type MessageId, msg } from '../texts/messages';
import type { Fix } from './findings';
import type { Chain } from '../source/resultSites';

type Handling = NonNullable<ResultCodeEntry['handling']> | 'by-message';

/** The order the groups are written in: what needs nothing first, what needs a person last. */
const GROUPS: Handling[] = ['success', 'done', 'retry', 'buyer', 'merchant', 'by-message'];

/** The rows of each code an endpoint answers, in table order. */
export function codeRows(endpoint: Endpoint): Map<string, ResultCodeEntry[]> {
  const rows = new Map<string, ResultCodeEntry[]>();
  for (const row of endpointResultRows(endpoint).rows) rows.set(row.code, [...(rows.get(row.code) ?? []), row]);
  return rows;
}

/** A code's meaning in a few words: its titles, joined. */
function titlesOf(rows: readonly ResultCodeEntry[], lang: Lang): string {
  const titles = [...new Set(rows.map((r) => localize(r.title, lang)))];
  // Entry's 200 has seven situations: a comment names how many, the hover on the code lists them.
  if (titles.length > MAX_TITLES) return msg(lang, 'code-situations', { count: titles.length });
  return titles.join(lang === 'zh-TW' ? '／' : ' / ');
}

/** More titles than this make a comment too long to read: their number is said instead. */
const MAX_TITLES = 2;
/** Conditions longer than this are written one comparison a line, as Prettier would. */
const MAX_CONDITION = 80;

/** `'101' (Order already paid)`, for messages. */
export function codeWithMeaning(code: string, rows: readonly ResultCodeEntry[], lang: Lang): string {
  const titles = titlesOf(rows, lang);
  return lang === 'zh-TW' ? `'${code}'（${titles}）` : `'${code}' (${titles})`;
}

/** What to do with a code: its rows' handling, or by its message when its rows differ (entry 200). */
function handlingOf(rows: readonly ResultCodeEntry[]): Handling {
  const kinds = new Set(rows.map((r) => r.handling ?? 'merchant'));
  return kinds.size === 1 ? [...kinds][0] : 'by-message';
}

/** The missing codes by what to do with them, in the groups' order. */
function grouped(missing: readonly string[], rows: Map<string, ResultCodeEntry[]>): [Handling, string[]][] {
  const groups = new Map<Handling, string[]>();
  for (const code of missing) {
    const handling = handlingOf(rows.get(code) ?? []);
    groups.set(handling, [...(groups.get(handling) ?? []), code]);
  }
  return GROUPS.filter((g) => groups.has(g)).map((g) => [g, groups.get(g)!]);
}

const fileQuotes = new WeakMap<TS.SourceFile, string>();

/** The quote a file writes strings with: that of `near`, else that of its first string, else '. */
export function quoteOf(near: TS.Node | undefined, sourceFile: TS.SourceFile): string {
  const ts = typescript();
  const text = near?.getText(sourceFile) ?? '';
  if (text.startsWith('"') || text.startsWith("'")) return text[0];
  let quote = fileQuotes.get(sourceFile);
  if (quote === undefined) {
    quote = "'";
    const visit = (node: TS.Node): boolean => {
      if (ts.isStringLiteral(node)) {
        quote = node.getText(sourceFile)[0];
        return true;
      }
      return ts.forEachChild(node, visit) ?? false;
    };
    ts.forEachChild(sourceFile, visit);
    fileQuotes.set(sourceFile, quote);
  }
  return quote;
}

function lineIndent(sourceFile: TS.SourceFile, offset: number): string {
  const text = sourceFile.text;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = start;
  while (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9) end++;
  return text.slice(start, end);
}

/** The statement that ends a group until the user writes its handling: a throw naming the answer and what to do. */
function throwStatement(handling: Handling, access: string, lang: Lang): string {
  const what = msg(lang, `handle-${handling}-short` as MessageId);
  // A template literal, so the thrown message carries the code that came (the group holds several).
  return `throw new Error(\`${msg(lang, 'handle-throw', { what })}\${${access}}\`);`;
}

/** "Handle the missing result codes" for a switch: a group of cases per handling, before the closing brace. */
export function switchFix(
  statement: TS.SwitchStatement,
  subject: TS.Expression,
  missing: readonly string[],
  endpoint: Endpoint,
  sourceFile: TS.SourceFile,
  lang: Lang,
): Fix {
  const text = sourceFile.text;
  const clauses = statement.caseBlock.clauses;
  const quote = quoteOf(clauses.length ? unwrap((clauses[0] as TS.CaseClause).expression) : undefined, sourceFile);
  const { caseIndent, bodyIndent, switchIndent } = switchIndents(statement, sourceFile);
  const rows = codeRows(endpoint);
  const access = statement.expression.getText(sourceFile) || `${subject.getText(sourceFile)}.result`;
  const cases = grouped(missing, rows)
    .map(([handling, codes]) => {
      const lines = [`${caseIndent}// ${groupComment(handling, lang)}`];
      for (const code of codes) lines.push(`${caseIndent}case ${quote}${code}${quote}: // ${titlesOf(rows.get(code) ?? [], lang)}`);
      lines.push(`${bodyIndent}${throwStatement(handling, access, lang)}`);
      return `${lines.join('\n')}\n`;
    })
    .join('');
  const close = statement.caseBlock.end - 1;
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const ownLine = text.slice(lineStart, close).trim() === '';
  const edit = ownLine
    ? { offset: lineStart, length: 0, newText: cases }
    : { offset: close, length: 0, newText: `\n${cases}${switchIndent}` };
  return { title: msg(lang, 'fix-handle-missing-codes'), edits: [edit] };
}

/** What a group's comment says: what to do. */
function groupComment(handling: Handling, lang: Lang): string {
  return msg(lang, `handle-${handling}` as MessageId);
}

function switchIndents(statement: TS.SwitchStatement, sourceFile: TS.SourceFile) {
  const clauses = statement.caseBlock.clauses;
  const switchIndent = lineIndent(sourceFile, statement.getStart(sourceFile));
  const first = clauses[0];
  const caseIndent = first ? lineIndent(sourceFile, first.getStart(sourceFile)) : `${switchIndent}  `;
  const unit = caseIndent.length > switchIndent.length ? caseIndent.slice(switchIndent.length) : '  ';
  const firstStatement = clauses.find((c) => c.statements.length)?.statements[0];
  const bodyIndent =
    firstStatement && lineIndent(sourceFile, firstStatement.getStart(sourceFile)).length > caseIndent.length
      ? lineIndent(sourceFile, firstStatement.getStart(sourceFile))
      : caseIndent + unit;
  return { switchIndent, caseIndent, bodyIndent };
}

/** "Handle the missing result codes" for an if chain: an `else if` per group of codes. */
export function chainFix(
  top: TS.IfStatement,
  chain: Chain,
  missing: readonly string[],
  endpoint: Endpoint,
  sourceFile: TS.SourceFile,
  lang: Lang,
): Fix {
  const last = chain.branches[chain.branches.length - 1];
  const indent = lineIndent(sourceFile, top.getStart(sourceFile));
  const quote = quoteOf(chain.literal, sourceFile);
  const rows = codeRows(endpoint);
  const text = grouped(missing, rows)
    .map(([handling, codes]) => {
      const body = [`${indent}  // ${groupComment(handling, lang)}`];
      for (const code of codes) body.push(`${indent}  // ${code}: ${titlesOf(rows.get(code) ?? [], lang)}`);
      body.push(`${indent}  ${throwStatement(handling, chain.access, lang)}`);
      return ` else if (${condition(chain, codes, quote, indent)}) {\n${body.join('\n')}\n${indent}}`;
    })
    .join('');
  return { title: msg(lang, 'fix-handle-missing-codes'), edits: [{ offset: last.thenStatement.end, length: 0, newText: text }] };
}

/** `a === '100' || a === '102'`, one comparison a line when long. */
function condition(chain: Chain, codes: readonly string[], quote: string, indent: string): string {
  const comparisons = codes.map((code) => `${chain.access} === ${quote}${code}${quote}`);
  const oneLine = comparisons.join(' || ');
  if (oneLine.length <= MAX_CONDITION) return oneLine;
  return `\n${comparisons.map((c) => `${indent}  ${c}`).join(' ||\n')}\n${indent}`;
}

/** "Handle … as done" for an if chain: an `else if` for the codes that mean the request already succeeded, before the throwing `else`. */
export function doneBranchFix(chain: Chain, done: readonly string[], endpoint: Endpoint, sourceFile: TS.SourceFile, lang: Lang): Fix {
  const last = chain.branches[chain.branches.length - 1];
  const indent = lineIndent(sourceFile, chain.branches[0].getStart(sourceFile));
  const quote = quoteOf(chain.literal, sourceFile);
  const rows = codeRows(endpoint);
  const meanings = done.map((code) => `${indent}  // ${code}: ${titlesOf(rows.get(code) ?? [], lang)}\n`).join('');
  const body = `${indent}  // ${msg(lang, 'handle-done')}\n${meanings}`;
  return {
    title: msg(lang, 'fix-handle-done', { codes: done.join(', ') }),
    edits: [
      { offset: last.thenStatement.end, length: 0, newText: ` else if (${condition(chain, done, quote, indent)}) {\n${body}${indent}}` },
    ],
  };
}

/** "Handle … as done": a case for each code that means the request already succeeded, before the throwing default. */
export function doneCaseFix(
  statement: TS.SwitchStatement,
  fallback: TS.DefaultClause,
  done: readonly string[],
  endpoint: Endpoint,
  sourceFile: TS.SourceFile,
  lang: Lang,
): Fix {
  const firstCase = statement.caseBlock.clauses.find((c): c is TS.CaseClause => typescript().isCaseClause(c));
  const quote = quoteOf(firstCase && unwrap(firstCase.expression), sourceFile);
  const { caseIndent, bodyIndent } = switchIndents(statement, sourceFile);
  const rows = codeRows(endpoint);
  const lines: string[] = [];
  for (const code of done) lines.push(`${caseIndent}case ${quote}${code}${quote}: // ${titlesOf(rows.get(code) ?? [], lang)}`);
  lines.push(`${bodyIndent}// ${msg(lang, 'handle-done')}`, `${bodyIndent}break;`);
  const at = sourceFile.text.lastIndexOf('\n', fallback.getStart(sourceFile) - 1) + 1;
  return {
    title: msg(lang, 'fix-handle-done', { codes: done.join(', ') }),
    edits: [{ offset: at, length: 0, newText: `${lines.join('\n')}\n` }],
  };
}
