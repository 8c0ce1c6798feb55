/**
 * Which open documents' diagnostics depend on another file: result-code coverage reads the module
 * a handler imports its JKOPay client from (`import { gateway } from './jkopay'`), so when that
 * module changes, the handler's findings may change although its own text did not. Each check
 * records the files it read; a change of one of them bumps the stamp of every document that read
 * it, and the stamp is part of the pull result id, so that the client's next pull checks it again.
 */
import type { FileReader } from '../core';

export class ImportDependents {
  /** The files each document's last check read, by document URI. */
  private readonly reads = new Map<string, ReadonlySet<string>>();
  /** Bumped for a document each time a file it read changes. */
  private readonly stamps = new Map<string, number>();
  /** The files read by the check running now (checks are synchronous: one at a time). */
  private reading: Set<string> | undefined;

  /** `read`, recording what the running check reads. */
  reader(read: FileReader): FileReader {
    return (uri) => {
      this.reading?.add(uri);
      return read(uri);
    };
  }

  /** Runs the check of the document at `uri`, and keeps what it read. */
  record<T>(uri: string, check: () => T): T {
    const reading = new Set<string>();
    this.reading = reading;
    try {
      return check();
    } finally {
      this.reading = undefined;
      if (reading.size) this.reads.set(uri, reading);
      else this.reads.delete(uri);
    }
  }

  /** The file at `uri` changed (its text, or which version is read: the editor's or the disk's): the documents that read it. */
  changed(uri: string): string[] {
    const stale: string[] = [];
    for (const [document, files] of this.reads)
      if (document !== uri && files.has(uri)) {
        this.stamps.set(document, this.stamp(document) + 1);
        stale.push(document);
      }
    return stale;
  }

  stamp(uri: string): number {
    return this.stamps.get(uri) ?? 0;
  }

  /** The document was closed: its next opening is checked anew. */
  forget(uri: string): void {
    this.reads.delete(uri);
  }
}
