/**
 * The runner's settings. `jkopay.environment` may come from a workspace; the sandbox base URL
 * and the production switch are machine-scoped settings that a workspace cannot set (they decide
 * where the user's real credentials go), and they are read from the user's own settings only,
 * whatever a workspace file says.
 */
import * as vscode from 'vscode';
import { requestTimeoutFromSeconds } from '../../api/durations';
import { DEFAULT_MOCK_PORT, type EnvironmentName, isEnvironmentName, SANDBOX_URL } from '../../api/environments';
import { DEFAULT_TIMEOUT_MS } from '../../api/httpExchange';

export const ENVIRONMENT_SETTING = 'environment';

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('jkopay');
}

/** A value from the user's settings or the default; workspace values are ignored on purpose. */
function userValue<T>(key: string): T | undefined {
  const inspected = section().inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export function productionEnabled(): boolean {
  return userValue<boolean>('production.enabled') === true;
}

/** The environment requests go to (mock unless set); production only while it is enabled. */
export function currentEnvironment(): EnvironmentName {
  const value = section().get<string>(ENVIRONMENT_SETTING, 'mock');
  if (!isEnvironmentName(value)) return 'mock';
  if (value === 'production' && !productionEnabled()) return 'mock';
  return value;
}

export async function setEnvironment(env: EnvironmentName): Promise<void> {
  // Per workspace when one is open: projects usually differ in where they send.
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await section().update(ENVIRONMENT_SETTING, env, target);
}

export function sandboxBaseUrl(): string {
  const value = userValue<string>('sandbox.baseUrl');
  return value && value.trim() ? value.trim() : SANDBOX_URL;
}

/** The deadline of one request in ms. */
export function requestTimeoutMs(): number {
  // Clamped in code to the schema's 1–300 s: a workspace value beyond 2^31 ms would make the timer fire at once.
  return requestTimeoutFromSeconds(section().get<number>('request.timeoutSeconds'), DEFAULT_TIMEOUT_MS);
}

/**
 * The port of the built-in mock, and where a `jkopay mock` of the user's is looked for first.
 * 0: any free port, and never another mock (the real-VS-Code tests set it, so that a developer's
 * own `jkopay mock` on 8917 cannot answer them).
 */
export function mockPort(): number {
  const port = section().get<number>('mock.port');
  return typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : DEFAULT_MOCK_PORT;
}
