/**
 * The extension activates on a payload file, contributes its language, commands and settings,
 * and its server answers.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor } from './helpers';

describe('activation', () => {
  it('activates on a .jkopay.json file', async () => {
    const document = await openFixture('order.entry.jkopay.json');
    assert.equal(document.languageId, 'jkopay');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await waitFor('activation', () => (extension.isActive ? true : undefined));
  });

  it('registers its commands under the JKOPay category', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('jkopay.restartServer'));
    assert.ok(commands.includes('jkopay.showOutput'));
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { category: string }[];
    assert.deepEqual([...new Set(contributed.map((c) => c.category))], ['JKOPay']);
  });

  it('reads its settings with their defaults', () => {
    const settings = vscode.workspace.getConfiguration('jkopay');
    assert.equal(settings.get('defaultCurrency'), 'TWD');
    assert.equal(settings.get('diagnostics.enable'), true);
    assert.equal(settings.get('trace.server'), 'off');
  });
});
