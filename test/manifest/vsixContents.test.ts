/**
 * What the VSIX holds, as vsce lists it for `npm run package` (the same .vscodeignore, no
 * dependencies): the bundles, grammar, snippets, icons and translations the extension runs, the
 * README with every image it shows on the extension page, LICENSE and CHANGELOG; and nothing of
 * the sources, tests, source maps or development files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles } from '@vscode/vsce';

const ROOT = path.join(__dirname, '../../..');

/** vsce's "no dependencies" package manager (PackageManager.None), as `--no-dependencies` packages. */
const NO_DEPENDENCIES = 2;

describe('VSIX contents', function () {
  this.timeout(60000);
  let files: string[];

  before(async () => {
    files = (await listFiles({ cwd: ROOT, packageManager: NO_DEPENDENCIES })).map((f) => f.split(path.sep).join('/')).sort();
  });

  it('holds what the installed extension runs', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const needed = [
      'package.json',
      'package.nls.json',
      'package.nls.zh-tw.json',
      manifest.main.replace(/^\.\//, ''),
      'dist/server.js',
      'dist/webview.js',
      'dist/webview.css',
      'l10n/bundle.l10n.zh-tw.json',
      manifest.icon,
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path.replace(/^\.\//, '')),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path.replace(/^\.\//, '')),
      ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration.replace(/^\.\//, '')),
    ];
    for (const file of needed) assert.ok(files.includes(file), `${file} is missing from the VSIX`);
  });

  it('holds the README, every image it shows, LICENSE and CHANGELOG', () => {
    for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) assert.ok(files.includes(file), `${file} is missing from the VSIX`);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
    assert.ok(images.length > 0, 'the README shows screenshots');
    for (const image of images) assert.ok(files.includes(path.posix.normalize(image)), `the README shows ${image}, which is not in the VSIX`);
    assert.match(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
  });

  it('holds no sources, tests, source maps, TypeScript compiler or development files', () => {
    const forbidden = [/^src\//, /^test\//, /^test-host\//, /^out\//, /^bench\//, /^scripts\//, /^node_modules\//, /^\.vscode\//, /^\.ci\//, /\.map$/, /\.ts$/, /^dist\/cli\.js$/, /tsconfig/, /^esbuild\.mjs$/, /\.vsix$/];
    const wrong = files.filter((file) => forbidden.some((pattern) => pattern.test(file)));
    assert.deepEqual(wrong, []);
  });
});
