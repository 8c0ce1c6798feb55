/**
 * The stateful mock JKOPay server on node:http (loopback by default). For the three platform
 * endpoints it checks, in order: path and method (404/405), content type (415), body size
 * (1 MB, 413), API-KEY and DIGEST over the exact bytes received (401) — none of which changes
 * anything — then `X-Mock-Result` (a forced documented failure, changing nothing), then the
 * endpoint's own rules. `/_mock/…` is the control surface. With a state file, every change is
 * on disk before its answer goes out.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { Endpoint } from '../../data/types';
import { ENDPOINT_PATHS } from '../requestBody';
import { verifyDigest } from '../signing';
import { forcedRow, forcibleCodes, type MockAnswer, mockError, official, ROWS, unreadable } from './mockAnswers';
import { type CallbackLogEntry, CallbackSender } from './mockCallbacks';
import { type MockConfig, mockConfig } from './mockConfig';
import type { HandlerResult, MockContext } from './mockContext';
import { handleControl } from './mockControl';
import { handleEntry } from './mockEntry';
import { handleInquiry } from './mockInquiry';
import { loadState, StateFile } from './mockPersistence';
import { handleRefund } from './mockRefund';
import { MockState } from './mockState';

/** Bodies over this are refused with 413 before they are read. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface MockServerOptions {
  config?: MockConfig;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port (the CLI passes its own default). */
  port?: number;
  /** Persist the state here (read at start, rewritten atomically after each change). */
  stateFile?: string;
  /** Called once per answered request (the CLI prints an access log from it). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called once per callback attempt to the merchant, and per skipped callback (the access log too). */
  onCallback?: (entry: CallbackLogEntry) => void;
  /** Called when a handler throws (the request gets 999 "Internal Error"). */
  onError?: (error: unknown) => void;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  result?: string;
  elapsedMs: number;
  /** The order ids the request names (body, query or control path), when it names any. */
  orderIds?: string[];
}

export interface RunningMockServer {
  /** `http://host:port`, the base URL clients use. */
  url: string;
  host: string;
  port: number;
  config: MockConfig;
  state: MockState;
  close(): Promise<void>;
}

interface Route {
  endpoint: Endpoint;
  method: 'POST' | 'GET';
}

const ROUTES = new Map<string, Route>([
  [ENDPOINT_PATHS.entry, { endpoint: 'entry', method: 'POST' }],
  [ENDPOINT_PATHS.refund, { endpoint: 'refund', method: 'POST' }],
  [ENDPOINT_PATHS.inquiry, { endpoint: 'inquiry', method: 'GET' }],
]);

export async function startMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const config = options.config ?? mockConfig();
  const host = options.host ?? '127.0.0.1';
  const state = options.stateFile ? await loadState(options.stateFile) : new MockState();
  const stateFile = options.stateFile ? new StateFile(options.stateFile, state) : undefined;
  const persist = async () => {
    if (stateFile) await stateFile.save();
  };
  const background = () => {
    persist().catch((e) => options.onError?.(e));
  };
  const sender = new CallbackSender(config.callbacks, config.secretKey, state, background, config, options.onCallback);
  const paying = new Set<string>();
  const ctx: MockContext = { state, config, baseUrl: '' };

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const seen: RequestNote = {};
    handle(req, res, ctx, sender, paying, persist, seen)
      .catch((error) => {
        options.onError?.(error);
        if (!res.headersSent) sendAnswer(res, official(ROWS.entryInternal, null, 500), true);
        else res.destroy();
        return undefined;
      })
      .then((result) => {
        options.onRequest?.({
          method: req.method ?? '?',
          path: (req.url ?? '/').split('?')[0],
          status: res.statusCode,
          result,
          elapsedMs: Math.round(performance.now() - started),
          ...(seen.orderIds?.length ? { orderIds: seen.orderIds } : {}),
        });
      });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.baseUrl = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: ctx.baseUrl,
    host,
    port,
    config,
    state,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await sender.close();
        // Answers still being written get a moment; then anything left is cut.
        const timer = setTimeout(() => server.closeAllConnections(), 1000);
        await closed;
        clearTimeout(timer);
        await persist();
      })();
      return closing;
    },
  };
}

/** The host as it goes into a URL: the wildcard addresses become loopback, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** What the access log learns while a request is handled. */
interface RequestNote {
  orderIds?: string[];
}

/** The order id of a JSON body, read leniently (the log must not fail on a body the handler refuses). */
function bodyOrderId(body: Buffer): string[] | undefined {
  try {
    const id = (JSON.parse(body.toString('utf8')) as { platform_order_id?: unknown } | null)?.platform_order_id;
    return typeof id === 'string' || typeof id === 'number' ? [String(id)] : undefined;
  } catch {
    return undefined;
  }
}

/** Handles one request; resolves with the `result` code sent, when an envelope was sent. */
async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: MockContext,
  sender: CallbackSender,
  paying: Set<string>,
  persist: () => Promise<void>,
  seen: RequestNote,
): Promise<string | undefined> {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  const method = req.method ?? 'GET';

  if (pathname === '/_mock' || pathname.startsWith('/_mock/')) {
    const read = await readBody(req);
    if (read === 'too-large') return sendAnswer(res, unreadable(413, `larger than ${MAX_BODY_BYTES} bytes`), true);
    let segments: string[];
    try {
      segments = pathname.slice('/_mock/'.length).split('/').filter((s) => s !== '').map(decodeURIComponent);
    } catch {
      return sendAnswer(res, mockError(400, `the path ${pathname} is not validly percent-encoded`));
    }
    if (['orders', 'pay', 'qr'].includes(segments[0]) && segments[1] !== undefined) seen.orderIds = [segments[1].replace(/\.svg$/, '')];
    const result = await handleControl(ctx, sender, paying, {
      method,
      segments,
      body: read.toString('utf8'),
      contentType: String(req.headers['content-type'] ?? ''),
      wantsHtml: String(req.headers.accept ?? '').includes('text/html'),
    });
    if (result.changed) await persist();
    res.writeHead(result.status, { 'Content-Type': result.contentType, 'Cache-Control': 'no-store', ...result.headers });
    res.end(result.body);
    return undefined;
  }

  const route = ROUTES.get(pathname);
  if (!route) {
    return sendAnswer(
      res,
      mockError(404, `No such endpoint: ${method} ${pathname}. The mock serves POST /platform/entry, POST /platform/refund, GET /platform/inquiry and /_mock/.`),
      true,
    );
  }
  if (method !== route.method) {
    const answer = mockError(405, `${pathname} takes ${route.method}, not ${method}.`);
    return sendAnswer(res, answer, true, { Allow: route.method });
  }
  if (route.method === 'POST') {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return sendAnswer(res, unreadable(415, `Content-Type must be application/json, not ${type ? `"${type}"` : 'missing'}`), true);
    }
  }
  const body = await readBody(req);
  if (body === 'too-large') return sendAnswer(res, unreadable(413, `larger than ${MAX_BODY_BYTES} bytes (1 MB)`), true);

  if (route.method === 'POST') seen.orderIds = bodyOrderId(body);
  else {
    const ids = new URLSearchParams(rawQuery).get('platform_order_ids');
    if (ids) seen.orderIds = ids.split(',').filter((id) => id !== '');
  }

  const auth = authenticate(req, ctx.config, route.method === 'POST' ? body : rawQuery);
  if (auth) return sendAnswer(res, auth);

  const forced = req.headers['x-mock-result'];
  if (forced !== undefined) {
    const row = forcedRow(route.endpoint, String(forced));
    if (!row) {
      const codes = forcibleCodes(route.endpoint).join(', ');
      return sendAnswer(res, mockError(400, `X-Mock-Result "${forced}" is not a documented failure of ${route.endpoint}; use one of ${codes}`));
    }
    return sendAnswer(res, row.messageIsDynamic ? official({ ...row, message: 'Refund failed (forced by X-Mock-Result)' }) : official(row));
  }

  let result: HandlerResult;
  if (route.endpoint === 'inquiry') result = handleInquiry(ctx, rawQuery);
  else {
    const text = body.toString('utf8');
    result = route.endpoint === 'entry' ? handleEntry(ctx, text) : handleRefund(ctx, text);
  }
  if (result.changed) await persist();
  return sendAnswer(res, result.answer);
}

/** A missing or wrong API-KEY or DIGEST: a 401 envelope saying which, or undefined when both are right. */
function authenticate(req: http.IncomingMessage, config: MockConfig, signed: Buffer | string): MockAnswer | undefined {
  const apiKey = req.headers['api-key'];
  const digest = req.headers.digest;
  if (typeof apiKey !== 'string' || apiKey === '') return mockError(401, 'Unauthorized: the API-KEY header is missing.');
  if (!sameText(apiKey, config.apiKey)) return mockError(401, 'Unauthorized: the API-KEY is not this merchant\'s key.');
  if (typeof digest !== 'string' || digest === '') return mockError(401, 'Unauthorized: the DIGEST header is missing.');
  if (!verifyDigest(config.secretKey, signed, digest)) {
    const what = typeof signed === 'string' ? 'the query string after "?"' : 'the exact body bytes';
    return mockError(401, `Unauthorized: the DIGEST does not match: it must be lower-case hex HMAC-SHA256 of ${what} with the secret key.`);
  }
  return undefined;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The body as bytes (the DIGEST is over bytes), or `too-large` without reading past the limit. */
function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Writes an envelope; `close` ends the connection after it (the request body may be unread). */
function sendAnswer(res: http.ServerResponse, answer: MockAnswer, close = false, headers: Record<string, string> = {}): string {
  const body = JSON.stringify(answer.envelope);
  res.writeHead(answer.httpStatus, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...(close ? { Connection: 'close' } : {}),
    ...headers,
  });
  res.end(body);
  return answer.envelope.result;
}
