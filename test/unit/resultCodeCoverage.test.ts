/**
 * Result-code coverage in TS/JS through the language service: the three rules, where they stay
 * silent, their quick fixes applied to the text, severity overrides, zh-TW, and the hover on
 * `result`; and over the handler corpus (test/fixtures/handlers), that a client imported from
 * another module is followed, and that hovers and diagnostics name the same endpoint for every
 * code. The fixture corpora cover `jkopay check`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as url from 'node:url';
import * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, TextEdit } from 'vscode-languageserver-types';
import { service, withCaret } from './helpers';

function diagnose(text: string, settings: Parameters<typeof service>[0] = {}): { document: TextDocument; diagnostics: Diagnostic[] } {
  const ls = service(settings);
  const document = TextDocument.create('file:///src/pay.ts', 'typescript', 1, text);
  return { document, diagnostics: ls.doValidation(document, ls.parseDocument(document)) };
}

function codes(text: string): string[] {
  return diagnose(text).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}

/** The text after applying the quick fix titled `title`. */
function applyFix(text: string, title: string, lang: 'en' | 'zh-TW' = 'en'): string {
  const ls = service({ lang });
  const { document, diagnostics } = diagnose(text, { lang });
  const action = ls.doCodeActions(document, diagnostics).find((a) => a.title === title);
  assert.ok(
    action,
    `no "${title}" among ${ls
      .doCodeActions(document, diagnostics)
      .map((a) => a.title)
      .join(', ')}`,
  );
  const edits = action.edit!.changes![document.uri] as TextEdit[];
  return TextDocument.applyEdits(document, edits);
}

const FORGETFUL_SWITCH = `import type { EntryResponse } from 'jkopay-tools';
export function handle(res: EntryResponse) {
  switch (res.result) {
    case '000':
      return res.result_object.payment_url;
    case '200':
      throw new Error(res.message ?? '');
  }
  return undefined;
}
`;

describe('result-code coverage in TS/JS', () => {
  it('lists the missing codes of a switch with their meanings', () => {
    const { diagnostics } = diagnose(FORGETFUL_SWITCH);
    assert.equal(diagnostics.length, 1);
    assert.equal(typeof diagnostics[0].message, 'string');
    assert.equal(diagnostics[0].code, 'unhandled-result-codes');
    assert.match(String(diagnostics[0].message), /'101' \(Order already paid\), '999' \(JKOPay internal error\)/);
    assert.deepEqual(diagnostics[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 21 } });
  });

  it('"Handle the missing result codes" groups the codes by their handling, each group throwing until it is written', () => {
    const fixed = applyFix(FORGETFUL_SWITCH, 'Handle the missing result codes');
    assert.equal(
      fixed,
      FORGETFUL_SWITCH.replace(
        "      throw new Error(res.message ?? '');\n",
        "      throw new Error(res.message ?? '');\n" +
          '    // Already done (a retried request): do not repeat it; continue as after success.\n' +
          "    case '101': // Order already paid\n" +
          '      throw new Error(`JKOPay answer not handled yet (already done): ${res.result}`);\n' +
          '    // Retry later with the same request (same ids, same amounts).\n' +
          "    case '999': // JKOPay internal error\n" +
          '      throw new Error(`JKOPay answer not handled yet (retry later): ${res.result}`);\n',
      ),
    );
    assert.deepEqual(codes(fixed), []);
  });

  it("writes the inserted comments and messages in the user's language", () => {
    const fixed = applyFix(FORGETFUL_SWITCH, '處理缺少的結果代碼', 'zh-TW');
    assert.match(fixed, /\/\/ 已經完成（重送的請求）：不要重複執行，比照成功後的流程繼續。\n {4}case '101': \/\/ 訂單已付款\n/);
    assert.match(fixed, /throw new Error\(`尚未處理的街口回應（已經完成）：\$\{res\.result\}`\);/);
  });

  it('extends an if/else-if chain with the missing codes', () => {
    const text = `async function pay(body: string) {
  const answer = await (await fetch(\`\${process.env.JKOPAY_BASE}/platform/refund\`, { method: 'POST', body })).json();
  if (answer.result === "000") {
    return 1;
  } else if (answer.result === "117" || answer.result === "922") {
    return 2;
  }
}
`;
    assert.deepEqual(codes(text), ['3:3 unhandled-result-codes']);
    const fixed = applyFix(text, 'Handle the missing result codes');
    assert.match(
      fixed,
      /\} else if \(\n {4}answer\.result === "100" \|\|\n {4}answer\.result === "102" \|\|\n[^{]*\) \{\n {4}\/\/ Fix the request/,
    );
    assert.match(fixed, /\n {4}throw new Error\(`JKOPay answer not handled yet \(retry later\): \$\{answer\.result\}`\);\n/);
    assert.deepEqual(codes(fixed), []);
  });

  it('hints at a default that throws over a code meaning "already done", and "Handle 101 as done" adds its case', () => {
    const text = [
      "import type { EntryResponse } from 'jkopay-tools';",
      'export function link(res: EntryResponse): string | null {',
      '  switch (res.result) {',
      "    case '000':",
      '      return res.result_object.payment_url;',
      '    default:',
      '      throw new Error(res.message ?? res.result);',
      '  }',
      '}',
      '',
    ].join('\n');
    const { diagnostics } = diagnose(text);
    assert.deepEqual(codes(text), ['6:5 done-code-thrown']);
    assert.equal(diagnostics[0].severity, 4);
    assert.match(
      String(diagnostics[0].message),
      /'101' \(Order already paid\) means the entry request already succeeded, but this switch's default throws/,
    );
    const fixed = applyFix(text, 'Handle 101 as done');
    assert.equal(
      fixed,
      text.replace(
        '    default:',
        "    case '101': // Order already paid\n      // Already done (a retried request): do not repeat it; continue as after success.\n      break;\n    default:",
      ),
    );
    assert.deepEqual(codes(fixed), []);
    // A default that does not throw handles 101 as it chooses: no hint.
    assert.deepEqual(codes(text.replace('throw new Error(res.message ?? res.result);', 'return null;')), []);
  });

  it('hints at the throwing final else of a chain too, and adds an else-if before it', () => {
    const text = [
      "import type { EntryResponse } from 'jkopay-tools';",
      'export function link(res: EntryResponse): string | null {',
      "  if (res.result === '000') return res.result_object.payment_url;",
      "  else if (res.result === '999') return null;",
      '  else {',
      '    throw new Error(res.result);',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(codes(text), ['5:3 done-code-thrown']);
    const fixed = applyFix(text, 'Handle 101 as done');
    assert.match(
      fixed,
      /return null; else if \(res\.result === '101'\) \{\n {4}\/\/ Already done .*\n {4}\/\/ 101: Order already paid\n {2}\}\n {2}else \{/,
    );
    assert.deepEqual(codes(fixed), []);
  });

  it('"Compare with the string" replaces a number', () => {
    const text = 'function f(res: JkoPayRefundResponse) {\n  return res.result === 922;\n}\n';
    assert.deepEqual(codes(text), ['2:25 result-code-type']);
    assert.equal(
      applyFix(text, "Compare with the string '922'"),
      "function f(res: JkoPayRefundResponse) {\n  return res.result === '922';\n}\n",
    );
  });

  it('says which endpoints answer a code the known one never does', () => {
    const { diagnostics } = diagnose("function f(res: EntryResponse) {\n  if (res.result === '117') return 1;\n}\n");
    assert.equal(diagnostics[0].code, 'unknown-result-code');
    assert.match(String(diagnostics[0].message), /'117' is not a code the entry endpoint answers \(refund answers it\)/);
  });

  it('stays silent where the endpoint is unknown or ambiguous, and on bare `result` names', () => {
    assert.deepEqual(codes("function f(res: any) {\n  switch (res.result) { case '000': break; }\n  return res.result === 922;\n}\n"), []);
    const both =
      "async function f() {\n  const a = await post('/platform/entry');\n  const b = await post('/platform/refund');\n  const x = a ?? b;\n  return x.result === 922;\n}\n";
    assert.deepEqual(codes(both), []);
    assert.deepEqual(codes('function f(result: number) {\n  // /platform/entry\n  return result === 922;\n}\n'), []);
  });

  it('knows the endpoint through a `// @jkopay inquiry-response` marker, which marks no payload', () => {
    const text =
      "async function f(get: () => Promise<any>) {\n  // @jkopay inquiry-response\n  const r = await get({ platform_order_ids: 'a' });\n  switch (r.result) {\n    case '000': break;\n    case '101': break;\n  }\n}\n";
    assert.deepEqual(codes(text), ['4:3 unhandled-result-codes', '6:10 unknown-result-code']);
  });

  it("knows the endpoint of this package's client calls", () => {
    const text = [
      "import { createClient } from 'jkopay-tools';",
      "const jkopay = createClient({ env: 'mock', apiKey: 'k', secretKey: 's' });",
      'export async function refund(id: string) {',
      '  const res = await jkopay.refund({ platform_order_id: id, refund_amount: 1 });',
      "  if (res.result === 117) return 'full only';",
      '  const other = await someone.refund(id);',
      '  return other.result === 117;',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(codes(text), ['5:22 result-code-type']);
  });

  it('reads the declared type from JSDoc in JavaScript', () => {
    const text = [
      "/** @param {import('jkopay-tools').RefundResponse} res */",
      'export function after(res) {',
      '  return res.result === 922;',
      '}',
      "/** @type {import('jkopay-tools').EntryResponse} */",
      'const answer = JSON.parse(process.argv[2]);',
      "if (answer.result === '117') console.log('never');",
      '',
    ].join('\n');
    const ls = service();
    const document = TextDocument.create('file:///src/pay.js', 'javascript', 1, text);
    const found = ls.doValidation(document, ls.parseDocument(document)).map((d) => `${d.range.start.line + 1}:${d.code}`);
    assert.deepEqual(found, ['3:result-code-type', '7:unknown-result-code']);
  });

  it('goes through the severity settings', () => {
    const { diagnostics } = diagnose(FORGETFUL_SWITCH, { severity: { 'unhandled-result-codes': 'off' } });
    assert.deepEqual(diagnostics, []);
  });

  it('is silenced by a jkopay-ignore-next-line comment naming its code', () => {
    const text = FORGETFUL_SWITCH.replace(
      '  switch (res.result) {',
      '  // jkopay-ignore-next-line unhandled-result-codes -- 101 and 999 end in the catch-all below\n  switch (res.result) {',
    );
    assert.deepEqual(codes(text), []);
  });

  it('hovers `result` with every code of the known endpoint', () => {
    const ls = service();
    const { document, position } = withCaret(FORGETFUL_SWITCH.replace('switch (res.res', 'switch (res.re|s'), 'file:///src/pay.ts');
    const hover = ls.doHover(document, ls.parseDocument(document), position);
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /Result codes of the entry answer/);
    for (const code of ['000', '101', '200', '999']) assert.match(value, new RegExp(`'${code}'`));
    assert.match(value, /`Store not found`/);
  });
});

describe('which endpoint answered, across the layouts backends use', () => {
  const handlers = path.join(__dirname, '../../../test/fixtures/handlers');
  const readFile = (uri: string) => {
    try {
      return fs.readFileSync(url.fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  };
  const open = (name: string) => {
    const file = path.join(handlers, name);
    return TextDocument.create(
      url.pathToFileURL(file).href,
      name.endsWith('.js') ? 'javascript' : 'typescript',
      1,
      fs.readFileSync(file, 'utf8'),
    );
  };

  it('follows a client imported from another module of the workspace, and only when that module may be read', () => {
    const document = open('imported-refundRoute.ts');
    const withFiles = service({ readFile });
    const found = withFiles.doValidation(document, withFiles.parseDocument(document)).map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(found, ['10 unhandled-result-codes', '15 result-code-type', '27 unknown-result-code', '35 done-code-thrown']);
    const alone = service();
    assert.deepEqual(alone.doValidation(document, alone.parseDocument(document)), []);
  });

  it('hovers and diagnostics name the same endpoint for every code the corpus compares or switches on', () => {
    const ls = service({ readFile });
    let walked = 0;
    for (const name of fs.readdirSync(handlers).filter((n) => /\.(ts|js)$/.test(n))) {
      const document = open(name);
      const parsed = ls.parseDocument(document);
      const hoverText = (offset: number) => textOf(ls.doHover(document, parsed, document.positionAt(offset)));
      const hoverAt = (offset: number) => endpointOfHover(hoverText(offset));
      const sites = resultSites(document.getText(), name);
      for (const site of sites) {
        const answer = hoverAt(site.read);
        for (const literal of site.literals) {
          const where = `${name}:${document.positionAt(literal).line + 1}`;
          // Where no one endpoint is known, a code is explained for every endpoint that has it, and judged against none.
          if (answer === undefined) assert.doesNotMatch(hoverText(literal + 1), /^_\w+ has no result code/, where);
          else assert.equal(hoverAt(literal + 1), answer, `${where}: the code's hover and the result's hover`);
          walked++;
        }
      }
      for (const d of ls.doValidation(document, parsed)) {
        const named = /\b(entry|refund|inquiry) (?:endpoint|request)\b/.exec(String(d.message))?.[1];
        if (!named) continue;
        // The innermost site around the finding: a literal, a switch, or a chain from its first `if`.
        const at = document.offsetAt(d.range.start);
        const site = sites.filter((s) => s.start <= at && at < s.end).sort((a, b) => b.start - a.start)[0];
        assert.ok(site, `${name}:${d.range.start.line + 1}: ${d.code} at a site`);
        assert.equal(named, hoverAt(site.read), `${name}:${d.range.start.line + 1}: ${d.code} says ${named}`);
      }
    }
    assert.ok(walked >= 20, `${walked} codes walked`);
  });
});

interface ResultSite {
  /** Where the `result` read is, and the code literals compared with it. */
  read: number;
  literals: number[];
  /** What a finding about the site spans: the switch, or the chain from its first `if`, or the comparison. */
  start: number;
  end: number;
}

/** The switches on and comparisons with `….result` or a bare `result`, found by the test's own walk of the tree. */
function resultSites(text: string, name: string): ResultSite[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const sites: ResultSite[] = [];
  const readOf = (e: ts.Expression) => (/\bresult$/.test(e.getText(file)) ? e.end - 'result'.length : -1);
  const visit = (node: ts.Node) => {
    if (ts.isSwitchStatement(node) && readOf(node.expression) >= 0) {
      const literals = node.caseBlock.clauses.flatMap((c) =>
        ts.isCaseClause(c) && ts.isStringLiteral(c.expression) ? [c.expression.getStart(file)] : [],
      );
      sites.push({ read: readOf(node.expression), literals, start: node.getStart(file), end: node.end });
    }
    if (ts.isBinaryExpression(node) && /^[!=]==?$/.test(node.operatorToken.getText(file))) {
      const [read, literal] = readOf(node.left) >= 0 ? [node.left, node.right] : [node.right, node.left];
      if (readOf(read) >= 0 && /^['"]?\d+['"]?$/.test(literal.getText(file))) {
        let top: ts.Node = node;
        while (top.parent && !ts.isStatement(top.parent)) top = top.parent;
        let statement = top.parent;
        while (statement && ts.isIfStatement(statement.parent) && statement.parent.elseStatement === statement)
          statement = statement.parent;
        // Hovers explain strings: a number is `result-code-type`'s.
        const literals = ts.isStringLiteral(literal) ? [literal.getStart(file)] : [];
        sites.push({ read: readOf(read), literals, start: literal.getStart(file), end: literal.end });
        if (statement && ts.isIfStatement(statement))
          sites.push({ read: readOf(read), literals: [], start: statement.getStart(file), end: statement.end });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return sites;
}

function textOf(hover: Hover | null | undefined): string {
  return hover ? (hover.contents as { value: string }).value : '';
}

/** The endpoint a hover is about: the `result` hover's title, a code's heading, or the note of a code another endpoint answers. */
function endpointOfHover(value: string): string | undefined {
  const title = /Result codes of the (\w+) answer/.exec(value);
  if (title) return title[1];
  const elsewhere = /^_(\w+) has no result code/.exec(value) ?? /^_An? (\w+) answers result/.exec(value);
  if (elsewhere) return elsewhere[1];
  const headings = new Set([...value.matchAll(/^\*\*\d{3}\*\* .* · (\w+)$/gm)].map((m) => m[1]));
  return headings.size === 1 ? [...headings][0] : undefined;
}
