/**
 * Waits until `condition` holds, checking every few milliseconds, for at most `ms` (10 s: far more
 * than a busy machine needs for what the tests wait for, a callback or a first line, and under
 * mocha's 20 s). It returns as soon as the condition holds, so a fast machine waits no longer; the
 * caller's assertions then say what did not happen. A fixed short budget (100 × 10 ms) failed the
 * tests on a loaded machine only.
 */
export async function waitUntil(condition: () => boolean, ms = 10_000, every = 5): Promise<void> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, every));
}
