/**
 * The extension-host tests of the launch with workspace trust on (the folder opens untrusted,
 * in restricted mode): only suite/runnerUntrusted.test.js, after checking that the window really
 * is untrusted — otherwise the tests would prove nothing. Prints `N passed, N failed`.
 */
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  if (vscode.workspace.isTrusted) return Promise.reject(new Error('this launch must open the folder untrusted (workspace trust on)'));
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, '../suite/runnerUntrusted.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`${passes} passed, ${failures} failed`);
      if (failures || passes === 0) reject(new Error(`${failures} untrusted-workspace test(s) failed, ${passes} passed`));
      else resolve();
    });
  });
}
