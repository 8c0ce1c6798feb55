/**
 * Payload literals in TypeScript source: the same diagnostics as payload files, and result codes
 * compared with `.result` explained on hover.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, hoverAt, openFixture, waitForDiagnostics } from './helpers';

describe('TypeScript source', () => {
  const uri = () => fixtureUri('checkout.ts');

  before(() => openFixture('checkout.ts'));

  it('reports a payload literal mistake with its code and range', async () => {
    const diagnostics = await waitForDiagnostics(uri(), (d) => d.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`),
      ['currency-precision 6:17-6:23'],
    );
  });

  it('explains a result code compared with .result', async () => {
    const text = await hoverAt(uri(), new vscode.Position(11, 28));
    assert.match(text, /Order is paid/);
  });
});
