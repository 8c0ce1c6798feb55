/**
 * The DIGEST doctor through the library's `explainDigestMismatch`: every slip of its table named,
 * in both languages, with neither the secret nor a valid DIGEST in what it says; a right DIGEST
 * and an unexplained one; wrong arguments refused; and its work bounded (counted, not timed) on a
 * 1 MB body.
 */
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { DIGEST_SLIP_IDS, doctorWork, MAX_REWRITE_BYTES, WORK_BUDGET } from '../../../src/api/digestDoctor';
import { JkoPayUsageError } from '../../../src/api/usageError';
import { explainDigestMismatch } from '../../../src/lib';
import { API_KEY, BODY, forbiddenIn, SECRET, slipCases } from './digestSlipCases';

describe('api/digestDoctor: explainDigestMismatch', () => {
  const cases = slipCases();

  it('has a case for every slip it knows', () => {
    assert.deepEqual(
      cases.map((c) => c.slip),
      DIGEST_SLIP_IDS,
    );
  });

  for (const c of cases) {
    it(`names ${c.slip}, in English and Traditional Chinese, never showing the secret or a valid DIGEST`, () => {
      for (const lang of ['en', 'zh-TW'] as const) {
        const found = explainDigestMismatch(c.secret, c.sent, c.digest, {
          kind: c.kind,
          apiKey: API_KEY,
          previousMessage: c.previous,
          lang,
        });
        assert.equal(found.matches, false);
        assert.deepEqual(found.slips, [c.slip]);
        assert.match(found.text, lang === 'en' ? /^The DIGEST (is|matches)/ : /^DIGEST /);
        assert.match(found.text, lang === 'en' ? /Checked: / : /檢查的是/);
        for (const secret of forbiddenIn(c.secret, c.sent)) assert.ok(!found.text.includes(secret), `${c.slip} shows ${secret}`);
        // Not echoed either (a plain SHA-256 presented is the SHA-256 of what was checked, which is shown: no key, no DIGEST).
        if (c.slip !== 'digest-sha256-unkeyed') assert.ok(!found.text.includes(c.digest), 'the DIGEST presented is not echoed');
      }
    });
  }

  it('names an encoding slip beside a rewrite: pretty-printed and upper-case', () => {
    const signed = JSON.stringify(JSON.parse(BODY), null, 2);
    const digest = createHmac('sha256', SECRET).update(signed).digest('hex').toUpperCase();
    const found = explainDigestMismatch(SECRET, BODY, digest);
    assert.deepEqual(found.slips, ['body-pretty-2', 'digest-upper-hex']);
    assert.match(found.text, /pretty-printed with 2 spaces.*upper-case hex.*Serialize once.*do not upper-case it/);
  });

  it('says a right DIGEST matches, and says so of none of the slips', () => {
    const found = explainDigestMismatch(SECRET, BODY, createHmac('sha256', SECRET).update(BODY).digest('hex'));
    assert.equal(found.matches, true);
    assert.deepEqual(found.slips, []);
    assert.match(found.text, /^The DIGEST matches/);
  });

  it('says when no usual slip explains a DIGEST, and what it checked', () => {
    const found = explainDigestMismatch(SECRET, BODY, 'f'.repeat(64), { apiKey: API_KEY });
    assert.deepEqual(found.slips, []);
    assert.deepEqual(found.untried, []);
    assert.match(found.text, /^No usual slip explains it: .* variants .*sandbox and production keys differ/);
    assert.match(
      found.text,
      new RegExp(
        `Checked: the ${Buffer.byteLength(BODY)} bytes of the body as received \\(SHA-256 [0-9a-f]{64}\\), starting "\\{\\\\"platform_order_id`,
      ),
    );
    assert.doesNotMatch(found.text, /has \d+ characters/, 'a well-formed DIGEST is not called malformed');
    const short = explainDigestMismatch(SECRET, BODY, 'abc');
    assert.match(short.text, /The DIGEST presented has 3 characters; a JKOPay DIGEST is 64 lower-case hex characters/);
    const zh = explainDigestMismatch(SECRET, BODY, 'abc', { lang: 'zh-TW' });
    assert.match(zh.text, /^常見的失誤都無法解釋/);
  });

  it('masks the keys in the excerpt of what it checked', () => {
    const body = `{"note":"${SECRET}","key":"${API_KEY}"}`;
    const found = explainDigestMismatch(SECRET, body, 'f'.repeat(64), { apiKey: API_KEY });
    assert.ok(!found.text.includes(SECRET) && !found.text.includes(API_KEY), found.text);
    assert.match(found.signed.excerpt, /mock…/);
  });

  it('escapes what cannot be seen in the excerpt: a byte-order mark, a line break, a bidi override', () => {
    const found = explainDigestMismatch(SECRET, '\ufeff{"a":"\u202e"}\n', 'f'.repeat(64));
    assert.equal(found.signed.excerpt, '"\\ufeff{\\"a\\":\\"\\u202e\\"}\\n"');
  });

  it('takes a header that is no string (an array, none) as no DIGEST, and refuses a parsed body or no secret as verifyDigest does', () => {
    assert.deepEqual(explainDigestMismatch(SECRET, BODY, ['a'] as never).slips, []);
    assert.match(explainDigestMismatch(SECRET, BODY, undefined as never).text, /has 0 characters/);
    assert.throws(
      () => explainDigestMismatch(SECRET, JSON.parse(BODY) as never, 'f'.repeat(64)),
      (e: Error) => e instanceof JkoPayUsageError && /^explainDigestMismatch needs the raw body bytes .*express\.raw/.test(e.message),
    );
    assert.throws(
      () => explainDigestMismatch('', BODY, 'f'.repeat(64)),
      (e: Error) => e instanceof JkoPayUsageError && /secret key as a non-empty string/.test(e.message),
    );
  });

  it('guesses a query from a body, or takes the kind it is told', () => {
    const digest = createHmac('sha256', SECRET).update('?platform_order_ids=a,b').digest('hex');
    assert.deepEqual(explainDigestMismatch(SECRET, 'platform_order_ids=a,b', digest).slips, ['query-question-mark']);
    assert.deepEqual(explainDigestMismatch(SECRET, 'platform_order_ids=a,b', digest, { kind: 'body' }).slips, []);
    assert.deepEqual(explainDigestMismatch(SECRET, '{"platform_order_ids":"a"}', 'f'.repeat(64)).untried, []);
  });

  // Bounded work (issue 20): a wrong DIGEST for a 1 MB body must not cost the mock a search in proportion to the variants.
  it('hashes at most its budget on a 1 MB body, re-serializes nothing past 64 KiB, and says what it left untried', () => {
    const body = Buffer.alloc(1024 * 1024, 0x20);
    body[0] = 0x7b;
    body[body.length - 1] = 0x7d;
    const before = doctorWork.count;
    const found = explainDigestMismatch(SECRET, body, 'f'.repeat(64), { apiKey: API_KEY, previousMessage: body });
    const work = doctorWork.count - before;
    assert.ok(work <= WORK_BUDGET, `${work} > ${WORK_BUDGET}`);
    assert.ok(found.untried.includes('body-pretty-2') && found.untried.includes('digest-hmac-sha512'), found.untried.join());
    assert.match(found.text, /rarer variants were not tried on a message this large \(1048576 bytes\)/);
    // The likely slips are still tried on it: the API key as the key.
    const apiKeyed = createHmac('sha256', API_KEY).update(body).digest('hex');
    assert.deepEqual(explainDigestMismatch(SECRET, body, apiKeyed, { apiKey: API_KEY }).slips, ['key-api-key']);
    // Just under the JSON limit, every slip is tried.
    const small = Buffer.from(JSON.stringify({ a: 'x'.repeat(MAX_REWRITE_BYTES - 20) }));
    assert.deepEqual(explainDigestMismatch(SECRET, small, 'f'.repeat(64), { apiKey: API_KEY }).untried, []);
  });
});
