/**
 * The commands of the palette's `JKOPay` category that belong to the language server: restart it
 * and show its log.
 */
import * as vscode from 'vscode';

export const RESTART_COMMAND = 'jkopay.restartServer';
export const SHOW_OUTPUT_COMMAND = 'jkopay.showOutput';

export function registerServerCommands(restart: () => Promise<void>, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RESTART_COMMAND, restart),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => log.show(true)),
  ];
}
