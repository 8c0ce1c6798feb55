/**
 * The language server is restarted when it dies and when the user asks for it, and answers
 * again afterwards.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { fixtureUri, hoverAt, openFixture, waitFor } from './helpers';

/** The pid of the language server: the extension host's child running dist/server.js. */
function serverPid(): number | undefined {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.includes('dist/server.js'));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

describe('server lifecycle', () => {
  const uri = () => fixtureUri('refund-failed.jkopay.json');
  const position = new vscode.Position(2, 14);

  before(() => openFixture('refund-failed.jkopay.json'));

  it('restarts the server when it dies', async () => {
    await hoverAt(uri(), position);
    const first = await waitFor('the server process', serverPid);
    process.kill(first, 'SIGKILL');
    const second = await waitFor('a new server process', () => {
      const pid = serverPid();
      return pid !== undefined && pid !== first ? pid : undefined;
    });
    assert.notEqual(second, first);
    assert.match(await hoverAt(uri(), position), /922/);
  });

  it('restarts the server on "JKOPay: Restart Language Server"', async () => {
    const before = await waitFor('the server process', serverPid);
    await vscode.commands.executeCommand('jkopay.restartServer');
    const after = await waitFor('a new server process', () => {
      const pid = serverPid();
      return pid !== undefined && pid !== before ? pid : undefined;
    });
    assert.notEqual(after, before);
    assert.match(await hoverAt(uri(), position), /922/);
  });
});
