/**
 * A small typed JKOPay client for backends: `entry`, `refund` and `inquiry` sign the exact bytes
 * they send (the JSON body, or the inquiry's query string) and resolve with the answer typed by
 * its `result`. Anything that is not a documented answer of the endpoint — a network failure, a
 * timeout, an HTTP error without an envelope, a body that is not JSON, a code the endpoint's
 * table does not list (such as the mock's 401) — rejects with a JkoPayClientError whose message
 * never holds the keys. An inquiry the checker refuses (no id, 21 ids, a bad id) is refused before
 * it is sent, with a JkoPayUsageError: JKOPay documents no answer for it.
 */
import { resolveBaseUrl, type EnvironmentName } from '../api/environments';
import type * as HttpClientModule from '../api/httpClient';
import type { SendErrorKind } from '../api/httpClient';
import { ENDPOINT_PATHS, inquiryIds, type PreparedRequest } from '../api/requestBody';
import { JkoPayUsageError, kindOf } from '../api/usageError';
import { endpointResultCodes } from '../data';
import type { Endpoint } from '../data/types';
import { checkPayload } from './checkPayload';
import type { EntryRequest, EntryResponse, InquiryResponse, RefundRequest, RefundResponse } from './generatedTypes';

export interface ClientOptions {
  /** `mock` (default URL http://127.0.0.1:8917), `sandbox` (JKOPay's UAT host) or `production`. */
  env: EnvironmentName;
  apiKey: string;
  secretKey: string;
  /** Overrides the environment's URL, e.g. a mock's `url`. */
  baseUrl?: string;
  /** Deadline of one exchange, ms. Default 15 000. */
  timeoutMs?: number;
}

export interface JkoPayClient {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** POST /platform/entry: creates (or re-fetches) the payment link of an order. */
  entry(body: EntryRequest, options?: { signal?: AbortSignal }): Promise<EntryResponse>;
  /** POST /platform/refund: refunds an order, fully or in part. */
  refund(body: RefundRequest, options?: { signal?: AbortSignal }): Promise<RefundResponse>;
  /** GET /platform/inquiry: the transactions of up to 20 orders. */
  inquiry(ids: string | readonly string[], options?: { signal?: AbortSignal }): Promise<InquiryResponse>;
}

export type JkoPayClientErrorKind = SendErrorKind | 'undocumented-result' | 'invalid-request';

/** Why a request got no documented answer. `status` and `body` are there when an HTTP answer came back. */
export class JkoPayClientError extends Error {
  constructor(
    readonly kind: JkoPayClientErrorKind,
    message: string,
    readonly status?: number,
    readonly body?: string,
  ) {
    super(message);
    this.name = 'JkoPayClientError';
  }
}

export function createClient(options: ClientOptions): JkoPayClient {
  if (!options || typeof options.apiKey !== 'string' || options.apiKey === '')
    throw new JkoPayUsageError('createClient needs the apiKey JKOPay issued for the store, as a non-empty string');
  if (typeof options.secretKey !== 'string' || options.secretKey === '')
    throw new JkoPayUsageError(
      'createClient needs the secretKey JKOPay issued for the store, as a non-empty string: is the variable that holds it set?',
    );
  // Naming `production` in code is the explicit choice the editor asks for with a setting.
  const baseUrl = resolveBaseUrl({ env: options.env, baseUrl: options.baseUrl, allowProduction: true });
  const credentials = { apiKey: options.apiKey, secretKey: options.secretKey };

  const send = async (prepared: PreparedRequest, signal: AbortSignal | undefined): Promise<unknown> => {
    // Loaded on first use, with node:http and node:https.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { sendRequest } = require('../api/httpClient') as typeof HttpClientModule;
    const result = await sendRequest(prepared, { baseUrl, credentials, timeoutMs: options.timeoutMs, signal });
    const envelope = result.envelope;
    if (envelope && endpointResultCodes(prepared.endpoint).includes(envelope.result)) return JSON.parse(result.bodyText ?? 'null');
    if (result.error) throw new JkoPayClientError(result.error.kind, result.error.message, result.status, result.bodyText);
    const message = `${prepared.endpoint} answered result ${JSON.stringify(envelope?.result)}${envelope?.message ? ` (${envelope.message})` : ''}, which is not in its documented table`;
    throw new JkoPayClientError('undocumented-result', message, result.status, result.bodyText);
  };
  const post = (endpoint: Exclude<Endpoint, 'inquiry'>, body: object, signal?: AbortSignal) => {
    if (typeof body !== 'object' || body === null)
      return Promise.reject(new JkoPayClientError('invalid-request', `${endpoint} needs a request object`));
    const text = JSON.stringify(body);
    return send({ endpoint, method: 'POST', path: ENDPOINT_PATHS[endpoint], body: text, signedText: text }, signal);
  };

  return {
    baseUrl,
    entry: (body, o) => post('entry', body, o?.signal) as Promise<EntryResponse>,
    refund: (body, o) => post('refund', body, o?.signal) as Promise<RefundResponse>,
    inquiry(ids, o) {
      const list = inquiryList(ids);
      if (list instanceof JkoPayUsageError) return Promise.reject(list);
      const query = `platform_order_ids=${inquiryIds(list)}`;
      return send(
        { endpoint: 'inquiry', method: 'GET', path: `${ENDPOINT_PATHS.inquiry}?${query}`, signedText: query },
        o?.signal,
      ) as Promise<InquiryResponse>;
    },
  };
}

/**
 * The ids of an inquiry, or the usage error that refuses them before anything is sent: what the
 * checker refuses (no id, more than 20, an empty id, a space or a comma in one, over 60
 * characters). JKOPay documents no answer for such an inquiry (the mock answers 200, which is not
 * in the inquiry table), so sending it could only end in an undocumented answer.
 */
function inquiryList(ids: unknown): string[] | JkoPayUsageError {
  const list = typeof ids === 'string' ? ids.split(',') : Array.isArray(ids) ? [...(ids as unknown[])] : undefined;
  if (!list)
    return new JkoPayUsageError(`inquiry needs the order ids as an array of strings or one comma-joined string, not ${kindOf(ids)}`);
  const errors = checkPayload('inquiry', { platform_order_ids: list }).filter((f) => f.severity === 'error');
  if (errors.length === 0) return list as string[];
  return new JkoPayUsageError(`inquiry was not sent: JKOPay would refuse these order ids. ${errors.map((f) => f.message).join(' ')}`);
}
