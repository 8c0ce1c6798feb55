/**
 * _JKOPay: Get Started: First Payment_: opens the extension's walkthrough (package.json
 * `contributes.walkthroughs`), which leads from a first payload to a paid order with its callbacks.
 * The command is what the demo and the README name; VS Code's own _Welcome: Open Walkthrough…_ lists it too.
 */
import * as vscode from 'vscode';

export const WALKTHROUGH_COMMAND = 'jkopay.openWalkthrough';
/** `<publisher>.<name>#<walkthrough id>`, as VS Code names a contributed walkthrough. */
export const WALKTHROUGH_ID = 'jkopay-tools.jkopay-tools#jkopay.firstPayment';

export function registerWalkthroughCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(WALKTHROUGH_COMMAND, () =>
    vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
  );
}
