/**
 * `JKOPay: Show Request History` (pick one of the last 50 exchanges to show it in the panel) and
 * `JKOPay: Copy as cURL` (the exchange shown, else a pick). cURL commands carry placeholders for
 * the key and DIGEST unless the user explicitly asks for the real values, which are then read
 * from the secret storage for that one copy and never kept.
 */
import * as vscode from 'vscode';
import { computeDigest } from '../../api/signing';
import type { CredentialStore } from './credentialStore';
import { toCurl } from './curl';
import { toHistoryItem } from './exchangeView';
import type { HistoryEntry, RequestHistory } from './requestHistory';
import type { ResponsePanel } from './responsePanel';

export const SHOW_HISTORY_COMMAND = 'jkopay.showHistory';
export const COPY_CURL_COMMAND = 'jkopay.copyAsCurl';

export interface CopyCurlArgs {
  id?: string;
  /** Write the real API key and DIGEST in (otherwise the user is asked; the safe choice is first). */
  includeSecrets?: boolean;
}

async function pickEntry(history: RequestHistory, placeHolder: string): Promise<HistoryEntry | undefined> {
  const entries = history.all();
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No JKOPay requests have been sent in this workspace yet.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => {
      const item = toHistoryItem(entry);
      return { label: item.label, description: item.detail, detail: `${entry.request.method} ${entry.request.url}`, entry };
    }),
    { placeHolder, matchOnDetail: true },
  );
  return picked?.entry;
}

/** The cURL text of an entry; with secrets only when asked, signed with the credentials stored now. */
export async function curlFor(entry: HistoryEntry, credentials: CredentialStore, includeSecrets: boolean): Promise<string | undefined> {
  const baseUrl = entry.request.url.slice(0, entry.request.url.length - entry.prepared.path.length);
  if (!includeSecrets) return toCurl(baseUrl, entry.prepared);
  const keys = await credentials.forSending(entry.env);
  if (!keys) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No {0} credentials are stored, so the cURL command was not copied with them.', entry.env),
    );
    return undefined;
  }
  return toCurl(baseUrl, entry.prepared, { apiKey: keys.apiKey, digest: computeDigest(keys.secretKey, entry.prepared.signedText) });
}

export async function copyAsCurl(
  entry: HistoryEntry,
  credentials: CredentialStore,
  includeSecrets?: boolean,
): Promise<{ text: string; withSecrets: boolean } | undefined> {
  if (includeSecrets === undefined) {
    const safe = {
      label: vscode.l10n.t('With placeholders for the key and DIGEST'),
      detail: vscode.l10n.t('Safe to share: the command reads JKOPAY_API_KEY and JKOPAY_SECRET_KEY from the shell.'),
      include: false,
    };
    const real = {
      label: vscode.l10n.t('With the real API key and DIGEST'),
      detail: vscode.l10n.t('Do not paste this where others can read it.'),
      include: true,
    };
    const picked = await vscode.window.showQuickPick([safe, real], { placeHolder: vscode.l10n.t('Copy the request as a cURL command') });
    if (!picked) return undefined;
    includeSecrets = picked.include;
  }
  const text = await curlFor(entry, credentials, includeSecrets);
  if (text === undefined) return undefined;
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(vscode.l10n.t('The cURL command is on the clipboard.'));
  return { text, withSecrets: includeSecrets };
}

export function registerHistoryCommands(history: RequestHistory, panel: ResponsePanel, credentials: CredentialStore): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_HISTORY_COMMAND, async (): Promise<string | undefined> => {
      const entry = await pickEntry(history, vscode.l10n.t('Recent JKOPay requests: pick one to show it'));
      if (entry) panel.show(entry.id, false);
      return entry?.id;
    }),
    // Returns the copied text only when it holds no key: any extension can run a command and read
    // its result, and the real key belongs on the user's clipboard only.
    vscode.commands.registerCommand(COPY_CURL_COMMAND, async (args?: CopyCurlArgs): Promise<string | boolean> => {
      const shown = args?.id ?? panel.visibleId;
      const entry = shown ? history.get(shown) : await pickEntry(history, vscode.l10n.t('Copy which request as cURL?'));
      if (!entry) return false;
      const copied = await copyAsCurl(entry, credentials, args?.includeSecrets);
      if (copied === undefined) return false;
      return copied.text !== undefined && !copied.withSecrets ? copied.text : true;
    }),
  ];
}
