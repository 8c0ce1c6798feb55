/**
 * Issue 21: "JKOPay: Explain Result Code" shows the explanation in a read-only document (its own
 * `jkopay-explain:` scheme, previewed as Markdown) and leaves no dirty or untitled document, which
 * VS Code would otherwise offer to save and restore in later windows.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

describe('Explain Result Code', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('opens a read-only explanation and leaves no dirty or untitled document', async () => {
    // Other tests' documents are theirs: what counts is what the command adds.
    const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const added = () => vscode.workspace.textDocuments.filter((d) => !before.has(d.uri.toString()));
    for (const code of ['922', '200']) {
      const markdown = await vscode.commands.executeCommand<string>('jkopay.explainResultCode', code);
      assert.match(markdown, new RegExp(`# JKOPay ${code}`));
    }
    const explained = await waitFor('the explanation documents', () => {
      const docs = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'jkopay-explain');
      return docs.length >= 2 ? docs : undefined;
    });
    assert.match(explained.find((d) => d.uri.path.includes('922'))!.getText(), /Refund amount exceeds order final price/);
    assert.deepEqual(
      added()
        .filter((d) => d.isDirty || d.isUntitled)
        .map((d) => d.uri.toString()),
      [],
    );
  });
});
