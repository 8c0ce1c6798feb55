// Mocha's configuration for `npm run test:unit`: the unit, LSP and manifest suites (the real-VS-Code
// suites run on their own, see test/integration). The spec files run in parallel, one worker per
// core and one more (many suites wait on real deadlines, sockets and child processes; the extra
// worker runs in those waits: about 25 → 22 s on 2 cores); dist/ is built once beforehand by the global
// setup in buildBundles.
const os = require('node:os');

// The tests start dozens of Node processes (the CLI, the language server, library programs) and
// reach nothing beyond this machine: an extra CA bundle set for the machine (NODE_EXTRA_CA_CERTS)
// would only make every one of them parse it at start-up, about 55 ms each here.
delete process.env.NODE_EXTRA_CA_CERTS;

module.exports = {
  spec: ['out/test/unit/**/*.test.js', 'out/test/lsp/**/*.test.js', 'out/test/manifest/**/*.test.js'],
  reporter: 'out/test/support/summaryReporter.js',
  timeout: 20000,
  require: ['out/test/support/buildBundles.js'],
  parallel: true,
  jobs: os.availableParallelism() + 1,
};
