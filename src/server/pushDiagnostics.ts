/**
 * Diagnostics for clients without pull diagnostics (Neovim before 0.10, Helix):
 * after each change a document waits a quiet time (debounce, per document), then its current
 * version is checked and published with that version. A change during the wait restarts the
 * wait, so older versions are never checked or published.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface PushTarget {
  current(uri: string): TextDocument | undefined;
  validate(document: TextDocument): Diagnostic[];
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
}

export class PushDiagnostics {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly target: PushTarget,
    /** The quiet time after a change, in ms (see PUSH_DIAGNOSTICS_DELAY). */
    private readonly delayMs: number,
  ) {}

  schedule(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => this.run(uri), this.delayMs),
    );
  }

  /** Stops checking a closed document and clears what was published for it. */
  close(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.target.publish(uri, undefined, []);
  }

  private run(uri: string): void {
    this.pending.delete(uri);
    const document = this.target.current(uri);
    if (!document) return;
    this.target.publish(uri, document.version, this.target.validate(document));
  }
}
