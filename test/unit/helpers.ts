/**
 * Shared helpers of the unit tests: in-memory documents with a `|` caret marker, the
 * language service, and applying text edits.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, type LanguageSettings } from '../../src/core/languageService';

export function service(settings: LanguageSettings = {}) {
  return getLanguageService(settings);
}

export function makeDocument(text: string, uri = 'file:///test/payload.jkopay.json'): TextDocument {
  return TextDocument.create(uri, 'jkopay', 1, text);
}

/** A document from text holding one `|` that marks the caret; returns the document without it and the caret. */
export function withCaret(textWithCaret: string, uri?: string) {
  const offset = textWithCaret.indexOf('|');
  if (offset < 0) throw new Error('no | caret in test text');
  const document = makeDocument(textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1), uri);
  return { document, offset, position: document.positionAt(offset) };
}

export function validate(text: string, settings: LanguageSettings = {}, uri?: string) {
  const ls = service(settings);
  const document = makeDocument(text, uri);
  return ls.doValidation(document, ls.parseDocument(document));
}

export function codes(text: string, settings: LanguageSettings = {}, uri?: string): string[] {
  return validate(text, settings, uri).map((d) => String(d.code));
}

export function applyEdits(document: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(document, [...edits]);
}
