/**
 * The response webview, a small browser program with no `vscode` import: it receives the state
 * from the extension host (src/shared/webviewProtocol.ts), draws the request as sent and the answer
 * with its result code explained, and sends back the user's choices (show, send again, copy as
 * cURL). Every piece of data is put on screen with textContent, never parsed as HTML, so an
 * answer holding markup or script shows as text. Buttons and the recent list are plain
 * focusable buttons: the page works by keyboard.
 */
import './style.css';
import type { CallbackRunView, ExchangeView, HostMessage, WebviewLabels, WebviewMessage } from '../shared/webviewProtocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

/** An element with optional class and text; the text is never interpreted as markup. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function section(title: string, ...children: Node[]): HTMLElement {
  const s = el('section');
  s.append(el('h2', undefined, title), ...children);
  return s;
}

function pre(text: string, label: string): HTMLElement {
  const p = el('pre', 'code', text);
  // A scrollable region must be reachable by keyboard to be read.
  p.tabIndex = 0;
  p.setAttribute('aria-label', label);
  return p;
}

function button(text: string, message: WebviewMessage, primary = false): HTMLButtonElement {
  const b = el('button', primary ? 'primary' : 'secondary', text);
  b.type = 'button';
  b.addEventListener('click', () => vscode.postMessage(message));
  return b;
}

function renderRequest(x: ExchangeView, labels: WebviewLabels): HTMLElement {
  const line = el('p', 'request-line');
  line.append(el('span', 'method', x.method), document.createTextNode(' '), el('span', 'url', x.url));
  const headers = el('table', 'headers');
  headers.setAttribute('aria-label', labels.headers);
  for (const h of x.headers) {
    const row = el('tr');
    row.append(el('th', undefined, h.name), el('td', undefined, h.value));
    headers.append(row);
  }
  const parts: Node[] = [line, headers];
  if (x.body !== undefined) parts.push(el('h3', undefined, labels.body), pre(x.body, labels.body));
  else parts.push(el('p', 'muted', labels.noBody), el('h3', undefined, labels.digestOver), pre(x.signedText, labels.digestOver));
  return section(`${labels.request} · ${x.environment} · ${x.endpoint}`, ...parts);
}

function renderResponse(x: ExchangeView, labels: WebviewLabels): HTMLElement {
  const parts: Node[] = [];
  const facts = el('p', 'facts');
  if (x.result !== undefined) {
    const badge = el('span', `badge ${x.success ? 'ok' : 'fail'}`, x.result);
    badge.setAttribute('role', 'status');
    facts.append(badge, document.createTextNode(' '));
  }
  if (x.status !== undefined) facts.append(el('span', undefined, `${labels.status} ${x.status}`), document.createTextNode(' · '));
  facts.append(el('span', undefined, `${labels.time} ${x.elapsedMs} ms`));
  parts.push(facts);
  if (x.resultMessage) parts.push(el('p', 'result-message', x.resultMessage));
  if (x.error) parts.push(el('p', 'error', `${labels.error}${labels.colon}${x.error}`));
  if (x.checkerErrors > 0) parts.push(el('p', 'warning', labels.checkerErrors));
  if (x.digestExplanation) {
    const box = el('div', 'explanation digest');
    box.append(el('h3', undefined, labels.digestTitle), el('p', undefined, x.digestExplanation));
    parts.push(box);
  }
  if (x.result !== undefined && x.explanation.length === 0) parts.push(el('p', 'muted', labels.unknownCode));
  for (const row of x.explanation) {
    const box = el('div', 'explanation');
    box.append(el('h3', undefined, `${row.code} · ${row.title}`));
    const dl = el('dl');
    for (const [term, text] of [
      [labels.message, row.message],
      [labels.meaning, row.meaning],
      [labels.cause, row.cause],
      [labels.action, row.action],
    ] as const) {
      dl.append(el('dt', undefined, term), el('dd', undefined, text));
    }
    box.append(dl);
    parts.push(box);
  }
  parts.push(x.responseText !== undefined ? pre(x.responseText, labels.response) : el('p', 'muted', labels.noResponse));
  return section(labels.response, ...parts);
}

/** A callback test run: one table row per verdict, each with what JKOPay does and what was found. */
function renderCallbacks(run: CallbackRunView, labels: WebviewLabels): HTMLElement {
  const table = el('table', 'verdicts');
  table.setAttribute('aria-label', labels.callbacksTitle);
  const head = el('tr');
  for (const name of [labels.scenario, labels.url, labels.verdict, labels.status, labels.time, labels.detail])
    head.append(el('th', undefined, name));
  table.append(head);
  for (const row of run.rows) {
    const tr = el('tr');
    const scenario = el('td');
    scenario.append(el('strong', undefined, row.scenario), el('div', 'muted', row.scenarioText));
    const verdict = el('td');
    verdict.append(el('span', `badge ${row.verdict === 'pass' ? 'ok' : row.verdict === 'warn' ? 'warn' : 'fail'}`, row.verdictText));
    tr.append(
      scenario,
      el('td', 'url', row.url),
      verdict,
      el('td', undefined, row.status === null ? '—' : String(row.status)),
      el('td', 'elapsed', row.elapsed),
      el('td', undefined, row.detail),
    );
    table.append(tr);
  }
  return section(labels.callbacksTitle, el('p', 'muted', `${run.time} · ${run.summary}`), table);
}

function render(message: HostMessage): void {
  const { labels, current, history } = message;
  document.title = labels.title;
  const main = el('div', 'layout');
  const detail = el('div', 'detail');
  if (message.callbacks) detail.append(renderCallbacks(message.callbacks, labels));
  else if (current) {
    const actions = el('div', 'actions');
    actions.append(
      button(labels.resend, { type: 'resend', id: current.id }, true),
      button(labels.copyCurl, { type: 'copyCurl', id: current.id }),
    );
    detail.append(el('p', 'muted', current.time), actions, renderResponse(current, labels), renderRequest(current, labels));
  } else detail.append(el('p', 'muted', labels.empty));

  const recent = el('nav', 'recent');
  recent.setAttribute('aria-label', labels.recent);
  recent.append(el('h2', undefined, labels.recent));
  if (history.length === 0) recent.append(el('p', 'muted', labels.noHistory));
  const list = el('ul');
  for (const item of history) {
    const li = el('li');
    const open = button(item.label, { type: 'open', id: item.id });
    open.title = `${labels.open}${labels.colon}${item.detail}`;
    if (!message.callbacks && item.id === current?.id) open.setAttribute('aria-current', 'true');
    open.append(el('span', 'detail-line', item.detail));
    li.append(open);
    list.append(li);
  }
  recent.append(list);
  main.append(detail, recent);
  app.replaceChildren(main);
  vscode.postMessage({ type: 'rendered', id: message.callbacks ? undefined : current?.id, text: app.innerText });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  if (event.data?.type === 'state') render(event.data);
});
vscode.postMessage({ type: 'ready' });
