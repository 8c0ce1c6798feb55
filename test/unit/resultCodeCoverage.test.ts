/**
 * Result-code coverage in TS/JS through the language service: the three rules, where they stay
 * silent, their quick fixes applied to the text, severity overrides, zh-TW, and the hover on
 * `result`. The fixture corpus (test/fixtures/source/resultCoverage.ts) covers `jkopay check`.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
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

  it('"Handle the missing result codes" inserts a commented case per code', () => {
    const fixed = applyFix(FORGETFUL_SWITCH, 'Handle the missing result codes');
    assert.equal(
      fixed,
      FORGETFUL_SWITCH.replace(
        "      throw new Error(res.message ?? '');\n",
        "      throw new Error(res.message ?? '');\n" +
          "    case '101': // Order already paid: Do not charge again.\n      break;\n" +
          "    case '999': // JKOPay internal error: Retry later with the same platform_order_id and the same values: entry is idempotent, so a repeat returns the same payment link rather than a second order.\n      break;\n",
      ),
    );
    assert.deepEqual(codes(fixed), []);
  });

  it("writes the inserted comments in the user's language", () => {
    assert.match(applyFix(FORGETFUL_SWITCH, '處理缺少的結果代碼', 'zh-TW'), /case '101': \/\/ 訂單已付款：請勿重複收款。\n/);
  });

  it('extends an if/else-if chain with the missing codes', () => {
    const text = `async function pay(body: string) {
  const answer = await (await fetch('https://x/platform/refund', { method: 'POST', body })).json();
  if (answer.result === "000") {
    return 1;
  } else if (answer.result === "117" || answer.result === "922") {
    return 2;
  }
}
`;
    assert.deepEqual(codes(text), ['3:3 unhandled-result-codes']);
    const fixed = applyFix(text, 'Handle the missing result codes');
    assert.match(fixed, /\} else if \(answer\.result === "100"\) \{\n {4}\/\/ Order not found/);
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
