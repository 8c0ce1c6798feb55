/**
 * Payload literals in TypeScript source: the same diagnostics as payload files, none on ordinary
 * objects with the same field names beside them, and result codes compared with `.result`
 * explained on hover.
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

  it('leaves the row mapper and the callback fixture beside it alone', async () => {
    const diagnostics = await waitForDiagnostics(uri(), (d) => d.length > 0);
    const document = await vscode.workspace.openTextDocument(uri());
    const mapperLine = document
      .getText()
      .split('\n')
      .findIndex((line) => line.includes('order_number'));
    assert.ok(mapperLine > 6, 'the fixture holds the row mapper');
    assert.deepEqual(
      diagnostics.filter((d) => d.range.start.line >= mapperLine - 3),
      [],
    );
    assert.equal(diagnostics.length, 1);
  });

  it('explains a result code compared with .result', async () => {
    const text = await hoverAt(uri(), new vscode.Position(11, 28));
    assert.match(text, /Order is paid/);
  });
});
