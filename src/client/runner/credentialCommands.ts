/**
 * `JKOPay: Set Credentials` and `JKOPay: Clear Credentials`: per environment, into and out of
 * SecretStorage. The input boxes hide what is typed; nothing typed is logged.
 */
import * as vscode from 'vscode';
import { ENVIRONMENTS, type EnvironmentName, isEnvironmentName } from '../../api/environments';
import type { CredentialStore } from './credentialStore';
import { SET_CREDENTIALS_COMMAND } from './requestRunner';
import { currentEnvironment } from './runnerSettings';

export const CLEAR_CREDENTIALS_COMMAND = 'jkopay.clearCredentials';

/** Tests (and scripts) may pass the values; people type them into hidden input boxes. */
export interface CredentialArgs {
  env?: EnvironmentName;
  apiKey?: string;
  secretKey?: string;
}

async function pickEnvironment(placeHolder: string, given?: string): Promise<EnvironmentName | undefined> {
  if (given && isEnvironmentName(given)) return given;
  const current = currentEnvironment();
  const items = ENVIRONMENTS.map((env) => ({ label: env, description: env === current ? vscode.l10n.t('current') : undefined }));
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.label;
}

export function registerCredentialCommands(store: CredentialStore, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SET_CREDENTIALS_COMMAND, async (args?: CredentialArgs): Promise<boolean> => {
      const env = await pickEnvironment(vscode.l10n.t('Which environment are these credentials for?'), args?.env);
      if (!env) return false;
      const nonEmpty = (value: string) => (value.trim() ? undefined : vscode.l10n.t('Required.'));
      const apiKey =
        args?.apiKey ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('JKOPay {0}: API key', env),
          prompt: vscode.l10n.t('The API-KEY of your store, from the JKOPay merchant back office.'),
          password: true,
          ignoreFocusOut: true,
          validateInput: nonEmpty,
        }));
      if (!apiKey) return false;
      const secretKey =
        args?.secretKey ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('JKOPay {0}: secret key', env),
          prompt: vscode.l10n.t("The secret key that signs requests (DIGEST). It is kept in VS Code's secret storage only."),
          password: true,
          ignoreFocusOut: true,
          validateInput: nonEmpty,
        }));
      if (!secretKey) return false;
      await store.store(env, { apiKey: apiKey.trim(), secretKey: secretKey.trim() });
      log.info(`Credentials for ${env} stored in the secret storage.`);
      void vscode.window.showInformationMessage(vscode.l10n.t("The {0} credentials are stored in VS Code's secret storage.", env));
      return true;
    }),
    vscode.commands.registerCommand(CLEAR_CREDENTIALS_COMMAND, async (args?: CredentialArgs): Promise<boolean> => {
      const env = await pickEnvironment(vscode.l10n.t('Forget the credentials of which environment?'), args?.env);
      if (!env) return false;
      await store.clear(env);
      log.info(`Credentials for ${env} removed from the secret storage.`);
      void vscode.window.showInformationMessage(vscode.l10n.t('The {0} credentials were removed.', env));
      return true;
    }),
  ];
}
