/**
 * Issue 21 in the real VS Code: the Send lenses stand only above payloads the runner can send. In
 * one TypeScript document, a marked literal with sample values gets "Send to mock · Send to
 * sandbox" and a marked literal whose id is a variable gets none; Send Request with the cursor in
 * the second sends nothing and says why in the JKOPay log, and the hover on its brace says what
 * the runner needs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunnerApi } from '../../../src/client/runner/runner';
import { EXTENSION_ID, hoverAt, waitFor } from './helpers';

const literal = (id: string) =>
  `{ platform_order_id: ${id}, store_id: '00000000-0000-4000-8000-000000000001', currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0 }`;

const TEXT = [
  'export function orders(orderId: string) {',
  '  // @jkopay entry',
  `  const sample = ${literal("'lens-sample-1'")};`,
  '  // @jkopay entry',
  `  const real = ${literal('orderId')};`,
  '  return [sample, real];',
  '}',
  '',
].join('\n');

describe('Send lenses only where the payload can be sent', () => {
  let api: RunnerApi;
  let document: vscode.TextDocument;
  const braceOf = (line: number) => new vscode.Position(line, document.lineAt(line).text.indexOf('{'));

  before(async () => {
    const extension = vscode.extensions.getExtension<RunnerApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    document = await vscode.workspace.openTextDocument({ language: 'typescript', content: TEXT });
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('jkopay.stopMock');
  });

  it('puts the lenses above the literal with sample values, and none above the one whose id is a variable', async () => {
    const lenses = await waitFor('the Send lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const sends = found?.filter((l) => l.command?.command === 'jkopay.sendRequest') ?? [];
      return sends.length > 0 ? sends : undefined;
    });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [2, '$(play) Send to mock'],
        [2, 'Send to sandbox'],
      ],
    );
  });

  it('says on the brace of the second what the runner needs, and nothing of the kind on the first', async () => {
    assert.match(await hoverAt(document.uri, braceOf(4)), /cannot send it: `platform_order_id` is only known when the program runs/);
    assert.doesNotMatch(await hoverAt(document.uri, braceOf(2)), /cannot send it/);
  });

  it('sends nothing from the cursor in the second, and says why', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document, document);
    editor.selection = new vscode.Selection(braceOf(4), braceOf(4));
    const before = api.history().length;
    assert.equal(await vscode.commands.executeCommand('jkopay.sendRequest', { env: 'mock' }), undefined);
    assert.equal(api.history().length, before, 'nothing was sent');
    await waitFor('the reason in the JKOPay log', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.logFile));
      return text.includes('Not sending: "platform_order_id" is only known when the program runs') ? true : undefined;
    });
  });
});
