/**
 * The language server on hostile documents (issue 13): formatting refuses what would kill it and
 * says why, option values are clamped, a file the parser cannot read gets a finding instead of
 * silence, and a file with a huge number of problems is answered with a bounded list. After each,
 * the server still answers.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, ShowMessageParams, TextEdit } from 'vscode-languageserver/node';
import { startStdioServer, type StdioServer } from './stdioServer';

function open(server: StdioServer, uri: string, text: string, languageId = 'jkopay') {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
}

describe('jkopay lsp --stdio on hostile documents', function () {
  this.timeout(30_000);
  let server: StdioServer;
  const shown: ShowMessageParams[] = [];
  const logged: string[] = [];
  before(async () => {
    server = await startStdioServer();
    server.connection.onNotification('window/showMessage', (p: ShowMessageParams) => void shown.push(p));
    server.connection.onNotification('window/logMessage', (p: { message: string }) => void logged.push(p.message));
  });
  after(() => server.stop());

  const stillAnswers = async () => {
    const uri = `untitled:alive-${Date.now()}.jkopay.json`;
    await open(server, uri, '{"refund_order_id": "r", "refund_amount": 0}');
    const diagnostics = await server.diagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'non-positive-amount'));
  };

  it('refuses to format a 20,000-deep document with a message, at once (was: out of memory after 41–53 s)', async () => {
    const uri = 'untitled:deep.jkopay.json';
    await open(server, uri, `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    // Refused with its reason, not timed: the out-of-memory path produced edits (or nothing, after mocha's timeout).
    const edits = await server.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, []);
    assert.ok(
      shown.some((m) => /Not formatted: the document is nested 20001 levels deep/.test(m.message)),
      JSON.stringify(shown),
    );
    await stillAnswers();
  });

  it('clamps an absurd tabSize (was: out of memory)', async () => {
    const uri = 'untitled:tab.jkopay.json';
    const text = '{"a":{"b":1}}';
    await open(server, uri, text);
    const edits = await server.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 50_000_000, insertSpaces: true },
    });
    const longest = Math.max(...edits.map((e) => e.newText.length));
    assert.ok(longest <= 1 + 2 * 16, `an edit of ${longest} characters`);
  });

  it('shows a too-complex finding for a source the parser cannot read (was: no diagnostics at all)', async () => {
    const uri = 'file:///hostile/deep.ts';
    await open(
      server,
      uri,
      `// @jkopay entry\nconst p = { platform_order_id: ${'('.repeat(3000)}'a'${')'.repeat(3000)} };\n`,
      'typescript',
    );
    const diagnostics = await server.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['too-complex'],
    );
    await stillAnswers();
  });

  it('does not parse a document over 16 MB: one notice, the reason logged, safe defaults (was: seconds of blocking per request)', async () => {
    const uri = 'untitled:huge.jkopay.json';
    const entry = '{"platform_order_id": "o", "total_price": 1},\n';
    await open(server, uri, `[${entry.repeat(Math.ceil((17 * 1048576) / entry.length))}{}]`);
    const diagnostics = await server.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.severity),
      [3],
    );
    assert.match(String(diagnostics[0].message), /documents over 16 MB are not checked in the editor/);
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(hover, null);
    assert.ok(
      logged.some((m) => /huge\.jkopay\.json: 17\.0 MB; documents over 16 MB are not checked/.test(m)),
      logged.join('\n'),
    );
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await stillAnswers();
  });

  it('answers a file with 12,000 problems with the first 5,000 and a notice, and logs why', async () => {
    const uri = 'untitled:empty-objects.jkopay.json';
    await open(server, uri, `[${Array.from({ length: 2000 }, () => '{}').join(',')}]`);
    const diagnostics: Diagnostic[] = await server.diagnostics(uri);
    assert.equal(diagnostics.length, 5001);
    assert.match(String(diagnostics[5000].message), /7000 more problems in this file are not shown: only the first 5000 are listed/);
    assert.ok(
      logged.some((m) => /12000 problems found; only the first 5000 are shown/.test(m)),
      logged.join('\n'),
    );
    await stillAnswers();
  });
});
