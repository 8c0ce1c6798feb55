/**
 * `JKOPay: Select Environment` and the status bar item that always shows where a send would go
 * (mock, sandbox or production, with the mock's URL while the in-host mock runs). Production is
 * offered only while the user setting allows it, and is drawn as a warning.
 */
import * as vscode from 'vscode';
import { ENVIRONMENTS, type EnvironmentName, isEnvironmentName, PRODUCTION_URL } from '../../api/environments';
import type { MockHost } from './mockHost';
import { currentEnvironment, productionEnabled, sandboxBaseUrl, setEnvironment } from './runnerSettings';

export const SELECT_ENVIRONMENT_COMMAND = 'jkopay.selectEnvironment';

export class EnvironmentStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('jkopay.environment', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly mock: MockHost) {
    this.item.name = vscode.l10n.t('JKOPay environment');
    this.item.command = SELECT_ENVIRONMENT_COMMAND;
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('jkopay')) this.update();
      }),
      mock.onDidChange(() => this.update()),
    );
    this.update();
    this.item.show();
  }

  update(): void {
    const env = currentEnvironment();
    this.item.text = `$(${env === 'production' ? 'warning' : env === 'mock' ? 'beaker' : 'cloud'}) JKOPay ${env}`;
    const where =
      env === 'mock'
        ? (this.mock.url ?? vscode.l10n.t('the built-in mock, started on the first send'))
        : env === 'sandbox'
          ? sandboxBaseUrl()
          : PRODUCTION_URL;
    this.item.tooltip = vscode.l10n.t('Requests go to {0}: {1}. Click to change.', env, where);
    this.item.backgroundColor = env === 'production' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export function registerEnvironmentCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(SELECT_ENVIRONMENT_COMMAND, async (given?: string): Promise<EnvironmentName | undefined> => {
    const offered = ENVIRONMENTS.filter((env) => env !== 'production' || productionEnabled());
    let env: EnvironmentName | undefined;
    if (given && isEnvironmentName(given) && offered.includes(given)) env = given;
    else {
      const current = currentEnvironment();
      const describe: Record<EnvironmentName, string> = {
        mock: vscode.l10n.t('The built-in mock JKOPay server: no credentials, official answers'),
        sandbox: vscode.l10n.t("JKOPay's test environment: needs sandbox credentials"),
        production: vscode.l10n.t('Real orders and real money: asks before every send'),
      };
      const picked = await vscode.window.showQuickPick(
        offered.map((e) => ({ label: e, description: e === current ? vscode.l10n.t('current') : undefined, detail: describe[e] })),
        { placeHolder: vscode.l10n.t('Where should JKOPay requests go?') },
      );
      env = picked?.label;
    }
    if (env) await setEnvironment(env);
    return env;
  });
}
