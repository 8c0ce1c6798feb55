/**
 * The small truths of issue 10: send shows a payload's warnings, send --dry-run prints what
 * would go out, sign refuses a payload file that is not a body, explain knows inquiry statuses,
 * codes of other endpoints and JKOPay's misspelt messages.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { computeDigest } from '../../../src/api/signing';
import { runExplain } from '../../../src/cli/explainCommand';
import { runSend } from '../../../src/cli/sendCommand';
import { runSign } from '../../../src/cli/signCommand';
import { explainCodeMarkdown, explainMessageMarkdown } from '../../../src/core/texts/resultCodeDocs';
import { service, withCaret } from '../helpers';
import { freePort } from './localServers';
import { capture } from './captureIo';

const WARNED = `// final above total: a warning, not an error
{
  "platform_order_id": "warn-1",
  "store_id": "00000000-0000-4000-8000-000000000001",
  "currency": "TWD",
  "total_price": 100,
  "final_price": 120,
  "unredeem": 0
}`;

describe('send: warnings and --dry-run', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-truths-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('--dry-run prints the exact bytes, masked key and DIGEST, shows the warnings, and sends nothing', async () => {
    const file = path.join(dir, 'warn.entry.jkopay.json');
    await fs.writeFile(file, WARNED);
    const port = await freePort();
    const c = capture();
    const code = await runSend([file, '--dry-run', '--base-url', `http://127.0.0.1:${port}`], c.io, {
      env: { JKOPAY_API_KEY: 'key-1234567890', JKOPAY_SECRET_KEY: 's3cret' },
    });
    assert.equal(code, 0);
    assert.match(c.errors(), /warn\.entry\.jkopay\.json:7:18 warning final-exceeds-total/);
    assert.match(c.errors(), /--dry-run: nothing was sent/);
    const body =
      '{"platform_order_id":"warn-1","store_id":"00000000-0000-4000-8000-000000000001","currency":"TWD","total_price":100,"final_price":120,"unredeem":0}';
    assert.ok(c.out.includes(body), c.text());
    assert.match(c.text(), new RegExp(`DIGEST: ${computeDigest('s3cret', body)}`));
    assert.match(c.text(), new RegExp(`POST http://127\\.0\\.0\\.1:${port}/platform/entry`));
    assert.doesNotMatch(c.text() + c.errors(), /key-1234567890|s3cret/);
  });

  it('sign refuses a payload file with comments or several payloads, naming send --dry-run; notes other bytes', async () => {
    const commented = path.join(dir, 'c.entry.jkopay.json');
    await fs.writeFile(commented, WARNED);
    const c = capture();
    assert.equal(await runSign(['--secret-env', 'K', '--body-file', commented], c.io, { K: 'x' }), 2);
    assert.match(c.errors(), /has comments.*send .*c\.entry\.jkopay\.json --dry-run/);
    assert.deepEqual(c.out, []);
    const many = path.join(dir, 'many.jkopay.json');
    await fs.writeFile(many, '[{"platform_order_ids": ["a"]}, {"platform_order_ids": ["b"]}]');
    const m = capture();
    assert.equal(await runSign(['--secret-env', 'K', '--body-file', many], m.io, { K: 'x' }), 2);
    assert.match(m.errors(), /holds 2 payloads.*--dry-run/);
    const spaced = path.join(dir, 'spaced.refund.jkopay.json');
    await fs.writeFile(spaced, '{"platform_order_id": 87, "refund_amount": 100}');
    const s = capture();
    assert.equal(await runSign(['--secret-env', 'K', '--body-file', spaced], s.io, { K: 'QxN1X' }), 0);
    assert.deepEqual(
      s.out,
      ['80b9967b29287605e4ef10b45668792f9d5235777ab305bb72217078dec3205a'],
      'the file bytes are still what is signed',
    );
    assert.match(s.errors(), /send sends other bytes .* DIGEST eb526e13f74e0787d8938c413139ad3b5ea24f0dd4955774718e3444c0e7ed50/);
  });

  it('sign gives its refusals and notes in zh-TW with --lang zh-TW (or a zh_TW locale), the DIGEST unchanged', async () => {
    const commented = path.join(dir, 'z.entry.jkopay.json');
    await fs.writeFile(commented, WARNED);
    const c = capture();
    assert.equal(await runSign(['--secret-env', 'K', '--body-file', commented, '--lang', 'zh-TW'], c.io, { K: 'x' }), 2);
    assert.match(c.errors(), /z\.entry\.jkopay\.json 含有註解，註解也會被簽章.*執行 `jkopay send .*z\.entry\.jkopay\.json --dry-run`/);
    const q = capture();
    const query = '?platform_order_ids=a%2Cb, c';
    assert.equal(await runSign(['--secret-env', 'K', '--query', query], q.io, { K: 'x', LANG: 'zh_TW.UTF-8' }), 0);
    assert.deepEqual(q.out, [computeDigest('x', query)]);
    assert.match(q.errors(), /注意：街口簽章的查詢字串不含開頭的「\?」/);
    assert.match(q.errors(), /「%2C」/);
    assert.match(q.errors(), /逗號後的空格也會被簽章/);
    assert.doesNotMatch(q.errors(), /note:|JKOPay signs/);
  });
});

describe('explain: inquiry statuses, other endpoints, forgiving messages', () => {
  const explain = async (...args: string[]) => {
    const c = capture();
    const code = await runExplain(args, c.io);
    return { code, text: c.text() };
  };

  it('--endpoint inquiry explains transaction statuses 0, 100, 101, 102', async () => {
    const e = await explain('102', '--endpoint', 'inquiry');
    assert.equal(e.code, 0);
    assert.match(e.text, /result "000" whatever.*102 is a transactions\[\]\.status/);
    assert.match(e.text, /Transaction status 102 Order does not exist/);
    assert.doesNotMatch(e.text, /180 days/);
    for (const status of ['0', '100', '101'])
      assert.match((await explain(status, '--endpoint', 'inquiry')).text, new RegExp(`Transaction status ${status} `));
    assert.match((await explain('000', '--endpoint', 'inquiry')).text, /^000 /m);
  });

  it('says when the endpoint has no such code and lists where it exists', async () => {
    const e = await explain('102', '--endpoint', 'entry');
    assert.match(e.text, /^entry has no result code 102; it exists at: refund\./);
    assert.match(e.text, /excessed 180 days/);
    assert.match((await explain('922', '--endpoint', 'entry', '--lang', 'zh-TW')).text, /^entry 沒有結果代碼 922；此代碼出現在：refund。/);
    assert.match(explainCodeMarkdown('102', 'en', 'entry'), /entry has no result code 102/);
  });

  it("matches messages forgivingly, JKOPay's typos included, but not loosely", async () => {
    const e = await explain('Invalid Order ID');
    assert.equal(e.code, 0);
    assert.match(e.text, /nearest official text/);
    assert.match(e.text, /^100 .*refund/m);
    assert.match(e.text, /"Invaid Order ID"/);
    assert.match((await explain('order has exceeded 180 days cannot be refunded.')).text, /^102 /m);
    assert.match((await explain('STORE NOT  FOUND')).text, /^200 /m);
    assert.equal((await explain('Order not found')).code, 1);
    assert.equal((await explain('Paid')).code, 1);
    assert.match(explainMessageMarkdown('Invalid Order ID', 'zh-TW') ?? '', /最接近的官方文字/);
  });
});

describe('foreign-currency debits in hovers and explain', () => {
  it('status 0 says the sum rule holds only for TWD, in both languages', async () => {
    const c = capture();
    await runExplain(['0', '--endpoint', 'inquiry'], c.io);
    assert.match(c.text(), /For a TWD order final_price = redeem_amount \+ debit_amount; for a foreign-currency order .* whole TWD/);
    const zh = capture();
    await runExplain(['0', '--endpoint', 'inquiry', '--lang', 'zh-TW'], zh.io);
    assert.match(zh.text(), /新台幣訂單 final_price = redeem_amount \+ debit_amount；外幣訂單/);
  });

  it("the hover on a paid transaction's status says so", () => {
    const ls = service({ lang: 'en' });
    const { document, position } = withCaret(
      '{ "result": "000", "message": null, "result_object": { "transactions": [ { "platform_order_id": "a", "status": |0, "currency": "JPY", "final_price": "1230", "redeem_amount": "0", "debit_amount": "249" } ] } }',
    );
    const h = ls.doHover(document, ls.parseDocument(document), position);
    const text = h ? (h.contents as { value: string }).value : '';
    assert.match(text, /foreign-currency order .* whole TWD/);
  });
});
