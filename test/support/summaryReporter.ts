/**
 * Mocha's spec reporter plus a closing `N passed, N failed` line: the plain summary that CI's
 * log reader recognises (mocha's own "N passing" is not one it reads).
 */
import Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

export = SummaryReporter;
