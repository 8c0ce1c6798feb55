/**
 * The two signing rules through the language service: what each says (in both languages) and
 * where, the related location of the DIGEST, silence where the bytes are the same, an incremental
 * re-parse, and work linear in the code (counted, not timed: n → 16n may cost at most 24× the
 * work). The corpora in test/fixtures/signing and test/fixtures/corpus hold the cases by shape.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { traceWork } from '../../src/core/source/traceDeps';
import { service } from './helpers';

const source = (text: string, uri = 'file:///shop/pay.ts') => TextDocument.create(uri, 'typescript', 1, text);

const PRETTY = `import { createHmac } from 'node:crypto';
export async function pay(body: object) {
  const digest = createHmac('sha256', 'k').update(JSON.stringify(body)).digest('hex');
  return fetch('https://uat-onlinepay.jkopay.app/platform/entry', { method: 'POST', headers: { DIGEST: digest }, body: JSON.stringify(body, null, 2) });
}
`;

const RESERIALIZED = `import express from 'express';
import { verifyDigest } from 'jkopay-tools';
const app = express();
app.use(express.json());
app.post('/jkopay/result', (req, res) => {
  res.sendStatus(verifyDigest('k', JSON.stringify(req.body), String(req.headers.digest)) ? 200 : 401);
});
`;

describe('signing rules', () => {
  it('signed-bytes-mismatch: on what is sent, naming both places, related to where the DIGEST is made', () => {
    const ls = service();
    const document = source(PRETTY);
    const [d] = ls.doValidation(document, ls.parseDocument(document)).filter((x) => x.code === 'signed-bytes-mismatch');
    assert.ok(d, 'reported');
    assert.equal(d.severity, 1);
    assert.equal(document.getText(d.range), 'JSON.stringify(body, null, 2)');
    assert.match(
      String(d.message),
      /signs JSON\.stringify\(body\) \(line 3\) but sends JSON\.stringify\(body, null, 2\): two serializations of body/,
    );
    const related = d.relatedInformation?.[0];
    assert.equal(related && document.getText(related.location.range), 'JSON.stringify(body)');
    assert.match(related!.message, /^The DIGEST is computed over this/);
    assert.deepEqual(d.data, { fixes: [], evidence: 'signed' });
    const zh = service({ lang: 'zh-TW' });
    const [z] = zh.doValidation(document, zh.parseDocument(document)).filter((x) => x.code === 'signed-bytes-mismatch');
    assert.match(String(z.message), /^DIGEST 計算所用的位元組與此請求送出的不同：簽章的是 JSON\.stringify\(body\)（第 3 行），送出的卻是/);
  });

  it('digest-over-parsed-body: on the message, naming the raw-body route of the framework the file uses, in both languages', () => {
    const document = source(RESERIALIZED, 'file:///shop/callbacks.ts');
    for (const [lang, pattern] of [
      [
        'en',
        /^The digest is checked over JSON\.stringify\(req\.body\): the parsed body serialized again.*Check the raw body: Express: express\.raw/,
      ],
      [
        'zh-TW',
        /^digest 是對 JSON\.stringify\(req\.body\) 驗證的：也就是解析後再序列化的內容.*請對原始內容驗證：Express：在此路由掛上 express\.raw/,
      ],
    ] as const) {
      const ls = service({ lang });
      const found = ls.doValidation(document, ls.parseDocument(document)).filter((x) => x.code === 'digest-over-parsed-body');
      assert.equal(found.length, 1);
      assert.equal(found[0].severity, 2);
      assert.equal(document.getText(found[0].range), 'JSON.stringify(req.body)');
      assert.match(String(found[0].message), pattern);
      assert.doesNotMatch(String(found[0].message), /Fastify|Hono/, 'only the framework the file uses');
    }
  });

  it('is silent where the bytes signed are the bytes sent, and can be turned off or ignored like any rule', () => {
    const same = PRETTY.replace('JSON.stringify(body, null, 2)', 'JSON.stringify(body)');
    const ls = service();
    const document = source(same);
    assert.deepEqual(
      ls.doValidation(document, ls.parseDocument(document)).map((d) => d.code),
      [],
    );
    const off = service({ severity: { 'signed-bytes-mismatch': 'off' } });
    const pretty = source(PRETTY);
    assert.deepEqual(
      off.doValidation(pretty, off.parseDocument(pretty)).map((d) => d.code),
      [],
    );
    const ignored = source(
      PRETTY.replace('  return fetch', '  // jkopay-ignore-next-line signed-bytes-mismatch -- pretty on purpose\n  return fetch'),
    );
    assert.deepEqual(
      ls.doValidation(ignored, ls.parseDocument(ignored)).map((d) => d.code),
      [],
    );
  });

  it('finds a mistake typed into an open document (an incremental re-parse)', () => {
    const ls = service();
    let document = source(PRETTY.replace('JSON.stringify(body, null, 2)', 'JSON.stringify(body)'));
    let doc = ls.parseDocument(document);
    assert.equal(ls.doValidation(document, doc).length, 0);
    const at = document.getText().lastIndexOf('JSON.stringify(body)') + 'JSON.stringify(body'.length;
    const edit = { start: at, end: at, newLength: ', null, 2'.length };
    document = TextDocument.update(
      document,
      [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: ', null, 2' }],
      2,
    );
    doc = ls.parseDocument(document, doc, edit);
    assert.deepEqual(
      ls.doValidation(document, doc).map((d) => d.code),
      ['signed-bytes-mismatch'],
    );
  });

  const LAYOUTS: Record<string, { make: (n: number) => string; findings: (n: number) => number }> = {
    'a signed request per function': {
      make: (n) =>
        `import { createHmac } from 'node:crypto';\n` +
        Array.from(
          { length: n },
          (_, i) =>
            `export async function pay${i}(body${i}: object) {\n  const d = createHmac('sha256', 'k').update(JSON.stringify(body${i})).digest('hex');\n  return fetch(URL, { method: 'POST', headers: { DIGEST: d }, body: JSON.stringify(body${i}, null, 2) });\n}\n`,
        ).join('') +
        "const URL = 'https://onlinepay.jkopay.com/platform/entry';\n",
      findings: (n) => n,
    },
    'one body changed and sent many times in one function': {
      make: (n) =>
        `import { computeDigest } from 'jkopay-tools';\nexport async function all(body: Record<string, number>) {\n` +
        Array.from(
          { length: n },
          (_, i) =>
            `  body.k${i} = ${i};\n  const d${i} = computeDigest('k', JSON.stringify(body));\n  await fetch(URL, { method: 'POST', headers: { DIGEST: d${i} }, body: JSON.stringify(body) });\n`,
        ).join('') +
        `}\nconst URL = 'https://onlinepay.jkopay.com/platform/refund';\n`,
      findings: () => 0,
    },
    'a let reassigned many times': {
      make: (n) =>
        `import { computeDigest } from 'jkopay-tools';\nexport async function all(body: object) {\n  let raw = '';\n` +
        Array.from(
          { length: n },
          (_, i) =>
            `  raw = JSON.stringify(body);\n  await fetch(URL, { method: 'POST', headers: { DIGEST: computeDigest('k', raw) }, body: raw });\n  void ${i};\n`,
        ).join('') +
        `}\nconst URL = 'https://onlinepay.jkopay.com/platform/refund';\n`,
      findings: () => 0,
    },
    'many callback handlers': {
      make: (n) =>
        `import express from 'express';\nimport { verifyDigest } from 'jkopay-tools';\nconst app = express();\napp.use(express.json());\n` +
        Array.from(
          { length: n },
          (_, i) =>
            `app.post('/jkopay/result/${i}', (req, res) => res.sendStatus(verifyDigest('k', JSON.stringify(req.body), String(req.headers.digest)) ? 200 : 401));\n`,
        ).join(''),
      findings: (n) => n,
    },
  };

  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`${name}: 16× the code costs less than 24× the work`, () => {
      const ls = service();
      const work = (n: number) => {
        const document = source(layout.make(n), `file:///${name.replace(/\W/g, '-')}-${n}.ts`);
        const before = traceWork.count;
        const found = ls.doValidation(document, ls.parseDocument(document)).filter((d) => /signed-bytes|digest-over/.test(String(d.code)));
        assert.equal(found.length, layout.findings(n), name);
        return traceWork.count - before;
      };
      const small = work(50);
      const large = work(800);
      assert.ok(small > 0, 'the work is counted');
      assert.ok(large / small < 24, `${name}: ${small} at n=50, ${large} at 16n (×${(large / small).toFixed(1)})`);
    });
  }
});
