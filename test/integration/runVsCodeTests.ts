/**
 * `npm run test:vscode`: the tests in a real VS Code. Prepares the test host (test-host/setup.sh
 * installs chromium and code-server when missing), builds the VSIX with `npm run package`, then
 * makes two VS Code launches:
 *  1. the extension-host suite (test/integration/suite) through @vscode/test-electron's runTests,
 *     with test-host/code.js as the VS Code executable and the fixture workspace open;
 *  2. the end-to-end test (test/integration/e2e), which installs the VSIX and drives the
 *     workbench with playwright as a person would, in English and in Traditional Chinese.
 * Prints `N passed, N failed` for each launch and for the whole.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import Mocha from 'mocha';

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

/** Launch 1. Its counts come from the suite's own `N passed, N failed` line; a failure rejects. */
async function runExtensionHostSuite(): Promise<boolean> {
  try {
    await runTests({
      vscodeExecutablePath: path.join(ROOT, 'test-host/code.js'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'suite/index.js'),
      launchArgs: [path.join(ROOT, 'test/integration/fixtures/workspace')],
    });
    return true;
  } catch (e) {
    console.error(`extension-host suite: ${(e as Error).message}`);
    return false;
  }
}

/** Launch 2, run with mocha in this process. */
function runEndToEnd(vsix: string): Promise<{ passes: number; failures: number }> {
  process.env.JKOPAY_TEST_VSIX = vsix;
  const mocha = new Mocha({ timeout: 120000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(OUT, 'e2e/workbench.e2e.js'));
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`${passes} passed, ${failures} failed`);
      resolve({ passes, failures });
    });
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  setUpHost();
  const vsix = packageVsix();
  const suiteOk = await runExtensionHostSuite();
  const e2e = await runEndToEnd(vsix);
  fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
  console.log(`real VS Code tests: ${((Date.now() - started) / 1000).toFixed(0)} s, extension-host suite ${suiteOk ? 'passed' : 'FAILED'}, end-to-end ${e2e.failures ? 'FAILED' : 'passed'}`);
  return suiteOk && e2e.failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
