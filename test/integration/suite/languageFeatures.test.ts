/**
 * Hover, completion, quick fixes, formatting, outline and folding, through VS Code's own
 * provider commands, as the editor would call them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, hoverAt, openFixture, openUntitled, waitFor, waitForDiagnostics } from './helpers';

const BAD_ENTRY = `{
  "platform_order_id": "order-0002",
  "store_id": "00000000-0000-4000-8000-000000000001",
  "currency": "TWD",
  "total_price": 100.5,
  "final_price": 100,
  "unredeem": 0
}`;

describe('language features', () => {
  it('explains a result code on hover', async () => {
    await openFixture('refund-failed.jkopay.json');
    const text = await hoverAt(fixtureUri('refund-failed.jkopay.json'), new vscode.Position(2, 14));
    assert.match(text, /\*\*922\*\* Refund exceeds the refundable amount/);
    assert.match(text, /Refund amount exceeds order final price/);
  });

  it('offers the currencies as values of "currency"', async () => {
    const document = await openUntitled('{ "currency":  }');
    const list = await waitFor('completions', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(0, 14),
      );
      return result.items.some((i) => i.label === '"TWD"') ? result : undefined;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const code of ['"TWD"', '"JPY"', '"USD"', '"CNY"', '"HKD"']) assert.ok(labels.includes(code), `${code} offered`);
  });

  it('applies the quick fix of a diagnostic', async () => {
    const document = await openUntitled(BAD_ENTRY);
    const [precision] = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'currency-precision'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      precision.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const round = actions.find((a) => a.title === 'Round to 101 (TWD allows 0 decimal places)');
    assert.ok(round?.edit, `a rounding fix among: ${actions.map((a) => a.title).join('; ')}`);
    assert.ok(await vscode.workspace.applyEdit(round.edit));
    assert.equal(document.lineAt(4).text, '  "total_price": 101,');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.code === 'currency-precision'));
  });

  it('formats a payload file, keeping comments and numbers as written', async () => {
    const document = await openUntitled('{"refund_order_id":"r-1",\n// kept\n"refund_amount":100.50}');
    const edits = await waitFor('formatting edits', async () => {
      const result = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, {
        tabSize: 2,
        insertSpaces: true,
      });
      return result?.length ? result : undefined;
    });
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    await vscode.workspace.applyEdit(edit);
    assert.equal(document.getText(), '{\n  "refund_order_id": "r-1",\n  // kept\n  "refund_amount": 100.50\n}');
  });

  it('outlines and folds a payload file', async () => {
    const document = await openFixture('order.entry.jkopay.json');
    const symbols = await waitFor('symbols', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return result?.length ? result : undefined;
    });
    assert.equal(symbols[0].name, 'entry');
    assert.equal(symbols[0].children.find((s) => s.name === 'currency')?.detail, 'TWD');
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.deepEqual(
      folds.map((f) => [f.start, f.end]),
      [[1, 9]],
    );
  });
});
