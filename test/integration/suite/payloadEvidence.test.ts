/**
 * The payload rule in a real VS Code: in a module where a log line, a queue job, a validation
 * schema and a state initializer use JKOPay's field names beside one request sent to JKOPay with
 * fetch, only the request's problems appear, its hover says why it is checked, and the others get
 * no quick fix. No Send lens stands anywhere: the request's id and price are variables, so the
 * runner could not send it, and its brace says what the runner needs instead.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, hoverAt, openFixture, waitForDiagnostics } from './helpers';

describe('TS/JS literals checked on evidence of where they go', () => {
  const uri = () => fixtureUri('orders.ts');
  let document: vscode.TextDocument;
  const lineOf = (text: string) =>
    document
      .getText()
      .split('\n')
      .findIndex((line) => line.includes(text));

  before(async () => {
    document = await openFixture('orders.ts');
  });

  it('shows only the request’s problems, each saying why its literal is checked', async () => {
    const diagnostics = await waitForDiagnostics(uri(), (d) => d.length > 0);
    const request = lineOf('const body = {');
    assert.deepEqual(
      diagnostics.map((d) => `${d.code} ${d.range.start.line - request}`).sort(),
      ['currency-precision 4', 'missing-field 0'],
      'a missing unredeem at the brace and 99.5 TWD, nothing on the schema, the state, the log line or the queue job',
    );
    for (const d of diagnostics) {
      assert.equal(
        d.relatedInformation?.[0].message,
        `Checked as a JKOPay entry: sent to /platform/entry at line ${lineOf('await fetch(') + 1}`,
      );
      assert.equal(d.relatedInformation?.[0].location.range.start.line, lineOf('await fetch('));
    }
  });

  it('says on the literal’s brace why it is checked', async () => {
    const brace = new vscode.Position(lineOf('const body = {'), document.lineAt(lineOf('const body = {')).text.indexOf('{'));
    const text = await hoverAt(uri(), brace);
    assert.match(text, /Checked as a JKOPay entry: sent to \/platform\/entry at line \d+/);
  });

  // Issue 21: "Send to mock" stood above this literal and answered that platform_order_id is only known when the program runs.
  it('puts no Send lens above the request, whose values only the program knows, and its brace says what the runner needs', async () => {
    await waitForDiagnostics(uri(), (d) => d.length > 0);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri());
    assert.deepEqual(
      lenses.filter((l) => l.command?.command === 'jkopay.sendRequest').map((l) => l.range.start.line),
      [],
    );
    const brace = new vscode.Position(lineOf('const body = {'), document.lineAt(lineOf('const body = {')).text.indexOf('{'));
    assert.match(
      await hoverAt(uri(), brace),
      /Send Request_ cannot send it: `platform_order_id` is only known when the program runs\. .*`\/\/ @jkopay entry` above a literal with sample values/,
    );
  });

  it('offers no JKOPay quick fix on the look-alikes', async () => {
    await waitForDiagnostics(uri(), (d) => d.length > 0);
    for (const text of ['v.object(', 'useState(', 'log.warn(', 'queue.add(']) {
      const line = document.lineAt(lineOf(text));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(), line.range);
      assert.deepEqual(
        actions
          .filter((a) => a.diagnostics?.some((d) => d.source === 'jkopay') || /JKOPay|jkopay|missing required/i.test(a.title))
          .map((a) => a.title),
        [],
        text,
      );
    }
  });
});
