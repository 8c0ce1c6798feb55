/**
 * `JKOPay: Start Mock Server`, `Stop Mock Server` and `Simulate Payment`: the in-host mock's
 * life, and paying one of its orders as the payer would (which fires the order's confirm_url and
 * result_url callbacks) through the mock's `/_mock/orders/{id}/pay` control endpoint.
 */
import * as vscode from 'vscode';
import { exchange, TransportError } from '../../api/httpExchange';
import type { MockHost } from './mockHost';
import type { RequestHistory } from './requestHistory';
import { RequestRunner } from './requestRunner';

export const START_MOCK_COMMAND = 'jkopay.startMock';
export const STOP_MOCK_COMMAND = 'jkopay.stopMock';
export const SIMULATE_PAYMENT_COMMAND = 'jkopay.simulatePayment';

export interface SimulateArgs {
  orderId?: string;
  /** Pay without calling the order's callbacks (their URLs often lead nowhere in examples). */
  callbacks?: boolean;
}

/** The platform_order_id of the newest entry the mock accepted: the order a user most likely wants to pay. */
function lastMockOrder(history: RequestHistory): string | undefined {
  for (const entry of history.all()) {
    if (entry.env !== 'mock' || entry.prepared.endpoint !== 'entry' || entry.result !== '000' || !entry.prepared.body) continue;
    try {
      const id = (JSON.parse(entry.prepared.body) as { platform_order_id?: unknown }).platform_order_id;
      if (typeof id === 'string') return id;
    } catch {
      // A body the mock accepted is JSON; nothing to suggest otherwise.
    }
  }
  return undefined;
}

export function registerMockCommands(mock: MockHost, history: RequestHistory, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(START_MOCK_COMMAND, async (): Promise<string | undefined> => {
      if (!RequestRunner.checkTrust(log)) return undefined;
      const server = await mock.start();
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The mock JKOPay server runs at {0} (API key mock-api-key unless you set mock credentials).', server.url),
      );
      return server.url;
    }),
    vscode.commands.registerCommand(STOP_MOCK_COMMAND, async (): Promise<boolean> => {
      const stopped = await mock.stop();
      void vscode.window.showInformationMessage(
        stopped
          ? vscode.l10n.t('The mock JKOPay server stopped; its orders are gone.')
          : vscode.l10n.t('The mock JKOPay server is not running.'),
      );
      return stopped;
    }),
    vscode.commands.registerCommand(SIMULATE_PAYMENT_COMMAND, async (args?: SimulateArgs): Promise<unknown> => {
      if (!RequestRunner.checkTrust(log)) return undefined;
      const orderId =
        args?.orderId ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Simulate a payment on the mock'),
          prompt: vscode.l10n.t('The platform_order_id of an order the mock created (an entry it answered with 000).'),
          value: lastMockOrder(history),
          validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Required.')),
        }));
      if (!orderId) return undefined;
      const baseUrl = await mock.urlForSending();
      const body = JSON.stringify(args?.callbacks === false ? { callbacks: false } : {});
      let answer: { ok?: boolean; error?: string } & Record<string, unknown>;
      try {
        const response = await exchange({
          url: `${baseUrl}/_mock/orders/${encodeURIComponent(orderId.trim())}/pay`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          timeoutMs: 30_000,
        });
        answer = JSON.parse(response.bodyText);
      } catch (e) {
        const message = e instanceof TransportError ? e.message : (e as Error).message;
        void vscode.window.showErrorMessage(vscode.l10n.t('The mock did not answer: {0}', message));
        return undefined;
      }
      log.info(`Mock: paid order ${orderId}: ${answer.ok ? 'ok' : answer.error}`);
      if (answer.ok && answer.pending === true) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            'Order {0} is not paid yet: its confirm_url did not confirm it at the first attempt. The mock retries in the background, then pays or fails the order (see the JKOPay log).',
            orderId,
          ),
        );
      } else if (answer.ok)
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Order {0} is paid on the mock (its confirm_url and result_url calls are in the JKOPay log).', orderId),
        );
      else void vscode.window.showErrorMessage(vscode.l10n.t('The mock refused to pay order {0}: {1}', orderId, String(answer.error)));
      return answer;
    }),
  ];
}
