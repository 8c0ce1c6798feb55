/**
 * "JKOPay: Test Callback Endpoints…" and "JKOPay: Forward Mock Callbacks To…" in the real VS
 * Code, against a receiver this test starts on 127.0.0.1: the verdicts come back and appear in
 * the response webview as a table, each explained; with forwarding, the in-editor mock's
 * callbacks for a non-loopback host reach the receiver with path and query kept, and each
 * attempt is in the JKOPay output channel's log; forwarding set after an order was sent keeps the
 * order (the mock restarts with it), so that Simulate Payment then pays it.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { computeDigest } from '../../../src/api/signing';
import type { CallbackVerdict } from '../../../src/api/callbacks/callbackTest';
import type { RunnerApi } from '../../../src/client/runner/runner';
import { EXTENSION_ID, waitFor } from './helpers';

/** Creates a TWD entry on the mock (signed with the mock's default keys) and checks that it answers 000. */
async function createEntry(mockUrl: string, id: string, price: number, urls: { confirm_url?: string; result_url?: string }): Promise<void> {
  const body = JSON.stringify({
    platform_order_id: id,
    store_id: '00000000-0000-4000-8000-000000000001',
    currency: 'TWD',
    total_price: price,
    final_price: price,
    unredeem: 0,
    ...urls,
  });
  const created = await fetch(`${mockUrl}/platform/entry`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'API-KEY': 'mock-api-key', DIGEST: computeDigest('mock-secret-key', body) },
    body,
  });
  assert.equal(((await created.json()) as { result: string }).result, '000');
}

describe('callback endpoints', () => {
  let api: RunnerApi;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: { path: string; body: string; digest: string | undefined }[] = [];
  let resultCalls = 0;

  before(async () => {
    const extension = vscode.extensions.getExtension<RunnerApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url!, body: Buffer.concat(chunks).toString(), digest: req.headers.digest as string | undefined });
        if (req.url!.startsWith('/confirm/')) res.end('{"valid": true}');
        else if (req.url!.startsWith('/confirm')) res.end('OK');
        else if (req.url!.startsWith('/result/fails')) {
          res.statusCode = 500;
          res.end();
        } else if (req.url!.startsWith('/result') && ++resultCalls === 2) {
          res.statusCode = 500;
          res.end();
        } else res.end('{"ok": true}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });

  after(async () => {
    await vscode.commands.executeCommand('jkopay.forwardMockCallbacks', { origin: '' });
    await vscode.commands.executeCommand('jkopay.stopMock');
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('registers both commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('jkopay.testCallbacks'));
    assert.ok(commands.includes('jkopay.forwardMockCallbacks'));
  });

  it('tests the endpoints and shows each verdict, explained, in the response webview', async () => {
    const verdicts = await vscode.commands.executeCommand<CallbackVerdict[]>('jkopay.testCallbacks', {
      confirmUrl: `${receiverUrl}/confirm`,
      resultUrl: `${receiverUrl}/result`,
      timeoutSeconds: 5,
    });
    assert.deepEqual(
      verdicts.map((v) => [v.scenario, v.verdict, v.status]),
      [
        ['confirm', 'fail', 200],
        ['result', 'pass', 200],
        ['result-duplicate', 'fail', 500],
        ['result-bad-digest', 'warn', 200],
        ['result-unsigned', 'pass', 200],
        ['slow', 'pass', null],
        ['slow', 'pass', null],
      ],
    );
    for (const call of received.slice(0, 3)) assert.equal(call.digest, computeDigest('mock-secret-key', call.body));
    const text = await waitFor('the verdict table on screen', () => {
      const { renderedText } = api.panel();
      return renderedText?.includes('result-bad-digest') ? renderedText : undefined;
    });
    assert.match(text, /Callback endpoints tested as JKOPay calls them/);
    assert.match(text, /4 passed, 1 warning, 2 failed|4 項通過、1 項警告、2 項失敗/);
    // Times carry the display language's unit; the run's time stamp is the display language's too.
    assert.match(text, vscode.env.language.toLowerCase().startsWith('zh') ? /\d+ 毫秒/ : /\d+ ms/);
    assert.match(text, /which is not JSON/, 'the confirm failure is explained');
    assert.match(text, /JKOPay retries/, 'the duplicate failure is explained');
    assert.match(text, /does not document signing callbacks/, 'the warning is explained');
    assert.match(text, /before charging/, 'each scenario says what JKOPay does');
  });

  it("forwards the in-editor mock's callbacks for a non-loopback host to the receiver, and logs each attempt", async () => {
    received.length = 0;
    resultCalls = 0;
    const origin = await vscode.commands.executeCommand<string>('jkopay.forwardMockCallbacks', { origin: receiverUrl });
    assert.equal(origin, receiverUrl);
    const mockUrl = await vscode.commands.executeCommand<string>('jkopay.startMock');
    assert.ok(mockUrl);
    await createEntry(mockUrl, 'cb-forward-1', 100, {
      confirm_url: 'https://shop.example/confirm/x?src=jko',
      result_url: 'https://shop.example/jkopay/notify?src=jko',
    });
    const answer = await vscode.commands.executeCommand<{ ok: boolean; paid?: boolean }>('jkopay.simulatePayment', {
      orderId: 'cb-forward-1',
    });
    assert.equal(answer.ok, true);
    assert.equal(answer.paid, true);
    assert.deepEqual(
      received.map((r) => r.path),
      ['/confirm/x?src=jko', '/jkopay/notify?src=jko'],
    );
    for (const call of received) assert.equal(call.digest, computeDigest('mock-secret-key', call.body));
    const log = await waitFor('the callback lines in the JKOPay log', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.logFile));
      return text.includes('callback confirm_url [order cb-forward-1] https://shop.example/confirm/x?src=jko (forwarded to')
        ? text
        : undefined;
    });
    assert.match(
      log,
      /callback result_url \[order cb-forward-1\] https:\/\/shop\.example\/jkopay\/notify\?src=jko \(forwarded to [^)]*\) attempt 1 → HTTP 200/,
    );
  });

  // Issue 21: forwarding restarted the mock and lost its orders, so Simulate Payment answered "no order".
  it('keeps the orders sent before forwarding is set: Simulate Payment then pays the order, its callbacks forwarded', async () => {
    await vscode.commands.executeCommand('jkopay.forwardMockCallbacks', { origin: '' });
    const mockUrl = await vscode.commands.executeCommand<string>('jkopay.startMock');
    await createEntry(mockUrl, 'cb-keep-1', 250, { result_url: 'https://shop.example/jkopay/kept?src=jko' });
    received.length = 0;
    await vscode.commands.executeCommand('jkopay.forwardMockCallbacks', { origin: receiverUrl });
    const answer = await vscode.commands.executeCommand<{ ok: boolean; paid?: boolean; error?: string }>('jkopay.simulatePayment', {
      orderId: 'cb-keep-1',
    });
    assert.equal(answer.ok, true, answer.error);
    assert.equal(answer.paid, true);
    assert.deepEqual(
      received.map((r) => r.path),
      ['/jkopay/kept?src=jko'],
    );
    const log = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.logFile));
    assert.match(log, /Mock JKOPay server: \d+ orders? kept across the restart\./);
  });

  it('names the callbacks a restart cut off', async () => {
    // A paid order whose result_url keeps failing (the receiver answers 500) has retries due; a new target restarts the mock under them.
    await vscode.commands.executeCommand('jkopay.forwardMockCallbacks', { origin: receiverUrl });
    const mockUrl = await vscode.commands.executeCommand<string>('jkopay.startMock');
    await createEntry(mockUrl, 'cb-cut-1', 120, { result_url: 'https://shop.example/result/fails' });
    const paid = await vscode.commands.executeCommand<{ ok: boolean; paid?: boolean }>('jkopay.simulatePayment', { orderId: 'cb-cut-1' });
    assert.equal(paid.paid, true);
    await vscode.commands.executeCommand('jkopay.forwardMockCallbacks', { origin: '' });
    const log = await waitFor('the cut callback in the JKOPay log', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.logFile));
      return text.includes('cb-cut-1, which were still being retried') ? text : undefined;
    });
    assert.match(log, /the restart stopped the result_url calls of order cb-cut-1, which were still being retried/);
  });
});
