/**
 * Diagnostics of the fixture workspace arrive from the language server with the right codes and
 * ranges, and follow the settings.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, waitForDiagnostics } from './helpers';

const summary = (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.map(
    (d) =>
      `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${vscode.DiagnosticSeverity[d.severity]}`,
  );

describe('diagnostics', () => {
  const uri = () => fixtureUri('order.entry.jkopay.json');

  before(() => openFixture('order.entry.jkopay.json'));
  afterEach(async () => {
    const settings = vscode.workspace.getConfiguration('jkopay');
    await settings.update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('diagnostics.enable', undefined, vscode.ConfigurationTarget.Global);
  });

  it('reports the mistakes of the entry payload with codes and ranges', async () => {
    const diagnostics = await waitForDiagnostics(uri(), (d) => d.length > 0);
    assert.deepEqual(summary(diagnostics), ['currency-precision 5:17-5:22 Error', 'insecure-url 8:16-8:50 Error']);
    assert.match(diagnostics[0].message, /TWD allows 0/);
  });

  it('follows jkopay.diagnostics.severity and jkopay.diagnostics.enable', async () => {
    await openFixture('order.entry.jkopay.json');
    const settings = vscode.workspace.getConfiguration('jkopay');
    await settings.update(
      'diagnostics.severity',
      { 'insecure-url': 'off', 'currency-precision': 'warning' },
      vscode.ConfigurationTarget.Global,
    );
    const changed = await waitForDiagnostics(uri(), (d) => d.length === 1);
    assert.deepEqual(summary(changed), ['currency-precision 5:17-5:22 Warning']);
    await settings.update('diagnostics.enable', false, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri(), (d) => d.length === 0);
  });
});
