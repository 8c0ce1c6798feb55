/**
 * How many random cases a fuzz suite runs: a few with a fixed seed in the test suite, many from a
 * fresh seed under `npm run fuzz` (fast-check prints the seed with any failure, to replay with
 * FUZZ_SEED); FUZZ_RUNS and FUZZ_SEED override both.
 */
const LONG = process.env.npm_lifecycle_event === 'fuzz';
const SEED = Number(process.env.FUZZ_SEED ?? (LONG ? Date.now() : 20261130));

/** The suite's run count (`longRuns` under `npm run fuzz`), and fast-check's parameters for `runs` cases. */
export function fuzzRuns(longRuns: number) {
  const runs = Number(process.env.FUZZ_RUNS ?? (LONG ? longRuns : 60));
  return { runs, params: (count = runs) => ({ numRuns: count, seed: SEED, endOnFailure: true }) };
}
