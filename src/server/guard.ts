/**
 * Wraps a request handler so that it honours cancellation and never lets an internal error reach
 * the client: a failing handler answers its safe default (no hover, no edits…) and the error is
 * logged once per handler, so that a bug hit on every keystroke cannot flood the log or make the
 * client restart the server in a loop.
 */
import type { CancellationToken } from 'vscode-languageserver';

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export class HandlerGuard {
  private readonly failed = new Set<string>();

  constructor(private readonly logError: (message: string) => void) {}

  wrap<P, R>(name: string, fallback: R, handler: Handler<P, R>): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      if (token.isCancellationRequested) return fallback;
      try {
        const result = await handler(params, token);
        return token.isCancellationRequested ? fallback : result;
      } catch (e) {
        this.report(name, e);
        return fallback;
      }
    };
  }

  /** Logs the first failure of `name` only: the same bug would otherwise be logged on every keystroke. */
  report(name: string, error: unknown): void {
    if (this.failed.has(name)) return;
    this.failed.add(name);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logError(`jkopay: ${name} failed (further failures of it are not logged): ${detail}`);
  }
}
