/**
 * The launch that times a big file (issue 21): a fresh window whose folder holds only copies of
 * the 15,000-line TypeScript file of test/support/bigSourceFile.ts, so that the first thing the
 * extension does is open it (a cold window: activation, server start, parser load, check), then a
 * copy of it again (the server warm). Runs bigFile.test.js and prints `N passed, N failed`.
 */
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'bigFile.test.js'));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`${passes} passed, ${failures} failed`);
      if (failures || passes === 0) reject(new Error(`${failures} timing test(s) failed, ${passes} passed`));
      else resolve();
    });
  });
}
