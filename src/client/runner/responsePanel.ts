/**
 * Hosts the response webview: one panel, reused, that runs the bundled webview program
 * (dist/webview.js and .css) under a strict content security policy — nothing by default,
 * scripts only by nonce, styles and scripts only from the bundle folder — and talks to it only
 * through the typed messages of src/shared/webviewProtocol.ts. Requests, keys and network calls stay
 * here in the extension host; the webview gets display data only.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CallbackRunView, HostMessage, WebviewMessage } from '../../shared/webviewProtocol';
import { toExchangeView, toHistoryItem, webviewLabels } from './exchangeView';
import type { RequestHistory } from './requestHistory';

export const PANEL_VIEW_TYPE = 'jkopay.response';

export interface PanelActions {
  resend(id: string): void;
  copyCurl(id: string): void;
}

export class ResponsePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private currentId: string | undefined;
  /** A callback test run on screen instead of an exchange. */
  private callbacks: CallbackRunView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The text the webview last reported on screen (read by the tests, never by features). */
  lastRenderedText: string | undefined;
  /** The exchange the webview last reported on screen. */
  lastRenderedId: string | undefined;
  /** The last message posted, as JSON (the tests search it for secrets). */
  lastPosted: string | undefined;
  private readonly renderedEvent = new vscode.EventEmitter<string>();
  readonly onDidRender = this.renderedEvent.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly history: RequestHistory,
    private readonly actions: PanelActions,
  ) {
    this.subscriptions.push(history.onDidChange(() => this.post()));
  }

  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  get visibleId(): string | undefined {
    return this.panel ? this.currentId : undefined;
  }

  /** Shows a run of "Test Callback Endpoints" until an exchange is shown again. */
  showCallbacks(run: CallbackRunView, preserveFocus = true): void {
    this.callbacks = run;
    this.open(preserveFocus);
  }

  /** Shows an exchange of the history (the newest when no id is given). */
  show(id?: string, preserveFocus = true): void {
    this.callbacks = undefined;
    this.currentId = id ?? this.history.all()[0]?.id;
    this.open(preserveFocus);
  }

  private open(preserveFocus: boolean): void {
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      this.post();
      return;
    }
    const bundle = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      vscode.l10n.t('JKOPay Response'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { enableScripts: true, localResourceRoots: [bundle], retainContextWhenHidden: false },
    );
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'icons/jkopay.png');
    this.panel = panel;
    panel.webview.html = pageHtml(panel.webview, bundle);
    panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.receive(m), undefined, this.subscriptions);
    panel.onDidDispose(
      () => {
        this.panel = undefined;
        this.lastRenderedText = undefined;
        this.lastRenderedId = undefined;
      },
      undefined,
      this.subscriptions,
    );
  }

  private receive(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.post();
        break;
      case 'open':
        if (this.history.get(message.id)) {
          this.callbacks = undefined;
          this.currentId = message.id;
          this.post();
        }
        break;
      case 'resend':
        this.actions.resend(message.id);
        break;
      case 'copyCurl':
        this.actions.copyCurl(message.id);
        break;
      case 'rendered':
        this.lastRenderedText = message.text;
        this.lastRenderedId = message.id;
        this.renderedEvent.fire(message.text);
        break;
    }
  }

  private post(): void {
    if (!this.panel) return;
    const current = this.currentId ? this.history.get(this.currentId) : undefined;
    const message: HostMessage = {
      type: 'state',
      labels: webviewLabels(),
      current: current && toExchangeView(current),
      history: this.history.all().map(toHistoryItem),
      ...(this.callbacks ? { callbacks: this.callbacks } : {}),
    };
    this.lastPosted = JSON.stringify(message);
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderedEvent.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The page shell: no data in it, only the bundle's script and style under a nonce and a strict CSP. */
function pageHtml(webview: vscode.Webview, bundle: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'webview.css'));
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>JKOPay</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
