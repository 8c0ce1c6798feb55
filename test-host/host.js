// The real VS Code used by the tests: VS Code's server + web build (inside the npm package
// code-server 4.100.3, VS Code 1.100.3, the newest that runs on Node 20), opened in a headless
// Debian chromium through playwright-core. No download: everything comes from npm and apt.
// Used by code.js (the VS Code-like command line that @vscode/test-electron runs) and by the
// end-to-end test, which drives the same workbench as a person would.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const VSCODE_DIR = path.join(__dirname, 'node_modules/code-server/lib/vscode');
const SERVER_MAIN = path.join(VSCODE_DIR, 'out/server-main.js');
const CHROMIUM = process.env.JKOPAY_TEST_CHROMIUM || '/usr/bin/chromium';

/** Fresh, throw-away user data, extensions and server data folders, with quiet test settings. */
function makeScratch(settings = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-vscode-'));
  const dirs = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    serverDataDir: path.join(root, 'server-data'),
  };
  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userDataDir, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'workbench.tips.enabled': false,
      'extensions.ignoreRecommendations': true,
      // The tests' own mock, on a free port: never whatever listens on 8917 (a developer's
      // `jkopay mock`, or the decoy runVsCodeTests starts there to prove this).
      'jkopay.mock.port': 0,
      ...settings,
    }),
  );
  // The display language then follows the browser's (Accept-Language, or the `vscode.nls.locale`
  // cookie): without this file the server falls back to English whatever the browser says.
  fs.writeFileSync(path.join(dirs.userDataDir, 'User/argv.json'), '{}');
  return dirs;
}

function serverArgs(dirs) {
  return [
    '--accept-server-license-terms',
    '--user-data-dir',
    dirs.userDataDir,
    '--extensions-dir',
    dirs.extensionsDir,
    '--server-data-dir',
    dirs.serverDataDir,
  ];
}

/** Installs a .vsix as a user would (`code --install-extension`); a folder is not accepted. */
function installExtension(dirs, vsix) {
  execFileSync(process.execPath, [SERVER_MAIN, ...serverArgs(dirs), '--install-extension', vsix, '--force'], {
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  registerLanguagePacks(dirs);
}

/**
 * Registers the installed language packs in `<user data>/languagepacks.json`, as the running
 * server does after installing one. The command-line installer skips that step, and without it
 * the server cannot serve any display language but English.
 */
function registerLanguagePacks(dirs) {
  const packs = {};
  for (const name of fs.readdirSync(dirs.extensionsDir)) {
    const folder = path.join(dirs.extensionsDir, name);
    const manifestPath = path.join(folder, 'package.json');
    if (!fs.existsSync(manifestPath)) continue;
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    for (const localization of manifest.contributes?.localizations ?? []) {
      const pack = (packs[localization.languageId] ??= {
        hash: '',
        extensions: [],
        translations: {},
        label: localization.localizedLanguageName ?? localization.languageName,
      });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      for (const t of localization.translations) pack.translations[t.id] = path.join(folder, t.path);
    }
  }
  // The hash names the folder of generated translations; VS Code derives it from ids and versions.
  for (const pack of Object.values(packs)) {
    const hash = crypto.createHash('md5');
    for (const e of pack.extensions) hash.update(e.extensionIdentifier.id).update(e.version);
    pack.hash = hash.digest('hex');
  }
  fs.writeFileSync(path.join(dirs.userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, ms) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`VS Code server did not answer ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts the VS Code server in its own process group (its extension hosts and language servers
 * are its children and outlive it otherwise). `log` receives its output, line by line;
 * `workspaceTrust` turns workspace trust on, so that the folder opens in restricted mode.
 */
async function startServer(dirs, { log = () => {}, workspaceTrust = false } = {}) {
  const port = await freePort();
  const args = [
    SERVER_MAIN,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    // With trust on (the untrusted-workspace tests), the opened folder starts untrusted.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...serverArgs(dirs),
  ];
  // EXTENSIONS_GALLERY={} turns off the Open VSX gallery, which cannot be reached offline.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const line of lines) log(line);
    });
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitForHttp(`${url}/version`, 30000),
    exited.then(() => Promise.reject(new Error('VS Code server exited on start'))),
  ]);
  return {
    port,
    url,
    /** `vscode-remote://` URI of a local path, as the workbench's payload wants it. */
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`,
    async stop() {
      const kill = (signal) => {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // the group is gone already
        }
      };
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
      // Extension hosts may still be closing: make sure nothing of the group survives.
      kill('SIGKILL');
    },
  };
}

/** A headless chromium. A browser context's `locale` sets VS Code's display language (see makeScratch). */
async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The workbench URL for a folder, with VS Code's test payload (development extension, tests) when given. */
function workbenchUrl(server, folder, payload) {
  const query = new URLSearchParams();
  if (folder) query.set('folder', path.resolve(folder));
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}

function removeScratch(dirs) {
  fs.rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

module.exports = { makeScratch, installExtension, startServer, launchBrowser, workbenchUrl, removeScratch, VSCODE_DIR };
