/**
 * The runner's requests to the language server over stdio, as the VS Code client sends them:
 * `jkopay/payloads` (kinds, ranges, error counts, sendable or why not), `jkopay/prepareRequest`
 * (the exact bytes, or the reason) and the Send CodeLens, offered only to a client that said it
 * can run the command.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens } from 'vscode-languageserver/node';
import { PAYLOADS_REQUEST, type PayloadsResult, PREPARE_REQUEST, type PrepareRequestResult } from '../../src/shared/protocol';
import { ROOT, startStdioServer, type StdioServer } from './stdioServer';

const FIXTURES = path.join(ROOT, 'test/integration/fixtures/workspace');

async function open(server: StdioServer, name: string, languageId = 'jkopay'): Promise<string> {
  const file = path.join(FIXTURES, name);
  const uri = pathToFileURL(file).href;
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: 1, text: readFileSync(file, 'utf8') },
  });
  return uri;
}

describe('runner requests to the language server', function () {
  this.timeout(20000);
  let server: StdioServer;

  describe('from the VS Code client', () => {
    before(async () => {
      server = await startStdioServer({ initializationOptions: { sendCodeLens: true } });
    });
    after(() => server.stop());

    it('lists the payloads with kind, range, error count and whether they can be sent', async () => {
      const uri = await open(server, 'runner/two-payloads.jkopay.json');
      const result = await server.connection.sendRequest<PayloadsResult>(PAYLOADS_REQUEST, { uri });
      assert.equal(result.version, 1);
      assert.deepEqual(
        result.payloads.map((p) => [
          p.index,
          p.kind,
          p.range.start.line,
          p.range.start.character,
          p.range.end.line,
          p.range.end.character,
          p.errorCount,
          p.sendable,
        ]),
        [
          [0, 'refund', 1, 2, 1, 116, 0, true],
          [1, 'inquiry', 2, 2, 2, 51, 0, true],
        ],
      );
    });

    it('counts the errors of a payload as the Problems panel shows them', async () => {
      const uri = await open(server, 'runner/below-minimum.entry.jkopay.json');
      const [entry] = (await server.connection.sendRequest<PayloadsResult>(PAYLOADS_REQUEST, { uri })).payloads;
      assert.equal(entry.kind, 'entry');
      assert.equal(entry.errorCount, 2);
    });

    it('prepares the exact request bytes of one payload', async () => {
      const uri = await open(server, 'runner/two-payloads.jkopay.json');
      const refund = await server.connection.sendRequest<PrepareRequestResult>(PREPARE_REQUEST, { uri, index: 0 });
      assert.deepEqual(refund, {
        ok: true,
        version: 1,
        errorCount: 0,
        request: {
          endpoint: 'refund',
          method: 'POST',
          path: '/platform/refund',
          body: '{"platform_order_id":"runner-fixture-0001","refund_order_id":"runner-fixture-refund-1","refund_amount":100}',
          signedText: '{"platform_order_id":"runner-fixture-0001","refund_order_id":"runner-fixture-refund-1","refund_amount":100}',
        },
      });
      const inquiry = await server.connection.sendRequest<PrepareRequestResult>(PREPARE_REQUEST, { uri, index: 1 });
      assert.ok(inquiry.ok);
      assert.equal(inquiry.request.path, '/platform/inquiry?platform_order_ids=runner-fixture-0001');
    });

    it('says why a payload cannot be sent: a value known only at run time, a saved response, no such payload', async () => {
      const source = await open(server, 'checkout.ts', 'typescript');
      const [entry] = (await server.connection.sendRequest<PayloadsResult>(PAYLOADS_REQUEST, { uri: source })).payloads;
      assert.equal(entry.kind, 'entry');
      assert.equal(entry.sendable, false);
      assert.match(entry.reason ?? '', /platform_order_id/);
      const prepared = await server.connection.sendRequest<PrepareRequestResult>(PREPARE_REQUEST, { uri: source, index: 0 });
      assert.equal(prepared.ok, false);
      assert.equal(prepared.ok ? '' : prepared.reason, entry.reason);

      const response = await open(server, 'refund-failed.jkopay.json');
      const saved = await server.connection.sendRequest<PrepareRequestResult>(PREPARE_REQUEST, { uri: response, index: 0 });
      assert.match(saved.ok ? '' : saved.reason, /saved JKOPay response/);
      const missing = await server.connection.sendRequest<PrepareRequestResult>(PREPARE_REQUEST, { uri: response, index: 7 });
      assert.match(missing.ok ? '' : missing.reason, /no payload 7/);
      const closed = await server.connection.sendRequest<PayloadsResult>(PAYLOADS_REQUEST, { uri: 'file:///nowhere.jkopay.json' });
      assert.deepEqual(closed, { version: null, payloads: [] });
    });

    it('puts Send to mock · Send to sandbox above every request payload', async () => {
      assert.deepEqual(server.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
      const uri = await open(server, 'runner/two-payloads.jkopay.json');
      const lenses = await server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(
        lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
        [
          [1, '$(play) Send to mock', 'jkopay.sendRequest', [{ uri, index: 0, env: 'mock' }]],
          [1, 'Send to sandbox', 'jkopay.sendRequest', [{ uri, index: 0, env: 'sandbox' }]],
          [2, '$(play) Send to mock', 'jkopay.sendRequest', [{ uri, index: 1, env: 'mock' }]],
          [2, 'Send to sandbox', 'jkopay.sendRequest', [{ uri, index: 1, env: 'sandbox' }]],
        ],
      );
      const response = await open(server, 'refund-failed.jkopay.json');
      assert.deepEqual(await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: response } }), []);
    });

    // Issue 21: the lens sat above every TS literal and answered "platform_order_id is only known when the program runs".
    it('puts no lens above a literal it cannot send, and says on its brace what the runner needs', async () => {
      const uri = 'file:///runner/checkout.ts';
      const literal = (id: string) =>
        `{ platform_order_id: ${id}, store_id: 's', currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0 }`;
      const text = [
        'export async function pay(orderId: string) {',
        `  // @jkopay entry`,
        `  const sample = ${literal("'sample-1'")};`,
        `  // @jkopay entry`,
        `  const real = ${literal('orderId')};`,
        `  return [sample, real];`,
        '}',
      ].join('\n');
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'typescript', version: 1, text },
      });
      const { payloads } = await server.connection.sendRequest<PayloadsResult>(PAYLOADS_REQUEST, { uri });
      assert.deepEqual(
        payloads.map((p) => [p.range.start.line, p.sendable]),
        [
          [2, true],
          [4, false],
        ],
      );
      const lenses = await server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(
        lenses.map((l) => [l.range.start.line, l.command?.arguments?.[0].index]),
        [
          [2, 0],
          [2, 0],
        ],
      );
      const hover = async (line: number) => {
        const character = text.split('\n')[line].indexOf('{');
        const answer = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
          textDocument: { uri },
          position: { line, character },
        });
        return answer?.contents.value ?? '';
      };
      assert.match(
        await hover(4),
        /Send Request_ cannot send it: `platform_order_id` is only known when the program runs\. .*`\/\/ @jkopay entry` above a literal with sample values, or write a payload file \(`order\.entry\.jkopay\.json`\)/,
      );
      assert.doesNotMatch(await hover(2), /cannot send/);
      assert.match(await hover(2), /Checked as a JKOPay entry: marked/);
    });
  });

  describe('from another editor', () => {
    before(async () => {
      server = await startStdioServer({ initializationOptions: { locale: 'zh-tw' } });
    });
    after(() => server.stop());

    it('offers no CodeLens whose command it could not run', async () => {
      assert.equal(server.initializeResult.capabilities.codeLensProvider, undefined);
      const uri = await open(server, 'runner/two-payloads.jkopay.json');
      assert.deepEqual(await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
    });

    it('says in the display language that there is no such payload, and why one cannot be sent', async () => {
      const uri = await open(server, 'runner/two-payloads.jkopay.json');
      const missing = await server.connection.sendRequest<PrepareRequestResult>(PREPARE_REQUEST, { uri, index: 5 });
      assert.match(missing.ok ? '' : missing.reason, /沒有第 5 個 payload/);
      const response = await open(server, 'refund-failed.jkopay.json');
      const saved = await server.connection.sendRequest<PrepareRequestResult>(PREPARE_REQUEST, { uri: response, index: 0 });
      assert.match(saved.ok ? '' : saved.reason, /儲存下來的街口支付回應/);
      const [info] = (await server.connection.sendRequest<PayloadsResult>(PAYLOADS_REQUEST, { uri: response })).payloads;
      assert.equal(info.reason, saved.ok ? '' : saved.reason);
    });
  });
});
