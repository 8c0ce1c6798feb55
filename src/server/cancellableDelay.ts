/**
 * Waits `ms` milliseconds, resolving early with `false` when the token is cancelled: how a
 * pull-diagnostics request debounces without holding on to a version the user already changed.
 */
import type { CancellationToken } from 'vscode-languageserver';

export function cancellableDelay(ms: number, token: CancellationToken): Promise<boolean> {
  if (token.isCancellationRequested) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const listener = token.onCancellationRequested(() => {
      clearTimeout(timer);
      resolve(false);
    });
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(true);
    }, ms);
  });
}
