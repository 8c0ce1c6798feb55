/**
 * What the response panel says of a refused signature (src/client/runner/digestRefusal.ts, no
 * VS Code needed): the mock's 401 told in the display language from its slip ids, an answer that
 * is no such 401 (or names slips nobody knows) told nothing, and the runner's own hint from the
 * stored credentials for the sandbox and production.
 */
import * as assert from 'node:assert/strict';
import { computeDigest } from '../../src/api/signing';
import { startMockServer } from '../../src/api/mock/mockServer';
import { credentialHint, digestExplanationOf } from '../../src/client/runner/digestRefusal';
import type { HistoryEntry } from '../../src/client/runner/requestHistory';

const entry = (over: Partial<HistoryEntry>): HistoryEntry =>
  ({
    id: 'x',
    time: 0,
    env: 'mock',
    prepared: { endpoint: 'entry' },
    request: {},
    elapsedMs: 1,
    checkerErrors: 0,
    ...over,
  }) as HistoryEntry;

describe('client: a refused signature explained', () => {
  it("tells the mock's 401 in the display language, from its slip ids", async () => {
    const mock = await startMockServer();
    try {
      const body = '{"platform_order_id":"r-1"}';
      const res = await fetch(`${mock.url}/platform/entry`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'API-KEY': mock.config.apiKey,
          DIGEST: computeDigest(mock.config.secretKey, `${body}\n`),
        },
        body,
      });
      const bodyText = await res.text();
      const en = digestExplanationOf(entry({ result: '401', bodyText }), 'en');
      assert.match(en ?? '', /^The DIGEST is HMAC-SHA256 of the body followed by a newline, which was not sent\..*Checked: the 27 bytes/);
      const zh = digestExplanationOf(entry({ result: '401', bodyText }), 'zh-TW');
      assert.match(zh ?? '', /^DIGEST 是對「內容加上結尾換行」計算的 HMAC-SHA256/);
    } finally {
      await mock.close();
    }
  });

  it('tells nothing of another answer, or of slip ids nobody knows', () => {
    assert.equal(digestExplanationOf(entry({ result: '000', bodyText: '{"result":"000"}' }), 'en'), undefined);
    const forged = JSON.stringify({
      result: '401',
      result_object: { mock: true, digest_slips: ['<script>', 'key-api-key'], signed: { bytes: 1, sha256: 'a', excerpt: '"x"' } },
    });
    const told = digestExplanationOf(entry({ result: '401', bodyText: forged }), 'en') ?? '';
    assert.match(told, /keyed with the API key/);
    assert.doesNotMatch(told, /script/);
    assert.equal(digestExplanationOf(entry({ result: '401', bodyText: 'not json' }), 'en'), undefined);
    assert.equal(digestExplanationOf(entry({ result: '401', bodyText: 'x', digestHint: 'hint' }), 'en'), 'hint');
  });

  it("gives the runner's hint from the stored credentials, never the keys", () => {
    const general = 'general';
    assert.equal(credentialHint({ apiKey: 'k-123456', secretKey: 's-123456' }, 'en', general), general);
    const same = credentialHint({ apiKey: 'k-123456', secretKey: 'k-123456' }, 'en', general);
    assert.match(same, /^The DIGEST is keyed with the API key/);
    assert.ok(!same.includes('k-123456'));
    assert.match(credentialHint({ apiKey: 'k', secretKey: '"s-123456"' }, 'zh-TW', general), /帶引號的密鑰/);
    assert.match(credentialHint({ apiKey: 'k', secretKey: 's-123456\n' }, 'en', general), /followed by a newline/);
  });
});
