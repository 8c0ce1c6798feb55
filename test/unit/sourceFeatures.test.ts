import * as assert from 'node:assert/strict';
import { changeBetween, parseSourceDocument, reparseSourceDocument } from '../../src/core/source/sourceDocument';
import { startOf } from '../../src/core/source/tsParser';
import { service, withCaret } from './helpers';

const ts = (text: string) => withCaret(text, 'file:///src/app.ts');

function hover(textWithCaret: string, lang: 'en' | 'zh-TW' = 'en'): string {
  const ls = service({ lang });
  const { document, position } = ts(textWithCaret);
  const h = ls.doHover(document, ls.parseDocument(document), position);
  return h ? (h.contents as { value: string }).value : '';
}

function complete(textWithCaret: string): string[] {
  const ls = service();
  const { document, position } = ts(textWithCaret);
  return ls.doComplete(document, ls.parseDocument(document), position).items.map((i) => i.label);
}

describe('TS/JS source', () => {
  it('reads literals into the same model as JSON, numbers as JSON.stringify sends them', () => {
    const doc = parseSourceDocument(
      'file:///a.ts',
      "const b = { platform_order_id: 'o', total_price: 1_000.50, final_price: -0x10, products: [{ name: `x` }] };\njkopay.entry(b);",
    );
    assert.equal(doc.payloads.length, 1);
    const props = doc.payloads[0].node.properties;
    assert.deepEqual(
      props.map((p) => p.key),
      ['platform_order_id', 'total_price', 'final_price', 'products'],
    );
    assert.equal(props[1].value?.type === 'number' && props[1].value.text, '1000.5');
    assert.equal(props[1].value?.type === 'number' && props[1].value.written, '1_000.50');
    assert.equal(props[2].value?.type === 'number' && props[2].value.text, '-16');
    assert.equal(props[3].value?.type, 'array');
  });

  it('finds where each node starts exactly as TypeScript does, past comments and blank space', () => {
    const text =
      "/** doc */\nconst a = /* c */ { // line\n  platform_order_id: 'o', /* x */ store_id: `s`,\r\n\t total_price: -1 } as const;";
    const doc = parseSourceDocument('file:///a.ts', text);
    let compared = 0;
    const visit = (node: import('typescript').Node) => {
      assert.equal(startOf(node, text), node.getStart(doc.sourceFile), node.getText(doc.sourceFile));
      compared++;
      node.forEachChild(visit);
    };
    doc.sourceFile!.forEachChild(visit);
    assert.ok(compared > 10);
  });

  it('does not parse files without a trigger', () => {
    assert.equal(parseSourceDocument('file:///a.ts', 'const x = { a: 1 };').sourceFile, undefined);
  });

  it('lets a marker set the kind and a setting switch detection off', () => {
    const text = '// @jkopay inquiry\nconst q = { platform_order_id: "o", store_id: "s" };\npost("/platform/entry", q);';
    assert.equal(parseSourceDocument('file:///a.ts', text).payloads[0].kind, 'inquiry');
    assert.equal(parseSourceDocument('file:///a.ts', text, { markers: false, types: true, keys: true }).payloads[0].kind, 'entry');
    assert.equal(parseSourceDocument('file:///a.ts', text, { markers: false, types: true, keys: false }).payloads.length, 0);
  });

  it('explains a result code compared with .result, for the endpoint the code names', () => {
    const text = hover("const r = await post('/platform/refund', body);\nif (r.result === '10|5') retry();");
    assert.match(text, /Inconsistent refund amount/);
    assert.doesNotMatch(text, /· entry/);
  });

  it('explains codes in a switch on result, and documented messages', () => {
    assert.match(hover("declare const res: JkoPayResponse;\nswitch (res.result) { case '1|01': break; }"), /Order is paid/);
    // A destructured result of a known answer: its endpoint's meaning alone.
    const refunded = "const { result } = await jkopay.refund(body);\nif (result === '1|05') {}";
    assert.match(hover(refunded), /Inconsistent remaining amount · refund/);
  });

  it("explains no code of an answer not known to be JKOPay's", () => {
    assert.equal(hover("switch (res.result) { case '1|01': break; }"), '');
    assert.equal(hover("const job = await queue.add('x', {});\nif (job.result === '1|17') {}"), '');
    assert.deepEqual(complete("declare const linePay: any;\nconst res = await linePay.refund(id);\nif (res.result === '|') {}"), []);
  });

  it('says on hover what JSON.stringify sends when a number is written otherwise', () => {
    const entry = (total: string) => `// @jkopay entry\nconst b = { platform_order_id: 'o', total_price: ${total}, final_price: 100 };`;
    assert.match(hover(entry('10|0.0')), /Written `100\.0`; JSON\.stringify sends `100`/);
    assert.match(hover(entry('1_0|00.50')), /JSON\.stringify sends `1000\.5`/);
    assert.doesNotMatch(hover(entry('10|0')), /JSON\.stringify sends/);
    assert.match(hover(entry('0x6|4'), 'zh-TW'), /JSON\.stringify 送出的是 `100`/);
    assert.match(hover("const res = await callJkoPay(path, body);\nif (res.message === 'Store not fo|und') {}"), /store_id/);
  });

  it('leaves other strings alone', () => {
    assert.equal(hover("if (status === '1|01') {}"), '');
    assert.equal(hover("const code = '1|01';"), '');
  });

  it("explains a JKOPay transaction's status and the numbers it is compared with, in callback handlers and inquiry code", () => {
    const callback =
      "import type { ResultCallback } from 'jkopay-tools';\nexport function onResult(body: ResultCallback) {\n  const { transaction } = body;\n";
    assert.match(hover(`${callback}  return transaction.sta|tus === 0;\n}`), /Status of a JKOPay transaction[\s\S]*- `101` Not yet paid/);
    assert.match(hover(`${callback}  return transaction.status === 1|00;\n}`), /Transaction status 100\*\* Payment failed/);
    assert.match(hover(`${callback}  return body.transaction.status === 10|1;\n}`, 'zh-TW'), /交易狀態 101/);
    const jsdoc =
      "/** @param {import('jkopay-tools').ResultCallback} body */\nfunction onResult(body) {\n  return body.transaction.sta|tus;\n}";
    assert.match(hover(jsdoc), /Status of a JKOPay transaction/);
    const inquiry =
      'const answer = await jkopay.inquiry(ids);\nconst paid = answer.result_object.transactions.filter((t) => t.status === |0);';
    assert.match(hover(inquiry), /Transaction status 0\*\* Paid/);
    // Anyone else's status: an HTTP answer's, a job's, an untyped body's.
    assert.equal(hover('function f(res: Response) {\n  return res.sta|tus === 200;\n}'), '');
    assert.equal(hover("const job = await queue.add('x', {});\nif (job.status === |0) {}"), '');
    assert.equal(hover('app.post("/jkopay/result", (req) => req.body.transaction.sta|tus);'), '');
  });

  it('offers the documented codes inside a comparison with result', () => {
    const labels = complete("const res = await callJkoPay(path, body);\nif (res.result === '|') {}");
    assert.ok(labels.includes('000') && labels.includes('922'));
    assert.deepEqual(complete("const x = { a: '|' };"), []);
  });

  it('documents payload fields in code, in Traditional Chinese too', () => {
    assert.match(hover("const b = { platform_order_id: 'o', store_id: 's', curr|ency: 'TWD' };\njkopay.entry(b);", 'zh-TW'), /幣別/);
  });
});

describe('incremental re-parse', () => {
  it('gives the same payloads as a full parse after edits anywhere', () => {
    const v1 = "const a = { platform_order_id: 'o', store_id: 's', total_price: 10 };\nconst b = 1;\njkopay.entry(a);\n";
    const edits = [
      v1.replace('10', '10.5'),
      v1.replace('const b = 1;', "const b = { platform_order_ids: ['x'] };"),
      `// @jkopay refund\n${v1}`,
      v1.replace("store_id: 's', ", ''),
    ];
    for (const v2 of edits) {
      const full = parseSourceDocument('file:///a.ts', v2);
      assert.equal(full.payloads.length, 1, v2);
      const incremental = reparseSourceDocument(parseSourceDocument('file:///a.ts', v1), v2);
      assert.deepEqual(JSON.stringify(incremental.payloads), JSON.stringify(full.payloads), v2);
    }
    assert.deepEqual(changeBetween('abcdef', 'abXYef'), { span: { start: 2, length: 2 }, newLength: 2 });
    assert.deepEqual(changeBetween('aaa', 'aaaa'), { span: { start: 3, length: 0 }, newLength: 1 });
  });
});
