/**
 * Bounds of every duration a user can set (a flag, a setting, a config file). Node's timers take
 * at most 2³¹−1 ms and fire at once beyond it, so an unchecked huge value becomes "no wait at all"
 * (a timeout that fails at once, a retry loop without delay). Each kind of duration has a
 * documented maximum well below that; values above it are refused (flags, config files) or
 * clamped (settings, whose schema states the range), and every timer is clamped once more.
 */

/** The largest delay node's setTimeout honours. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** `send --timeout`, `jkopay.request.timeoutSeconds`: 5 minutes (the setting's schema maximum, 300 s). */
export const MAX_REQUEST_TIMEOUT_MS = 300_000;

/** A delay or deadline safe to hand to setTimeout: a finite whole number of ms in [min, max], never above MAX_TIMER_MS. */
export function clampMs(ms: number, min: number, max: number = MAX_TIMER_MS): number {
  const top = Math.min(max, MAX_TIMER_MS);
  if (Number.isNaN(ms)) return min;
  return Math.min(top, Math.max(min, Math.round(ms)));
}

/** The request deadline from `jkopay.request.timeoutSeconds`: clamped to 1–300 s; the default when unset or not a number. */
export function requestTimeoutFromSeconds(seconds: unknown, defaultMs: number): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return defaultMs;
  return clampMs(seconds * 1000, 1000, MAX_REQUEST_TIMEOUT_MS);
}
