/**
 * The JKOPay request client: signs a prepared request, sends it to a base URL with a deadline
 * and cancellation, and answers with a result object — HTTP status, headers, body text, the
 * parsed envelope, elapsed time and the result code's rows from the data table — or, for every
 * failure (refused, DNS, TLS, timeout, cancelled, oversized, non-JSON, HTTP 5xx), a clear
 * message. Credentials never leave this module in clear: the request summary masks the API key,
 * and everything that comes back (body, headers, envelope, error texts) is scrubbed of both keys,
 * in any spelling a server may echo them in, before anyone sees it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { explainResultCode } from '../data/resultCodeExplanation';
import type { ResultCodeEntry } from '../data/types';
import { type Envelope, MAX_ANSWER_DEPTH, nestedDeeperThan, parseEnvelope } from './envelope';
import { exchange, TransportError, type TransportErrorKind } from './httpExchange';
import type { PreparedRequest } from './requestBody';
import { maskKey, redact, redactValue } from './secrets';
import { computeDigest } from './signing';

export interface Credentials {
  apiKey: string;
  secretKey: string;
}

export interface SendOptions {
  /** Base URL without trailing slash, from `resolveBaseUrl`. */
  baseUrl: string;
  credentials: Credentials;
  /** Whole-exchange deadline in ms. Default 15 000. */
  timeoutMs?: number;
  signal?: AbortSignal;
  maxResponseBytes?: number;
  /** Extra headers, e.g. `X-Mock-Result` for the mock. */
  extraHeaders?: Record<string, string>;
}

/** What was sent, safe to show: the API key is masked. */
export interface RequestSummary {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The exact body sent (POST). */
  body?: string;
  /** The exact text the DIGEST covers. */
  signedText: string;
  digest: string;
}

export type SendErrorKind = TransportErrorKind | 'server-error' | 'http-error' | 'non-json' | 'not-envelope' | 'too-deep';

export interface SendResult {
  /** True when an envelope came back over HTTP 2xx (whatever its result code). */
  ok: boolean;
  request: RequestSummary;
  status?: number;
  headers?: IncomingHttpHeaders;
  bodyText?: string;
  envelope?: Envelope;
  elapsedMs: number;
  /** The data-table rows that explain `envelope.result` for this endpoint (narrowed by the exact message when one matches). */
  explanation: ResultCodeEntry[];
  error?: { kind: SendErrorKind; message: string };
}

/** The signed request as it would go out (headers in clear, for the wire) and its summary (API key masked, for people). */
function signRequest(prepared: PreparedRequest, options: Pick<SendOptions, 'baseUrl' | 'credentials' | 'extraHeaders'>) {
  const { apiKey, secretKey } = options.credentials;
  const digest = computeDigest(secretKey, prepared.signedText);
  const url = options.baseUrl + prepared.path;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'API-KEY': apiKey,
    DIGEST: digest,
    ...options.extraHeaders,
  };
  const request: RequestSummary = {
    method: prepared.method,
    url,
    headers: { ...headers, 'API-KEY': maskKey(apiKey) },
    body: prepared.body,
    signedText: prepared.signedText,
    digest,
  };
  return { url, headers, digest, request };
}

/** What `sendRequest` would send, without sending it (`send --dry-run`): the API key masked. */
export function describeRequest(
  prepared: PreparedRequest,
  options: Pick<SendOptions, 'baseUrl' | 'credentials' | 'extraHeaders'>,
): RequestSummary {
  return signRequest(prepared, options).request;
}

export async function sendRequest(prepared: PreparedRequest, options: SendOptions): Promise<SendResult> {
  const { apiKey, secretKey } = options.credentials;
  const { url, headers, request } = signRequest(prepared, options);
  const scrub = (text: string) => redact(text, [apiKey, secretKey]);

  let response;
  try {
    response = await exchange({
      url,
      method: prepared.method,
      headers,
      body: prepared.body,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      maxResponseBytes: options.maxResponseBytes,
    });
  } catch (e) {
    const error = e instanceof TransportError ? e : new TransportError('network', String((e as Error).message ?? e));
    return { ok: false, request, elapsedMs: error.elapsedMs, explanation: [], error: { kind: error.kind, message: scrub(error.message) } };
  }

  // Parsed from the raw text (a mask could in theory break a JSON string), then scrubbed as a value.
  const raw = parseEnvelope(response.bodyText);
  const envelope = raw && redactValue(raw, [apiKey, secretKey]);
  const explanation = envelope ? explainResultCode(envelope.result, prepared.endpoint, envelope.message ?? undefined).rows : [];
  const bodyText = scrub(response.bodyText);
  const result: SendResult = {
    ok: false,
    request,
    status: response.status,
    headers: redactValue(response.headers, [apiKey, secretKey]),
    bodyText,
    envelope,
    elapsedMs: response.elapsedMs,
    explanation,
  };
  const host = new URL(url).host;
  if (response.status >= 500) {
    const detail = envelope ? `: ${envelope.result} ${envelope.message ?? ''}`.trimEnd() : '';
    result.error = { kind: 'server-error', message: scrub(`HTTP ${response.status} from ${host}: the server failed${detail}`) };
  } else if (response.status < 200 || response.status >= 300) {
    const detail = envelope?.message ? `: ${envelope.message}` : envelope ? '' : ` (${snippet(bodyText)})`;
    result.error = { kind: 'http-error', message: scrub(`HTTP ${response.status} from ${host}${detail}`) };
  } else if (!envelope) {
    let json = true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      json = false;
    }
    const type = response.headers['content-type'] ?? 'no Content-Type';
    result.error =
      json && nestedDeeperThan(parsed, MAX_ANSWER_DEPTH)
        ? {
            kind: 'too-deep',
            message: `the answer from ${host} is nested deeper than ${MAX_ANSWER_DEPTH} levels: no JKOPay answer is, and it is not read further`,
          }
        : json
          ? {
              kind: 'not-envelope',
              message: scrub(`the answer from ${host} is JSON but not a JKOPay envelope (no "result" string): ${snippet(bodyText)}`),
            }
          : { kind: 'non-json', message: scrub(`the answer from ${host} is not JSON (${type}): ${snippet(bodyText)}`) };
  } else {
    result.ok = true;
  }
  return result;
}

/** The start of a body for an error message, on one line, with control characters removed. */
function snippet(text: string, max = 120): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (flat === '') return 'empty body';
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
