/**
 * Property-based tests of the request side (issue 13), with fast-check: the request-bytes and
 * DIGEST path and the mock's request parser never throw out of their public functions on random
 * or mutated input, and what they build is consistent (the body sent is the text signed, the
 * DIGEST verifies over exactly those bytes and over nothing else). Short and seeded in the unit
 * suite; `npm run fuzz` runs many more (FUZZ_RUNS and FUZZ_SEED override both).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { mockConfig } from '../../../src/api/mock/mockConfig';
import type { MockContext } from '../../../src/api/mock/mockContext';
import { parseBody } from '../../../src/api/mock/mockBody';
import { CallbackSender } from '../../../src/api/mock/mockCallbacks';
import { handleControl } from '../../../src/api/mock/mockControl';
import { handleEntry } from '../../../src/api/mock/mockEntry';
import { handleInquiry } from '../../../src/api/mock/mockInquiry';
import { handleRefund } from '../../../src/api/mock/mockRefund';
import { type RunningMockServer, startMockServer } from '../../../src/api/mock/mockServer';
import { MockState } from '../../../src/api/mock/mockState';
import { prepareRequest, RequestBuildError } from '../../../src/api/requestBody';
import { redact } from '../../../src/api/secrets';
import { computeDigest, verifyDigest } from '../../../src/api/signing';
import { parseJsonDocument } from '../../../src/core/json/jsonDocument';
import { MOCK_KEYS, rawRequest } from './localServers';
import { fuzzRuns } from '../../support/fuzzRuns';

const { runs: RUNS, params } = fuzzRuns(3000);

const STORE = '00000000-0000-4000-8000-000000000001';
const KEYS = [
  'platform_order_id',
  'store_id',
  'currency',
  'total_price',
  'final_price',
  'unredeem',
  'confirm_url',
  'result_url',
  'result_display_url',
  'refund_amount',
  'refund_order_id',
  'platform_order_ids',
  'products',
  '$schema',
];

const scalar = fc.oneof(
  fc.constantFrom(
    '100',
    '100.50',
    '0',
    '-1',
    '1e3',
    '12345678901234567890',
    'true',
    'null',
    '"TWD"',
    `"${STORE}"`,
    '"https://shop.example/cb"',
    '"a,b"',
    '"\\u0000"',
    '"\\ud800"',
  ),
  fc.string({ maxLength: 30 }).map((s) => JSON.stringify(s)),
  fc.integer().map(String),
);
const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.constantFrom(...KEYS), tie('v')), { maxLength: 4 })
      .map((e) => `{${e.map(([k, x]) => `${JSON.stringify(k)}:${x}`).join(',')}}`),
  ),
})).v;
const payload = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), value), { maxLength: 10 })
  .map((e) => `{${e.map(([k, x]) => `${JSON.stringify(k)}: ${x}`).join(',\n')}}`);

/** Random edits: deleted ranges, syntax characters, odd code units. */
function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const insert = fc.oneof(
    fc.constantFrom('{', '}', '"', ',', ':', '\\', '\n', '\u0000', '\ud800', '\ufeff', '%', '&'),
    fc.string({ maxLength: 3 }),
  );
  return fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), insert), { minLength: 1, maxLength: 4 })).map(([text, edits]) => {
    for (const [at, cut, add] of edits) {
      const start = text.length ? at % text.length : 0;
      text = text.slice(0, start) + add + text.slice(start + cut);
    }
    return text;
  });
}
const anyText = fc.oneof(payload, mutated(payload), fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 }));

function context(): MockContext {
  return {
    state: new MockState(),
    config: mockConfig(),
    baseUrl: 'http://127.0.0.1:9',
    formToken: 'f'.repeat(32),
    commit: async (mutate) => mutate(),
  };
}

describe('fuzzing the request side', function () {
  this.timeout(120_000);

  it('request bytes and DIGEST: build or refuse with RequestBuildError; the DIGEST covers exactly the bytes sent', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom('entry', 'refund', 'inquiry'),
        fc.string({ minLength: 1, maxLength: 40 }),
        (text, kind, secret) => {
          const doc = parseJsonDocument(`file:///f/p.${kind}.jkopay.json`, text);
          for (const p of doc.payloads) {
            let prepared;
            try {
              prepared = prepareRequest(p);
            } catch (e) {
              assert.ok(e instanceof RequestBuildError, `threw ${String(e)}`);
              continue;
            }
            if (prepared.method === 'POST') {
              assert.equal(prepared.signedText, prepared.body);
              JSON.parse(prepared.body!); // the body on the wire is JSON
            } else assert.equal(prepared.path, `/platform/inquiry?${prepared.signedText}`);
            const digest = computeDigest(secret, prepared.signedText);
            assert.match(digest, /^[0-9a-f]{64}$/);
            assert.ok(verifyDigest(secret, Buffer.from(prepared.signedText, 'utf8'), digest));
            assert.ok(!verifyDigest(secret, `${prepared.signedText} `, digest));
            assert.ok(!verifyDigest(`${secret}x`, prepared.signedText, digest));
          }
        },
      ),
      params(),
    );
  });

  // An empty secret is a usage error (a TypeError: signing.test.ts); any digest, of any type, is an answer.
  it('verifyDigest never throws on any digest under a non-empty secret, nor redact on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.anything()),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        (digest, secret, text) => {
          assert.equal(typeof verifyDigest(secret, text, digest as string), 'boolean');
          const scrubbed = redact(`${text}${secret}${text}`, [secret]);
          // Around text that shares no character with the secret, no occurrence can survive.
          if (secret.length >= 4 && Array.from(secret).every((c) => !text.includes(c)))
            assert.ok(!scrubbed.includes(secret), 'the secret survived');
        },
      ),
      params(),
    );
  });

  it("the mock's body parser and handlers answer, never throw, on random and mutated bodies and queries", () => {
    fc.assert(
      fc.property(anyText, fc.string({ maxLength: 60 }), (text, query) => {
        const ctx = context();
        parseBody(text);
        for (const handler of [handleEntry, handleRefund]) {
          const result = handler(ctx, text);
          assert.match(result.answer.envelope.result, /^\d{3}$/);
        }
        assert.match(handleInquiry(ctx, query).answer.envelope.result, /^\d{3}$/);
        assert.match(handleInquiry(ctx, `platform_order_ids=${query}`).answer.envelope.result, /^\d{3}$/);
      }),
      params(),
    );
  });

  it('the control handlers answer with a status, never throw, on random paths and bodies', async () => {
    const ctx = context();
    const sender = new CallbackSender(ctx.config.callbacks, ctx.config.secretKey, ctx.state, () => undefined);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT'),
          fc.array(fc.oneof(fc.constantFrom('', 'orders', 'pay', 'fail', 'clock', 'reset', 'qr', 'x.svg'), fc.string({ maxLength: 8 })), {
            maxLength: 4,
          }),
          anyText,
          fc.constantFrom('application/json', 'application/x-www-form-urlencoded', ''),
          async (method, segments, body, contentType) => {
            // The state has no order, so nothing here calls a merchant.
            const answer = await handleControl(ctx, sender, new Set(), { method, segments, body, contentType, wantsHtml: false });
            assert.ok(answer.status >= 200 && answer.status < 500, `${answer.status} ${answer.body}`);
          },
        ),
        params(Math.min(RUNS, 200)),
      );
    } finally {
      await sender.close();
    }
  });

  describe('over HTTP', () => {
    let mock: RunningMockServer;
    before(async () => {
      mock = await startMockServer({ config: mockConfig({ callbacks: { timeoutMs: 200, confirmRetries: 0, resultAttempts: 1 } }) });
    });
    after(() => mock.close());

    it('random signed byte bodies never get an internal error', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            anyText.map((t) => Buffer.from(t, 'utf8')),
            fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
          ),
          fc.constantFrom('/platform/entry', '/platform/refund'),
          async (body, path) => {
            const a = await rawRequest(`${mock.url}${path}`, {
              method: 'POST',
              headers: {
                'Content-Type': 'application/json',
                'API-KEY': MOCK_KEYS.apiKey,
                DIGEST: computeDigest(MOCK_KEYS.secretKey, body),
              },
              body,
            });
            assert.ok(a.status < 500, `${a.status} ${a.text}`);
            assert.match(JSON.parse(a.text).result, /^\d{3}$/);
          },
        ),
        params(Math.min(RUNS, 40)),
      );
    });

    it('random paths and queries (bad percent-encoding included) never get an internal error', async () => {
      const piece = fc.oneof(
        fc.constantFrom('%', '%zz', '%E8', '%2F', '..', '_mock', 'orders', 'pay', 'qr', 'platform', 'inquiry', '?', '&', '=', ','),
        fc.webSegment(),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/_mock/', '/platform/inquiry?platform_order_ids=', '/'),
          fc.array(piece, { maxLength: 6 }),
          fc.constantFrom('GET', 'POST'),
          async (prefix, pieces, method) => {
            const a = await rawRequest(`${mock.url}${prefix}${pieces.join('/')}`, {
              method,
              headers: { 'Content-Type': 'application/json', 'API-KEY': MOCK_KEYS.apiKey, DIGEST: '0'.repeat(64) },
              body: method === 'POST' ? '{}' : undefined,
            });
            assert.ok(a.status < 500, `${a.status} ${prefix}${pieces.join('/')}: ${a.text}`);
          },
        ),
        params(Math.min(RUNS, 60)),
      );
    });
  });
});
