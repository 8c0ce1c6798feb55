/**
 * Who may use the mock's control surface (`/_mock/…`). It needs no credentials, so it must not
 * be reachable from a web page the developer happens to visit:
 *  - DNS rebinding: a foreign name that resolves to 127.0.0.1 carries its own name in `Host`, so
 *    only an IP literal or `localhost`, with the mock's own port, is accepted;
 *  - cross-origin requests: a browser names the page's origin in `Origin` (and `Sec-Fetch-Site`);
 *    only the mock's own origin is accepted;
 *  - "simple" cross-origin POSTs (a form, `text/plain`) need no preflight: a control POST must be
 *    `application/json`, except the payment page's own form, which carries a per-run token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export interface GuardedRequest {
  headers: NodeJS.Dict<string | string[]>;
}

export interface ControlGuard {
  /** The per-run token the payment page's forms carry (never valid for another run). */
  readonly formToken: string;
  /** Why the request is refused (403), or undefined when it may proceed. */
  refusal(req: GuardedRequest): string | undefined;
  /** True when `token` is this run's form token. */
  isFormToken(token: string | null | undefined): boolean;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/** A guard for a mock listening on `listenHost`:`port`. */
export function controlGuard(listenHost: string, port: number): ControlGuard {
  const formToken = randomBytes(16).toString('hex');
  const tokenBytes = Buffer.from(formToken);
  const wildcard = WILDCARD.has(listenHost);
  const own = stripBrackets(listenHost).toLowerCase();

  /** A host name (without port) this mock answers to: loopback names, IP literals when it listens on all addresses, its own address. */
  const hostAllowed = (name: string): boolean => {
    const bare = stripBrackets(name).toLowerCase();
    if (bare === 'localhost' || bare === own) return true;
    if (isLoopbackLiteral(bare)) return true;
    return wildcard && isIP(bare) !== 0;
  };
  /** `host[:port]` naming this mock; a missing port is the scheme's default (80 for http). */
  const authorityAllowed = (authority: string): boolean => {
    const parsed = splitAuthority(authority);
    return parsed !== undefined && (parsed.port ?? 80) === port && hostAllowed(parsed.host);
  };

  return {
    formToken,
    refusal(req) {
      const host = header(req, 'host');
      if (host === undefined || !authorityAllowed(host)) {
        return `the Host header ${host === undefined ? '(missing)' : JSON.stringify(host.slice(0, 100))} does not name this mock; control requests must go to http://127.0.0.1:${port} or http://localhost:${port} (a protection against DNS rebinding)`;
      }
      const origin = header(req, 'origin');
      if (origin !== undefined) {
        const match = /^http:\/\/([^/]+)$/i.exec(origin);
        if (!match || !authorityAllowed(match[1])) {
          return `cross-origin requests to the control endpoints are refused (Origin ${JSON.stringify(origin.slice(0, 100))})`;
        }
      }
      if (header(req, 'sec-fetch-site') === 'cross-site') return 'cross-site requests to the control endpoints are refused';
      return undefined;
    },
    isFormToken(token) {
      if (typeof token !== 'string') return false;
      const given = Buffer.from(token);
      return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
    },
  };
}

/** The Content-Type of a control POST that needs no form token. */
export function isJsonType(contentType: string): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType.trim());
}

function header(req: GuardedRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function splitAuthority(authority: string): { host: string; port?: number } | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(authority.trim());
  if (!match) return undefined;
  return { host: match[1], port: match[2] === undefined ? undefined : Number(match[2]) };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function isLoopbackLiteral(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1';
}
