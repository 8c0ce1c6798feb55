/**
 * Where the mock's callbacks go. A test payload often names a production-style URL
 * (`https://api.myshop.tw/jkopay/result`); a mock that called it would poke a real shop. So by
 * default only loopback hosts are called; any other host is skipped with a reason. A forwarding
 * origin (`--forward-callbacks-to`, the `stripe listen --forward-to` of JKOPay) sends every
 * callback there instead, keeping path and query; named hosts can be allowed one by one.
 */
import { hasUrlUnsafeChar } from '../../core';

export interface CallbackRouting {
  /** Every callback goes here (`http://127.0.0.1:3000`), path and query kept. */
  forwardCallbacksTo?: string;
  /** Host names called as they are, besides loopback (compared case-insensitively, no port). */
  allowCallbackHosts: readonly string[];
}

export type CallbackRoute =
  /** Call `target` (the URL itself, or its forwarded form). */
  | { send: true; target: string; forwarded: boolean }
  /** Do not call: `reason` says why, in words for the log and the delivery record. */
  | { send: false; reason: string };

export class CallbackRoutingError extends Error {}

/** A forwarding origin as given by the user, checked: http(s), no query or fragment; a path prefix is kept. */
export function parseForwardOrigin(text: string): string {
  // Before parsing, which would silently drop tab, CR and LF.
  if (hasUrlUnsafeChar(text))
    throw new CallbackRoutingError('the forwarding origin contains a space or a control character (such as a line break)');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CallbackRoutingError(`the forwarding origin "${text}" is not a URL; write it as http://127.0.0.1:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CallbackRoutingError(`the forwarding origin "${text}" must start with http:// or https://`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new CallbackRoutingError(
      `the forwarding origin "${text}" must be scheme, host and port (and at most a path prefix), without query, fragment or credentials`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A host name to allow: a bare name or address, no scheme, port or path. */
export function parseAllowedHost(text: string): string {
  const host = text.trim().toLowerCase();
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+|[0-9a-f:]+)$/.test(host) || host === '') {
    throw new CallbackRoutingError(`"${text}" is not a host name; give the bare host, e.g. shop.example (no scheme, port or path)`);
  }
  return host.replace(/^\[|\]$/g, '');
}

/** True for hosts that can only be this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  // IPv4-mapped loopback as the URL parser writes it (::ffff:127.0.0.1 → ::ffff:7f00:1).
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}

export function routeCallback(url: string, routing: CallbackRouting): CallbackRoute {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { send: false, reason: `"${url}" is not a URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { send: false, reason: `"${url}" is not an http(s) URL` };
  if (routing.forwardCallbacksTo) {
    return { send: true, target: `${routing.forwardCallbacksTo}${parsed.pathname}${parsed.search}`, forwarded: true };
  }
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (isLoopbackHost(host) || routing.allowCallbackHosts.some((h) => h.toLowerCase() === host)) {
    return { send: true, target: url, forwarded: false };
  }
  return {
    send: false,
    reason:
      `skipped: ${host} is not loopback, and the mock calls only loopback hosts unless told otherwise ` +
      `(forward callbacks with --forward-callbacks-to http://127.0.0.1:PORT, or allow the host with --allow-callback-host ${host})`,
  };
}
