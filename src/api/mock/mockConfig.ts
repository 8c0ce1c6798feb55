/**
 * The mock's configuration: the merchant's API key and secret key, its stores (currencies
 * enabled, identity verification), the refund window and how callbacks to the merchant are
 * timed. Defaults are the ones the issue fixes and `jkopay mock` prints; a JSON config file can
 * change any of them (format in docs/mock.md).
 */
import { promises as fs } from 'node:fs';
import { allCurrencies, findCurrency } from '../../data';
import { parseAllowedHost, parseForwardOrigin } from './callbackTargets';

export interface MockStoreConfig {
  storeId: string;
  /** Currencies enabled for the store (ISO codes from the currency table). */
  currencies: string[];
  /** Entry needs `identities` for this store. */
  requiresIdentity: boolean;
}

export interface CallbackTiming {
  /** Deadline of one whole callback exchange, ms (JKOPay: connect 5 s + read 10 s). */
  timeoutMs: number;
  /** Deadline of the connection of one callback, ms (JKOPay: 5 s). */
  connectTimeoutMs: number;
  /** Deadline of the answer once connected, ms (JKOPay: 10 s). */
  readTimeoutMs: number;
  /** Retries of confirm_url after the first try (JKOPay: up to 3). */
  confirmRetries: number;
  /** Delivery attempts of result_url in all (JKOPay: at most 12). */
  resultAttempts: number;
  /** First retry delay of result_url, doubled each time (JKOPay: 1 s, 2 s, 4 s …). Tests set a few ms. */
  resultBaseDelayMs: number;
}

export interface MockConfig {
  apiKey: string;
  secretKey: string;
  stores: MockStoreConfig[];
  /** Refunds are refused (102) this many days after payment. */
  refundWindowDays: number;
  /** `qr_timeout` of entry answers (the newer official sample shows 600). */
  qrTimeout: number;
  callbacks: CallbackTiming;
  /** Every callback goes to this origin instead, path and query kept (`--forward-callbacks-to`). */
  forwardCallbacksTo?: string;
  /** Hosts called as named besides loopback (`--allow-callback-host`); any other host is skipped. */
  allowCallbackHosts: string[];
  /**
   * TWD per unit of each foreign currency: a paid non-TWD order's `debit_amount` is the TWD charged
   * (the official JPY sample: final_price "1230", debit_amount "249"), in whole TWD.
   */
  fxToTwd: Record<string, number>;
}

/**
 * Default rates, close to the market at the time of writing and chosen so that the official
 * sample's 1230 JPY comes out as its 249 TWD (1230 × 0.2025 = 249.075 → 249).
 */
export const DEFAULT_FX_TO_TWD: Readonly<Record<string, number>> = Object.freeze({ JPY: 0.2025, USD: 32.5, CNY: 4.5, HKD: 4.15 });

export const DEFAULT_MOCK_CONFIG: Readonly<MockConfig> = Object.freeze({
  apiKey: 'mock-api-key',
  secretKey: 'mock-secret-key',
  stores: [
    { storeId: '00000000-0000-4000-8000-000000000001', currencies: ['TWD'], requiresIdentity: false },
    { storeId: '00000000-0000-4000-8000-000000000002', currencies: ['TWD', 'JPY', 'USD', 'CNY', 'HKD'], requiresIdentity: false },
    { storeId: '00000000-0000-4000-8000-000000000003', currencies: ['TWD'], requiresIdentity: true },
  ],
  refundWindowDays: 180,
  qrTimeout: 600,
  callbacks: {
    timeoutMs: 15_000,
    connectTimeoutMs: 5000,
    readTimeoutMs: 10_000,
    confirmRetries: 3,
    resultAttempts: 12,
    resultBaseDelayMs: 1000,
  },
  allowCallbackHosts: [],
  fxToTwd: { ...DEFAULT_FX_TO_TWD },
});

export class MockConfigError extends Error {}

/**
 * The largest value of each number in a config file (docs/mock.md). Durations stay far below
 * node's 2^31-1 ms timer limit, beyond which a timer fires at once (a 3e9 ms retry delay became
 * a retry loop without delay); the doubling result_url delay is clamped again when used.
 */
export const CONFIG_MAXIMA = {
  refundWindowDays: 3650,
  qrTimeout: 2 ** 31 - 1,
  callbacks: {
    timeoutMs: 120_000,
    connectTimeoutMs: 60_000,
    readTimeoutMs: 120_000,
    confirmRetries: 10,
    resultAttempts: 20,
    resultBaseDelayMs: 60_000,
  },
} as const;

/** A fresh, mutable copy of the defaults with `overrides` applied. */
export function mockConfig(overrides: Partial<Omit<MockConfig, 'callbacks'>> & { callbacks?: Partial<CallbackTiming> } = {}): MockConfig {
  const base = structuredClone(DEFAULT_MOCK_CONFIG) as MockConfig;
  const config: MockConfig = {
    ...base,
    ...overrides,
    callbacks: { ...base.callbacks, ...overrides.callbacks },
    fxToTwd: { ...base.fxToTwd, ...overrides.fxToTwd },
  };
  // Written as a user would (a trailing slash, an upper-case host): normalised, or refused with a CallbackRoutingError.
  if (config.forwardCallbacksTo !== undefined) config.forwardCallbacksTo = parseForwardOrigin(config.forwardCallbacksTo);
  else delete config.forwardCallbacksTo;
  config.allowCallbackHosts = (config.allowCallbackHosts ?? []).map(parseAllowedHost);
  return config;
}

/** Reads a config file: any key left out keeps its default. Errors name the file and the key. */
export function parseMockConfig(text: string, source: string): MockConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new MockConfigError(`${source}: not valid JSON (${(e as Error).message})`);
  }
  return checkMockConfig(raw, source);
}

/**
 * The one check of a mock configuration, whether it comes from `jkopay mock --config` (parsed) or
 * from the library's `startMockServer({ config })` (a value): the defaults with each given key
 * applied, or a MockConfigError naming `source` and the key (an empty key, an empty store list, a
 * negative exchange rate, a refund window that is no whole number…).
 */
export function checkMockConfig(raw: unknown, source: string): MockConfig {
  const fail = (key: string, what: string): never => {
    throw new MockConfigError(`${source}: "${key}" ${what}`);
  };
  if (!isObject(raw)) return fail('(top level)', 'must be an object');
  const known = new Set([
    'apiKey',
    'secretKey',
    'stores',
    'refundWindowDays',
    'qrTimeout',
    'callbacks',
    'forwardCallbacksTo',
    'allowCallbackHosts',
    'fxToTwd',
    '$schema',
    'description',
  ]);
  for (const key of Object.keys(raw)) if (!known.has(key)) fail(key, `is not a config key (known: ${[...known].join(', ')})`);
  const config = mockConfig();
  for (const key of ['apiKey', 'secretKey'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== 'string' || raw[key] === '') fail(key, 'must be a non-empty string');
    config[key] = raw[key] as string;
  }
  for (const key of ['refundWindowDays', 'qrTimeout'] as const) {
    if (raw[key] === undefined) continue;
    if (!isCount(raw[key])) fail(key, 'must be a whole number ≥ 0');
    if ((raw[key] as number) > CONFIG_MAXIMA[key]) fail(key, `must be at most ${CONFIG_MAXIMA[key]}`);
    config[key] = raw[key] as number;
  }
  if (raw.stores !== undefined) {
    if (!Array.isArray(raw.stores) || raw.stores.length === 0) fail('stores', 'must be a non-empty array');
    const codes = new Set(allCurrencies().map((c) => c.code));
    const seen = new Set<string>();
    config.stores = (raw.stores as unknown[]).map((store, i) => {
      const at = `stores[${i}]`;
      if (!isObject(store)) return fail(at, 'must be an object');
      if (typeof store.storeId !== 'string' || store.storeId === '') return fail(`${at}.storeId`, 'must be a non-empty string');
      if (seen.has(store.storeId)) fail(`${at}.storeId`, `repeats ${store.storeId}`);
      seen.add(store.storeId);
      const currencies = store.currencies ?? ['TWD'];
      if (!Array.isArray(currencies) || currencies.length === 0) return fail(`${at}.currencies`, 'must be a non-empty array');
      for (const c of currencies)
        if (typeof c !== 'string' || !codes.has(c)) fail(`${at}.currencies`, `has ${JSON.stringify(c)}; known: ${[...codes].join(', ')}`);
      const requiresIdentity = store.requiresIdentity ?? false;
      if (typeof requiresIdentity !== 'boolean') fail(`${at}.requiresIdentity`, 'must be true or false');
      return { storeId: store.storeId, currencies: currencies as string[], requiresIdentity: requiresIdentity as boolean };
    });
  }
  if (raw.callbacks !== undefined) {
    if (!isObject(raw.callbacks)) fail('callbacks', 'must be an object');
    const callbacks = raw.callbacks as Record<string, unknown>;
    for (const key of Object.keys(callbacks)) {
      if (!(key in config.callbacks))
        fail(`callbacks.${key}`, `is not a callback setting (known: ${Object.keys(config.callbacks).join(', ')})`);
      if (!isCount(callbacks[key])) fail(`callbacks.${key}`, 'must be a whole number ≥ 0');
      const max = CONFIG_MAXIMA.callbacks[key as keyof CallbackTiming];
      if ((callbacks[key] as number) > max) fail(`callbacks.${key}`, `must be at most ${max}`);
      config.callbacks[key as keyof CallbackTiming] = callbacks[key] as number;
    }
    if (config.callbacks.resultAttempts < 1) fail('callbacks.resultAttempts', 'must be at least 1');
    for (const key of ['timeoutMs', 'connectTimeoutMs', 'readTimeoutMs'] as const) {
      if (config.callbacks[key] < 1) fail(`callbacks.${key}`, 'must be at least 1');
    }
  }
  if (raw.forwardCallbacksTo !== undefined && raw.forwardCallbacksTo !== null) {
    if (typeof raw.forwardCallbacksTo !== 'string') fail('forwardCallbacksTo', 'must be an origin such as "http://127.0.0.1:3000"');
    try {
      config.forwardCallbacksTo = parseForwardOrigin(raw.forwardCallbacksTo as string);
    } catch (e) {
      fail('forwardCallbacksTo', (e as Error).message);
    }
  }
  if (raw.allowCallbackHosts !== undefined) {
    if (!Array.isArray(raw.allowCallbackHosts)) fail('allowCallbackHosts', 'must be an array of host names');
    config.allowCallbackHosts = (raw.allowCallbackHosts as unknown[]).map((h, i) => {
      if (typeof h !== 'string') return fail(`allowCallbackHosts[${i}]`, 'must be a host name');
      try {
        return parseAllowedHost(h);
      } catch (e) {
        return fail(`allowCallbackHosts[${i}]`, (e as Error).message);
      }
    });
  }
  if (raw.fxToTwd !== undefined) {
    if (!isObject(raw.fxToTwd)) fail('fxToTwd', 'must be an object such as {"JPY": 0.2025}');
    for (const [code, rate] of Object.entries(raw.fxToTwd as Record<string, unknown>)) {
      if (code === 'TWD' || !findCurrency(code))
        fail(`fxToTwd.${code}`, `is not a foreign currency of the table (known: ${Object.keys(DEFAULT_FX_TO_TWD).join(', ')})`);
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0)
        fail(`fxToTwd.${code}`, 'must be a positive number of TWD per unit');
      config.fxToTwd[code] = rate as number;
    }
  }
  return config;
}

export async function loadMockConfig(file: string): Promise<MockConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new MockConfigError(`cannot read the config file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseMockConfig(text, file);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
