/**
 * The merchant credentials per environment, kept in VS Code's SecretStorage (the OS keychain
 * where there is one) and nowhere else: never in settings, files, logs, history or the webview.
 * The mock works without any: it accepts its well-known default keys.
 */
import * as vscode from 'vscode';
import type { EnvironmentName } from '../../api/environments';
import type { Credentials } from '../../api/httpClient';
import { DEFAULT_MOCK_CONFIG } from '../../api/mock/mockConfig';

const keyOf = (env: EnvironmentName) => `jkopay.credentials.${env}`;

export class CredentialStore {
  private readonly changed = new vscode.EventEmitter<EnvironmentName>();
  /** Fires with the environment whose credentials were set or cleared. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored credentials, or undefined when none are stored (or the stored value is damaged). */
  async stored(env: EnvironmentName): Promise<Credentials | undefined> {
    const text = await this.secrets.get(keyOf(env));
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as Partial<Credentials>;
      if (typeof value.apiKey === 'string' && typeof value.secretKey === 'string' && value.apiKey && value.secretKey) {
        return { apiKey: value.apiKey, secretKey: value.secretKey };
      }
    } catch {
      // Damaged: treated as absent, so the user is asked again.
    }
    return undefined;
  }

  /** What a request to `env` signs with: stored credentials, or for the mock its default keys. */
  async forSending(env: EnvironmentName): Promise<Credentials | undefined> {
    const stored = await this.stored(env);
    if (stored || env !== 'mock') return stored;
    return { apiKey: DEFAULT_MOCK_CONFIG.apiKey, secretKey: DEFAULT_MOCK_CONFIG.secretKey };
  }

  async store(env: EnvironmentName, credentials: Credentials): Promise<void> {
    await this.secrets.store(keyOf(env), JSON.stringify(credentials));
    this.changed.fire(env);
  }

  async clear(env: EnvironmentName): Promise<void> {
    await this.secrets.delete(keyOf(env));
    this.changed.fire(env);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
