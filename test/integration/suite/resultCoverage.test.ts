/**
 * Result-code coverage in a real VS Code: a switch on an entry answer's result that misses codes
 * gets the warning, and applying "Handle the missing result codes" inserts the missing cases grouped
 * by what the merchant must do, each throwing until the user writes its handling.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForDiagnostics } from './helpers';

const SOURCE = `import type { EntryResponse } from 'jkopay-tools';

export function reply(res: EntryResponse): string {
  switch (res.result) {
    case '000':
      return res.result_object.payment_url;
    case '200':
      return 'refused';
  }
  return '';
}
`;

describe('result-code coverage', () => {
  it('applies "Handle the missing result codes" to a switch on an entry answer', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: SOURCE });
    await vscode.window.showTextDocument(document);
    const [unhandled] = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'unhandled-result-codes'));
    assert.equal(unhandled.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(unhandled.message, /'101' \(Order already paid\), '999' \(JKOPay internal error\)/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      unhandled.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const handle = actions.find((a) => a.title === 'Handle the missing result codes');
    assert.ok(handle?.edit, `the fix among: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(handle.edit));
    assert.equal(
      document.getText(),
      SOURCE.replace(
        "      return 'refused';\n",
        "      return 'refused';\n" +
          '    // Already done (a retried request): do not repeat it; continue as after success.\n' +
          "    case '101': // Order already paid\n" +
          '      throw new Error(`JKOPay answer not handled yet (already done): ${res.result}`);\n' +
          '    // Retry later with the same request (same ids, same amounts).\n' +
          "    case '999': // JKOPay internal error\n" +
          '      throw new Error(`JKOPay answer not handled yet (retry later): ${res.result}`);\n',
      ),
    );
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.code === 'unhandled-result-codes'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
