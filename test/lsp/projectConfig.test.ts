/**
 * The language server reads the workspace's jkopay.config.json like the CLI does: its exclude
 * globs silence files, its severities apply, and the editor's own settings win over it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStdioServer, type StdioServer } from './stdioServer';

const ENTRY = '{"platform_order_id":"o","store_id":"s","currency":"TWD","total_price":100.5,"final_price":100,"unredeem":0,"extra":1}';

describe('jkopay lsp --stdio with a jkopay.config.json', function () {
  this.timeout(20000);
  let dir: string;
  let server: StdioServer | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-lsp-config-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(
      path.join(dir, 'jkopay.config.json'),
      JSON.stringify({ exclude: ['examples/**'], severity: { 'currency-precision': 'warning', 'unknown-field': 'off' } }),
    );
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function diagnosticsOf(file: string) {
    const uri = pathToFileURL(path.join(dir, file)).href;
    await server!.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'jkopay', version: 1, text: ENTRY },
    });
    return server!.diagnostics(uri, 1);
  }

  it('applies its severities and exclude globs', async () => {
    server = await startStdioServer({ rootUri: pathToFileURL(dir).href });
    assert.deepEqual(
      (await diagnosticsOf('order.entry.jkopay.json')).map((d) => [d.code, d.severity]),
      [['currency-precision', 2]],
    );
    assert.deepEqual(await diagnosticsOf('examples/broken.entry.jkopay.json'), []);
  });

  it('lets the editor settings win over it', async () => {
    server = await startStdioServer({
      rootUri: pathToFileURL(dir).href,
      initializationOptions: { settings: { diagnostics: { severity: { 'currency-precision': 'error' } } } },
    });
    assert.deepEqual(
      (await diagnosticsOf('order.entry.jkopay.json')).map((d) => [d.code, d.severity]),
      [['currency-precision', 1]],
    );
  });
});
