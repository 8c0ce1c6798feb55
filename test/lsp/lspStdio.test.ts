/**
 * `jkopay lsp --stdio` as Neovim, Helix or Zed would run it: initialize, push and pull
 * diagnostics, stale versions dropped, hover in both languages, completion, quick fixes,
 * formatting, folding, symbols, and a clean exit.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionList, DocumentSymbol, FoldingRange, Hover, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { ROOT, startStdioServer, type StdioServer } from './stdioServer';

const FIXTURES = path.join(ROOT, 'test/integration/fixtures/workspace');
const fixture = (name: string) => ({
  uri: pathToFileURL(path.join(FIXTURES, name)).href,
  text: readFileSync(path.join(FIXTURES, name), 'utf8'),
});
const ENTRY = fixture('order.entry.jkopay.json');
const REFUND_RESPONSE = fixture('refund-failed.jkopay.json');

function open(server: StdioServer, doc: { uri: string; text: string }, version = 1) {
  return server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: doc.uri, languageId: 'jkopay', version, text: doc.text },
  });
}

function hoverText(hover: Hover | null): string {
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('jkopay lsp --stdio', function () {
  this.timeout(20000);
  let server: StdioServer;

  describe('with an editor that takes pushed diagnostics', () => {
    before(async () => {
      server = await startStdioServer();
    });
    after(() => server.stop());

    it('publishes the payload diagnostics with codes and ranges', async () => {
      await open(server, ENTRY);
      const diagnostics = await server.diagnostics(ENTRY.uri, 1);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.source, d.range.start.line, d.range.start.character, d.range.end.character]),
        [
          ['currency-precision', 'jkopay', 5, 17, 22],
          ['insecure-url', 'jkopay', 8, 16, 50],
        ],
      );
    });

    it('checks only the last of quick successive versions', async () => {
      const before = server.published.length;
      const change = (version: number, text: string) =>
        server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: ENTRY.uri, version },
          contentChanges: [{ text }],
        });
      await change(2, ENTRY.text.replace('100.5', '100.55'));
      await change(3, ENTRY.text.replace('100.5', '100'));
      await change(4, ENTRY.text.replace('100.5', '100').replace('http:', 'https:'));
      assert.deepEqual(await server.diagnostics(ENTRY.uri, 4), []);
      assert.deepEqual(
        server.published.slice(before).map((p) => p.version),
        [4],
      );
    });

    it('explains a result code on hover', async () => {
      await open(server, REFUND_RESPONSE);
      const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: REFUND_RESPONSE.uri },
        position: { line: 2, character: 14 },
      });
      assert.match(hoverText(hover), /\*\*922\*\* Refund exceeds the refundable amount/);
    });

    it('completes the currency values', async () => {
      const uri = 'untitled:new.jkopay.json';
      await open(server, { uri, text: '{ "currency":  }' });
      const list = await server.connection.sendRequest<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: 14 },
      });
      assert.deepEqual(
        list.items.map((i) => i.label).filter((l) => ['"TWD"', '"JPY"', '"USD"'].includes(l)),
        ['"TWD"', '"JPY"', '"USD"'],
      );
    });

    it('offers the quick fix carried by a diagnostic', async () => {
      const uri = 'untitled:fix.entry.jkopay.json';
      await open(server, { uri, text: ENTRY.text });
      const [precision] = await server.diagnostics(uri);
      const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: precision.range,
        context: { diagnostics: [precision] },
      });
      assert.equal(actions[0].title, 'Round to 101 (TWD allows 0 decimal places)');
      assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: precision.range, newText: '101' }]);
    });

    it('formats, folds and outlines a payload file', async () => {
      const uri = 'untitled:format.jkopay.json';
      const text = '{"refund_order_id":"r-1",\n// kept\n"refund_amount":100.50}';
      await open(server, { uri, text });
      const edits = await server.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      });
      assert.equal(applyEdits(text, edits), '{\n  "refund_order_id": "r-1",\n  // kept\n  "refund_amount": 100.50\n}');
      const folds = await server.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: ENTRY.uri } });
      assert.deepEqual(folds, [{ startLine: 1, endLine: 9 }]);
      const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri: ENTRY.uri },
      });
      assert.equal(symbols[0].name, 'entry');
      assert.equal(symbols[0].detail, 'order-0001');
      assert.deepEqual(symbols[0].children?.map((s) => s.name).slice(0, 3), ['platform_order_id', 'store_id', 'currency']);
    });

    it('answers safe defaults for documents it does not hold', async () => {
      const hover = await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: 'file:///nowhere.jkopay.json' },
        position: { line: 0, character: 0 },
      });
      assert.equal(hover, null);
    });
  });

  describe('with an editor that pulls diagnostics, in Traditional Chinese', () => {
    before(async () => {
      server = await startStdioServer({
        initializationOptions: { locale: 'zh-tw' },
        capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
      });
    });
    after(() => server.stop());

    it('announces pull diagnostics and answers them', async () => {
      assert.deepEqual(server.initializeResult.capabilities.diagnosticProvider, {
        interFileDependencies: false,
        workspaceDiagnostics: false,
      });
      assert.equal(server.initializeResult.serverInfo?.name, 'jkopay-language-server');
      await open(server, ENTRY);
      const report = await server.connection.sendRequest<{ kind: string; resultId: string; items: { code: string; message: string }[] }>(
        'textDocument/diagnostic',
        { textDocument: { uri: ENTRY.uri } },
      );
      assert.equal(report.kind, 'full');
      assert.deepEqual(
        report.items.map((d) => d.code),
        ['currency-precision', 'insecure-url'],
      );
      assert.match(report.items[1].message, /必須使用 https/);
      const again = await server.connection.sendRequest<{ kind: string }>('textDocument/diagnostic', {
        textDocument: { uri: ENTRY.uri },
        previousResultId: report.resultId,
      });
      assert.equal(again.kind, 'unchanged');
      assert.equal(server.published.length, 0);
    });

    // Issue 21: VS Code sends the same settings more than once at start-up; each reload cleared every parse, so a big
    // file was parsed again (seconds) and a pull in flight was dropped for a refresh.
    it('keeps its parse and answers unchanged after the same settings again, and checks anew after a real change', async () => {
      const pull = (previousResultId?: string) =>
        server.connection.sendRequest<{ kind: string; resultId: string; items: { code: string; severity: number }[] }>(
          'textDocument/diagnostic',
          { textDocument: { uri: ENTRY.uri }, ...(previousResultId ? { previousResultId } : {}) },
        );
      const first = await pull();
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { jkopay: { defaultCurrency: 'TWD' } } });
      assert.equal((await pull(first.resultId)).kind, 'unchanged');
      await server.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { jkopay: { diagnostics: { severity: { 'currency-precision': 'hint' } } } },
      });
      const changed = await pull(first.resultId);
      assert.equal(changed.kind, 'full');
      assert.equal(changed.items.find((d) => d.code === 'currency-precision')?.severity, 4);
    });

    it('after ranged edits, answers what a fresh open of the same text gets', async () => {
      const payload = (id: string, price: string) =>
        `  {\n    "platform_order_id": "${id}",\n    "store_id": "s",\n    "currency": "TWD",\n    "total_price": ${price},\n    "final_price": 100,\n    "unredeem": 0\n  }`;
      const text = `[\n${[payload('a', '100'), payload('b', '100'), payload('c', '100.5')].join(',\n')}\n]\n`;
      const uri = 'file:///ranged/orders.jkopay.json';
      const pull = (u: string) =>
        server.connection.sendRequest<{ items: { code: string; range: unknown; message: string }[] }>('textDocument/diagnostic', {
          textDocument: { uri: u },
        });
      await open(server, { uri, text });
      await pull(uri);
      // Two edits in one change (as multi-cursor sends them), then one more, each in payload b's total_price (line 13).
      let expected = text;
      const edit = async (
        version: number,
        changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[],
      ) => {
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        for (const c of changes) expected = applyEdits(expected, [{ range: c.range, newText: c.text }]);
      };
      const at = (character: number) => ({ line: 13, character });
      await edit(2, [
        { range: { start: at(19), end: at(22) }, text: '100.123' },
        { range: { start: at(19), end: at(19) }, text: '-' },
      ]);
      const first = await pull(uri);
      await edit(3, [{ range: { start: at(20), end: at(23) }, text: '7' }]);
      const second = await pull(uri);
      assert.match(expected.split('\n')[13], /"total_price": -7\.123,/);
      const fresh = 'file:///ranged/fresh.jkopay.json';
      await open(server, { uri: fresh, text: expected });
      assert.deepEqual(second.items, (await pull(fresh)).items);
      assert.notDeepEqual(first.items, second.items);
    });

    it('hovers in Traditional Chinese', async () => {
      await open(server, REFUND_RESPONSE);
      const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: REFUND_RESPONSE.uri },
        position: { line: 2, character: 14 },
      });
      assert.match(hoverText(hover), /退款金額超過可退金額/);
    });
  });
});

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
