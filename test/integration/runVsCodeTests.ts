/**
 * `npm run test:vscode`: the tests in a real VS Code. Prepares the test host (test-host/setup.sh
 * installs chromium and code-server when missing), builds the VSIX with `npm run package`, then
 * makes three VS Code launches:
 *  1. the extension-host suite (test/integration/suite) through @vscode/test-electron's runTests,
 *     with test-host/code.js as the VS Code executable and the fixture workspace open;
 *  2. the same way, with workspace trust on so that the fixture workspace opens untrusted: the
 *     restricted-mode tests (test/integration/untrusted);
 *  3. the end-to-end tests (every file of test/integration/e2e), which install the VSIX and drive
 *     the workbench with playwright as a person would, in English and in Traditional Chinese;
 *  4. the big-file timing (test/integration/timing): a fresh window on a temporary folder holding
 *     copies of a 15,000-line TypeScript file, whose first diagnostics are timed beside
 *     `jkopay check` and printed.
 * Meanwhile a decoy `jkopay mock` holds port 8917 (when free) with the fixture's order already paid
 * (decoyMock.ts): the tests start their own mock on a free port, and the run fails if any of them
 * reached the decoy. Prints `N passed, N failed` for each launch and for the whole.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import Mocha from 'mocha';
import { bigSourceFile } from '../support/bigSourceFile';
import { startDecoy } from './decoyMock';

const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, 'out/test/integration');

function setUpHost(): void {
  execFileSync(path.join(ROOT, 'test-host/setup.sh'), { stdio: 'inherit' });
}

function packageVsix(): string {
  const vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-vsix-')), 'jkopay-tools.vsix');
  execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

/** Launches 1 and 2. Their counts come from the suites' own `N passed, N failed` lines; a failure rejects. */
async function runExtensionHostSuite(
  name: string,
  index: string,
  extraArgs: string[] = [],
  folder = path.join(ROOT, 'test/integration/fixtures/workspace'),
): Promise<boolean> {
  try {
    await runTests({
      vscodeExecutablePath: path.join(ROOT, 'test-host/code.js'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, index),
      launchArgs: [folder, ...extraArgs],
    });
    return true;
  } catch (e) {
    console.error(`${name}: ${(e as Error).message}`);
    return false;
  }
}

/** Launch 3, run with mocha in this process: each e2e file starts and stops its own server. */
function runEndToEnd(vsix: string): Promise<{ passes: number; failures: number }> {
  process.env.JKOPAY_TEST_VSIX = vsix;
  const mocha = new Mocha({ timeout: 120000, color: false, reporter: 'spec' });
  for (const file of fs
    .readdirSync(path.join(OUT, 'e2e'))
    .filter((f) => f.endsWith('.e2e.js'))
    .sort()
    .reverse())
    mocha.addFile(path.join(OUT, 'e2e', file));
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`${passes} passed, ${failures} failed`);
      resolve({ passes, failures });
    });
  });
}

/** Launch 4, on a temporary folder holding three copies of the big file (removed afterwards). */
async function runBigFileTiming(): Promise<boolean> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-big-file-'));
  try {
    const { text } = bigSourceFile(300, 15_000);
    for (const name of ['big-cold.ts', 'big-warm-1.ts', 'big-warm-2.ts']) fs.writeFileSync(path.join(folder, name), text);
    return await runExtensionHostSuite('big-file timing', 'timing/index.js', [], folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  setUpHost();
  const vsix = packageVsix();
  const decoy = await startDecoy(ROOT);
  const suiteOk = await runExtensionHostSuite('extension-host suite', 'suite/index.js');
  const untrustedOk = await runExtensionHostSuite('untrusted-workspace suite', 'untrusted/index.js', ['--jkopay-workspace-trust']);
  const e2e = await runEndToEnd(vsix);
  const timingOk = await runBigFileTiming();
  fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
  await decoy?.close();
  const hermetic = !decoy || decoy.hits.length === 0;
  if (!hermetic) console.error(`decoy on 8917 was reached by the tests: ${decoy!.hits.map((h) => `${h.method} ${h.path}`).join(', ')}`);
  const word = (ok: boolean) => (ok ? 'passed' : 'FAILED');
  console.log(
    `real VS Code tests: ${((Date.now() - started) / 1000).toFixed(0)} s, extension-host suite ${word(suiteOk)}, untrusted-workspace suite ${word(untrustedOk)}, end-to-end ${word(e2e.failures === 0)}, big-file timing ${word(timingOk)}, ${decoy ? `decoy on 8917 ${hermetic ? 'untouched' : 'REACHED'}` : 'no decoy (8917 taken)'}`,
  );
  return suiteOk && untrustedOk && e2e.failures === 0 && timingOk && hermetic ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
