/**
 * How the time of a computation grows from n to 16n, for the tests that prove a cost is linear: a
 * linear cost grows about 16×, a quadratic one 256×, and the limit (48×) is far from both, so that
 * neither a busy machine nor a garbage collection in one run can turn one into the other (a 4n
 * comparison under 6× failed by chance: 1.6 ms against 12.6 ms). Both sizes are warmed up, then
 * timed in turns; the best time of each size so far counts, and the small size is floored at 2 ms
 * so timer noise cannot fake a ratio. Timing stops as soon as the ratio is under the limit after a
 * few pairs: a linear cost is usually proven by then, and a quadratic one fails every pair.
 */
export interface Growth {
  /** Best times, in ms. */
  small: number;
  large: number;
  ratio: number;
}

/** The factor between the two sizes, and the growth that fails. */
export const GROWTH_FACTOR = 16;
export const GROWTH_LIMIT = 48;

export function growth(run: (n: number) => void, n: number, limit = GROWTH_LIMIT): Growth {
  // Warmed up until the code is compiled: a slow first run of the small size would make any growth look small.
  for (let i = 0; i < 3; i++) run(n);
  run(GROWTH_FACTOR * n);
  let small = Infinity;
  let large = Infinity;
  let ratio = Infinity;
  for (let pair = 0; pair < MAX_PAIRS && (pair < MIN_PAIRS || ratio >= limit); pair++) {
    small = Math.min(
      small,
      timed(() => run(n)),
    );
    large = Math.min(
      large,
      timed(() => run(GROWTH_FACTOR * n)),
    );
    ratio = large / Math.max(small, 2);
  }
  return { small, large, ratio };
}

const MIN_PAIRS = 3;
const MAX_PAIRS = 15;

/** One run's time, in ms. */
function timed(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
