/**
 * The stateful mock JKOPay server on node:http (loopback by default). For the three platform
 * endpoints it checks, in order: path and method (404/405), content type (415), body size
 * (1 MB, 413), API-KEY and DIGEST over the exact bytes received (401, with the DIGEST doctor's
 * account of the slip behind a wrong DIGEST) — none of which changes anything — then `X-Mock-Result` (a forced documented failure, changing nothing), then the
 * endpoint's own rules. `/_mock/…` is the control surface. With a state file, every change is
 * on disk before its answer goes out.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { Endpoint } from '../../data/types';
import { PRODUCTION_URL, SANDBOX_URL } from '../environments';
import { readInquiryQuery } from '../inquiryQuery';
import { ENDPOINT_PATHS } from '../requestBody';
import { clampMs } from '../durations';
import { describeDiagnosis, diagnoseDigest } from '../digestDoctor';
import { verifyDigest } from '../signing';
import { forcedRow, forcibleCodes, type MockAnswer, mockError, official, ROWS, unreadable } from './mockAnswers';
import { type CallbackLogEntry, CallbackSender } from './mockCallbacks';
import { type MockConfig, mockConfig } from './mockConfig';
import type { HandlerResult, MockContext } from './mockContext';
import { handleControl } from './mockControl';
import { type ControlGuard, controlGuard, isJsonType } from './mockGuard';
import { handleEntry } from './mockEntry';
import { handleInquiry } from './mockInquiry';
import { loadState, StateFile, StateGate } from './mockPersistence';
import { handleRefund } from './mockRefund';
import { MockState, MockStateError } from './mockState';

/** A request (headers and body) must arrive within this (docs/mock.md); slower connections are cut. */
export const REQUEST_TIMEOUT_MS = 15_000;

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
  /** A request's headers and body must have arrived within this many ms (default 15 000); slower connections are cut. */
  requestTimeoutMs?: number;
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
  /** Why it was refused, when the access log should say more than the status (a wrong DIGEST's slip). */
  note?: string;
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
  // Before listening: leftovers of a killed mock go, and an unwritable state file is an error now, not at the first change.
  await stateFile?.prepare();
  const gate = new StateGate(state, stateFile);
  const persist = () => gate.save();
  const background = () => {
    persist().catch((e) => options.onError?.(e));
  };
  const sender = new CallbackSender(config.callbacks, config.secretKey, state, background, config, options.onCallback, config.apiKey);
  const paying = new Set<string>();
  const previous: PreviousMessages = {};
  const ctx: MockContext = { state, config, baseUrl: '', formToken: '', commit: (mutate) => gate.commit(mutate) };

  const requestTimeoutMs = clampMs(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, 1, REQUEST_TIMEOUT_MS);
  // Node checks these deadlines only every connectionsCheckingInterval (30 s by default), which let
  // a slow-loris connection live 30 s; checked each second (or sooner), the cut comes on time.
  const server = http.createServer({ connectionsCheckingInterval: Math.min(1000, requestTimeoutMs) }, (req, res) => {
    const started = performance.now();
    // The order ids a request names are read only for the access log: with no one listening (--quiet), not at all.
    const seen: RequestNote | undefined = options.onRequest ? {} : undefined;
    handle(req, res, ctx, guard, sender, paying, gate, seen, previous)
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
          ...(seen?.orderIds?.length ? { orderIds: seen.orderIds } : {}),
          ...(seen?.note ? { note: seen.note } : {}),
        });
      });
  });
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = requestTimeoutMs;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.baseUrl = `http://${urlHost(host)}:${port}`;
  const guard = controlGuard(host, port);
  ctx.formToken = guard.formToken;

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
  note?: string;
}

/** The last body and query received: a DIGEST reused from the previous request is one of the slips the doctor names. */
interface PreviousMessages {
  body?: Buffer;
  query?: string;
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

/** The order ids an inquiry names, for the access log: in any form the mock reads (readInquiryQuery), decoded where they can be. */
function logIds(rawQuery: string): string[] {
  return readInquiryQuery(rawQuery)
    .rawIds.flatMap((raw) => {
      try {
        return decodeURIComponent(raw).split(',');
      } catch {
        return [raw];
      }
    })
    .filter((id) => id !== '');
}

/** Handles one request; resolves with the `result` code sent, when an envelope was sent. */
async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: MockContext,
  guard: ControlGuard,
  sender: CallbackSender,
  paying: Set<string>,
  gate: StateGate,
  seen: RequestNote | undefined,
  previous: PreviousMessages,
): Promise<string | undefined> {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  const method = req.method ?? 'GET';

  if (pathname === '/_mock' || pathname.startsWith('/_mock/')) {
    const controlError = (status: number, error: string) => {
      const body = `${JSON.stringify({ ok: false, error }, null, 2)}\n`;
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
      res.end(body);
      return undefined;
    };
    // Refused before the body is read: a foreign page learns nothing and changes nothing.
    const refusal = guard.refusal(req);
    if (refusal) return controlError(403, refusal);
    const read = await readBody(req);
    if (read === 'too-large') return sendAnswer(res, unreadable(413, `larger than ${MAX_BODY_BYTES} bytes`), true);
    let segments: string[];
    try {
      segments = pathname
        .slice('/_mock/'.length)
        .split('/')
        .filter((s) => s !== '')
        .map(decodeURIComponent);
    } catch {
      return sendAnswer(res, mockError(400, `the path ${pathname} is not validly percent-encoded`));
    }
    if (seen && ['orders', 'pay', 'qr'].includes(segments[0]) && segments[1] !== undefined)
      seen.orderIds = [segments[1].replace(/\.svg$/, '')];
    const contentType = String(req.headers['content-type'] ?? '');
    const text = decodeUtf8(read);
    if (text === undefined) return controlError(400, 'the body is not valid UTF-8');
    if (method === 'POST' && !isJsonType(contentType)) {
      // Only the payment page's own forms may post a form, and only with this run's token.
      const formRoute = segments.length === 3 && segments[0] === 'orders' && (segments[2] === 'pay' || segments[2] === 'fail');
      if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType.trim()) || !formRoute) {
        return controlError(
          415,
          `control POSTs must be Content-Type: application/json, not ${contentType ? JSON.stringify(contentType.slice(0, 100)) : 'missing'}`,
        );
      }
      if (!guard.isFormToken(new URLSearchParams(text).get('token'))) {
        return controlError(403, "the form does not carry this run's token: open the payment page again (GET /_mock/pay/{id})");
      }
    }
    const request = {
      method,
      segments,
      query: new URLSearchParams(rawQuery),
      body: text,
      contentType,
      wantsHtml: String(req.headers.accept ?? '').includes('text/html'),
    };
    // Paying awaits the merchant and commits its own changes; every other control route is
    // synchronous and runs as one change (or one read) through the gate.
    const isPay = method === 'POST' && segments[0] === 'orders' && segments[2] === 'pay';
    let result;
    try {
      result = isPay
        ? await handleControl(ctx, sender, paying, request)
        : method === 'GET'
          ? await gate.read(() => handleControl(ctx, sender, paying, request))
          : await gate.commit(
              () => handleControl(ctx, sender, paying, request),
              (r) => r.changed,
            );
    } catch (e) {
      // A change that could not be saved was undone: said the way every control answer says a refusal.
      if (e instanceof MockStateError) return controlError(500, e.message);
      throw e;
    }
    res.writeHead(result.status, { 'Content-Type': result.contentType, 'Cache-Control': 'no-store', ...result.headers });
    res.end(result.body);
    return undefined;
  }

  const route = ROUTES.get(pathname);
  if (!route) {
    return sendAnswer(
      res,
      mockError(
        404,
        `No such endpoint: ${method} ${pathname}. The mock serves POST /platform/entry, POST /platform/refund, GET /platform/inquiry and /_mock/.`,
      ),
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

  if (seen) {
    if (route.method === 'POST') seen.orderIds = bodyOrderId(body);
    else seen.orderIds = logIds(rawQuery);
  }

  const signed = route.method === 'POST' ? body : rawQuery;
  const auth = authenticate(req, ctx.config, signed, previous);
  // Kept after it is checked: the next request's DIGEST may have been computed over this one.
  if (route.method === 'POST') previous.body = body;
  else previous.query = rawQuery;
  if (auth) {
    if (seen && auth.note) seen.note = auth.note;
    return sendAnswer(res, auth.answer);
  }

  const forced = req.headers['x-mock-result'];
  if (forced !== undefined) {
    const row = forcedRow(route.endpoint, String(forced));
    if (!row) {
      const codes = forcibleCodes(route.endpoint).join(', ');
      return sendAnswer(
        res,
        mockError(400, `X-Mock-Result "${forced}" is not a documented failure of ${route.endpoint}; use one of ${codes}`),
      );
    }
    return sendAnswer(res, row.messageIsDynamic ? official({ ...row, message: 'Refund failed (forced by X-Mock-Result)' }) : official(row));
  }

  let result: HandlerResult;
  if (route.endpoint === 'inquiry') result = await gate.read(() => handleInquiry(ctx, rawQuery));
  else {
    const text = decodeUtf8(body);
    // Never decoded with U+FFFD in place of the bad bytes: that would store text the merchant never sent.
    if (text === undefined) return sendAnswer(res, official(ROWS.badRequest, { body: `not valid UTF-8 (at byte ${badUtf8Offset(body)})` }));
    const handler = route.endpoint === 'entry' ? handleEntry : handleRefund;
    // One change at a time, saved before it is answered; a failed save undoes it and answers 999.
    result = await gate.commit(
      () => handler(ctx, text),
      (r) => r.changed,
    );
  }
  return sendAnswer(res, result.answer);
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8 (never replaced by U+FFFD). */
function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The offset of the first byte that makes `bytes` invalid UTF-8 (a short binary search on fatal decoding). */
function badUtf8Offset(bytes: Buffer): number {
  // Invariant: bytes[0, lo) decodes (as the start of a stream); bytes[0, hi) does not, or hi is the end.
  const ok = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * A missing or wrong API-KEY or DIGEST: a 401 envelope saying which, or undefined when both are
 * right. A wrong DIGEST is diagnosed (digestDoctor.ts): the message names the slip and what the
 * mock checked, `result_object` carries the slip ids for clients that explain them in their own
 * language, and the note goes to the access log. Only after a mismatch: a right DIGEST costs one HMAC.
 */
function authenticate(
  req: http.IncomingMessage,
  config: MockConfig,
  signed: Buffer | string,
  previous: PreviousMessages,
): { answer: MockAnswer; note?: string } | undefined {
  const apiKey = req.headers['api-key'];
  const digest = req.headers.digest;
  if (typeof apiKey !== 'string' || apiKey === '') return { answer: mockError(401, 'Unauthorized: the API-KEY header is missing.') };
  if (!sameText(apiKey, config.apiKey)) return { answer: mockError(401, "Unauthorized: the API-KEY is not this merchant's key.") };
  if (typeof digest !== 'string' || digest === '') return { answer: mockError(401, 'Unauthorized: the DIGEST header is missing.') };
  if (verifyDigest(config.secretKey, signed, digest)) return undefined;
  const kind = typeof signed === 'string' ? 'query' : 'body';
  const host = typeof req.headers.host === 'string' ? req.headers.host : undefined;
  const diagnosis = diagnoseDigest({
    secretKey: config.secretKey,
    message: signed,
    digest,
    kind,
    apiKey: config.apiKey,
    previousMessage: kind === 'body' ? previous.body : previous.query,
    // The URL the client called, as it may have signed it whole; and the JKOPay hosts it may have signed for.
    origins: [...(host ? [`http://${host}`, `https://${host}`] : []), SANDBOX_URL, PRODUCTION_URL],
  });
  const account = describeDiagnosis(diagnosis, 'en', digest);
  const what = kind === 'query' ? 'the query string after "?"' : 'the exact body bytes';
  return {
    answer: mockError(
      401,
      `Unauthorized: the DIGEST does not match: it must be lower-case hex HMAC-SHA256 of ${what} with the secret key. ${account}`,
      { digest_slips: diagnosis.slips, signed: diagnosis.signed },
    ),
    note: `DIGEST ${diagnosis.slips.length ? diagnosis.slips.join(' + ') : 'mismatch'}: ${account}`,
  };
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
