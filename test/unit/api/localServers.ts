/**
 * Throwaway servers on 127.0.0.1 for the api tests (never another address), each closed with
 * all its connections so mocha exits on its own.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { computeDigest } from '../../../src/api/signing';

export interface Local {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttp(handler: http.RequestListener): Promise<Local> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function startTcp(onConnection: (socket: net.Socket) => void): Promise<Local> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Answer {
  status: number;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

export const MOCK_KEYS = { apiKey: 'mock-api-key', secretKey: 'mock-secret-key' };

/** A signed POST to a mock endpoint, the way a merchant's backend sends it. */
export async function signedPost(base: string, path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(
    await fetch(base + path, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'API-KEY': MOCK_KEYS.apiKey,
        DIGEST: computeDigest(MOCK_KEYS.secretKey, body),
        ...headers,
      },
      body,
    }),
  );
}

export async function signedInquiry(base: string, ids: string[], headers: Record<string, string> = {}): Promise<Answer> {
  const query = `platform_order_ids=${ids.map(encodeURIComponent).join(',')}`;
  return answer(
    await fetch(`${base}/platform/inquiry?${query}`, {
      headers: { 'API-KEY': MOCK_KEYS.apiKey, DIGEST: computeDigest(MOCK_KEYS.secretKey, query), ...headers },
    }),
  );
}

export async function control(base: string, path: string, body?: unknown): Promise<Answer> {
  return answer(
    await fetch(`${base}/_mock/${path}`, {
      method: body === undefined && !/pay$|fail$|reset$/.test(path) ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** One request with full control of the headers (fetch will not let a test set Host). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
  // Host "(none)": no Host header at all.
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    const setHost = headers.Host !== '(none)';
    if (!setHost) delete headers.Host;
    const req = http.request(url, { method: options.method ?? 'GET', headers, setHost, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
