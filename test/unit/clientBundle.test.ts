/**
 * The extension host's bundle stays lean: built here exactly as `npm run package` builds it
 * (production, minified, from esbuild.mjs's own options), it must hold no TypeScript compiler —
 * the client has no parser, the language server reads the payloads — and stay under 1 MB; and
 * outside VS Code (the package required by its path) it hands over to the library.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.join(__dirname, '../../..');
const LIMIT = 1024 * 1024;

describe('production client bundle (dist/client.js)', function () {
  this.timeout(60000);
  let output: esbuild.Metafile['outputs'][string];

  before(async () => {
    const { bundleOptions } = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as {
      bundleOptions(o: { production: boolean }): Record<string, esbuild.BuildOptions>;
    };
    const options = bundleOptions({ production: true }).client;
    assert.equal(options.minify, true, 'the production options minify');
    const result = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'silent' });
    const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('client.js'));
    assert.equal(outputs.length, 1);
    output = outputs[0][1];
  });

  it('contains no TypeScript compiler', () => {
    const typescript = Object.keys(output.inputs).filter((input) => /(^|\/)node_modules\/typescript\//.test(input));
    assert.deepEqual(typescript, []);
  });

  it('imports no module of the core language service except what the in-host mock checks bodies with', () => {
    // The modules that put bytes in the bundle: the core's facade names more, which tree-shaking leaves out.
    const core = Object.entries(output.inputs)
      .filter(([input, { bytesInOutput }]) => input.startsWith('src/core/') && bytesInOutput > 0)
      .map(([input]) => input);
    assert.ok(core.length > 0, 'the in-host mock checks bodies with the core');
    const sourcesOrEditor = core.filter((input) => /^src\/core\/(source|features)\/|^src\/core\/languageService\.ts$/.test(input));
    assert.deepEqual(sourcesOrEditor, [], 'the TS/JS front-end or the editor features are in the client bundle');
  });

  it(`is at most ${LIMIT} bytes minified`, () => {
    assert.ok(output.bytes <= LIMIT, `dist/client.js would be ${output.bytes} bytes`);
  });

  // Issue 23: Node reads `main` when a program requires the package by its folder's path (exports apply to its name only),
  // and `require('/path/to/jkopay-tools')` loaded the client, which failed on `vscode`.
  it('hands over to the library outside VS Code, when the package is required by its path', () => {
    const run = spawnSync(process.execPath, ['-e', `console.log(Object.keys(require(${JSON.stringify(ROOT)})).sort().join())`], {
      cwd: os.tmpdir(),
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout.trim(),
      'JkoPayClientError,JkoPayUsageError,checkPayload,computeDigest,createClient,sameAmount,startMockServer,verifyDigest',
    );
  });
});
