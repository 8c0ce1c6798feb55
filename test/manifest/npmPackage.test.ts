/**
 * The npm package as a merchant gets it: `npm pack` of the built repository, installed into a fresh
 * project with no network (`--offline`, an empty npm cache: it has no dependency to fetch), then used
 * the ways the README says: `npx --no-install jkopay check` on a payload file and on a TS source (the
 * TypeScript parser comes from the package itself), the README's CI steps and pre-commit hook as
 * written, `require` and `import` of the library, a strict `tsc` over a typed use (rejecting three
 * misuses), and the language server over stdio from the installed copy. publint and
 * @arethetypeswrong/cli judge the tarball; neither may report anything. Packs the dev build that
 * mocha's global setup made (`--ignore-scripts`: `prepare` would rebuild dist/ under the other suites).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStdioServer } from '../lsp/stdioServer';
import { typeCheck } from '../support/typeCheck';

const ROOT = path.join(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/library');

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

/** npm as a merchant runs it: none of the `npm_*` settings that `npm test` passes to its scripts. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, NO_UPDATE_NOTIFIER: '1', npm_config_fund: 'false', npm_config_audit: 'false' };
}

describe('the npm package, packed and installed into a fresh project', function () {
  this.timeout(240_000);
  let tmp: string;
  let shop: string;
  let packed: PackResult;
  let tarball: string;
  const installed = () => path.join(shop, 'node_modules/jkopay-tools');
  const run = (command: string, args: string[], options: { input?: string } = {}): SpawnSyncReturns<string> =>
    spawnSync(command, args, { cwd: shop, env: cleanEnv(), encoding: 'utf8', timeout: 120_000, input: options.input });

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-pack-'));
    const json = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
      cwd: ROOT,
      env: cleanEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    [packed] = JSON.parse(json) as PackResult[];
    tarball = path.join(tmp, packed.filename);
    shop = path.join(tmp, 'shop');
    fs.mkdirSync(shop);
    fs.writeFileSync(path.join(shop, 'package.json'), JSON.stringify({ name: 'shop', version: '1.0.0', private: true }, null, 2));
    const install = run('npm', ['install', '--save-dev', '--offline', '--cache', path.join(tmp, 'npm-cache'), tarball]);
    assert.equal(install.status, 0, `npm install of the tarball failed:\n${install.stdout}\n${install.stderr}`);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds only what runs: bundles, declarations, schemas, the extension files, README, LICENSE, CHANGELOG', () => {
    const allowed = [
      /^package\.json$/,
      /^(README|CHANGELOG)\.md$/,
      /^LICENSE$/,
      /^dist\/(client|server|typescript|webview|cli)\.js$/,
      /^dist\/webview\.css$/,
      /^dist\/cli\/\w+Command\.js$/,
      /^dist\/lib\/index\.(cjs|mjs|d\.ts|d\.mts)$/,
      /^src\/data\/schemas\/\w+\.schema\.json$/,
      /^(syntaxes|snippets|l10n)\/[\w.-]+$/,
      /^icons\/jkopay(-file)?\.(png|svg)$/,
      /^package\.nls(\.zh-tw)?\.json$/,
      /^media\/walkthrough\/[\w.-]+\.(md|svg)$/,
    ];
    const stray = packed.files.map((f) => f.path).filter((file) => !allowed.some((pattern) => pattern.test(file)));
    assert.deepEqual(stray, []);
    for (const needed of [
      'dist/cli.js',
      'dist/typescript.js',
      'dist/lib/index.cjs',
      'dist/lib/index.mjs',
      'dist/lib/index.d.ts',
      'LICENSE',
    ]) {
      assert.ok(
        packed.files.some((f) => f.path === needed),
        `${needed} is in the package`,
      );
    }
  });

  it('installs without any dependency: no VS Code package, no language server, no TypeScript of its own', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(installed(), 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    const modules = fs.readdirSync(path.join(shop, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(modules, ['jkopay-tools']);
  });

  it('npx --no-install jkopay check judges a payload file and a TS source with the parser it ships', () => {
    fs.writeFileSync(
      path.join(shop, 'order.entry.jkopay.json'),
      JSON.stringify({ platform_order_id: 'o-1', store_id: 's-1', currency: 'TWD', total_price: 100.5, final_price: 100, unredeem: 0 }),
    );
    fs.writeFileSync(
      path.join(shop, 'checkout.ts'),
      "export const body = { platform_order_id: 'o-2', store_id: 's-1', currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0, confirm_url: 'http://shop.example/c' };\n" +
        "await fetch('https://onlinepay.jkopay.com/platform/entry', { method: 'POST', body: JSON.stringify(body) });\n",
    );
    const payload = run('npx', ['--no-install', 'jkopay', 'check', 'order.entry.jkopay.json']);
    assert.equal(payload.status, 1, payload.stderr);
    assert.match(payload.stdout, /order\.entry\.jkopay\.json:1:\d+ error currency-precision/);
    const source = run('npx', ['--no-install', 'jkopay', 'check', 'checkout.ts']);
    assert.equal(source.status, 1, source.stderr);
    assert.match(source.stdout, /checkout\.ts:1:\d+ error insecure-url/);
  });

  it("runs the README's CI steps and pre-commit hook as written", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const ci = readme.slice(readme.indexOf('### Using jkopay check in CI'));
    const steps = [...ci.matchAll(/^\s*- run: (npx .+)$/gm)].map((m) => m[1]);
    assert.ok(steps.length >= 2 && steps.every((s) => s.startsWith('npx --no-install jkopay ')), steps.join('\n'));
    fs.mkdirSync(path.join(shop, 'payloads'));
    fs.writeFileSync(
      path.join(shop, 'payloads/ok.entry.jkopay.json'),
      JSON.stringify({ platform_order_id: 'o-3', store_id: 's-1', currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0 }),
    );
    // In the shop the step finds the errors above (exit 1, annotations); in a clean folder it passes.
    const annotate = run('sh', ['-c', steps[0]]);
    assert.equal(annotate.status, 1, annotate.stderr);
    assert.match(annotate.stdout, /^::error file=order\.entry\.jkopay\.json,line=1/m);
    const sarif = run('sh', ['-c', steps[1]]);
    assert.equal(sarif.status, 0, sarif.stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(shop, 'jkopay.sarif'), 'utf8')).version, '2.1.0');

    const hook = /```sh\n(#!\/bin\/sh\n[\s\S]*?)```/.exec(ci)?.[1];
    assert.ok(hook !== undefined && hook.includes('npx --no-install jkopay check'), 'the pre-commit hook uses the installed package');
    const git = (...args: string[]) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args]);
    assert.equal(git('init', '-q').status, 0);
    fs.writeFileSync(path.join(shop, '.git/hooks/pre-commit'), hook, { mode: 0o755 });
    assert.equal(git('add', 'payloads/ok.entry.jkopay.json').status, 0);
    assert.equal(git('commit', '-q', '-m', 'a valid payload').status, 0, 'the hook lets a valid payload through');
    assert.equal(git('add', 'order.entry.jkopay.json').status, 0);
    const refused = git('commit', '-q', '-m', 'a wrong amount');
    assert.equal(refused.status, 1, 'the hook stops a commit with an error');
    // git shows a hook's output on its standard error.
    assert.match(refused.stdout + refused.stderr, /currency-precision/);
  });

  it('requires and imports the library: the mock answers a signed entry', () => {
    for (const name of ['use.cjs', 'use.mjs']) fs.copyFileSync(path.join(FIXTURES, name), path.join(shop, name));
    for (const program of ['use.cjs', 'use.mjs']) {
      const result = run(process.execPath, [program]);
      assert.equal(result.status, 0, `${program}: ${result.stderr}`);
      assert.equal(JSON.parse(result.stdout).result, '000', program);
    }
  });

  it('a strict tsc accepts a typed use, as ESM and as CommonJS, and rejects the three misuses', () => {
    // The merchant's own TypeScript and @types/node: this repository's copies stand in for them.
    fs.mkdirSync(path.join(shop, 'node_modules/@types'), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules/@types/node'), path.join(shop, 'node_modules/@types/node'), 'dir');
    fs.copyFileSync(path.join(FIXTURES, 'consumer.ts'), path.join(shop, 'consumer.mts'));
    fs.copyFileSync(path.join(FIXTURES, 'consumer.ts'), path.join(shop, 'consumer.cts'));
    fs.writeFileSync(
      path.join(shop, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          types: ['node'],
        },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );
    const ours = (file: string) => !path.resolve(file).includes(`${path.sep}@types${path.sep}`) && !file.includes('/typescript/lib/');
    const checked = typeCheck(path.join(shop, 'tsconfig.json'), { only: ours });
    assert.deepEqual(checked.errors, []);
    const declarations = checked.program.getSourceFiles().map((f) => f.fileName);
    assert.ok(
      declarations.some(
        (f) => f.endsWith('node_modules/jkopay-tools/dist/lib/index.d.ts') || f.endsWith('node_modules/jkopay-tools/dist/lib/index.d.mts'),
      ),
    );
    const consumer = path.join(shop, 'consumer.cts');
    const bare = fs.readFileSync(consumer, 'utf8').replace(/^\/\/ @ts-expect-error.*\n/gm, '');
    const failing = typeCheck(path.join(shop, 'tsconfig.json'), {
      only: (file) => path.resolve(file) === consumer,
      replace: { files: { [consumer]: bare }, previous: checked.program },
    });
    assert.equal(failing.errors.length, 3, failing.errors.join('\n'));
  });

  it('starts the language server over stdio from the installed package', async () => {
    const server = await startStdioServer({ cli: path.join(installed(), 'dist/cli.js') });
    try {
      assert.ok(server.initializeResult.capabilities.hoverProvider);
      const uri = pathToFileURL(path.join(shop, 'order.entry.jkopay.json')).href;
      const text = fs.readFileSync(path.join(shop, 'order.entry.jkopay.json'), 'utf8');
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jkopay', version: 1, text } });
      const diagnostics = await server.diagnostics(uri, 1);
      assert.ok(diagnostics.some((d) => d.code === 'currency-precision'));
    } finally {
      await server.stop();
    }
  });

  it('publint and @arethetypeswrong/cli find nothing to report in the tarball', () => {
    const lint = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { publint } from 'publint';
         import { formatMessage } from 'publint/utils';
         import { readFileSync } from 'node:fs';
         const tarball = readFileSync(process.argv[1]);
         const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.length) }, level: 'suggestion' });
         for (const m of messages) console.log(m.type + ': ' + formatMessage(m, pkg));`,
        tarball,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(lint.status, 0, lint.stderr);
    assert.equal(lint.stdout, '', 'publint reports nothing');
    const attw = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json'],
      {
        cwd: tmp,
        encoding: 'utf8',
      },
    );
    const analysis = JSON.parse(attw.stdout).analysis as { problems: unknown[] };
    assert.deepEqual(analysis.problems, []);
    assert.equal(attw.status, 0, attw.stderr);
  });
});
