/**
 * Parsed payload documents, keyed by URI and version, so that hover, completion, symbols and
 * validation of one version parse its text once, and a new version of a source re-parses from
 * the last one. Bounded (least recently used goes first):
 * an editor may open many files, and only the ones being worked on need to stay parsed.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PayloadDocument } from '../core/model';

export class DocumentCache {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, { version: number; doc: PayloadDocument }>();

  constructor(
    /** Given the previous version's parse, a source is re-parsed incrementally (and that parse is consumed). */
    private readonly parse: (document: TextDocument, previous: PayloadDocument | undefined) => PayloadDocument,
    private readonly capacity = 32,
  ) {}

  get(document: TextDocument): PayloadDocument {
    const hit = this.entries.get(document.uri);
    this.entries.delete(document.uri);
    const entry = hit?.version === document.version ? hit : { version: document.version, doc: this.parse(document, hit?.doc) };
    this.entries.set(document.uri, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return entry.doc;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
