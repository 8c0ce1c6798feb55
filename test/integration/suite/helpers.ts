/**
 * Shared steps of the extension-host tests: the fixture workspace, opening payload files, and
 * polling (never sleeping) until the language server has answered.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'jkopay-tools.jkopay-tools';

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** An unsaved payload document: edits in tests never touch the fixture files. */
export async function openUntitled(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'jkopay', content });
  await vscode.window.showTextDocument(document);
  return document;
}

/** Calls `probe` until it returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the document's jkopay diagnostics satisfy `accept` and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.toString()}`, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'jkopay');
    return accept(diagnostics) ? diagnostics : undefined;
  });
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Hover text at a position once the server answers with something (it may still be starting). */
export function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return waitFor('a hover', async () => {
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
    return text || undefined;
  });
}
