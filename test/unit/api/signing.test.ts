/**
 * The DIGEST against every published vector of reference §3.4 and the negative vectors that
 * prove nothing is normalised; plus verification and key masking.
 */
import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { computeDigest, verifyDigest } from '../../../src/api/signing';
import { maskKey, redact } from '../../../src/api/secrets';
import { JkoPayUsageError } from '../../../src/api/usageError';

const V3_KEY = 'r0odDC1e9LHXDmxuvmOv9bgaWLf2CXB2c4gMheoFucVKNMi1K0Id9zwRHJF1r-kdtAKriKgb11VDlo7Kb8R-FQ';
const V3_BODY =
  '{"platform_order_id":"demo-order-001","store_id":"35f12dff-1581-11e9-a054-00505684fd45","currency": "TWD","total_price":10,"final_price":10,"unredeem":10,"result_display_url":"https://display.com","result_url":"https://result-callback.xxx/xxx"}';

const VECTORS: [name: string, secret: string, message: string, digest: string][] = [
  ['V1 inquiry query', 'QxN1X', 'platform_order_ids=87,88', 'a0836fefb028ea7493118c8b5eb6752113f552ac8ef35f3cb8cda91808c77188'],
  [
    'V2 refund body',
    'QxN1X',
    '{"platform_order_id": 87, "refund_amount": 100}',
    '80b9967b29287605e4ef10b45668792f9d5235777ab305bb72217078dec3205a',
  ],
  ['V3 entry body with a space', V3_KEY, V3_BODY, '3577609b058ab85c2d0a00a5421a991979ed6b9f549476e9a82476dc1b70d876'],
  [
    'V4 entry body without the space',
    V3_KEY,
    V3_BODY.replace('"currency": "TWD"', '"currency":"TWD"'),
    '5591d94a4057387bfdd984a79945a2941affe59404a73e7b9a380f9cc97c78b4',
  ],
  [
    'V5 inquiry query, two ids',
    V3_KEY,
    'platform_order_ids=test123,demo-order-001',
    '7778b95890af17c5b41e8cef957f4769e7bfecc79e9f9ee555923293ebd8e880',
  ],
  ['V6 GOPAY body', 'test_secret_key', '{"store_id":"test"}', 'bcea7a9a247751b134aa5c859d3d50c24635d2ae3e7ed0a70596fb9535ec9f4b'],
  [
    'V7 GOPAY query',
    'test_secret_key',
    'platform_order_ids=JKOS_TEST_001',
    '589cc628cdea7bd8f22a900e822725b8b8826bb7235c210448520842ffc17a84',
  ],
];

const NEGATIVE: [why: string, secret: string, message: string, digest: string][] = [
  ['a space after the comma', 'QxN1X', 'platform_order_ids=87, 88', 'fbc188438a2b5523673412f49049e1a8e2f58c20ed1f390da533e2f2d7f6a727'],
  [
    'compact JSON is not V2',
    'QxN1X',
    '{"platform_order_id":87,"refund_amount":100}',
    'eb526e13f74e0787d8938c413139ad3b5ea24f0dd4955774718e3444c0e7ed50',
  ],
  [
    'a percent-encoded comma',
    V3_KEY,
    'platform_order_ids=test123%2Cdemo-order-001',
    '64dc38fad171956cb79806d1676a90144159317e859123ba5118aa577ddc42e2',
  ],
  [
    'the Kt12345 body',
    'QxN1X',
    '{"platform_order_id": "Kt12345", "refund_amount": 100}',
    '5bd5745476fe33c4b4eedb8029ec5ee2d54955b7cd939687cb86b0ac594ad5af',
  ],
];

describe('api/signing', () => {
  for (const [name, secret, message, digest] of VECTORS) {
    it(`matches ${name}`, () => {
      assert.equal(computeDigest(secret, message), digest);
      assert.equal(computeDigest(secret, Buffer.from(message, 'utf8')), digest, 'bytes and string agree');
      assert.ok(verifyDigest(secret, message, digest));
    });
  }

  for (const [why, secret, message, digest] of NEGATIVE) {
    it(`does not normalise: ${why}`, () => {
      assert.equal(computeDigest(secret, message), digest);
      for (const [, , other, published] of VECTORS) if (other !== message) assert.notEqual(digest, published);
    });
  }

  it('V2’s digest does not verify the Kt12345 body the newer refund page prints beside it', () => {
    assert.equal(verifyDigest('QxN1X', '{"platform_order_id": "Kt12345", "refund_amount": 100}', VECTORS[1][3]), false);
  });

  it('signs the official UTF-8 example bytes', () => {
    assert.equal(Buffer.from('{"a":1, "b":"13"}', 'utf8').toString('hex'), '7b2261223a312c202262223a223133227d');
    assert.equal(computeDigest('k', '街口'), computeDigest('k', Buffer.from('e8a197e58fa3', 'hex')));
  });

  it('refuses upper-case, short or wrong digests', () => {
    const [, secret, message, digest] = VECTORS[0];
    assert.equal(verifyDigest(secret, message, digest.toUpperCase()), false);
    assert.equal(verifyDigest(secret, message, digest.slice(1)), false);
    assert.equal(verifyDigest(secret, message, `${digest.slice(0, -1)}0`), false);
    assert.equal(verifyDigest('other', message, digest), false);
  });

  // Issue 23: a forged callback signed with "" passed wherever the secret variable was empty.
  it('refuses an empty or non-string secret with a JkoPayUsageError (a TypeError) that names no value', () => {
    const [, , message] = VECTORS[0];
    const forged = createHmac('sha256', '').update(message).digest('hex');
    for (const secret of ['', undefined, null, 42, Buffer.from('k')]) {
      for (const call of [() => verifyDigest(secret as never, message, forged), () => computeDigest(secret as never, message)]) {
        assert.throws(call, (e: Error) => {
          assert.ok(e instanceof JkoPayUsageError && e instanceof TypeError);
          assert.equal(e.name, 'JkoPayUsageError');
          assert.match(
            e.message,
            /needs the secret key as a non-empty string and got (an empty string|undefined|null|a number|a Buffer): is the environment variable/,
          );
          return true;
        });
      }
    }
  });

  // Issue 20: a parsed body crashed the merchant's handler with Node's ERR_INVALID_ARG_TYPE and no hint.
  it('refuses a message that is no string or bytes with a JkoPayUsageError saying what to pass, never Node’s raw type error', () => {
    const parsed = { transaction: { platform_order_id: 'o-1', status: 0 } };
    const cases: [unknown, RegExp][] = [
      [
        parsed,
        /got an object: a parsed body serialized again is other bytes .*express\.raw\(\{ type: 'application\/json' \}\).*Fastify.*parseAs: 'buffer'.*Koa.*Next\.js: await req\.text\(\).*Hono: await c\.req\.text\(\)/,
      ],
      [undefined, /got undefined: no body was read, or a body parser consumed it first\. Read the raw body: Express/],
      [null, /got null: no body was read/],
      [new ArrayBuffer(4), /got an ArrayBuffer: wrap it: new Uint8Array\(buffer\)/],
      [[1, 2], /got an array/],
      [42, /got a number/],
      [new Uint16Array(2), /got a Uint16Array/],
    ];
    for (const [message, expected] of cases) {
      assert.throws(
        () => verifyDigest('secret', message as never, 'a'.repeat(64)),
        (e: Error) =>
          e instanceof JkoPayUsageError && /^verifyDigest needs the raw body bytes as received/.test(e.message) && expected.test(e.message),
        String(message),
      );
      assert.throws(
        () => computeDigest('secret', message as never),
        (e: Error) =>
          e instanceof JkoPayUsageError &&
          /^computeDigest signs the exact bytes you send and got .*const body = JSON\.stringify\(payload\)/.test(e.message),
      );
    }
    // What works still works: a string, a Buffer, a plain Uint8Array.
    const digest = computeDigest('secret', '{}');
    assert.ok(verifyDigest('secret', Buffer.from('{}'), digest));
    assert.ok(verifyDigest('secret', new Uint8Array(Buffer.from('{}')), digest));
  });

  // Issue 23: these threw (RangeError from timingSafeEqual) where a handler expects an answer.
  it('answers false for a digest that is not a string: an array, a Buffer of any length, an object', () => {
    const [, secret, message, digest] = VECTORS[0];
    const hostile: unknown[] = [
      [digest],
      digest.split(''),
      Buffer.from(digest),
      Buffer.from(digest, 'hex'),
      Buffer.alloc(64),
      { toString: () => digest },
      new String(digest),
      undefined,
      null,
      64,
    ];
    for (const d of hostile) assert.equal(verifyDigest(secret, message, d as never), false, String(d));
  });

  it('masks keys to at most four characters, never more than half', () => {
    assert.equal(maskKey('mock-api-key'), 'mock…');
    assert.equal(maskKey('abcdefgh'), 'abcd…');
    assert.equal(maskKey('abc'), 'a…');
    assert.equal(maskKey('ab'), 'a…');
    assert.equal(maskKey('a'), '…');
    assert.equal(maskKey(''), '(empty)');
    assert.equal(redact('key=super-secret-value!', ['super-secret-value']), 'key=supe…!');
  });
});
