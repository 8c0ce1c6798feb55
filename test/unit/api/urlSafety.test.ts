/**
 * URL fields with spaces or control characters (which the WHATWG parser silently drops) are an
 * `invalid-format` error everywhere: the checker, the mock (a "Bad request" that creates nothing),
 * the client's base URL and its transport; and the mock's redirects are built only from validated URLs.
 */
import * as assert from 'node:assert/strict';
import { EnvironmentError, normalizeBaseUrl } from '../../../src/api/environments';
import { exchange, TransportError } from '../../../src/api/httpExchange';
import { CallbackRoutingError, parseForwardOrigin } from '../../../src/api/mock/callbackTargets';
import { redirectTarget } from '../../../src/api/mock/mockControl';
import { withUsage } from '../../../src/cli/cliSupport';
import { MOCK_CONTROL_SPEC } from '../../../src/cli/help/mockSpec';
import { runMockControl } from '../../../src/cli/mockControlCommand';
import { type RunningMockServer, startMockServer } from '../../../src/api/mock/mockServer';
import { validate } from '../helpers';
import { rawRequest, signedPost } from './localServers';

const STORE = '00000000-0000-4000-8000-000000000001';
const entry = (extra: Record<string, unknown>) =>
  JSON.stringify({ platform_order_id: 'u1', store_id: STORE, currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0, ...extra });

const HOSTILE = [
  'https://shop.example/done\r\nSet-Cookie: a=b',
  'https://shop.example/do\tne',
  'https://shop.example/done\n',
  ' https://shop.example/done',
  'https://shop.example/a b',
  'https://shop.example/\u2028x',
  'https://shop.example/\u202ex',
  'https://shop.example/\u0085x',
  'https://shop.example/\u0000',
];

describe('URL fields with spaces or control characters', () => {
  it('the checker reports invalid-format for each URL field, before parsing', () => {
    for (const field of ['confirm_url', 'result_url', 'result_display_url']) {
      for (const url of HOSTILE) {
        const findings = validate(entry({ [field]: url }), {}, 'file:///t/a.entry.jkopay.json');
        const hit = findings.find((d) => d.code === 'invalid-format');
        assert.ok(hit, `${field} = ${JSON.stringify(url)}: ${findings.map((d) => d.code).join(', ')}`);
        assert.match(String(hit.message), new RegExp(`"${field}" contains a space or a control character`));
      }
    }
    assert.deepEqual(
      validate(entry({ result_display_url: 'https://shop.example/done?id=1' }), {}, 'file:///t/a.entry.jkopay.json').filter(
        (d) => d.code === 'invalid-format',
      ),
      [],
    );
  });

  it('the client refuses such a base URL or request URL', async () => {
    for (const url of ['http://127.0.0.1:8917\n', 'http://127.0.0.1:8917/\tx', 'http://127.0.0.1:89\r\n17']) {
      assert.throws(() => normalizeBaseUrl(url), EnvironmentError);
      await assert.rejects(
        exchange({ url, method: 'GET', timeoutMs: 1000 }),
        (e: unknown) => e instanceof TransportError && e.kind === 'bad-url',
      );
    }
  });

  it('the forwarding origin and the mock control --url refuse them too', async () => {
    for (const url of ['http://127.0.0.1:3000\n', 'http://127.0.0.1:30\t00', ' http://127.0.0.1:3000']) {
      assert.throws(() => parseForwardOrigin(url), CallbackRoutingError);
      const err: string[] = [];
      const code = await withUsage(MOCK_CONTROL_SPEC, [], { out: () => undefined, err: (t) => err.push(t) }, () =>
        runMockControl('orders', ['--url', url], { out: () => undefined, err: (t) => err.push(t) }),
      );
      assert.equal(code, 2, err.join('\n'));
    }
    assert.equal(parseForwardOrigin('http://127.0.0.1:3000/'), 'http://127.0.0.1:3000');
  });

  it('redirect targets are only validated http(s) URLs', () => {
    assert.equal(redirectTarget('https://shop.example/done?id=1'), 'https://shop.example/done?id=1');
    for (const url of [...HOSTILE, 'javascript:alert(1)', 'not a url', '', undefined])
      assert.equal(redirectTarget(url), undefined, String(url));
  });

  describe('in the mock', () => {
    let mock: RunningMockServer;
    beforeEach(async () => {
      mock = await startMockServer({});
    });
    afterEach(() => mock.close());

    it('an entry with CR/LF in result_display_url is a Bad request and creates no order', async () => {
      const a = await signedPost(mock.url, '/platform/entry', entry({ result_display_url: 'https://shop.example/done\r\nX-Injected: 1' }));
      assert.equal(a.status, 200);
      assert.equal(a.json.message, 'Bad request');
      assert.match(a.json.result_object.result_display_url, /space or a control character/);
      assert.equal(mock.state.orders.size, 0);
    });

    it('a form payment of an order holding such a URL (an old state file) pays and answers, with no broken redirect', async () => {
      assert.equal(
        (await signedPost(mock.url, '/platform/entry', entry({ result_display_url: 'https://shop.example/done' }))).json.result,
        '000',
      );
      mock.state.orders.get('u1')!.result_display_url = 'https://shop.example/done\r\nX-Injected: 1';
      const page = await rawRequest(`${mock.url}/_mock/pay/u1`, {});
      const token = /name="token" value="([0-9a-f]+)"/.exec(page.text)![1];
      const paid = await rawRequest(`${mock.url}/_mock/orders/u1/pay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
        body: `token=${token}`,
      });
      assert.equal(paid.status, 200, paid.text);
      assert.equal(paid.headers.location, undefined);
      assert.equal(paid.headers['x-injected'], undefined);
      assert.equal(JSON.parse(paid.text).paid, true);
      assert.equal(mock.state.orders.get('u1')!.status, 0);
    });
  });
});
