/**
 * The language server reads the workspace's jkopay.config.json like the CLI does: its exclude
 * globs silence files, its severities apply, the editor's own settings win over it, and a change
 * on disk (reported by the client's file watcher, which the server registers) applies at once.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PUSH_DIAGNOSTICS_DELAY } from '../../src/server/startServer';
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

  // Issue 23: this glob blocked every request for 44 s on each check of a file named with 34 `a`s (in untrusted
  // workspaces too), and one over 65,536 characters silently cost the folder its diagnostics.
  it('checks a file that a catastrophic glob is matched against at once, and logs each glob it refuses', async () => {
    fs.writeFileSync(
      path.join(dir, 'jkopay.config.json'),
      JSON.stringify({ exclude: ['*a*a*a*a*a*a*a*a*a*a*a*a*b', 'examples/**', '!x', 'y'.repeat(70_000)] }),
    );
    server = await startStdioServer({ rootUri: pathToFileURL(dir).href });
    const logged: string[] = [];
    server.connection.onNotification('window/logMessage', (p: { message: string }) => void logged.push(p.message));
    // The configuration is read again (its problems logged again) now that the log is listened to.
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(
      (await diagnosticsOf(`${'a'.repeat(34)}.entry.jkopay.json`)).map((d) => d.code),
      ['currency-precision', 'unknown-field'],
    );
    assert.deepEqual(await diagnosticsOf('examples/broken.entry.jkopay.json'), []);
    const log = logged.join('\n');
    assert.match(log, /"exclude\[2\]" \("!x"\) is refused: negated globs/);
    assert.match(log, /"exclude\[3\]" \("y+"\) is refused: it is 70000 characters long; at most 256 are read/);
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

  it('asks the client to watch it, and applies a change on disk to the open documents', async () => {
    server = await startStdioServer({
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
    });
    const uri = pathToFileURL(path.join(dir, 'order.entry.jkopay.json')).href;
    assert.deepEqual(
      (await diagnosticsOf('order.entry.jkopay.json')).map((d) => [d.code, d.severity]),
      [['currency-precision', 2]],
    );
    const watch = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watch?.registerOptions, {
      watchers: [{ globPattern: { baseUri: pathToFileURL(dir).href, pattern: '{jkopay.config.json,package.json}' } }],
    });

    fs.writeFileSync(path.join(dir, 'jkopay.config.json'), JSON.stringify({ severity: { 'currency-precision': 'off' } }));
    // Another folder's package.json changing is not this workspace's configuration: nothing is re-read
    // (a re-read would publish again after the push delay, well within this wait).
    const other = pathToFileURL(path.join(dir, 'node_modules/x/package.json')).href;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: other, type: 2 }] });
    await new Promise((resolve) => setTimeout(resolve, 3 * PUSH_DIAGNOSTICS_DELAY));
    assert.equal(server.published.filter((p) => p.uri === uri).length, 1);
    const next = server.nextDiagnostics(uri);
    const config = pathToFileURL(path.join(dir, 'jkopay.config.json')).href;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    // The new configuration: precision off, and unknown fields no longer off.
    assert.deepEqual(
      (await next).map((d) => d.code),
      ['unknown-field'],
    );
  });

  it('parses open sources again when the detection switches change, so a literal no longer a payload loses its findings', async () => {
    server = await startStdioServer({
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
    });
    const uri = pathToFileURL(path.join(dir, 'checkout.ts')).href;
    const source =
      "export const body = { platform_order_id: 'o', store_id: 's', currency: 'TWD', total_price: 100.5, final_price: 100, unredeem: 0 };\n";
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text: source },
    });
    assert.deepEqual(
      (await server.diagnostics(uri, 1)).map((d) => d.code),
      ['currency-precision'],
    );
    const next = server.nextDiagnostics(uri);
    fs.writeFileSync(path.join(dir, 'jkopay.config.json'), JSON.stringify({ detect: { keys: false } }));
    const config = pathToFileURL(path.join(dir, 'jkopay.config.json')).href;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    assert.deepEqual(await next, []);
  });

  it('gives each folder of a multi-root workspace its own configuration, and one added later too', async () => {
    // dir holds jkopay.config.json (precision a warning, unknown fields off); other has its own (precision off, unknown fields errors).
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-lsp-other-'));
    try {
      fs.writeFileSync(
        path.join(other, 'jkopay.config.json'),
        JSON.stringify({ severity: { 'currency-precision': 'off', 'unknown-field': 'error' } }),
      );
      const third = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-lsp-third-'));
      fs.writeFileSync(
        path.join(third, 'package.json'),
        JSON.stringify({ name: 'third', jkopay: { severity: { 'unknown-field': 'hint' } } }),
      );
      server = await startStdioServer({
        workspaceFolders: [
          { uri: pathToFileURL(dir).href, name: 'shop' },
          { uri: pathToFileURL(other).href, name: 'other' },
        ],
        capabilities: {
          workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
        },
      });
      const codes = async (folder: string) => {
        const uri = pathToFileURL(path.join(folder, 'order.entry.jkopay.json')).href;
        await server!.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'jkopay', version: 1, text: ENTRY },
        });
        return (await server!.diagnostics(uri, 1)).map((d) => [d.code, d.severity]);
      };
      assert.deepEqual(await codes(dir), [['currency-precision', 2]]);
      assert.deepEqual(await codes(other), [['unknown-field', 1]]);
      const watch = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual(
        (watch?.registerOptions as { watchers: { globPattern: { baseUri: string } }[] }).watchers.map((w) => w.globPattern.baseUri),
        [pathToFileURL(dir).href, pathToFileURL(other).href],
      );
      // A folder added later: its own configuration applies to its documents.
      await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: pathToFileURL(third).href, name: 'third' }], removed: [] },
      });
      assert.deepEqual(await codes(third), [
        ['currency-precision', 1],
        ['unknown-field', 4],
      ]);
      fs.rmSync(third, { recursive: true, force: true });
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('starts and checks when a folder or document URI names a file this platform cannot map (file://host/… on Linux)', async () => {
    server = await startStdioServer({
      workspaceFolders: [
        { uri: 'file://fileserver/share/shop', name: 'remote' },
        { uri: pathToFileURL(dir).href, name: 'shop' },
      ],
      capabilities: { workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    const uri = 'file://fileserver/share/shop/order.entry.jkopay.json';
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'jkopay', version: 1, text: ENTRY },
    });
    // The folder that cannot be mapped is left out; the document gets the first usable folder's configuration.
    assert.deepEqual(
      (await server.diagnostics(uri, 1)).map((d) => [d.code, d.severity]),
      [['currency-precision', 2]],
    );
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    assert.equal(server.process.exitCode, null);
  });
});
