/**
 * Parsed payload documents, keyed by URI and version, so that hover, completion, code actions,
 * symbols, folding and diagnostics of one version share one parse, and a new version re-parses
 * from the last one: incrementally, from the edits the client sent since (recorded by
 * `noteChanges`, which the server's TextDocuments calls on every didChange). Recording the
 * client's ranged changes costs nothing, where finding the changed span by comparing two versions
 * of a multi-megabyte file costs a pass over both; when versions were skipped or a change came as
 * full text, the core compares the texts instead.
 * Bounded (least recently used goes first): an editor may open many files, and only the ones being
 * worked on need to stay parsed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type PayloadDocument, mergeChanges, type TextChange } from '../core';

/** The edits that took a document from version `from` to version `to`, merged into one span. */
interface PendingChange {
  from: number;
  to: number;
  change: TextChange;
}

export class DocumentCache {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, { version: number; doc: PayloadDocument }>();
  private readonly pending = new Map<string, PendingChange>();

  constructor(
    /** Given the previous version's parse (and the edit since, if known), re-parses incrementally; that parse is consumed. */
    private readonly parse: (
      document: TextDocument,
      previous: PayloadDocument | undefined,
      change: TextChange | undefined,
    ) => PayloadDocument,
    private readonly capacity = 32,
  ) {}

  get(document: TextDocument): PayloadDocument {
    const hit = this.entries.get(document.uri);
    this.entries.delete(document.uri);
    let entry = hit;
    if (hit?.version !== document.version) {
      const pending = this.pending.get(document.uri);
      const change = pending && hit && pending.from === hit.version && pending.to === document.version ? pending.change : undefined;
      this.pending.delete(document.uri);
      entry = { version: document.version, doc: this.parse(document, hit?.doc, change) };
    }
    this.entries.set(document.uri, entry!);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
      this.pending.delete(oldest);
    }
    return entry!.doc;
  }

  /**
   * Records an edit that takes `uri` from version `from` to `to` (offsets in the text of `from`).
   * Edits between checks are merged, so that the next parse knows everything that changed.
   */
  noteChange(uri: string, from: number, to: number, change: TextChange): void {
    const pending = this.pending.get(uri);
    if (pending && pending.to === from) this.pending.set(uri, { from: pending.from, to, change: mergeChanges(pending.change, change) });
    else this.pending.set(uri, { from, to, change });
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.pending.delete(uri);
  }

  /** Forgets every parse: the settings they were made under (which literals are payloads) changed. */
  clear(): void {
    this.entries.clear();
    this.pending.clear();
  }
}
