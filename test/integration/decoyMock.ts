/**
 * The proof that the real-VS-Code tests are hermetic: before they run, a `jkopay mock` is started
 * on the default port 8917 (only when that port is free: never over someone's own server) holding
 * the runner fixture's order `runner-fixture-0001` already paid, so a test that reached it would
 * get `101 Order is paid` instead of the `000` it expects. Every request it answers after that set-
 * up is counted: runVsCodeTests fails when the tests sent it any.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MOCK_PORT } from '../../src/api/environments';
import { sendRequest } from '../../src/api/httpClient';
import { exchange } from '../../src/api/httpExchange';
import { DEFAULT_MOCK_CONFIG, mockConfig } from '../../src/api/mock/mockConfig';
import { type RequestLogEntry, type RunningMockServer, startMockServer } from '../../src/api/mock/mockServer';
import { isListening } from '../../src/api/probe';
import { prepareRequest } from '../../src/api/requestBody';
import { parseJsonDocument } from '../../src/core/json/jsonDocument';

export const DECOY_ORDER = 'runner-fixture-0001';

export interface Decoy {
  /** Requests the tests sent it (after its own set-up): must stay empty. */
  hits: RequestLogEntry[];
  close(): Promise<void>;
}

export async function startDecoy(root: string): Promise<Decoy | undefined> {
  const url = `http://127.0.0.1:${DEFAULT_MOCK_PORT}`;
  if (await isListening(url, 300)) {
    console.log(
      `decoy: port ${DEFAULT_MOCK_PORT} is already taken (by a mock of yours?): the tests must ignore it, and no decoy is started`,
    );
    return undefined;
  }
  const hits: RequestLogEntry[] = [];
  let armed = false;
  let server: RunningMockServer;
  try {
    server = await startMockServer({ config: mockConfig({}), port: DEFAULT_MOCK_PORT, onRequest: (e) => armed && hits.push(e) });
  } catch (e) {
    console.log(`decoy: could not listen on ${DEFAULT_MOCK_PORT} (${(e as Error).message}): no decoy`);
    return undefined;
  }
  const file = path.join(root, 'test/integration/fixtures/workspace/runner/checkout.entry.jkopay.json');
  const prepared = prepareRequest(parseJsonDocument(file, fs.readFileSync(file, 'utf8')).payloads[0]);
  const credentials = { apiKey: DEFAULT_MOCK_CONFIG.apiKey, secretKey: DEFAULT_MOCK_CONFIG.secretKey };
  const created = await sendRequest(prepared, { baseUrl: server.url, credentials });
  const paid = await exchange({
    url: `${server.url}/_mock/orders/${DECOY_ORDER}/pay`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ callbacks: false }),
    timeoutMs: 10_000,
  });
  if (created.envelope?.result !== '000' || !(JSON.parse(paid.bodyText) as { ok?: boolean }).ok) {
    await server.close();
    throw new Error(`decoy: could not set up the paid order: ${created.envelope?.result} ${paid.bodyText}`);
  }
  armed = true;
  console.log(`decoy: a jkopay mock on ${server.url} holds order ${DECOY_ORDER} paid; the tests must never reach it`);
  return { hits, close: () => server.close() };
}
