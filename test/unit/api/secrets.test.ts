/**
 * Keys echoed back by a server, in every spelling a server may use (raw, `\/`-escaped JSON,
 * `\u00xx`, URL-encoded, HTML references), never reach what the user sees: the scrubber alone,
 * the client's result (hence `jkopay send`'s output and the runner's history and panel), and a
 * cut after scrubbing.
 */
import * as assert from 'node:assert/strict';
import { sendRequest } from '../../../src/api/httpClient';
import { prepareRequest } from '../../../src/api/requestBody';
import { redact } from '../../../src/api/secrets';
import { runSend } from '../../../src/cli/sendCommand';
import { parseJsonDocument } from '../../../src/core/json/jsonDocument';
import { type Local, startHttp } from './localServers';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Keys with characters that JSON, URLs and HTML escape.
const API_KEY = 'live/api+key=0123456789';
const SECRET = 'sk_live/SECRET&key<9876>';
const KEYS = [API_KEY, SECRET];

/** Every reading of `text` a viewer could make: raw, JSON-unescaped (every string in it), URL-decoded, HTML-decoded. */
function readings(text: string): string[] {
  const out = [text];
  try {
    out.push(JSON.stringify(JSON.parse(text), (_k, v: unknown) => v).replace(/\\\//g, '/'));
    const strings: string[] = [];
    JSON.parse(text, (_k, v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    out.push(strings.join('\n'));
  } catch {
    // not JSON
  }
  try {
    out.push(decodeURIComponent(text.replace(/\+/g, ' ')));
  } catch {
    // not URL-encoded
  }
  out.push(
    text
      .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
  return out;
}

function assertClean(text: string, what: string): void {
  for (const reading of readings(text)) {
    for (const key of KEYS) assert.ok(!reading.includes(key), `${what} shows ${key}: ${text.slice(0, 300)}`);
    // Nor a long prefix of one (a cut must not keep the start of a key).
    for (const key of KEYS) assert.ok(!reading.includes(key.slice(0, 10)), `${what} shows the start of ${key}`);
  }
}

const jsonUnicode = (s: string) => Array.from(s, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const htmlRefs = (s: string) => Array.from(s, (c) => `&#${c.charCodeAt(0)};`).join('');

describe('api/secrets: redact', () => {
  it('scrubs raw, JSON-escaped, URL-encoded and HTML-encoded keys, and mixed spellings', () => {
    const spellings = [
      API_KEY,
      JSON.stringify(API_KEY).slice(1, -1).replace(/\//g, '\\/'),
      jsonUnicode(API_KEY),
      jsonUnicode(API_KEY).toUpperCase().replace(/\\U/g, '\\u'),
      encodeURIComponent(API_KEY),
      encodeURIComponent(API_KEY).toLowerCase(),
      htmlRefs(API_KEY),
      'live\\/api%2Bkey&#61;0123456789',
      SECRET,
      'sk_live\\/SECRET&amp;key&lt;9876&gt;',
      'sk_live\\/SECRET\\u0026key\\u003c9876\\u003e',
    ];
    for (const spelling of spellings) {
      const scrubbed = redact(`{"echo":"${spelling}"} ${spelling}`, KEYS);
      assertClean(scrubbed, spelling);
    }
  });

  // Issue 23: the spellings the scrubber missed.
  it('scrubs references without their semicolon, URL encoding applied twice, and a key broken across lines', () => {
    const spellings = [
      // Without `;` where no digit follows (`&#609876` would be another character).
      Array.from(SECRET, (c, i) => (/\w/.test(c) ? c : `&#${c.charCodeAt(0)}${/\d/.test(SECRET[i + 1] ?? '') ? ';' : ''}`)).join(''),
      Array.from(SECRET, (c, i) =>
        /\w/.test(c) ? c : `&#x${c.charCodeAt(0).toString(16)}${/[\da-f]/i.test(SECRET[i + 1] ?? '') ? ';' : ''}`,
      ).join(''),
      encodeURIComponent(encodeURIComponent(SECRET)),
      encodeURIComponent(encodeURIComponent(encodeURIComponent(API_KEY))),
      `${SECRET.slice(0, 6)}\n${SECRET.slice(6)}`,
      `${API_KEY.slice(0, 10)}\r\n    ${API_KEY.slice(10, 15)}\n\t${API_KEY.slice(15)}`,
    ];
    for (const spelling of spellings) {
      const scrubbed = redact(`echo: ${spelling} end`, KEYS);
      assert.ok(!scrubbed.includes(spelling), `${JSON.stringify(spelling)} survived: ${scrubbed}`);
      assert.match(scrubbed, /^echo: .*… end$/);
    }
    // A reference whose digits go on is another character: `&#471` is not `/` followed by `1`.
    assert.equal(redact('sk_live&#471SECRET', KEYS), 'sk_live&#471SECRET');
  });

  it('keeps the text a valid JSON document with the key masked', () => {
    const text = JSON.stringify({ result: '999', message: `bad key ${API_KEY}` }).replace(/\//g, '\\/');
    const scrubbed = redact(text, KEYS);
    assert.deepEqual(JSON.parse(scrubbed), { result: '999', message: 'bad key live…' });
  });

  it('scrubs before it cuts: a key straddling the cut leaves no prefix', () => {
    const text = `${'x'.repeat(100 - 5)}${API_KEY} and more`;
    const cut = redact(text, KEYS, 100);
    assert.equal(cut.length, 100);
    assert.ok(!cut.includes(API_KEY.slice(0, 5)), cut.slice(-10));
  });

  it('leaves texts without keys alone, and ignores keys too short to search', () => {
    assert.equal(redact('a \\/ b %2F c &#47;', KEYS), 'a \\/ b %2F c &#47;');
    assert.equal(redact('abc abc', ['abc']), 'abc abc');
  });
});

describe('api/secrets: echoes through the client and jkopay send', () => {
  const servers: Local[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const entry = prepareRequest(
    parseJsonDocument('file:///e.entry.jkopay.json', '{"platform_order_id": "o", "total_price": 100}').payloads[0],
  );

  /** A server that echoes the request's API-KEY (and the secret, as a leaky server might) in the given form. */
  async function echoing(status: number, type: string, render: (apiKey: string) => string): Promise<Local> {
    const s = await startHttp((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(status, { 'Content-Type': type, 'X-Echo': encodeURIComponent(String(req.headers['api-key'])) });
        res.end(render(String(req.headers['api-key'])));
      });
    });
    servers.push(s);
    return s;
  }

  const cases: [string, number, string, (k: string) => string][] = [
    [
      'a 200 JSON echo with \\/ escapes',
      200,
      'application/json',
      (k) => JSON.stringify({ result: '999', message: `key ${k} / ${SECRET}`, result_object: { k } }).replace(/\//g, '\\/'),
    ],
    [
      'a 200 JSON echo with \\u escapes',
      200,
      'application/json',
      (k) => `{"result":"999","message":"${jsonUnicode(k)}","result_object":"${jsonUnicode(SECRET)}"}`,
    ],
    [
      'a 500 HTML echo',
      500,
      'text/html',
      (k) =>
        `<html><body><h1>500</h1><pre>API-KEY: ${htmlRefs(k)} ${k} ${SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`,
    ],
    ['a 502 HTML echo', 502, 'text/html', (k) => `<html><body>Bad gateway for ${encodeURIComponent(k)} ${k}</body></html>`],
  ];
  for (const [name, status, type, render] of cases) {
    it(`the client's result holds no key after ${name}`, async () => {
      const s = await echoing(status, type, render);
      const result = await sendRequest(entry, { baseUrl: s.url, credentials: { apiKey: API_KEY, secretKey: SECRET }, timeoutMs: 5000 });
      assert.equal(result.status, status);
      assertClean(result.bodyText ?? '', 'bodyText');
      assertClean(JSON.stringify(result), 'the result');
      assertClean(result.error?.message ?? '', 'the error');
    });

    it(`jkopay send prints no key after ${name}`, async () => {
      const s = await echoing(status, type, render);
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-secrets-'));
      try {
        const file = path.join(dir, 'e.entry.jkopay.json');
        await fs.writeFile(file, '{"platform_order_id": "o", "total_price": 100}');
        const out: string[] = [];
        const env = { JKOPAY_API_KEY: API_KEY, JKOPAY_SECRET_KEY: SECRET };
        await runSend(
          [file, '--env', 'sandbox', '--base-url', s.url, '--force'],
          { out: (t) => out.push(t), err: (t) => out.push(t) },
          { env },
        );
        const printed = out.join('\n');
        assert.match(printed, new RegExp(`HTTP ${status}`));
        assertClean(printed, 'send output');
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });
  }
});
