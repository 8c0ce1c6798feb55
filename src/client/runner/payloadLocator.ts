/**
 * Finds the payloads of an editor document with the same core parser the language server uses
 * (payload files and object literals in TS/JS), and picks the one to send: the one at the
 * cursor, else the only one, else the user's choice. Runs in the extension host; documents
 * are parsed again only when their version changed.
 */
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageService } from '../../core/languageService';
import { nodeEnd, type Payload, type PayloadDocument } from '../../core/model';

export interface LocatedPayload {
  payload: Payload;
  /** Index among the document's payloads, as CodeLens arguments and history name it. */
  index: number;
  range: vscode.Range;
}

export class PayloadLocator {
  private readonly service: LanguageService = getLanguageService();
  private readonly cache = new Map<string, { version: number; doc: PayloadDocument }>();

  /** The document's payload model, parsed with the user's source-detection settings. */
  parse(document: vscode.TextDocument): PayloadDocument {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached.doc;
    const source = vscode.workspace.getConfiguration('jkopay.source', document.uri);
    this.service.configure({
      sourceDetection: { markers: source.get('markers') !== false, types: source.get('types') !== false, keys: source.get('keys') !== false },
    });
    const text = TextDocument.create(key, document.languageId, document.version, document.getText());
    const doc = this.service.parseDocument(text);
    // A handful of open documents is the working set; older entries are simply parsed again.
    if (this.cache.size > 20) this.cache.clear();
    this.cache.set(key, { version: document.version, doc });
    return doc;
  }

  /** How many errors the checker finds inside the payload (a syntax error anywhere counts too). */
  errorCount(document: vscode.TextDocument, located: LocatedPayload): number {
    const text = TextDocument.create(document.uri.toString(), document.languageId, document.version, document.getText());
    const currency = vscode.workspace.getConfiguration('jkopay', document.uri).get<string>('defaultCurrency', 'TWD');
    this.service.configure({ defaultCurrency: currency });
    const start = located.payload.node.offset;
    const end = nodeEnd(located.payload.node);
    return this.service.doValidation(text, this.parse(document)).filter((d) => {
      if (d.severity !== DiagnosticSeverity.Error) return false;
      const offset = text.offsetAt(d.range.start);
      return d.code === 'syntax-error' || (offset >= start && offset < end);
    }).length;
  }

  /** Every payload of the document that is a request (saved responses have nothing to send). */
  requests(document: vscode.TextDocument): LocatedPayload[] {
    return this.parse(document)
      .payloads.map((payload, index) => ({ payload, index, range: toRange(document, payload) }))
      .filter((p) => p.payload.kind !== 'response');
  }

  /**
   * The payload to send: `index` when given; else the one holding the cursor; else the only one;
   * else the user picks (undefined when they cancel or there is none).
   */
  async choose(document: vscode.TextDocument, cursor: vscode.Position | undefined, index?: number): Promise<LocatedPayload | undefined> {
    const all = this.requests(document);
    if (index !== undefined) return all.find((p) => p.index === index);
    if (cursor) {
      const offset = document.offsetAt(cursor);
      const here = all.filter((p) => p.payload.node.offset <= offset && offset <= nodeEnd(p.payload.node));
      // Nested literals in source: the innermost payload is the one the cursor means.
      if (here.length) return here.reduce((a, b) => (b.payload.node.length < a.payload.node.length ? b : a));
    }
    if (all.length <= 1) return all[0];
    const picked = await vscode.window.showQuickPick(
      all.map((p) => ({ label: `${p.payload.kind}`, description: vscode.l10n.t('line {0}', p.range.start.line + 1), detail: preview(document, p), located: p })),
      { placeHolder: vscode.l10n.t('This file holds several payloads: which one should be sent?') },
    );
    return picked?.located;
  }
}

function toRange(document: vscode.TextDocument, payload: Payload): vscode.Range {
  return new vscode.Range(document.positionAt(payload.node.offset), document.positionAt(nodeEnd(payload.node)));
}

/** The first fields of a payload on one line, to tell payloads apart in a pick list. */
function preview(document: vscode.TextDocument, p: LocatedPayload): string {
  const text = document.getText(p.range).replace(/\s+/g, ' ');
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}
