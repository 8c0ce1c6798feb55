/**
 * Result-code coverage in TS/JS, the rule: where code branches on the `result` of a JKOPay answer
 * whose endpoint is known (`source/answerEndpoint.ts` says which, the one resolver of every
 * result-code feature), reports a `switch` or `if`/`else if` chain that misses documented codes
 * (`unhandled-result-codes`), a `default` or final `else` that throws over a code that means the request already
 * succeeded (`done-code-thrown`: a retried entry of a paid order becomes an error), a comparison
 * with a number (`result-code-type`: always false, JKOPay answers strings) and a code the endpoint
 * never answers (`unknown-result-code`). Their quick fixes are `resultCodeFixes.ts`.
 *
 * The answers are `X.result` and `X['result']`, and a `result` destructured from an answer
 * (`const { result } = await jkopay.entry(…)`, `.then(({ result }) => …)`). Where the endpoint
 * cannot be known, nothing is reported. Pure: no fs, net, timers or vscode; another module of the
 * workspace is read only through the `imports` the caller gives.
 */
import type * as TS from 'typescript';
import { endpointResultRows, findResultCodes } from '../../data';
import type { Endpoint, Lang } from '../../data/types';
import { AnswerResolver } from '../source/answerEndpoint';
import type { ImportedBindings } from '../source/importedBindings';
import { functionScopeOf } from '../source/declarations';
import {
  chainTop,
  type Comparison,
  findSites,
  isStringLiteral,
  MENTIONS_RESULT,
  numberLiteral,
  readChain,
  treeOf,
} from '../source/resultSites';
import type { SourceDocument } from '../source/sourceDocument';
import { unwrap } from '../source/tsParser';
import { typescript } from '../source/typescriptLoader';
import { msg } from '../texts/messages';
import { type Finding, ruleMessage } from './findings';
import { chainFix, codeRows, codeWithMeaning, doneBranchFix, doneCaseFix, quoteOf, switchFix } from './resultCodeFixes';

const THREE_DIGITS = /^\d{3}$/;

/** The other current endpoints that answer `code`, for the unknown-code message. */
function endpointsAnswering(code: string, except: Endpoint): Endpoint[] {
  return (['entry', 'refund', 'inquiry'] as const).filter((e) => e !== except && endpointResultRows(e).codes.includes(code));
}

/** The checks of one file: what `doValidation` adds for sources. `imports` reads the modules it imports a client from. */
export function checkResultCoverage(doc: SourceDocument, lang: Lang, imports?: ImportedBindings): Finding[] {
  const sourceFile = treeOf(doc);
  if (!sourceFile || !MENTIONS_RESULT.test(doc.text)) return [];
  const findings: Finding[] = [];
  const sites = findSites(sourceFile);
  if (sites.switches.size === 0 && sites.comparisons.length === 0) return [];
  const resolver = new AnswerResolver(sourceFile, imports);
  const reportLiteral = (literal: TS.Expression, endpoint: Endpoint) => {
    const start = literal.getStart(sourceFile);
    const at = { offset: start, length: literal.end - start };
    const number = numberLiteral(literal);
    if (number) {
      const code = number.text.padStart(3, '0');
      const quote = quoteOf(undefined, sourceFile);
      findings.push({
        code: 'result-code-type',
        ...at,
        message: ruleMessage('result-code-type', lang, { number: number.text, code, endpoint }),
        fixes: [{ title: msg(lang, 'fix-compare-string', { code }), edits: [{ ...at, newText: `${quote}${code}${quote}` }] }],
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

  // Switches: every case literal, the codes no case handles when there is no default, and a throwing default over done codes.
  for (const [statement, subject] of sites.switches) {
    const endpoint = resolver.endpointAt(subject, statement);
    if (!endpoint) continue;
    const handled = new Set<string>();
    let open = false;
    let fallback: TS.DefaultClause | undefined;
    for (const clause of statement.caseBlock.clauses) {
      if (typescript().isDefaultClause(clause)) {
        fallback = clause;
        continue;
      }
      const value = unwrap(clause.expression);
      reportLiteral(value, endpoint);
      if (isStringLiteral(value)) handled.add(value.text);
      else if (!numberLiteral(value)) open = true; // `case CODES.OK:`: what it handles is not known here
    }
    if (open) continue;
    if (fallback) {
      const done = doneCodes(endpoint).filter((code) => !handled.has(code));
      if (done.length && throwsFirst(fallback.statements)) {
        findings.push({
          code: 'done-code-thrown',
          ...keyword(fallback, sourceFile),
          message: doneMessage(endpoint, done, lang, 'switch'),
          fixes: [doneCaseFix(statement, fallback, done, endpoint, sourceFile, lang)],
        });
      }
      continue;
    }
    const missing = missingCodes(endpoint, handled);
    if (missing.length === 0) continue;
    findings.push({
      code: 'unhandled-result-codes',
      ...headOf(statement, statement.expression, sourceFile),
      message: unhandledMessage(endpoint, missing, lang, 'switch'),
      fixes: [switchFix(statement, subject, missing, endpoint, sourceFile, lang)],
    });
  }

  // Comparisons: their literals; and the if/else-if chains they make up.
  const chains = new Set<TS.IfStatement>();
  for (const comparison of sites.comparisons) {
    const endpoint = resolver.endpointAt(comparison.subject, comparison.node);
    if (!endpoint) continue;
    reportLiteral(comparison.value, endpoint);
    const top = chainTop(comparison.node);
    if (top) chains.add(top);
    const guard = throwingGuard(comparison, endpoint);
    const done = guard ? doneCodes(endpoint).filter((code) => !comparedBefore(code, comparison, sites.comparisons, sourceFile)) : [];
    if (done.length) {
      const start = comparison.node.getStart(sourceFile);
      findings.push({
        code: 'done-code-thrown',
        offset: start,
        length: comparison.node.end - start,
        message: doneMessage(endpoint, done, lang, 'guard'),
      });
    }
  }
  for (const top of chains) {
    const chain = readChain(top, sourceFile);
    if (!chain || chain.branches.length < 2) continue;
    const endpoint = resolver.endpointAt(chain.subject, top.expression);
    if (!endpoint) continue;
    if (chain.finalElse) {
      const done = doneCodes(endpoint).filter((code) => !chain.handled.has(code));
      const elseKeyword = chain.finalElse.parent.getChildren(sourceFile).find((c) => c.kind === typescript().SyntaxKind.ElseKeyword);
      if (done.length && elseKeyword && throwsFirst([chain.finalElse])) {
        findings.push({
          code: 'done-code-thrown',
          ...keyword(elseKeyword, sourceFile),
          message: doneMessage(endpoint, done, lang, 'if'),
          fixes: [doneBranchFix(chain, done, endpoint, sourceFile, lang)],
        });
      }
      continue;
    }
    const missing = missingCodes(endpoint, chain.handled);
    if (missing.length === 0) continue;
    findings.push({
      code: 'unhandled-result-codes',
      ...headOf(top, top.expression, sourceFile),
      message: unhandledMessage(endpoint, missing, lang, 'if'),
      fixes: [chainFix(top, chain, missing, endpoint, sourceFile, lang)],
    });
  }
  return findings.sort((a, b) => a.offset - b.offset);
}

function missingCodes(endpoint: Endpoint, handled: ReadonlySet<string>): string[] {
  return endpointResultRows(endpoint).codes.filter((code) => !handled.has(code));
}

/**
 * The codes of an endpoint that always mean its request already succeeded (entry's 101 Order
 * already paid); not refund's 922, which means so only for one of its messages.
 */
function doneCodes(endpoint: Endpoint): string[] {
  const { codes, rows } = endpointResultRows(endpoint);
  return codes.filter((code) => rows.filter((r) => r.code === code).every((r) => r.handling === 'done'));
}

/**
 * `if (res.result !== '000') throw …` (alone or in an `||`, with no `else`): the way most backends
 * check an answer, which throws on every code but success, "already done" ones included.
 */
function throwingGuard(comparison: Comparison, endpoint: Endpoint): boolean {
  const ts = typescript();
  if (comparison.equal || !isStringLiteral(comparison.value)) return false;
  const success = endpointResultRows(endpoint).rows.some(
    (r) => r.code === comparison.value.getText().slice(1, -1) && r.handling === 'success',
  );
  if (!success) return false;
  let node: TS.Node = comparison.node;
  while (
    ts.isParenthesizedExpression(node.parent) ||
    (ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    node = node.parent;
  const statement = node.parent;
  return ts.isIfStatement(statement) && statement.expression === node && !statement.elseStatement && throwsFirst([statement.thenStatement]);
}

/** Whether the code is compared for equality, on the same answer, before the guard in its function (`if (res.result === '101') return …`). */
function comparedBefore(code: string, guard: Comparison, comparisons: readonly Comparison[], sourceFile: TS.SourceFile): boolean {
  const subject = guard.subject.getText(sourceFile);
  const scope = functionScopeOf(guard.node);
  return comparisons.some(
    (c) =>
      c.equal &&
      c.node.end <= guard.node.getStart(sourceFile) &&
      isStringLiteral(c.value) &&
      c.value.text === code &&
      c.subject.getText(sourceFile) === subject &&
      functionScopeOf(c.node) === scope,
  );
}

/** Whether the first of some statements throws (`default: throw new Error(…)`, `else { throw … }`). */
function throwsFirst(statements: readonly TS.Statement[]): boolean {
  const ts = typescript();
  const first = statements[0];
  if (first === undefined) return false;
  return ts.isBlock(first) ? throwsFirst(first.statements) : ts.isThrowStatement(first);
}

/** The keyword a node starts with (`default`, `else`): where a finding about the branch is shown. */
function keyword(node: TS.Node, sourceFile: TS.SourceFile): { offset: number; length: number } {
  const start = node.getStart(sourceFile);
  const word = /^[a-z]+/.exec(sourceFile.text.slice(start, start + 16));
  return { offset: start, length: word ? word[0].length : node.end - start };
}

function unhandledMessage(endpoint: Endpoint, missing: readonly string[], lang: Lang, form: 'switch' | 'if'): string {
  const rows = codeRows(endpoint);
  const list = missing.map((code) => codeWithMeaning(code, rows.get(code) ?? [], lang)).join(msg(lang, 'list-separator'));
  return ruleMessage('unhandled-result-codes', lang, {
    form: msg(lang, form === 'switch' ? 'coverage-switch' : 'coverage-if-chain'),
    missing: msg(lang, missing.length === 1 ? 'coverage-missing-one' : 'coverage-missing-many', {
      endpoint,
      count: missing.length,
      codes: list,
    }),
  });
}

function doneMessage(endpoint: Endpoint, done: readonly string[], lang: Lang, form: 'switch' | 'if' | 'guard'): string {
  const rows = codeRows(endpoint);
  return ruleMessage('done-code-thrown', lang, {
    endpoint,
    fallback: msg(lang, form === 'switch' ? 'coverage-switch-default' : form === 'if' ? 'coverage-final-else' : 'coverage-guard'),
    codes: done.map((code) => codeWithMeaning(code, rows.get(code) ?? [], lang)).join(msg(lang, 'list-separator')),
  });
}

/** `switch (x.result)` / `if (x.result === '000')`: the keyword to the closing parenthesis. */
function headOf(statement: TS.Node, expression: TS.Expression, sourceFile: TS.SourceFile): { offset: number; length: number } {
  const start = statement.getStart(sourceFile);
  const close = sourceFile.text.indexOf(')', expression.end);
  return { offset: start, length: (close < 0 ? expression.end : close + 1) - start };
}
