/**
 * The typed provider of the data files: request schemas, result codes and currencies.
 * Everything else reads the data through here, never the JSON files directly, so that the
 * shapes are checked once (by the types and by the data-file tests).
 */
import currencyData from './currencies.json';
import responseData from './responses.json';
import resultCodeData from './resultCodes.json';
import entrySchema from './schemas/entry.schema.json';
import inquirySchema from './schemas/inquiry.schema.json';
import refundSchema from './schemas/refund.schema.json';
import type { CurrencyEntry, CurrencyTable, Endpoint, ResultCodeEntry, ResultCodeTable, TransactionStatusEntry } from './types';

export * from './types';

/** The subset of JSON Schema (draft-07) the request schemas use, plus our `x-` keywords. */
export interface JsonSchema {
  title?: string;
  description?: string;
  'x-description-zh-tw'?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  maxItems?: number;
  maxLength?: number;
  minLength?: number;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  /** A decimal amount: precision and minimum follow the currency. */
  'x-jkopay-amount'?: boolean;
  /** A URL JKOPay calls server-to-server: must be https. */
  'x-jkopay-https'?: boolean;
  /** An array that may also be written as one comma-joined string (inquiry ids). */
  'x-jkopay-comma-list'?: boolean;
}

export const requestSchemas: Record<Endpoint, JsonSchema> = {
  entry: entrySchema as JsonSchema,
  refund: refundSchema as JsonSchema,
  inquiry: inquirySchema as JsonSchema,
};

const resultCodes = resultCodeData as ResultCodeTable;
const currencies = (currencyData as CurrencyTable).currencies;

export function allResultCodes(): readonly ResultCodeEntry[] {
  return resultCodes.codes;
}

/** The rows for a code, current rows first; for one endpoint when given (plus the endpoint-less legacy rows). */
export function findResultCodes(code: string, endpoint?: Endpoint): ResultCodeEntry[] {
  const rows = resultCodes.codes.filter((row) => row.code === code && (!endpoint || row.endpoint === endpoint || row.endpoint === 'any'));
  const rank = { current: 0, legacy: 1, 'authpay-only': 2 } as const;
  return rows.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** The rows whose exact message is `message` (JKOPay's texts are the key integrators search for). */
export function findResultCodesByMessage(message: string): ResultCodeEntry[] {
  return resultCodes.codes.filter((row) => row.message === message);
}

/** What responses.json says of an endpoint's answers beyond the result-code table. */
interface ResponseShapes {
  endpoints: Record<Endpoint, { alsoAnswers?: { codes: string[] } }>;
}

const endpointCodes = new Map<Endpoint, { codes: string[]; rows: ResultCodeEntry[] }>();

/**
 * Every code an endpoint answers, in table order, each with its rows: the endpoint's current rows,
 * plus the codes responses.json says it shares with other endpoints (inquiry's 999), with their rows.
 * The library's generated types and the result-code coverage checks both read this.
 */
export function endpointResultRows(endpoint: Endpoint): { codes: readonly string[]; rows: readonly ResultCodeEntry[] } {
  let found = endpointCodes.get(endpoint);
  if (!found) {
    const rows = resultCodes.codes.filter((r) => r.endpoint === endpoint && r.status === 'current');
    for (const code of (responseData as ResponseShapes).endpoints[endpoint].alsoAnswers?.codes ?? []) {
      const borrowed = resultCodes.codes.find(
        (r) => r.code === code && r.status === 'current' && r.endpoint !== 'any' && r.endpoint !== endpoint,
      );
      if (borrowed) rows.push(borrowed);
    }
    found = { codes: [...new Set(rows.map((r) => r.code))], rows };
    endpointCodes.set(endpoint, found);
  }
  return found;
}

/** The codes an endpoint answers (see endpointResultRows). */
export function endpointResultCodes(endpoint: Endpoint): readonly string[] {
  return endpointResultRows(endpoint).codes;
}

export function transactionStatuses(): readonly TransactionStatusEntry[] {
  return resultCodes.transactionStatuses;
}

export function allCurrencies(): readonly CurrencyEntry[] {
  return currencies;
}

const currenciesByCode = new Map(currencies.map((c) => [c.code, c]));

export function findCurrency(code: string): CurrencyEntry | undefined {
  return currenciesByCode.get(code);
}
