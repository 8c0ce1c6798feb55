/**
 * The payload rule for TS/JS literals found by their keys: checked only on evidence of where they
 * go (sent to a JKOPay URL, handed to a JKOPay client, signed, beyond doubt by themselves), each
 * shape of code decided and explained; what the evidence looks like to the user (related
 * information, the hover on the braces); and decisions kept across edits only while what they read
 * of the file stands.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../src/core/languageService';
import { parseSourceDocument, reparseSourceDocument } from '../../src/core/source/sourceDocument';

const ENTRY = "{ platform_order_id: id, store_id: 's-1', currency: 'TWD', total_price: 99.5, final_price: 99, unredeem: 0 }";
const REFUND = '{ platform_order_id: id, refund_amount: 10.5 }';

/** The decision on the first literal with JKOPay field names: `checked:<kind>:<evidence>` or `skipped:<reason>`. */
function decide(code: string, uri = 'file:///a.ts'): string {
  const document = TextDocument.create(uri, 'typescript', 1, code);
  const [report] = getLanguageService().explain(document);
  if (!report) return 'none';
  return report.checked ? `checked:${report.kind}:${report.why}` : `skipped:${report.why}`;
}

const CASES: [string, string, string][] = [
  // Sent, by any client: the evidence is the URL beside the body.
  [
    'fetch with a literal URL',
    `await fetch('https://onlinepay.jkopay.com/platform/entry', { method: 'POST', body: JSON.stringify(${ENTRY}) });`,
    'checked:entry:sent',
  ],
  [
    'fetch with options in a variable',
    `const body = ${ENTRY};\nconst init = { method: 'POST', body: JSON.stringify(body) };\nawait fetch(URL_ENTRY, init);\nconst URL_ENTRY = BASE + '/platform/entry';`,
    'checked:entry:sent',
  ],
  ['axios method form', `const body = ${REFUND};\nawait axios.post(\`\${base}/platform/refund\`, body);`, 'checked:refund:sent'],
  ['axios config form', `await axios({ url: HOST + '/platform/refund', method: 'post', data: ${REFUND} });`, 'checked:refund:sent'],
  [
    'a const of the file names the path',
    `const PATHS = { refund: '/platform/refund' };\nawait http.post(PATHS.refund, ${REFUND});`,
    'checked:refund:sent',
  ],
  ['superagent chain', `await superagent.post(JKO + '/platform/entry').set('DIGEST', d).send(${ENTRY});`, 'checked:entry:sent'],
  [
    'node https.request then write',
    `const req = https.request({ hostname: 'uat-onlinepay.jkopay.app', path: p, method: 'POST' });\nconst body = ${REFUND};\nreq.write(JSON.stringify(body));`,
    'checked:refund:sent',
  ],
  [
    'axios instance with a JKOPay baseURL',
    `const jk = axios.create({ baseURL: 'https://onlinepay.jkopay.com' });\nawait jk.post('/platform/inquiry', { platform_order_ids: 'a,b' });`,
    'checked:inquiry:sent',
  ],
  [
    'the SDK shape: a private request(method, path, body)',
    `class C { async refund(id) { return this.request('POST', '/platform/refund', ${REFUND}); } }`,
    'checked:refund:sent',
  ],
  [
    'an inquiry as a query string in the URL',
    `const q = new URLSearchParams({ platform_order_ids: ids.join(',') });\nawait fetch(\`\${BASE}/platform/inquiry?\${q}\`);`,
    'checked:inquiry:sent',
  ],
  [
    'entries filtered on their way',
    `const body = ${ENTRY};\nconst clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));\nawait post('/platform/entry', JSON.stringify(clean));`,
    'checked:entry:sent',
  ],
  [
    'a builder completed later',
    `const body = { platform_order_id: id };\nif (partial) body.refund_amount = 49.5;\nawait post('/platform/refund', JSON.stringify(body));`,
    'checked:refund:sent',
  ],
  // Through the file's own functions, one level.
  [
    'a parameter that reaches a sink',
    `async function send(b) { return fetch(JKO_ENTRY, { method: 'POST', body: JSON.stringify(b) }); }\nconst JKO_ENTRY = 'https://onlinepay.jkopay.com/platform/entry';\nawait send(${ENTRY});`,
    'checked:entry:sent',
  ],
  [
    'a builder returned to a call site that sends',
    `function entryBody(o) { return ${ENTRY}; }\nawait axios.post(ENTRY_URL, entryBody(order));\nconst ENTRY_URL = '/platform/entry';`,
    'checked:entry:sent',
  ],
  // Clients and signatures.
  ['a client named for the brand', `await this.jkoPayClient.refund(${REFUND});`, 'checked:refund:client'],
  [
    'the library client',
    `import { createClient } from 'jkopay-tools';\nconst client = createClient({ apiKey, secretKey });\nawait client.entry(${ENTRY});`,
    'checked:entry:client',
  ],
  [
    'signed by createHmac',
    `const body = ${ENTRY};\nconst digest = createHmac('sha256', secret).update(JSON.stringify(body)).digest('hex');`,
    'checked:entry:signed',
  ],
  [
    'signed by computeDigest',
    `import { computeDigest } from 'jkopay-tools';\nconst text = JSON.stringify(${REFUND});\nconst digest = computeDigest(secret, text);`,
    'checked:refund:signed',
  ],
  [
    'beyond doubt by itself',
    `export const SAMPLE = { platform_order_id: 'o-1', store_id: 's', currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0 };`,
    'checked:entry:complete',
  ],
  // Someone else's data.
  ['a structured log line', `log.warn({ platform_order_id, final_price }, 'payment late');`, 'skipped:argument'],
  ['a log line that mentions the path', `logger.info('sending to /platform/entry', ${ENTRY});`, 'skipped:argument'],
  ['an event payload', `bus.publish('order.paid', { platform_order_id, store_id, total_price });`, 'skipped:argument'],
  ['a schema of a builder library', `const S = v.object({ platform_order_id: v.string(), total_price: v.number() });`, 'skipped:argument'],
  ['front-end state', `const [form, setForm] = useState({ platform_order_id: '', total_price: 0 });`, 'skipped:argument'],
  [
    'a decorator example',
    `class Dto { @ApiProperty({ example: { platform_order_id: 'o', total_price: 1 } }) order!: unknown; }`,
    'skipped:nested',
  ],
  ['a callback result', `const rows = orders.map((o) => ({ platform_order_id: o.id, final_price: o.paid }));`, 'skipped:callback-return'],
  [
    'a fetch to the merchant own backend',
    `await fetch('/api/checkout', { method: 'POST', body: JSON.stringify({ platform_order_id, total_price }) });`,
    'skipped:elsewhere',
  ],
  [
    'signed but sent elsewhere',
    `const body = ${ENTRY};\nconst sig = createHmac('sha256', k).update(JSON.stringify(body)).digest('hex');\nawait fetch(PARTNER + '/hooks/orders', { method: 'POST', body: JSON.stringify(body) });`,
    'skipped:elsewhere',
  ],
  [
    'a stubbed JKOPay answer',
    `nock(JKO).post('/platform/entry').reply(200, { result: '000', result_object: { platform_order_id: 'o', payment_url: 'u' } });`,
    'skipped:nested',
  ],
  [
    'a receiver named for data, not a client',
    `await this.jkoOrderRepository.save({ platform_order_id: id, refund_amount: 5 });`,
    'skipped:argument',
  ],
  [
    'a branded wrapper of the app parameters',
    `await jkoService.createPayment({ platform_order_id: id, amount: 100, description: 'x' });`,
    'skipped:not-request-keys',
  ],
  [
    'a blank form of every field',
    `const EMPTY = { platform_order_id: '', store_id: '', currency: 'TWD', total_price: 0, final_price: 0, unredeem: 0 };`,
    'skipped:unused',
  ],
  [
    'every field, handed to an ORM',
    `const row = { platform_order_id: 'o', store_id: 's', currency: 'TWD', total_price: 1, final_price: 1, unredeem: 0 };\nawait knex('orders').insert(row);`,
    'skipped:argument',
  ],
  [
    'every field, typed with the app type',
    `const draft: OrderDraft = { platform_order_id: 'o', store_id: 's', currency: 'TWD', total_price: 1, final_price: 1, unredeem: 0 };`,
    'skipped:other-type',
  ],
  [
    'the app camelCase type named like JKOPay',
    `const req: JkoPayEntryRequest = { platformOrderId: id, totalPrice: 100, finalPrice: 100 };`,
    'skipped:own-type',
  ],
  [
    'an answer',
    `const answer = { platform_order_id: 'o', status: 0, tradeNo: 'T1' };\nawait fetch('/platform/inquiry', { body: JSON.stringify(answer) });`,
    'skipped:not-request',
  ],
  // What the red-team pass found, each now decided by a rule rather than a name.
  [
    'an audit record keyed by the path: no call that sends',
    `await this.audit.record(REFUND_PATH, ${REFUND});\nconst REFUND_PATH = '/platform/refund';`,
    'skipped:argument',
  ],
  ['a cache keyed by a JKOPay URL', `await cache.set(\`\${BASE}/platform/inquiry?ids=\${id}\`, ${REFUND});`, 'skipped:argument'],
  [
    'a log line holding request options',
    `log.debug({ req: { method: 'POST', url: BASE + '/platform/entry', body: ${ENTRY} } }, 'sending');`,
    'skipped:nested',
  ],
  [
    'a nock body matcher',
    `import nock from 'nock';\nnock(JKO).post('/platform/entry', { platform_order_id: 'o' }).reply(200, {});`,
    'skipped:mock',
  ],
  [
    'a mock adapter expectation',
    `import MockAdapter from 'axios-mock-adapter';\nconst mock = new MockAdapter(axios);\nmock.onPost('/platform/refund', ${REFUND}).reply(200);`,
    'skipped:argument',
  ],
  [
    'a signature sent with a request elsewhere',
    `const forged = ${ENTRY};\nconst digest = createHmac('sha256', k).update(JSON.stringify(forged)).digest('hex');\nawait request(app).post('/jkopay/confirm').set('digest', digest).send(other);`,
    'skipped:elsewhere',
  ],
  [
    'a signature for another service',
    `const headers = { 'x-signature': createHmac('sha256', k).update(JSON.stringify(${ENTRY})).digest('hex') };`,
    'skipped:argument',
  ],
  [
    'the app own proxy route',
    `await fetch('/api/admin/platform/refund', { method: 'POST', body: JSON.stringify(${REFUND}) });`,
    'skipped:elsewhere',
  ],
  [
    'a store named for the brand',
    `const jkopay = useJkopayStore();\njkopay.$patch({ platform_order_id: '', total_price: 0 });`,
    'skipped:unknown-url',
  ],
  [
    'a model named for the brand',
    `const JkoPayment = mongoose.model('JkoPayment', schema);\nawait JkoPayment.create({ platform_order_id: id, refund_amount: 1 });`,
    'skipped:argument',
  ],
  [
    'a repository method that records',
    `await this.jkoPayService.recordRefund({ platform_order_id: id, refund_amount: 1, refunded_at: now });`,
    'skipped:argument',
  ],
  ['Prisma data under a model named for the brand', `await prisma.jkoPayment.create({ data: ${REFUND} });`, 'skipped:nested'],
  [
    'an endpoint chosen by a ternary',
    `const path = kind === 'refund' ? '/platform/refund' : '/platform/entry';\nawait fetch(BASE + path, { method: 'POST', body: JSON.stringify(${ENTRY}) });`,
    'checked:entry:sent',
  ],
  [
    'a client typed on the class',
    `class S { constructor(private readonly client: JkoPayClient) {} go() { return this.client.refund(${REFUND}); } }`,
    'checked:refund:client',
  ],
  [
    'a method of the library client destructured',
    `import { createClient } from 'jkopay-tools';\nconst { refund } = createClient(options);\nawait refund(${REFUND});`,
    'checked:refund:client',
  ],
  [
    'request options filled later',
    `const init = { method: 'POST' };\ninit.body = JSON.stringify(${REFUND});\nawait fetch('https://onlinepay.jkopay.com/platform/refund', init);`,
    'checked:refund:sent',
  ],
  [
    'a helper that hands back a copy',
    `function compact(o) { return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null)); }\nawait post('/platform/refund', compact(${REFUND}));`,
    'checked:refund:sent',
  ],
  [
    'request options handed to a send named for JKOPay',
    `const payload = JSON.stringify(${ENTRY});\nawait callJkopay({ url: config.entryUrl, method: 'POST', payload });`,
    'checked:entry:client',
  ],
];

describe('TS/JS literals are requests only on evidence of where they go', () => {
  for (const [name, code, expected] of CASES) {
    it(`${name}: ${expected}`, () => assert.equal(decide(code), expected, code));
  }

  it('checks string amounts and later assignments of a literal sent to JKOPay, as in payload files', () => {
    const text =
      "const body = { platform_order_id: 'o', refund_amount: '100' };\nbody.refund_amount = '80';\nawait post('/platform/refund', body);\n";
    const codes = validateSource(text).map((d) => `${d.range.start.line}:${d.code}`);
    assert.deepEqual(codes, ['0:wrong-type', '1:wrong-type']);
  });

  it('reads an inner variable of the same name as another one', () => {
    const text = `const body = ${REFUND};\nawait jko.refund(body);\nitems.map((item) => { const body = { sku: item.sku }; body.status = 'restocked'; return inventory.restock(body); });\n`;
    assert.equal(decide(text), 'checked:refund:client');
    assert.deepEqual(
      validateSource(text).map((d) => d.code),
      ['currency-precision'],
      "the inner body.status is not the refund's",
    );
  });

  it('leaves the keys open for a client known by its name, unless what it is given is already text', () => {
    const body = "{ platform_order_id: id, store_id: 's', currency: 'TWD', total_price: 100, final_price: 100 }";
    assert.deepEqual(
      validateSource(`await jkopay.entry(${body});`).map((d) => d.code),
      [],
      'the client may add unredeem',
    );
    assert.deepEqual(
      validateSource(`await callJkopay({ url: config.entryUrl, method: 'POST', payload: JSON.stringify(${body}) });`).map((d) => d.code),
      ['missing-field'],
      'a serialized body is sent as it is: unredeem is missing',
    );
  });

  it('counts the fields a helper spreads the literal into, and their currency', () => {
    const text = `async function sendEntry(partial) {\n  return post('/platform/entry', { store_id: 's', currency: 'TWD', unredeem: 0, ...partial });\n}\nawait sendEntry({ platform_order_id: id, total_price: 99.5, final_price: 99 });\n`;
    assert.deepEqual(
      validateSource(text).map((d) => d.code),
      ['currency-precision'],
      'no field missing; 99.5 TWD judged',
    );
  });

  it('takes fields and currency from a const spread into the literal, and keeps the key set open for another spread', () => {
    const base = "const JKO_BASE = Object.freeze({ store_id: 's', currency: 'TWD', unredeem: 0 });\n";
    const closed = validateSource(
      `${base}await post('/platform/entry', { ...JKO_BASE, platform_order_id: id, total_price: 99.5, final_price: 99.5 });`,
    );
    assert.deepEqual(
      closed.map((d) => d.code),
      ['currency-precision', 'currency-precision'],
    );
    const open = validateSource(
      `await post('/platform/entry', { ...defaults, platform_order_id: id, currency: 'JPY', total_price: 9.5, final_price: 9 });`,
    );
    assert.deepEqual(
      open.map((d) => d.code),
      ['currency-precision'],
      'no missing-field, but the amount is judged',
    );
  });

  it('says why in each diagnostic related information and in the hover on the braces', () => {
    const text = `const body = ${ENTRY};\n\nawait fetch('https://onlinepay.jkopay.com/platform/entry', { method: 'POST', body: JSON.stringify(body) });\n`;
    const [diagnostic] = validateSource(text);
    assert.equal(diagnostic.code, 'currency-precision');
    const related = diagnostic.relatedInformation?.[0];
    assert.equal(related?.message, 'Checked as a JKOPay entry: sent to /platform/entry at line 3');
    assert.equal(related?.location.range.start.line, 2);
    const service = getLanguageService({ lang: 'zh-TW' });
    const document = TextDocument.create('file:///a.ts', 'typescript', 1, text);
    const hover = service.doHover(document, service.parseDocument(document), document.positionAt(text.indexOf('{')));
    assert.match(JSON.stringify(hover?.contents), /以街口支付 entry 請求檢查：第 3 行送往 \/platform\/entry/);
    const close = text.indexOf('}');
    const atClose = service.doHover(document, service.parseDocument(document), document.positionAt(close));
    assert.match(JSON.stringify(atClose?.contents), /第 3 行送往/);
  });

  it('keeps a decision after an edit elsewhere, and decides again when the edit reaches what it read', () => {
    const a = `export async function a(id) {\n  const body = ${REFUND};\n  return post(PATH, body);\n}\n`;
    const b = 'export function b() {\n  return 1;\n}\n';
    const v1 = `const PATH = '/api/refund';\n${a}${b}`;
    let doc = parseSourceDocument('file:///a.ts', v1);
    assert.equal(doc.payloads.length, 0, 'sent to /api/refund: not JKOPay');
    // An edit inside b() leaves a()'s decision as it was read.
    const v2 = v1.replace('return 1;', 'return 2;');
    doc = reparseSourceDocument(doc, v2);
    assert.equal(doc.payloads.length, 0);
    // The const it read changes: decided again.
    const v3 = v2.replace("'/api/refund'", "'/platform/refund'");
    doc = reparseSourceDocument(doc, v3);
    assert.deepEqual(
      doc.payloads.map((p) => `${p.kind}:${p.evidence?.kind}`),
      ['refund:sent'],
    );
    // A declaration it looked for in vain appears: decided again.
    const c = `export async function c(id) {\n  const body = ${REFUND};\n  return sendRefund(body);\n}\n`;
    const w1 = c;
    doc = parseSourceDocument('file:///c.ts', w1);
    assert.equal(doc.payloads.length, 0);
    const w2 = `${w1}function sendRefund(b) {\n  return fetch('/platform/refund', { method: 'POST', body: JSON.stringify(b) });\n}\n`;
    doc = reparseSourceDocument(doc, w2);
    assert.deepEqual(
      doc.payloads.map((p) => `${p.kind}:${p.evidence?.via}`),
      ['refund:sendRefund'],
    );
  });
});

function validateSource(text: string) {
  const service = getLanguageService();
  const document = TextDocument.create('file:///a.ts', 'typescript', 1, text);
  return service.doValidation(document, service.parseDocument(document));
}
