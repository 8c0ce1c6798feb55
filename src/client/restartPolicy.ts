/**
 * What the client does when the language server dies or its connection fails: restart it, unless
 * it died too often lately (a crash on start-up would otherwise loop forever). Each decision is
 * written to the JKOPay log so that a user can tell why checking stopped.
 */
import * as vscode from 'vscode';
import { CloseAction, type CloseHandlerResult, ErrorAction, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** More deaths than this within the window means something is broken: stop and say so. */
const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy implements ErrorHandler {
  private readonly deaths: number[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.log.error(`Connection to the language server failed: ${error.message}`);
    // A few failed writes can be a passing hiccup; repeated ones mean the connection is gone.
    return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.deaths.push(now);
    while (this.deaths.length && this.deaths[0] < now - WINDOW_MS) this.deaths.shift();
    if (this.deaths.length > MAX_RESTARTS) {
      const message = vscode.l10n.t(
        'The JKOPay language server stopped {0} times in 3 minutes and will not be restarted. Use "JKOPay: Restart Language Server" to try again.',
        this.deaths.length,
      );
      this.log.error(message);
      return { action: CloseAction.DoNotRestart, message };
    }
    this.log.warn('The language server stopped; restarting it.');
    return { action: CloseAction.Restart, handled: true };
  }

  /** A restart asked for by the user starts a fresh count. */
  reset(): void {
    this.deaths.length = 0;
  }
}
