/**
 * "JKOPay: Test Callback Endpoints…" and "JKOPay: Forward Mock Callbacks To…". The first plays
 * JKOPay against the merchant's own confirm_url and result_url (the scenarios of
 * `jkopay callbacks test`), remembers the URLs per workspace and shows the verdicts, each
 * explained, as a table in the response webview; the second sets where the in-editor mock sends
 * its callbacks (path and query kept), also per workspace. Neither runs in an untrusted workspace.
 */
import * as vscode from 'vscode';
import { type CallbackVerdict, checkCallbackOptions, runCallbackTests, type Scenario } from '../../api/callbacks/callbackTest';
import { callbackText } from '../../api/callbacks/callbackTexts';
import { CallbackRoutingError, parseForwardOrigin } from '../../api/mock/callbackTargets';
import { DEFAULT_MOCK_CONFIG } from '../../api/mock/mockConfig';
import { toLang } from '../../data/localize';
import type { Lang } from '../../data/types';
import type { CallbackRunView } from '../../shared/webviewProtocol';
import type { CredentialStore } from '../runner/credentialStore';
import type { MockHost } from '../runner/mockHost';
import { RequestRunner } from '../runner/requestRunner';
import type { ResponsePanel } from '../runner/responsePanel';
import { currentEnvironment } from '../runner/runnerSettings';

export const TEST_CALLBACKS_COMMAND = 'jkopay.testCallbacks';
export const FORWARD_CALLBACKS_COMMAND = 'jkopay.forwardMockCallbacks';

const CONFIRM_KEY = 'jkopay.callbacks.confirmUrl';
const RESULT_KEY = 'jkopay.callbacks.resultUrl';
const FORWARD_KEY = 'jkopay.callbacks.forwardTo';

export interface TestCallbacksArgs {
  /** Given: no input box is shown (tests, keybindings). An empty string skips that endpoint. */
  confirmUrl?: string;
  resultUrl?: string;
  timeoutSeconds?: number;
  /** An order the backend knows, and its final_price (default: a new test id, 100 TWD). */
  orderId?: string;
  amount?: string;
}

export interface ForwardArgs {
  /** An origin, or '' to stop forwarding. */
  origin?: string;
}

export function registerCallbackCommands(
  context: vscode.ExtensionContext,
  mock: MockHost,
  panel: ResponsePanel,
  credentials: CredentialStore,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const state = context.workspaceState;
  const remembered = state.get<string>(FORWARD_KEY);
  if (remembered) void mock.setForwarding(remembered);

  const askUrl = async (title: string, prompt: string, key: string, other?: string): Promise<string | undefined> =>
    vscode.window.showInputBox({
      title,
      prompt,
      value: state.get<string>(key) ?? '',
      placeHolder: 'https://shop.example/jkopay/…  ·  http://127.0.0.1:3000/jkopay/…',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const text = v.trim();
        if (text === '') return other ? undefined : vscode.l10n.t('Give at least one of the two URLs.');
        try {
          const url = new URL(text);
          return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : vscode.l10n.t('An http:// or https:// URL.');
        } catch {
          return vscode.l10n.t('An http:// or https:// URL.');
        }
      },
    });

  return [
    vscode.commands.registerCommand(TEST_CALLBACKS_COMMAND, async (args?: TestCallbacksArgs): Promise<CallbackVerdict[] | undefined> => {
      if (!RequestRunner.checkTrust(log)) return undefined;
      let confirmUrl = args?.confirmUrl;
      let resultUrl = args?.resultUrl;
      if (args === undefined) {
        confirmUrl = await askUrl(
          vscode.l10n.t('Test callback endpoints (1/2): confirm_url'),
          vscode.l10n.t('The URL JKOPay calls to confirm an order before charging. Leave empty to test only result_url.'),
          CONFIRM_KEY,
          'optional',
        );
        if (confirmUrl === undefined) return undefined;
        resultUrl = await askUrl(
          vscode.l10n.t('Test callback endpoints (2/2): result_url'),
          vscode.l10n.t('The URL JKOPay notifies of the payment result.'),
          RESULT_KEY,
          confirmUrl.trim() || undefined,
        );
        if (resultUrl === undefined) return undefined;
      }
      confirmUrl = confirmUrl?.trim() || undefined;
      resultUrl = resultUrl?.trim() || undefined;
      const lang: Lang = toLang(vscode.env.language);
      const options = {
        confirmUrl,
        resultUrl,
        orderId: args?.orderId ?? `callback-test-${Date.now()}`,
        currency: 'TWD',
        amount: args?.amount ?? '100',
      };
      try {
        checkCallbackOptions(options);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot test the callbacks: {0}', (e as Error).message));
        return undefined;
      }
      await state.update(CONFIRM_KEY, confirmUrl ?? '');
      await state.update(RESULT_KEY, resultUrl ?? '');

      // The secret the merchant's handler would verify with: the current environment's, else the mock's default.
      const env = currentEnvironment();
      const keys = await credentials.forSending(env);
      const secret = keys?.secretKey ?? DEFAULT_MOCK_CONFIG.secretKey;
      const hosts = [...new Set([confirmUrl, resultUrl].filter((u): u is string => !!u).map((u) => new URL(u).host))];
      log.info(`Testing callback endpoints at ${hosts.join(', ')} (digest keyed with the ${keys ? env : 'mock default'} secret).`);

      const verdicts = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Testing callback endpoints at {0}…', hosts.join(', ')),
          cancellable: true,
        },
        (_progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          return runCallbackTests({
            ...options,
            secret,
            timeoutMs: Math.round((args?.timeoutSeconds ?? 10) * 1000),
            slow: true,
            lang,
            orderHint: 'editor',
            signal: controller.signal,
          });
        },
      );
      for (const v of verdicts) {
        const line = `Callback test ${v.scenario} ${v.url}: ${v.verdict} (${v.status ?? 'no answer'}, ${v.ms} ms) ${v.detail}`;
        if (v.verdict === 'fail') log.warn(line);
        else log.info(line);
      }
      panel.showCallbacks(toRunView(verdicts, lang));
      return verdicts;
    }),

    vscode.commands.registerCommand(FORWARD_CALLBACKS_COMMAND, async (args?: ForwardArgs): Promise<string | undefined> => {
      if (!RequestRunner.checkTrust(log)) return undefined;
      const input =
        args?.origin ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t("Forward the mock's callbacks to…"),
          prompt: vscode.l10n.t(
            'Every confirm_url and result_url call of the mock goes to this origin instead, path and query kept. Leave empty to stop forwarding.',
          ),
          value: mock.forwardCallbacksTo ?? 'http://127.0.0.1:3000',
          ignoreFocusOut: true,
          validateInput: (v) => {
            if (v.trim() === '') return undefined;
            try {
              parseForwardOrigin(v.trim());
              return undefined;
            } catch (e) {
              return (e as Error).message;
            }
          },
        }));
      if (input === undefined) return undefined;
      let origin: string | undefined;
      try {
        origin = input.trim() === '' ? undefined : parseForwardOrigin(input.trim());
      } catch (e) {
        if (e instanceof CallbackRoutingError) {
          void vscode.window.showErrorMessage(e.message);
          return undefined;
        }
        throw e;
      }
      await state.update(FORWARD_KEY, origin);
      const restart = await mock.setForwarding(origin);
      log.info(
        origin ? `Mock callbacks are forwarded to ${origin}.` : 'Mock callbacks are no longer forwarded: only loopback hosts are called.',
      );
      const told = [
        origin
          ? vscode.l10n.t("The mock's callbacks now go to {0} (path and query kept).", origin)
          : vscode.l10n.t("The mock's callbacks are no longer forwarded: only loopback hosts are called, others are skipped."),
      ];
      // The mock restarts with the new target: say that its orders are still there, and what the restart cut off.
      if (restart?.orders === 1) told.push(vscode.l10n.t('The mock kept its order.'));
      else if (restart && restart.orders > 1) told.push(vscode.l10n.t('The mock kept its {0} orders.', restart.orders));
      if (restart?.cut.length) {
        const cut = restart.cut.map((c) => vscode.l10n.t('{0} of order {1}', c.kind, c.platform_order_id)).join(', ');
        told.push(vscode.l10n.t('The restart stopped callbacks that were still being retried, and they will not be sent again: {0}.', cut));
        void vscode.window.showWarningMessage(told.join(' '));
      } else void vscode.window.showInformationMessage(told.join(' '));
      return origin ?? '';
    }),
  ];
}

function toRunView(verdicts: readonly CallbackVerdict[], lang: Lang): CallbackRunView {
  const count = (v: CallbackVerdict['verdict']) => verdicts.filter((x) => x.verdict === v).length;
  return {
    // The display language's date and time, not the extension host's locale.
    time: new Date().toLocaleString(vscode.env.language),
    summary: vscode.l10n.t(
      '{0} passed, {1}, {2} failed',
      count('pass'),
      count('warn') === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', count('warn')),
      count('fail'),
    ),
    rows: verdicts.map((v) => ({
      scenario: v.scenario,
      scenarioText: callbackText(lang, `scenario-${v.scenario}` as `scenario-${Scenario}`),
      url: v.url,
      verdict: v.verdict,
      verdictText: callbackText(lang, `verdict-${v.verdict}`),
      status: v.status,
      ms: v.ms,
      elapsed: callbackText(lang, 'elapsed-ms', { ms: v.ms.toLocaleString(vscode.env.language) }),
      detail: v.detail,
    })),
  };
}
