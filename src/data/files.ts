/**
 * Which files the tools look at, and the currency assumed where none is named: one definition
 * for the core, the CLI, the language server and the extension, so that they never disagree.
 * Pure data and string tests: no imports.
 */

/** Editor language ids of the sources whose literals are checked. */
export const SOURCE_LANGUAGES: readonly string[] = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

/** Payload files: JSON with comments, one payload or an array of them. */
export const PAYLOAD_FILE = /\.jkopay\.json$/i;

/** Source files whose object literals may be payloads (declaration files hold no values). */
export const SOURCE_FILE = /(?<!\.d)\.(tsx?|jsx?|mts|cts|mjs|cjs)$/i;

/** The currency of refunds (their body names none) and of new payloads, unless configured. */
export const DEFAULT_CURRENCY = 'TWD';

function withoutQuery(uriOrPath: string): string {
  return uriOrPath.split(/[?#]/)[0];
}

/** A TS/JS source path or URI, by its extension. */
export function isSourcePath(uriOrPath: string): boolean {
  return SOURCE_FILE.test(withoutQuery(uriOrPath));
}

/** A TS/JS source, by its editor language or, without one that says so, by its extension. */
export function isSource(uri: string, languageId?: string): boolean {
  return (languageId !== undefined && SOURCE_LANGUAGES.includes(languageId)) || isSourcePath(uri);
}

export function isPayloadPath(uriOrPath: string): boolean {
  return PAYLOAD_FILE.test(withoutQuery(uriOrPath));
}
