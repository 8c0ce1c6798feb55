/**
 * One HTTP exchange over node:http/https with a deadline, cancellation and a cap on what is
 * read, where every transport failure becomes a TransportError with a kind and a plain message
 * (never a raw stack). Used by the JKOPay client and by the mock's callbacks to merchants.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { performance } from 'node:perf_hooks';
import { hasUrlUnsafeChar } from '../core';
import { clampMs } from './durations';

export interface ExchangeRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Deadline for the whole exchange (connect, answer and body), in ms. Default 15 000. */
  timeoutMs?: number;
  /** Deadline for the TCP (and TLS) connection alone, in ms (JKOPay's callbacks: 5 s). */
  connectTimeoutMs?: number;
  /** Deadline for the complete answer once connected, in ms (JKOPay's callbacks: 10 s). */
  readTimeoutMs?: number;
  signal?: AbortSignal;
  /** Bodies larger than this are cut off with a `too-large` error. Default 2 MiB. */
  maxResponseBytes?: number;
}

export interface ExchangeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  bodyText: string;
  elapsedMs: number;
}

export type TransportErrorKind =
  'bad-url' | 'refused' | 'dns' | 'tls' | 'timeout' | 'cancelled' | 'reset' | 'unreachable' | 'too-large' | 'network';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly elapsedMs = 0,
  ) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|EPROTO$|ERR_OSSL)/;

/** Turns a socket-level error into a TransportError that says what happened in words. */
export function classifyError(error: NodeJS.ErrnoException, url: URL, elapsedMs: number): TransportError {
  if (error instanceof TransportError) return error;
  const code = error.code ?? '';
  const where = url.host;
  if (code === 'ECONNREFUSED') return new TransportError('refused', `connection refused: nothing is listening at ${where}`, elapsedMs);
  if (code === 'ENOTFOUND' || code.startsWith('EAI_')) {
    return new TransportError(
      'dns',
      `cannot resolve the host name ${url.hostname} (DNS ${code}): check the URL and your network`,
      elapsedMs,
    );
  }
  if (TLS_CODE.test(code)) {
    return new TransportError('tls', `TLS handshake with ${where} failed (${code}): ${tlsHint(code)}`, elapsedMs);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new TransportError('reset', `${where} closed the connection before a complete answer`, elapsedMs);
  }
  if (code === 'ETIMEDOUT') return new TransportError('timeout', `connecting to ${where} timed out`, elapsedMs);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return new TransportError('unreachable', `${where} is unreachable from this machine (${code})`, elapsedMs);
  }
  return new TransportError('network', `request to ${where} failed: ${code || error.message}`, elapsedMs);
}

function tlsHint(code: string): string {
  if (code === 'EPROTO' || code.startsWith('ERR_SSL')) return 'the server does not speak TLS here (is it an http:// URL?)';
  if (code.includes('SELF_SIGNED') || code.startsWith('UNABLE_TO')) return 'the certificate is not trusted';
  if (code.includes('EXPIRED')) return 'the certificate has expired';
  if (code.includes('HOSTNAME') || code.includes('ALTNAME')) return 'the certificate is for another host name';
  return 'the secure connection could not be set up';
}

export function exchange(request: ExchangeRequest): Promise<ExchangeResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  // Checked before parsing, which would silently drop tab, CR and LF.
  if (hasUrlUnsafeChar(request.url)) {
    return Promise.reject(
      new TransportError('bad-url', `${JSON.stringify(request.url.slice(0, 200))} contains a space or a control character; it is no URL`),
    );
  }
  try {
    url = new URL(request.url);
  } catch {
    return Promise.reject(new TransportError('bad-url', `"${request.url}" is not a URL`));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(new TransportError('bad-url', `"${request.url}" is not an http(s) URL`));
  }
  // Clamped: setTimeout fires at once beyond 2^31-1 ms, which would turn a long deadline into none.
  const timeoutMs = clampMs(request.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1);
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const signal = request.signal;
  if (signal?.aborted) return Promise.reject(new TransportError('cancelled', 'the request was cancelled', 0));

  return new Promise<ExchangeResponse>((resolve, reject) => {
    const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string> = { ...request.headers };
    if (body) headers['Content-Length'] = String(body.length);
    // No shared keep-alive agent: each exchange owns its socket, so a cancelled or timed-out
    // request leaves nothing behind that keeps the process (or a test run) alive.
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, { method: request.method, headers, agent: false });
    let settled = false;
    const finish = (error: TransportError | undefined, response?: ExchangeResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(phase);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(response!);
    };
    const timer = setTimeout(
      () => finish(new TransportError('timeout', `no complete answer from ${url.host} within ${timeoutMs} ms`, elapsed())),
      timeoutMs,
    );
    // The connect and read deadlines, when given: one phase after the other, each with its own limit.
    let phase: NodeJS.Timeout | undefined;
    const connectMs = request.connectTimeoutMs === undefined ? undefined : clampMs(request.connectTimeoutMs, 1);
    const readMs = request.readTimeoutMs === undefined ? undefined : clampMs(request.readTimeoutMs, 1);
    if (connectMs !== undefined) {
      phase = setTimeout(
        () => finish(new TransportError('timeout', `connecting to ${url.host} timed out after ${connectMs} ms`, elapsed())),
        connectMs,
      );
    }
    req.on('socket', (socket) => {
      const connected = () => {
        clearTimeout(phase);
        if (readMs !== undefined && !settled) {
          phase = setTimeout(
            () =>
              finish(new TransportError('timeout', `no complete answer from ${url.host} within ${readMs} ms after connecting`, elapsed())),
            readMs,
          );
        }
      };
      // An https socket is usable after its handshake; a plain one after connect.
      if (url.protocol === 'https:') socket.once('secureConnect', connected);
      else socket.once('connect', connected);
    });
    const onAbort = () => finish(new TransportError('cancelled', 'the request was cancelled', elapsed()));
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('error', (error: NodeJS.ErrnoException) => finish(classifyError(error, url, elapsed())));
    req.on('response', (res) => {
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        finish(tooLarge(url, maxBytes, elapsed()));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          finish(tooLarge(url, maxBytes, elapsed()));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          bodyText: new TextDecoder('utf-8').decode(Buffer.concat(chunks)),
          elapsedMs: elapsed(),
        }),
      );
      res.on('aborted', () =>
        finish(new TransportError('reset', `${url.host} closed the connection in the middle of its answer`, elapsed())),
      );
      res.on('error', (error: NodeJS.ErrnoException) => finish(classifyError(error, url, elapsed())));
    });
    req.end(body);
  });
}

function tooLarge(url: URL, maxBytes: number, elapsedMs: number): TransportError {
  return new TransportError('too-large', `the answer from ${url.host} is larger than ${maxBytes} bytes; it was not read`, elapsedMs);
}
