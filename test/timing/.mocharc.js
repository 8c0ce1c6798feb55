// The growth tests (a cost must stay linear: n → 16n may take at most 48× the time) run on their
// own, one file after the other, after the parallel run of the other suites (`npm run test:unit`):
// next to other tests' processes, their garbage collection costs more in one run than in another.
module.exports = {
  spec: ['out/test/timing/**/*.test.js'],
  reporter: 'out/test/support/summaryReporter.js',
  timeout: 120000,
};
