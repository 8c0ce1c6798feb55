#!/usr/bin/env node
// A `code` command line for tests: takes the VS Code arguments that @vscode/test-electron's
// runTests passes (--extensionDevelopmentPath, --extensionTestsPath, a folder; others are
// ignored) plus --install-extension, --timeout=<seconds> and --jkopay-workspace-trust (open the
// folder untrusted, for the restricted-mode tests), runs the extension tests in the real VS Code of
// host.js and exits with their exit code. A time limit and a process-group kill keep a hung
// run from blocking CI.
'use strict';
const { format } = require('node:util');
const host = require('./host');

const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'install-extension', 'timeout']);

function parse(argv) {
  const options = { installExtension: [], folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) {
      options.folder ??= arg;
      continue;
    }
    const [, name, inline] = match;
    if (name === 'jkopay-workspace-trust') {
      options.workspaceTrust = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) continue;
    const value = inline ?? argv[++i];
    if (name === 'install-extension') options.installExtension.push(value);
    else options[name] = value;
  }
  return options;
}

async function main() {
  const options = parse(process.argv.slice(2));
  if (!options.extensionTestsPath || !options.extensionDevelopmentPath) {
    console.error('code.js: --extensionDevelopmentPath and --extensionTestsPath are required');
    return 2;
  }
  const timeoutMs = Number(options.timeout ?? 300) * 1000;
  const verbose = process.env.JKOPAY_TEST_VERBOSE === '1';
  // Trust on and never asked about: the folder stays untrusted for the whole run.
  const dirs = host.makeScratch(
    options.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {},
  );
  let server;
  let browser;
  try {
    for (const vsix of options.installExtension) host.installExtension(dirs, vsix);
    server = await host.startServer(dirs, {
      log: (line) => verbose && console.log(`[server] ${line}`),
      workspaceTrust: options.workspaceTrust,
    });
    browser = await host.launchBrowser();
    const page = await browser.newPage();
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host forwards console calls as they were made: a format string and its values.
      const text = format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    if (verbose) page.on('console', (m) => console.log(`[browser] ${m.text()}`));
    await page.goto(
      host.workbenchUrl(server, options.folder, [
        ['extensionDevelopmentPath', server.remoteUri(options.extensionDevelopmentPath)],
        ['extensionTestsPath', server.remoteUri(options.extensionTestsPath)],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
      ]),
    );
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => {
        console.error(`code.js: no result within ${timeoutMs / 1000} s`);
        resolve(1);
      }, timeoutMs);
    });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    return code;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    host.removeScratch(dirs);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`code.js: ${error.stack ?? error}`);
    process.exit(1);
  },
);
