/**
 * A handler's findings follow the module it imports its JKOPay client from: when that module
 * changes in the editor, the handler is checked again although its own text did not change. A
 * pull client is asked to pull again (workspace/diagnostic/refresh) and gets a new result; a push
 * client gets new diagnostics. Before, the handler kept the findings of the module's old text
 * until the handler itself was edited.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { waitUntil } from '../support/waitUntil';
import { startStdioServer, type StdioServer } from './stdioServer';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/handlers');
/** The same export, no JKOPay client: its answers' codes are nobody's to check. */
const NOT_JKOPAY = "export const gateway = { refund: async (_body: unknown) => ({ result: '000', message: '' }) };\n";

interface Report {
  kind: 'full' | 'unchanged';
  resultId: string;
  items?: { code: string }[];
}

describe('jkopay lsp --stdio: a handler checked again when the module it imports changes', function () {
  this.timeout(20000);
  let dir: string;
  let server: StdioServer | undefined;
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const open = (name: string) =>
    server!.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf(name), languageId: 'typescript', version: 1, text: fs.readFileSync(path.join(dir, name), 'utf8') },
    });
  const replace = (name: string, version: number, text: string) =>
    server!.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(name), version },
      contentChanges: [{ text }],
    });
  const codes = (items: { code: string }[] = []) => items.map((d) => d.code);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-lsp-imports-'));
    for (const name of ['jkopay.ts', 'destructuring-refundWorker.ts', 'log.ts'])
      fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('asks a pull client to pull again, and answers anew, after an edit of the imported module; not after an unrelated one', async () => {
    server = await startStdioServer({
      capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'shop' }],
    });
    let refreshes = 0;
    server.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    const pull = (previousResultId?: string) =>
      server!.connection.sendRequest<Report>('textDocument/diagnostic', {
        textDocument: { uri: uriOf('destructuring-refundWorker.ts') },
        ...(previousResultId ? { previousResultId } : {}),
      });
    await open('jkopay.ts');
    await open('log.ts');
    await open('destructuring-refundWorker.ts');
    const first = await pull();
    assert.deepEqual(codes(first.items), ['unhandled-result-codes']);

    // An edit of a file the worker does not import: nothing to check again.
    await replace('log.ts', 2, '// no logger\n');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(refreshes, 0);
    assert.equal((await pull(first.resultId)).kind, 'unchanged');

    await replace('jkopay.ts', 2, NOT_JKOPAY);
    await waitUntil(() => refreshes > 0);
    assert.equal(refreshes, 1, 'one refresh for the edit');
    const second = await pull(first.resultId);
    assert.equal(second.kind, 'full');
    assert.deepEqual(codes(second.items), [], 'the gateway is no JKOPay client any more');
    assert.equal((await pull(second.resultId)).kind, 'unchanged');

    // Closed, the module is read from disk again (the JKOPay client): the worker's warning is back.
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf('jkopay.ts') } });
    await waitUntil(() => refreshes > 1);
    const third = await pull(second.resultId);
    assert.deepEqual(codes(third.items), ['unhandled-result-codes']);
  });

  it('publishes the handler again for a push client', async () => {
    server = await startStdioServer({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'shop' }] });
    const worker = uriOf('destructuring-refundWorker.ts');
    await open('jkopay.ts');
    await open('destructuring-refundWorker.ts');
    assert.deepEqual(codes((await server.diagnostics(worker)) as { code: string }[]), ['unhandled-result-codes']);
    const next = server.nextDiagnostics(worker);
    await replace('jkopay.ts', 2, NOT_JKOPAY);
    assert.deepEqual(codes((await next) as { code: string }[]), []);
  });
});
