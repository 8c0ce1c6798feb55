/**
 * What the VSIX holds, as vsce lists it for `npm run package` (package.json's `files`, the list the
 * npm package is packed from too, the readme path and no dependencies): the bundles, grammar,
 * snippets, icons and translations the extension runs, the README with every image it shows
 * embedded (the extension page loads only https: and data: images; the e2e test runner.e2e.ts looks
 * at them on the real page), LICENSE and CHANGELOG; besides them, what the npm package runs (the CLI,
 * the library and its declarations, the request schemas); and nothing of the sources, tests, source
 * maps or development files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { listFiles } from '@vscode/vsce';

const ROOT = path.join(__dirname, '../../..');

/** vsce's "no dependencies" package manager (PackageManager.None), as `--no-dependencies` packages. */
const NO_DEPENDENCIES = 2;

describe('VSIX contents', function () {
  this.timeout(60000);
  let files: string[];
  let build: { VSIX_README: string; vsixReadme(): string };

  before(async () => {
    build = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as typeof build;
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(manifest.scripts.package.includes(`--readme-path ${build.VSIX_README}`), 'npm run package gives vsce the VSIX README');
    const listed = await listFiles({ cwd: ROOT, packageManager: NO_DEPENDENCIES, readmePath: build.VSIX_README } as Parameters<
      typeof listFiles
    >[0]);
    files = listed.map((f) => f.split(path.sep).join('/')).sort();
  });

  it('holds what the installed extension runs', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const needed = [
      'package.json',
      'package.nls.json',
      'package.nls.zh-tw.json',
      manifest.main.replace(/^\.\//, ''),
      'dist/server.js',
      'dist/typescript.js',
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

  it('holds the README with every image it shows embedded, LICENSE and CHANGELOG', () => {
    for (const file of [build.VSIX_README, 'LICENSE', 'CHANGELOG.md']) assert.ok(files.includes(file), `${file} is missing from the VSIX`);
    const images = (text: string) => [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    const shown = images(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    assert.ok(shown.length >= 3, 'the README shows screenshots');
    const packaged = images(build.vsixReadme());
    assert.equal(packaged.length, shown.length);
    for (const src of packaged) assert.match(src.slice(0, 40), /^(data:image\/png;base64,|https:)/, 'an image the extension page can load');
    assert.match(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
  });

  it('holds no sources, tests, source maps, node_modules or development files', () => {
    const forbidden = [
      /^README\.md$/,
      /^docs\//,
      /^src\/(?!data\/schemas\/\w+\.schema\.json$)/,
      /^test\//,
      /^test-host\//,
      /^out\//,
      /^bench\//,
      /^scripts\//,
      /^node_modules\//,
      /^\.vscode\//,
      /^\.ci\//,
      /\.map$/,
      /(?<!\.d)\.ts$/,
      /tsconfig/,
      /^esbuild\.mjs$/,
      /\.vsix$/,
    ];
    const wrong = files.filter((file) => forbidden.some((pattern) => pattern.test(file)));
    assert.deepEqual(wrong, []);
  });
});
