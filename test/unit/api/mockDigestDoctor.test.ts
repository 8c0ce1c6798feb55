/**
 * The mock's 401 for a wrong DIGEST names the slip behind it: every case of the doctor's table is
 * sent to a mock as a client with that slip sends it, and the answer's message, its
 * `result_object.digest_slips` and the access log name the slip, say what the mock checked, and
 * show neither the secret nor a valid DIGEST. A right DIGEST still creates the order.
 */
import * as assert from 'node:assert/strict';
import { slipFound } from '../../../src/api/digestSlipTexts';
import { startMockServer, type RequestLogEntry, type RunningMockServer } from '../../../src/api/mock/mockServer';
import { mockConfig } from '../../../src/api/mock/mockConfig';
import { accessLine } from '../../../src/api/mock/mockLogLines';
import { computeDigest } from '../../../src/api/signing';
import { API_KEY, forbiddenIn, PREVIOUS_BODY, slipCases } from './digestSlipCases';
import { rawRequest } from './localServers';

describe('mock: a wrong DIGEST is answered with the slip behind it', () => {
  const mocks = new Map<string, RunningMockServer>();
  const log: RequestLogEntry[] = [];
  const mockFor = async (secret: string) => {
    let mock = mocks.get(secret);
    if (!mock) {
      mock = await startMockServer({ config: mockConfig({ apiKey: API_KEY, secretKey: secret }), onRequest: (e) => log.push(e) });
      mocks.set(secret, mock);
    }
    return mock;
  };
  after(async () => {
    for (const mock of mocks.values()) await mock.close();
  });

  const send = (mock: RunningMockServer, kind: 'body' | 'query', sent: string, digest: string) =>
    kind === 'body'
      ? rawRequest(`${mock.url}/platform/entry`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'API-KEY': API_KEY, DIGEST: digest },
          body: sent,
        })
      : rawRequest(`${mock.url}/platform/inquiry?${sent}`, { headers: { 'API-KEY': API_KEY, DIGEST: digest } });

  for (const template of slipCases()) {
    it(`names ${template.slip}`, async () => {
      const mock = await mockFor(template.secret);
      // The whole-URL slip signs the mock's own URL.
      const c = template.slip === 'query-whole-url' ? slipCases(mock.url).find((x) => x.slip === template.slip)! : template;
      if (c.previous !== undefined) {
        const first = await send(mock, 'body', PREVIOUS_BODY, computeDigest(c.secret, PREVIOUS_BODY));
        assert.equal(first.status, 200, first.text);
      }
      const orders = mock.state.orders.size;
      const answer = await send(mock, c.kind, c.sent, c.digest);
      assert.equal(answer.status, 401, answer.text);
      const envelope = JSON.parse(answer.text);
      assert.equal(envelope.result, '401');
      assert.deepEqual(envelope.result_object.digest_slips, [c.slip]);
      assert.ok(envelope.message.includes(slipFound('en', c.slip)), envelope.message);
      assert.match(
        envelope.message,
        c.kind === 'body'
          ? /Checked: the \d+ bytes of the body as received \(SHA-256 [0-9a-f]{64}\)/
          : /Checked: the query string as received/,
      );
      assert.equal(envelope.result_object.signed.bytes, Buffer.byteLength(c.sent));
      for (const secret of forbiddenIn(c.secret, c.sent)) assert.ok(!answer.text.includes(secret), `${c.slip}: the answer shows ${secret}`);
      const line = accessLine(log[log.length - 1]);
      assert.match(line, new RegExp(`→ HTTP 401 result 401 \\(\\d+ ms\\) — DIGEST ${c.slip}: `));
      for (const secret of forbiddenIn(c.secret, c.sent)) assert.ok(!line.includes(secret), `${c.slip}: the log shows ${secret}`);
      assert.equal(mock.state.orders.size, orders, 'a refused request changes nothing');
    });
  }

  it('says when no usual slip explains the DIGEST, and still what it checked', async () => {
    const mock = await mockFor('mock-secret-key');
    const answer = await send(
      mock,
      'body',
      '{"platform_order_id":"x"}',
      computeDigest('another-stores-secret', '{"platform_order_id":"x"}'),
    );
    const envelope = JSON.parse(answer.text);
    assert.deepEqual(envelope.result_object.digest_slips, []);
    assert.match(envelope.message, /No usual slip explains it: .*Checked: the 25 bytes of the body as received/);
  });
});
