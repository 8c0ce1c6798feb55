/**
 * Whether something accepts connections at a URL's host and port: how `jkopay send --env mock`
 * (and the editor) decide between a running mock and starting the built-in one. A TCP connect
 * only; nothing is sent.
 */
import * as net from 'node:net';

export function isListening(baseUrl: string, timeoutMs = 500): Promise<boolean> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
