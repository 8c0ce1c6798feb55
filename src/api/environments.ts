/**
 * Where requests go. `mock` (the default) is the built-in mock server on loopback; `sandbox` is
 * JKOPay's UAT host unless configured; `production` is refused unless the caller has explicitly
 * enabled it — a stray production call moves real money.
 */
import { hasUrlUnsafeChar } from '../core';

export type EnvironmentName = 'mock' | 'sandbox' | 'production';

export const ENVIRONMENTS: readonly EnvironmentName[] = ['mock', 'sandbox', 'production'];

/** The port `jkopay mock` listens on unless told otherwise, and where `send --env mock` looks first. */
export const DEFAULT_MOCK_PORT = 8917;
export const DEFAULT_MOCK_URL = `http://127.0.0.1:${DEFAULT_MOCK_PORT}`;
/** JKOPay's UAT host as every public SDK names it (the official pages leave the host blank). */
export const SANDBOX_URL = 'https://uat-onlinepay.jkopay.app';
export const PRODUCTION_URL = 'https://onlinepay.jkopay.com';

export class EnvironmentError extends Error {}

export interface EnvironmentOptions {
  env: EnvironmentName;
  /** Overrides the environment's URL (e.g. a mock on another port, or a proxy in front of the sandbox). */
  baseUrl?: string;
  /** Production is refused unless this is true. */
  allowProduction?: boolean;
}

export function isEnvironmentName(value: string): value is EnvironmentName {
  return (ENVIRONMENTS as readonly string[]).includes(value);
}

/** The base URL for a request (no trailing slash), or an EnvironmentError saying why not. */
export function resolveBaseUrl(options: EnvironmentOptions): string {
  if (options.env === 'production' && !options.allowProduction) {
    throw new EnvironmentError(
      'production is disabled: requests there move real money. Enable it explicitly (e.g. the jkopay.production.enabled setting) to send to production.',
    );
  }
  const fallback = options.env === 'mock' ? DEFAULT_MOCK_URL : options.env === 'sandbox' ? SANDBOX_URL : PRODUCTION_URL;
  return normalizeBaseUrl(options.baseUrl ?? fallback);
}

/** Checks a user-given base URL: http(s), no query or fragment; the trailing slash is dropped. */
export function normalizeBaseUrl(text: string): string {
  if (hasUrlUnsafeChar(text)) throw new EnvironmentError('the base URL contains a space or a control character (such as a line break)');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EnvironmentError(`"${text}" is not a URL (expected e.g. ${DEFAULT_MOCK_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EnvironmentError(`"${text}" must start with http:// or https://`);
  if (url.search || url.hash) throw new EnvironmentError(`"${text}" must not have a query or fragment`);
  if (url.username || url.password) throw new EnvironmentError('the base URL must not carry credentials');
  return url.href.replace(/\/+$/, '');
}
