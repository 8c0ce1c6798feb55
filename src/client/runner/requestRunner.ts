/**
 * Sends one prepared payload: refuses in an untrusted workspace, resolves the environment's URL
 * (the mock started on demand, production only when enabled and confirmed in a modal every
 * time), takes the credentials from SecretStorage (asking for them when missing), signs and sends
 * with the protocol client under a cancellable progress notification, then records the exchange
 * in the history — scrubbed of both keys — and shows it in the response panel. The log gets one
 * line per exchange, never a key.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { EnvironmentError, type EnvironmentName, PRODUCTION_URL, resolveBaseUrl } from '../../api/environments';
import { type Credentials, sendRequest } from '../../api/httpClient';
import type { WireRequest } from '../../shared/protocol';
import { redact } from '../../api/secrets';
import { toLang } from '../../data/localize';
import type { CredentialStore } from './credentialStore';
import { credentialHint } from './digestRefusal';
import type { MockHost } from './mockHost';
import type { HistoryEntry, RequestHistory } from './requestHistory';
import type { ResponsePanel } from './responsePanel';
import { productionEnabled, requestTimeoutMs, sandboxBaseUrl } from './runnerSettings';

/** Response bodies kept in the history are cut here (the workspace state is not a file store). */
const MAX_KEPT_BODY = 64 * 1024;

export const SET_CREDENTIALS_COMMAND = 'jkopay.setCredentials';

export interface SendInput {
  env: EnvironmentName;
  prepared: WireRequest;
  checkerErrors: number;
  source?: string;
}

export class RequestRunner {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly mock: MockHost,
    private readonly history: RequestHistory,
    private readonly panel: ResponsePanel,
    readonly log: vscode.LogOutputChannel,
  ) {}

  /** True when sending is allowed here; otherwise says why (to the user and in the log) and returns false. */
  static checkTrust(log?: vscode.LogOutputChannel): boolean {
    if (vscode.workspace.isTrusted) return true;
    log?.warn('Not sending: this workspace is not trusted (restricted mode). Checking and hovers still work.');
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'JKOPay does not send requests from an untrusted workspace: its files could send your credentials somewhere. Checking and hovers still work. Trust the workspace to send.',
      ),
    );
    return false;
  }

  /** Sends and shows the exchange; undefined when refused or cancelled before sending. */
  async send(input: SendInput): Promise<HistoryEntry | undefined> {
    if (!RequestRunner.checkTrust(this.log)) return undefined;
    const { env, prepared } = input;
    const baseUrl = await this.baseUrlFor(env);
    if (!baseUrl) return undefined;
    if (env === 'production' && !(await confirmProduction(prepared, baseUrl, input.checkerErrors))) return undefined;
    const credentials = await this.credentialsFor(env);
    if (!credentials) return undefined;

    const title = vscode.l10n.t('Sending the {0} request to {1}…', prepared.endpoint, env);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        return sendRequest(prepared, { baseUrl, credentials, timeoutMs: requestTimeoutMs(), signal: controller.signal }).finally(() =>
          subscription.dispose(),
        );
      },
    );
    const scrub = (text: string) => redact(text, [credentials.apiKey, credentials.secretKey]);
    // Scrubbed before it is cut: a cut first could keep the start of a key that straddles it.
    const bodyText =
      result.bodyText === undefined ? undefined : redact(result.bodyText, [credentials.apiKey, credentials.secretKey], MAX_KEPT_BODY);
    const entry: HistoryEntry = {
      id: randomUUID(),
      time: Date.now(),
      env,
      prepared,
      request: result.request,
      status: result.status,
      elapsedMs: result.elapsedMs,
      bodyText,
      result: result.envelope?.result,
      message:
        result.envelope?.message === undefined ? undefined : result.envelope.message === null ? null : scrub(result.envelope.message),
      error: result.error ? scrub(result.error.message) : undefined,
      checkerErrors: input.checkerErrors,
      source: input.source,
    };
    // JKOPay's own answer to a wrong signature is a bare status: say what the stored credentials show (the mock says more itself).
    if (env !== 'mock' && (result.status === 401 || result.status === 403)) {
      entry.digestHint = credentialHint(
        credentials,
        toLang(vscode.env.language),
        vscode.l10n.t(
          'If this refuses the signature: the runner signs exactly the bytes it sends (see "DIGEST computed over"), so check the secret key stored for {0}: it must be the one JKOPay issued for this store and environment (sandbox and production keys differ).',
          env,
        ),
      );
    }
    this.log.info(
      `${prepared.method} ${result.request.url} (${env}) → ${result.status === undefined ? 'no answer' : `HTTP ${result.status}`}${entry.result ? ` result ${entry.result}` : ''} in ${result.elapsedMs} ms${entry.error ? `: ${entry.error}` : ''}`,
    );
    await this.history.add(entry);
    this.panel.show(entry.id);
    if (result.error?.kind === 'cancelled') void vscode.window.showInformationMessage(vscode.l10n.t('The request was cancelled.'));
    else if (entry.error) void vscode.window.showErrorMessage(vscode.l10n.t('The JKOPay request failed: {0}', entry.error));
    return entry;
  }

  /** Sends a history entry again, signed anew with the current credentials of its environment. */
  async resend(id: string): Promise<HistoryEntry | undefined> {
    const entry = this.history.get(id);
    if (!entry) return undefined;
    return this.send({ env: entry.env, prepared: entry.prepared, checkerErrors: entry.checkerErrors, source: entry.source });
  }

  /** The base URL of an environment now (starting the mock when needed), or undefined after saying why not. */
  async baseUrlFor(env: EnvironmentName): Promise<string | undefined> {
    try {
      if (env === 'mock') return await this.mock.urlForSending();
      if (env === 'sandbox') return resolveBaseUrl({ env, baseUrl: sandboxBaseUrl() });
      return resolveBaseUrl({ env, baseUrl: PRODUCTION_URL, allowProduction: productionEnabled() });
    } catch (e) {
      if (e instanceof EnvironmentError && env === 'production') {
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            'Production is turned off: requests there move real money. Turn on the user setting jkopay.production.enabled to send to production.',
          ),
        );
      } else void vscode.window.showErrorMessage(vscode.l10n.t('Cannot send to {0}: {1}', env, (e as Error).message));
      return undefined;
    }
  }

  /** The credentials to sign with; when the sandbox or production has none, offers to set them. */
  async credentialsFor(env: EnvironmentName): Promise<Credentials | undefined> {
    const found = await this.credentials.forSending(env);
    if (found) return found;
    const set = vscode.l10n.t('Set Credentials');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('No {0} credentials are stored. Set the API key and secret key of your {0} store first.', env),
      set,
    );
    if (answer !== set) return undefined;
    await vscode.commands.executeCommand(SET_CREDENTIALS_COMMAND, { env });
    return this.credentials.stored(env);
  }
}

/** A modal question before every production send: the request moves real money. */
async function confirmProduction(prepared: WireRequest, baseUrl: string, checkerErrors: number): Promise<boolean> {
  const send = vscode.l10n.t('Send to Production');
  const detail = [
    `${prepared.method} ${baseUrl}${prepared.path}`,
    checkerErrors === 1
      ? vscode.l10n.t('The checker found 1 error in this payload.')
      : checkerErrors
        ? vscode.l10n.t('The checker found {0} errors in this payload.', checkerErrors)
        : '',
  ]
    .filter(Boolean)
    .join('\n');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Send this {0} request to JKOPay production? It acts on real orders and real money.', prepared.endpoint),
    { modal: true, detail },
    send,
  );
  return answer === send;
}
