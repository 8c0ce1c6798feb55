/**
 * Result-code coverage in TS/JS: where code branches on the `result` of a JKOPay answer whose
 * endpoint is known, reports a `switch` or `if`/`else if` chain that misses documented codes
 * (`unhandled-result-codes`), a comparison with a number (`result-code-type`: always false, JKOPay
 * answers strings) and a code the endpoint never answers (`unknown-result-code`), each with its
 * quick fix; and the hover on `result` listing every code of the endpoint.
 *
 * The endpoint is known from the value's declared type (`…EntryResponse`), a
 * `// @jkopay entry-response` marker, or the `/platform/…` path of the call that produced it in
 * the same function; when none says exactly one endpoint, nothing is reported. Pure: no fs, net,
 * timers or vscode; the `typescript` parser only through the loader.
 */
import type * as TS from 'typescript';
import { endpointResultRows, findResultCodes } from '../../data';
import type { Endpoint, Lang, ResultCodeEntry } from '../../data/types';
import { type Finding, type Fix, ruleMessage } from './findings';
import { localize } from '../texts/localize';
import { msg } from '../texts/messages';
import { parseSourceFile, type SourceDocument } from '../source/sourceDocument';
import { childAt, unwrap } from '../source/tsParser';
import { typescript } from '../source/typescriptLoader';

/** A file can hold a checked site only when it reads a `result` and names an endpoint one of the three ways. */
const MENTIONS_RESULT = /\.\s*result\b|\[\s*['"`]result['"`]\s*\]/;
const MENTIONS_RESULT_GLOBAL = new RegExp(MENTIONS_RESULT.source, 'g');
const NAMES_ENDPOINT =
  /\/platform\/(?:entry|refund|inquiry)\b|(?:entry|refund|inquiry)Response\b|@jkopay\s+(?:entry|refund|inquiry)-response\b|\bcreateClient\b/i;
const RESPONSE_MARKER = /@jkopay\s+(entry|refund|inquiry)-response\b/i;
const PATH = /\/platform\/(entry|refund|inquiry)\b/gi;
const TYPE_WORD = /[A-Za-z_$][\w$]*/g;
const THREE_DIGITS = /^\d{3}$/;
/** How far the path search follows the variables a value was computed from. */
const MAX_TRACE = 4;

/**
 * The deepest node whose text spans `offset`, by descending from the file and binary-searching
 * each list of children: visiting every top-level statement for each `result` in a long file
 * would make the search quadratic.
 */
function nodeAt(sourceFile: TS.SourceFile, offset: number): TS.Node | undefined {
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
function treeOf(doc: SourceDocument): TS.SourceFile | undefined {
  if (doc.sourceFile) return doc.sourceFile;
  if (!MENTIONS_RESULT.test(doc.text) || !NAMES_ENDPOINT.test(doc.text)) return undefined;
  // Kept on the document, so that the next edit re-parses incrementally.
  doc.sourceFile = parseSourceFile(doc.uri, doc.text);
  return doc.sourceFile;
}

/** `X` of `X.result`, `X?.result` or `X['result']`; undefined for anything else. */
function subjectOf(node: TS.Expression): TS.Expression | undefined {
  const ts = typescript();
  const access = unwrap(node);
  if (ts.isPropertyAccessExpression(access) && access.name.text === 'result') return access.expression;
  if (ts.isElementAccessExpression(access)) {
    const arg = unwrap(access.argumentExpression);
    if ((ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && arg.text === 'result') return access.expression;
  }
  return undefined;
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

/** The one endpoint the words of a type name, e.g. `JkoPayEntryResponse | undefined`. */
function endpointOfType(typeText: string): Endpoint | undefined {
  const found = new Set<Endpoint>();
  for (const [word] of typeText.matchAll(TYPE_WORD)) {
    const m = /(entry|refund|inquiry)Response$/i.exec(word);
    if (m) found.add(m[1].toLowerCase() as Endpoint);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The endpoint a `// @jkopay …-response` comment right above `node` names. */
function markerAbove(node: TS.Node, sourceFile: TS.SourceFile): Endpoint | undefined {
  const ts = typescript();
  for (const range of ts.getLeadingCommentRanges(sourceFile.text, node.pos) ?? []) {
    const m = RESPONSE_MARKER.exec(sourceFile.text.slice(range.pos, range.end));
    if (m) return m[1].toLowerCase() as Endpoint;
  }
  return undefined;
}

/** The statement holding `node` (its marker comment sits above it). */
function statementOf(node: TS.Node): TS.Node {
  const ts = typescript();
  let n = node;
  while (
    n.parent &&
    !ts.isBlock(n.parent) &&
    !ts.isSourceFile(n.parent) &&
    !ts.isCaseClause(n.parent) &&
    !ts.isDefaultClause(n.parent) &&
    !ts.isModuleBlock(n.parent)
  ) {
    n = n.parent;
  }
  return n;
}

interface Declaration {
  /** The declaration (variable, parameter or binding element) of the name. */
  node: TS.VariableDeclaration | TS.ParameterDeclaration;
  /** The function (or file) whose body holds it: assignments to the name are looked for there. */
  scope: TS.Node;
}

/** Where `name` is declared, looking outwards from `from` through blocks and function parameters (by name only). */
function declarationOf(name: string, from: TS.Node): Declaration | undefined {
  const ts = typescript();
  const binds = (binding: TS.BindingName): boolean =>
    ts.isIdentifier(binding) ? binding.text === name : binding.elements.some((e) => !ts.isOmittedExpression(e) && binds(e.name));
  let scope: TS.Node | undefined = from;
  let functionScope: TS.Node | undefined;
  while (scope) {
    if (ts.isFunctionLike(scope)) {
      functionScope ??= scope;
      const parameter = scope.parameters.find((p) => binds(p.name));
      if (parameter) return { node: parameter, scope };
    }
    const statements =
      ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)
        ? scope.statements
        : undefined;
    for (const statement of statements ?? []) {
      if (!ts.isVariableStatement(statement)) continue;
      const found = statement.declarationList.declarations.find((d) => binds(d.name));
      if (found) return { node: found, scope: functionScope ?? scope };
    }
    if (
      (ts.isForOfStatement(scope) || ts.isForInStatement(scope) || ts.isForStatement(scope)) &&
      scope.initializer &&
      ts.isVariableDeclarationList(scope.initializer)
    ) {
      const found = scope.initializer.declarations.find((d) => binds(d.name));
      if (found) return { node: found, scope: functionScope ?? scope };
    }
    scope = scope.parent;
  }
  return undefined;
}

/** The values assigned to `name` inside `scope` after its declaration (`res = await post(…)`). */
function assignmentsTo(name: string, scope: TS.Node): TS.Expression[] {
  const ts = typescript();
  const found: TS.Expression[] = [];
  const visit = (node: TS.Node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = unwrap(node.left);
      if (ts.isIdentifier(target) && target.text === name) found.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

/**
 * The endpoints a value comes from: the declared types and markers on the way, and the
 * `/platform/…` paths in the expressions that computed it, following the variables they read.
 */
function endpointsOf(expression: TS.Expression, sourceFile: TS.SourceFile, found: Set<Endpoint>, seen: Set<TS.Node>, depth: number): void {
  const ts = typescript();
  if (depth > MAX_TRACE || seen.has(expression)) return;
  seen.add(expression);
  // `(x as EntryResponse).result`, `<EntryResponse>x`
  let e: TS.Expression = expression;
  for (;;) {
    if (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) {
      const typed = endpointOfType(e.type.getText(sourceFile));
      if (typed) {
        found.add(typed);
        return;
      }
      e = e.expression;
    } else if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAwaitExpression(e)) e = e.expression;
    else break;
  }
  const called = clientCall(e);
  if (called) {
    found.add(called);
    return;
  }
  const text = e.getText(sourceFile);
  let paths = false;
  for (const m of text.matchAll(PATH)) {
    found.add(m[1].toLowerCase() as Endpoint);
    paths = true;
  }
  if (paths) return;
  // Follow the identifiers the expression reads (not names of properties or called methods).
  const identifiers: TS.Identifier[] = [];
  const collect = (node: TS.Node) => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isMember = parent && ts.isPropertyAccessExpression(parent) && parent.name === node;
      if (!isMember) identifiers.push(node);
    } else if (!ts.isFunctionLike(node)) ts.forEachChild(node, collect);
  };
  collect(e);
  for (const id of identifiers) {
    const declaration = declarationOf(id.text, id);
    if (!declaration || seen.has(declaration.node)) continue;
    seen.add(declaration.node);
    const d = declaration.node;
    // A TypeScript annotation, or in JavaScript a JSDoc `@type {…}` / `@param {…}`.
    const typeNode = d.type ?? ts.getJSDocType(d);
    const typed = typeNode && endpointOfType(typeNode.getText(sourceFile));
    const marked = markerAbove(statementOf(d), sourceFile) ?? markerAbove(d, sourceFile);
    if (typed || marked) {
      found.add((typed || marked)!);
      continue;
    }
    if (d.initializer) endpointsOf(d.initializer, sourceFile, found, seen, depth + 1);
    for (const value of assignmentsTo(id.text, declaration.scope)) endpointsOf(value, sourceFile, found, seen, depth + 1);
  }
}

/**
 * `jkopay.entry(…)` where `jkopay` was made by this package's `createClient(…)` (its answer's
 * type is inferred, so no declared type names it): the method names the endpoint.
 */
function clientCall(expression: TS.Expression): Endpoint | undefined {
  const ts = typescript();
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return undefined;
  const method = expression.expression.name.text;
  if (method !== 'entry' && method !== 'refund' && method !== 'inquiry') return undefined;
  const client = unwrap(expression.expression.expression);
  if (!ts.isIdentifier(client)) return undefined;
  const declaration = declarationOf(client.text, client)?.node;
  const initializer = declaration?.initializer && unwrap(declaration.initializer);
  if (!initializer || !ts.isCallExpression(initializer)) return undefined;
  const callee = unwrap(initializer.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name === 'createClient' ? method : undefined;
}

/** The endpoint whose answer `subject` (the X of X.result) is, when exactly one is known. */
function endpointOfSubject(subject: TS.Expression, site: TS.Node, sourceFile: TS.SourceFile): Endpoint | undefined {
  const marked = markerAbove(statementOf(site), sourceFile);
  if (marked) return marked;
  const found = new Set<Endpoint>();
  endpointsOf(subject, sourceFile, found, new Set(), 0);
  return found.size === 1 ? [...found][0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Sites

interface Comparison {
  node: TS.BinaryExpression;
  subject: TS.Expression;
  /** The literal the result is compared with. */
  value: TS.Expression;
  equal: boolean;
}

/** `X.result === v` or `v == X.result` (any equality operator), else undefined. */
function comparisonOf(node: TS.Node): Comparison | undefined {
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

function isStringLiteral(node: TS.Node): node is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
  const ts = typescript();
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** The numeric literal (`922`), or undefined: JKOPay codes are never negative. */
function numberLiteral(node: TS.Expression): TS.NumericLiteral | undefined {
  const ts = typescript();
  return ts.isNumericLiteral(node) ? node : undefined;
}

interface Sites {
  switches: Map<TS.SwitchStatement, TS.Expression>;
  comparisons: Comparison[];
}

/** Every switch on and comparison with an `X.result`, found from the text's `result` words. */
function findSites(sourceFile: TS.SourceFile): Sites {
  const ts = typescript();
  const sites: Sites = { switches: new Map(), comparisons: [] };
  const seen = new Set<TS.Node>();
  // Only `.result` and `['result']` can be an access: words elsewhere (URLs, comments) are not looked at.
  for (const m of sourceFile.text.matchAll(MENTIONS_RESULT_GLOBAL)) {
    let node = nodeAt(sourceFile, m.index + m[0].indexOf('result'));
    if (!node) continue;
    // From the name (or the 'result' string) up to the access expression.
    if (node.parent && (ts.isPropertyAccessExpression(node.parent) || ts.isElementAccessExpression(node.parent))) node = node.parent;
    if (!subjectOf(node as TS.Expression)) continue;
    let outer: TS.Node = node;
    while (
      outer.parent &&
      (ts.isParenthesizedExpression(outer.parent) || ts.isAsExpression(outer.parent) || ts.isNonNullExpression(outer.parent))
    )
      outer = outer.parent;
    const parent = outer.parent;
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    if (ts.isSwitchStatement(parent) && parent.expression === outer) sites.switches.set(parent, subjectOf(node as TS.Expression)!);
    else {
      const comparison = comparisonOf(parent);
      if (comparison) sites.comparisons.push(comparison);
    }
  }
  return sites;
}

// ---------------------------------------------------------------------------------------------
// Findings

/** The rows of each code an endpoint answers, in table order. */
function codeRows(endpoint: Endpoint): Map<string, ResultCodeEntry[]> {
  const rows = new Map<string, ResultCodeEntry[]>();
  for (const row of endpointResultRows(endpoint).rows) rows.set(row.code, [...(rows.get(row.code) ?? []), row]);
  return rows;
}

/** `'101' (Order already paid)`, the titles of a code's rows joined. */
function codeWithMeaning(code: string, rows: readonly ResultCodeEntry[], lang: Lang): string {
  return `'${code}' (${[...new Set(rows.map((r) => localize(r.title, lang)))].join(' / ')})`;
}

/** A one-line comment for an inserted branch: what the code means and, when it has one row, what to do. */
function codeComment(rows: readonly ResultCodeEntry[], lang: Lang): string {
  const titles = [...new Set(rows.map((r) => localize(r.title, lang)))].join(' / ');
  // One code, several situations (entry 200): what to do depends on the message, so say that.
  if (rows.length !== 1) return msg(lang, 'coverage-by-message', { titles });
  const action = localize(rows[0].action, lang);
  // The first sentence: a period that ends one, not that of "e.g." or "i.e."; or a 。.
  const first = /^.*?(?:(?<!\b(?:e\.g|i\.e))\.(?=\s|$)|。)/.exec(action)?.[0] ?? action;
  return `${titles}${lang === 'zh-TW' ? '：' : ': '}${first}`.replace(/\s+/g, ' ');
}

/** The other current endpoints that answer `code`, for the unknown-code message. */
function endpointsAnswering(code: string, except: Endpoint): Endpoint[] {
  return (['entry', 'refund', 'inquiry'] as const).filter((e) => e !== except && endpointResultRows(e).codes.includes(code));
}

const fileQuotes = new WeakMap<TS.SourceFile, string>();

/** The quote a file writes strings with: that of `near`, else that of its first import or string, else '. */
function quoteOf(near: TS.Node | undefined, sourceFile: TS.SourceFile): string {
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

/** The checks of one file: what `doValidation` adds for sources. */
export function checkResultCoverage(doc: SourceDocument, lang: Lang): Finding[] {
  const sourceFile = treeOf(doc);
  if (!sourceFile || !MENTIONS_RESULT.test(doc.text) || !NAMES_ENDPOINT.test(doc.text)) return [];
  const findings: Finding[] = [];
  const sites = findSites(sourceFile);
  const endpointCache = new Map<TS.Node, Endpoint | undefined>();
  const endpointAt = (subject: TS.Expression, site: TS.Node) => {
    if (!endpointCache.has(site)) endpointCache.set(site, endpointOfSubject(subject, site, sourceFile));
    return endpointCache.get(site);
  };
  const reportLiteral = (literal: TS.Expression, endpoint: Endpoint) => {
    const start = literal.getStart(sourceFile);
    const at = { offset: start, length: literal.end - start };
    const number = numberLiteral(literal);
    if (number) {
      const code = number.text.padStart(3, '0');
      const quote = quoteOf(undefined, sourceFile);
      const fix: Fix = { title: msg(lang, 'fix-compare-string', { code }), edits: [{ ...at, newText: `${quote}${code}${quote}` }] };
      findings.push({
        code: 'result-code-type',
        ...at,
        message: ruleMessage('result-code-type', lang, { number: number.text, code, endpoint }),
        fixes: [fix],
      });
      return;
    }
    if (!isStringLiteral(literal) || !THREE_DIGITS.test(literal.text)) return;
    if (endpointResultRows(endpoint).codes.includes(literal.text)) return;
    const others = endpointsAnswering(literal.text, endpoint);
    const current = findResultCodes(literal.text).some((r) => r.status === 'current');
    const where = others.length
      ? msg(lang, 'coverage-answered-by', { endpoints: others.join(', ') })
      : msg(lang, current ? 'coverage-answered-by-none' : 'coverage-not-onlinepay');
    findings.push({
      code: 'unknown-result-code',
      ...at,
      message: ruleMessage('unknown-result-code', lang, { code: literal.text, endpoint, where }),
    });
  };

  // Switches: every case literal, and the codes no case handles when there is no default.
  for (const [statement, subject] of sites.switches) {
    const endpoint = endpointAt(subject, statement);
    if (!endpoint) continue;
    const handled = new Set<string>();
    let open = false;
    let hasDefault = false;
    for (const clause of statement.caseBlock.clauses) {
      if (typescript().isDefaultClause(clause)) {
        hasDefault = true;
        continue;
      }
      const value = unwrap(clause.expression);
      reportLiteral(value, endpoint);
      if (isStringLiteral(value)) handled.add(value.text);
      else if (!numberLiteral(value)) open = true; // `case CODES.OK:`: what it handles is not known here
    }
    if (hasDefault || open) continue;
    const missing = missingCodes(endpoint, handled);
    if (missing.length === 0) continue;
    const head = headOf(statement, statement.expression, sourceFile);
    findings.push({
      code: 'unhandled-result-codes',
      ...head,
      message: unhandledMessage(endpoint, missing, lang, 'switch'),
      fixes: [switchFix(statement, missing, endpoint, sourceFile, lang)],
    });
  }

  // Comparisons: their literals; and the if/else-if chains they make up.
  const chains = new Set<TS.IfStatement>();
  for (const comparison of sites.comparisons) {
    const endpoint = endpointAt(comparison.subject, comparison.node);
    if (!endpoint) continue;
    reportLiteral(comparison.value, endpoint);
    const top = chainTop(comparison.node);
    if (top) chains.add(top);
  }
  for (const top of chains) {
    const chain = readChain(top, sourceFile);
    if (!chain || chain.branches.length < 2 || chain.hasElse) continue;
    const endpoint = endpointAt(chain.subject, top.expression);
    if (!endpoint) continue;
    const missing = missingCodes(endpoint, chain.handled);
    if (missing.length === 0) continue;
    const head = headOf(top, top.expression, sourceFile);
    findings.push({
      code: 'unhandled-result-codes',
      ...head,
      message: unhandledMessage(endpoint, missing, lang, 'if'),
      fixes: [chainFix(top, chain, missing, endpoint, sourceFile, lang)],
    });
  }
  return findings.sort((a, b) => a.offset - b.offset);
}

function missingCodes(endpoint: Endpoint, handled: ReadonlySet<string>): string[] {
  return endpointResultRows(endpoint).codes.filter((code) => !handled.has(code));
}

function unhandledMessage(endpoint: Endpoint, missing: readonly string[], lang: Lang, form: 'switch' | 'if'): string {
  const rows = codeRows(endpoint);
  const list = missing.map((code) => codeWithMeaning(code, rows.get(code) ?? [], lang)).join(', ');
  return ruleMessage('unhandled-result-codes', lang, {
    endpoint,
    count: missing.length,
    codes: list,
    form: msg(lang, form === 'switch' ? 'coverage-switch' : 'coverage-if-chain'),
  });
}

/** `switch (x.result)` / `if (x.result === '000')`: the keyword to the closing parenthesis. */
function headOf(statement: TS.Node, expression: TS.Expression, sourceFile: TS.SourceFile): { offset: number; length: number } {
  const start = statement.getStart(sourceFile);
  const close = sourceFile.text.indexOf(')', expression.end);
  return { offset: start, length: (close < 0 ? expression.end : close + 1) - start };
}

/** "Handle the missing result codes" for a switch: a case per code, each with a one-line comment, before the closing brace. */
function switchFix(
  statement: TS.SwitchStatement,
  missing: readonly string[],
  endpoint: Endpoint,
  sourceFile: TS.SourceFile,
  lang: Lang,
): Fix {
  const text = sourceFile.text;
  const clauses = statement.caseBlock.clauses;
  const quote = quoteOf(clauses.length ? unwrap((clauses[0] as TS.CaseClause).expression) : undefined, sourceFile);
  const switchIndent = lineIndent(sourceFile, statement.getStart(sourceFile));
  const first = clauses[0];
  const caseIndent = first ? lineIndent(sourceFile, first.getStart(sourceFile)) : `${switchIndent}  `;
  const unit = caseIndent.length > switchIndent.length ? caseIndent.slice(switchIndent.length) : '  ';
  const firstStatement = clauses.find((c) => c.statements.length)?.statements[0];
  const bodyIndent =
    firstStatement && lineIndent(sourceFile, firstStatement.getStart(sourceFile)).length > caseIndent.length
      ? lineIndent(sourceFile, firstStatement.getStart(sourceFile))
      : caseIndent + unit;
  const rows = codeRows(endpoint);
  const close = statement.caseBlock.end - 1;
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const ownLine = text.slice(lineStart, close).trim() === '';
  const cases = missing
    .map((code) => `${caseIndent}case ${quote}${code}${quote}: // ${codeComment(rows.get(code) ?? [], lang)}\n${bodyIndent}break;\n`)
    .join('');
  const edit = ownLine
    ? { offset: lineStart, length: 0, newText: cases }
    : { offset: close, length: 0, newText: `\n${cases}${switchIndent}` };
  return { title: msg(lang, 'fix-handle-missing-codes'), edits: [edit] };
}

interface Chain {
  subject: TS.Expression;
  /** The subject's access as written in the chain, e.g. `res.result`. */
  access: string;
  branches: TS.IfStatement[];
  handled: Set<string>;
  /** A string the chain compares with, whose quotes the inserted branches use. */
  literal?: TS.Node;
  hasElse: boolean;
}

/** The first `if` of the chain whose condition holds `node`, when `node` is (part of) a condition. */
function chainTop(node: TS.Node): TS.IfStatement | undefined {
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
function readChain(top: TS.IfStatement, sourceFile: TS.SourceFile): Chain | undefined {
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
  let hasElse = false;
  while (branch && ts.isIfStatement(branch)) {
    if (!read(branch.expression)) return undefined;
    branches.push(branch);
    branch = branch.elseStatement;
  }
  if (branch) hasElse = true;
  return subject ? { subject, access, branches, handled, hasElse, literal } : undefined;
}

/** "Handle the missing result codes" for an if chain: an `else if` per code, each with a one-line comment. */
function chainFix(
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
  const text = missing
    .map(
      (code) =>
        ` else if (${chain.access} === ${quote}${code}${quote}) {\n${indent}  // ${codeComment(rows.get(code) ?? [], lang)}\n${indent}}`,
    )
    .join('');
  return { title: msg(lang, 'fix-handle-missing-codes'), edits: [{ offset: last.thenStatement.end, length: 0, newText: text }] };
}

// ---------------------------------------------------------------------------------------------
// Hover

/** The hover on the `result` of `X.result` when X's endpoint is known: every code it answers, with its messages. */
export function resultMemberHover(
  sourceFile: TS.SourceFile,
  offset: number,
  lang: Lang,
): { markdown: string; offset: number; length: number } | undefined {
  const ts = typescript();
  const node = nodeAt(sourceFile, offset);
  if (!node || !node.parent) return undefined;
  const access = node.parent;
  const isName =
    (ts.isPropertyAccessExpression(access) && access.name === node) ||
    (ts.isElementAccessExpression(access) && access.argumentExpression === node);
  if (!isName) return undefined;
  const subject = subjectOf(access as TS.Expression);
  if (!subject) return undefined;
  const endpoint = endpointOfSubject(subject, access, sourceFile);
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
