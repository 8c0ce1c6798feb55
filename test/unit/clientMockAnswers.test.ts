/**
 * The library's client never calls an answer of its own mock undocumented. The test reads every
 * place in src/api/mock that answers a request (calls of official, dynamic, unreadable, mockError)
 * and classifies each by the endpoints it can answer: an official row's code must be in that
 * endpoint's table as the client reads it (endpointResultCodes); a mock-only envelope must go out
 * with an HTTP error status (the client's `http-error`); an answer the client's own requests cannot
 * reach must say why, and the why is shown here against the mock (the client refuses the input
 * before sending, or never sends such a request). A new answer in the mock fails this test until it
 * is classified.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { forcibleCodes, ROWS } from '../../src/api/mock/mockAnswers';
import { type RunningMockServer, startMockServer } from '../../src/api/mock/mockServer';
import { mockConfig } from '../../src/api/mock/mockConfig';
import { endpointResultCodes } from '../../src/data';
import type { Endpoint } from '../../src/data/types';
import { createClient, JkoPayClientError, JkoPayUsageError } from '../../src/lib';
import { startHttp } from './api/localServers';

const root = path.join(__dirname, '../../..');
const mockDir = path.join(root, 'src/api/mock');
const ANSWERING = new Set(['official', 'dynamic', 'unreadable', 'mockError']);

interface Site {
  file: string;
  /** `official(ROWS.badRequest) "Empty id"`: the callee, its first argument, and the first text in the call. */
  key: string;
  line: number;
}

/** Every call that makes an answer, outside mockAnswers.ts (which defines them). */
function answerSites(): Site[] {
  const sites: Site[] = [];
  for (const name of fs.readdirSync(mockDir).filter((f) => f.endsWith('.ts') && f !== 'mockAnswers.ts')) {
    const text = fs.readFileSync(path.join(mockDir, name), 'utf8');
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ANSWERING.has(node.expression.text)) {
        const first = node.arguments[0]?.getText(source) ?? '';
        let words = '';
        const findText = (n: ts.Node): void => {
          if (words) return;
          if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) words = n.text;
          else if (ts.isTemplateExpression(n)) words = [n.head.text, ...n.templateSpans.map((span) => span.literal.text)].join(' ');
          else ts.forEachChild(n, findText);
        };
        for (const arg of node.arguments.slice(1)) findText(arg);
        const head = words.replace(/"/g, ' ').trim().split(/\s+/).slice(0, 4).join(' ');
        sites.push({
          file: name,
          key: `${node.expression.text}(${first.replace(/\s+/g, ' ')})${head ? ` "${head}"` : ''}`,
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

type Row = (typeof ROWS)[keyof typeof ROWS];
const row = (expression: string): Row => {
  const name = /^ROWS\.(\w+)$/.exec(expression)?.[1];
  assert.ok(name && name in ROWS, `not a row of ROWS: ${expression}`);
  return ROWS[name as keyof typeof ROWS];
};

/**
 * How each answer reaches the client. `documented`: the endpoints whose table must hold the row's
 * code. `mockOnly`: an envelope of the mock's own over an HTTP error status. `unreachable`: the
 * client's requests never get it (shown in the tests below).
 */
type Classification = { documented: Endpoint[] } | { mockOnly: true } | { unreachable: string };

const ALL: Endpoint[] = ['entry', 'refund', 'inquiry'];
const POSTS: Endpoint[] = ['entry', 'refund'];

function classify(site: Site): Classification | undefined {
  const rule: Record<string, Record<string, Classification>> = {
    'mockEntry.ts': { '*': { documented: ['entry'] } },
    'mockRefund.ts': { '*': { documented: ['refund'] } },
    'mockBody.ts': { '*': { documented: POSTS } },
    'mockInquiry.ts': {
      'official(ROWS.inquiryOk)': { documented: ['inquiry'] },
      'official(ROWS.badRequest) "Missing query parameter platform_order_ids"': {
        unreachable: 'the client always sends platform_order_ids',
      },
      'official(ROWS.badRequest) "is not validly percent-encoded."': { unreachable: 'the client percent-encodes every id' },
      'official(ROWS.badRequest) "The ids are written"': { unreachable: 'the client joins its ids with commas in one parameter' },
      'official(ROWS.badRequest) "Empty id: write ids"': { unreachable: 'the client refuses an empty id' },
      'official(ROWS.badRequest) "ids: one inquiry takes"': { unreachable: 'the client refuses more than 20 ids' },
      'official(ROWS.badRequest) "is longer than characters."': { unreachable: 'the client refuses an id over 60 characters' },
    },
    'mockServer.ts': {
      'official(ROWS.entryInternal)': { documented: ALL },
      // The control surface (/_mock/…), which the client never calls.
      'unreadable(413) "larger than bytes"': { unreachable: 'the client never calls /_mock/' },
      'mockError(400) "the path is not"': { mockOnly: true },
      // The platform routes: a body too large, of another type, not UTF-8 (POST bodies; the client's GET has none).
      'unreadable(413) "larger than bytes (1"': { documented: POSTS },
      'unreadable(415) "Content-Type must be application/json,"': { documented: POSTS },
      'official(ROWS.badRequest) "not valid UTF-8 (at"': { documented: POSTS },
      'official(row)': { documented: ALL },
      "official({ ...row, message: 'Refund failed (forced by X-Mock-Result)' })": { documented: ALL },
      'mockError(404) "No such endpoint: ."': { mockOnly: true },
      'mockError(405) "takes , not ."': { mockOnly: true },
      'mockError(400) "X-Mock-Result is not a"': { mockOnly: true },
      'mockError(401) "Unauthorized: the API-KEY header"': { mockOnly: true },
      'mockError(401) "Unauthorized: the API-KEY is"': { mockOnly: true },
      'mockError(401) "Unauthorized: the DIGEST header"': { mockOnly: true },
      'mockError(401) "Unauthorized: the DIGEST does"': { mockOnly: true },
    },
  };
  const forFile = rule[site.file];
  return forFile?.[site.key] ?? forFile?.['*'];
}

describe('the client and every answer its mock can give', () => {
  const sites = answerSites();

  it('finds the mock’s answers where they are made', () => {
    // A floor, not the count: fewer would mean the search no longer sees them.
    assert.ok(sites.length >= 40, `${sites.length} answer sites`);
    assert.ok(sites.some((s) => s.file === 'mockInquiry.ts' && s.key.startsWith('official(ROWS.badRequest)')));
  });

  it('classifies every answer, and each official code is in its endpoints’ tables as the client reads them', () => {
    const unclassified = sites.filter((s) => !classify(s)).map((s) => `${s.file}:${s.line} ${s.key}`);
    assert.deepEqual(unclassified, [], 'answers of the mock that this test does not know: classify them');
    for (const site of sites) {
      const how = classify(site)!;
      if (!('documented' in how)) continue;
      const first = /^\w+\((.*?)(?:,|\)$)/.exec(site.key.replace(/ ".*"$/, ''))?.[1] ?? '';
      for (const endpoint of how.documented) {
        // A forced answer is one of the endpoint's own failure rows (X-Mock-Result).
        const codes =
          first === 'row' || first.startsWith('{ ...row')
            ? forcibleCodes(endpoint)
            : [site.key.startsWith('unreadable') ? ROWS.badRequest.code : row(first).code];
        for (const code of codes)
          assert.ok(
            endpointResultCodes(endpoint).includes(code),
            `${site.file}:${site.line} answers ${code} on ${endpoint}, not in the client's table`,
          );
      }
    }
  });

  it('sends every mock-only envelope with an HTTP error status', () => {
    const source = fs.readFileSync(path.join(mockDir, 'mockAnswers.ts'), 'utf8');
    // mockError's envelope goes out with the status it is given; each call gives a 4xx.
    assert.match(source, /export function mockError\(httpStatus: number[^)]*\): MockAnswer \{\n\s+return \{ httpStatus, envelope/);
    for (const site of sites.filter((s) => s.key.startsWith('mockError(')))
      assert.match(site.key, /^mockError\(4\d\d\b/, `${site.file}:${site.line}`);
  });

  describe('against the mock', () => {
    let mock: RunningMockServer;
    let requests = 0;
    const keys = { apiKey: 'walk-key', secretKey: 'walk-secret' };
    before(async () => {
      mock = await startMockServer({ config: mockConfig(keys), onRequest: () => requests++ });
    });
    after(() => mock.close());
    const client = () => createClient({ env: 'mock', ...keys, baseUrl: mock.url });

    it('refuses, before sending, every inquiry the mock would answer with a Bad request', async () => {
      const cases: [string, string | string[]][] = [
        ['no id', []],
        ['21 ids', Array.from({ length: 21 }, (_, i) => `order-${i}`)],
        ['an empty id', ['a', '']],
        ['an empty id in the joined form', 'a,,b'],
        ['an id of 61 characters', ['x'.repeat(61)]],
        ['a space', ['has space']],
        ['a comma inside an id', ['a,b']],
      ];
      for (const [what, ids] of cases) {
        const before = requests;
        await assert.rejects(
          client().inquiry(ids),
          (e: unknown) => e instanceof JkoPayUsageError && e instanceof TypeError && /order ids/.test(e.message),
          what,
        );
        assert.equal(requests, before, `${what}: nothing reaches the mock`);
      }
      await assert.rejects(client().inquiry(undefined as never), /array of strings or one comma-joined string, not undefined/);
    });

    it('sends ids the query could misread percent-encoded, and gets 000 (no Bad request for their encoding)', async () => {
      const answer = await client().inquiry(['50%off', '訂單-1', 'a&b=c']);
      assert.equal(answer.result, '000');
      if (answer.result === '000')
        assert.deepEqual(
          answer.result_object.transactions.map((t) => [t.platform_order_id, t.status]),
          [
            ['50%off', 102],
            ['訂單-1', 102],
            ['a&b=c', 102],
          ],
        );
    });

    it('answers a refund the mock reads as a Bad request with a typed 200, not an error', async () => {
      const answer = await client().refund({ platform_order_id: 'x', refund_amount: '1' } as never);
      assert.equal(answer.result, '200');
      assert.equal(answer.message, 'Bad request');
    });

    it('reports a mock-only 401 as an HTTP error, never as an undocumented result', async () => {
      const wrong = createClient({ env: 'mock', apiKey: 'not-the-key', secretKey: keys.secretKey, baseUrl: mock.url });
      await assert.rejects(wrong.inquiry(['a']), (e: unknown) => {
        assert.ok(e instanceof JkoPayClientError);
        assert.equal(e.status, 401);
        assert.notEqual(e.kind, 'undocumented-result');
        return true;
      });
    });
  });

  it('sends an inquiry as a GET with no body whose query starts with platform_order_ids=', async () => {
    const seen: { method?: string; url?: string; length?: string; chunked?: string }[] = [];
    const capture = await startHttp((req, res) => {
      seen.push({ method: req.method, url: req.url, length: req.headers['content-length'], chunked: req.headers['transfer-encoding'] });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ result: '000', message: null, result_object: { transactions: [] } }));
    });
    try {
      await createClient({ env: 'mock', apiKey: 'k', secretKey: 's', baseUrl: capture.url }).inquiry('a,b');
      assert.equal(seen.length, 1);
      assert.equal(seen[0].method, 'GET');
      assert.equal(seen[0].url, '/platform/inquiry?platform_order_ids=a,b');
      assert.ok(!seen[0].chunked && (seen[0].length === undefined || seen[0].length === '0'));
    } finally {
      await capture.close();
    }
  });
});
