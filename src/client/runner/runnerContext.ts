/**
 * The context keys the manifest's `when` clauses read: whether the in-host mock runs, whether
 * there is a history to copy from, and the current environment.
 */
import * as vscode from 'vscode';
import type { MockHost } from './mockHost';
import type { RequestHistory } from './requestHistory';
import { currentEnvironment } from './runnerSettings';

export function trackRunnerContext(mock: MockHost, history: RequestHistory): vscode.Disposable[] {
  const set = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
  const update = () => {
    set('jkopay.mockRunning', mock.url !== undefined);
    set('jkopay.hasHistory', history.all().length > 0);
    set('jkopay.environment', currentEnvironment());
  };
  update();
  return [
    mock.onDidChange(update),
    history.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('jkopay')) update();
    }),
  ];
}
