/**
 * The mock JKOPay server as the library offers it: `startMockServer({ port, host, config,
 * stateFile })` → `{ url, close() }`. The config is the mock's own (partial) config type, so an
 * option the mock gains is an option here too; what is left out keeps the defaults `jkopay mock`
 * prints, and what is given is checked as `jkopay mock --config` checks its file (a wrong entry
 * rejects the promise with the key named). The port defaults to 0 (any free port), which is what
 * parallel test suites need.
 */
import type * as MockConfigModule from '../api/mock/mockConfig';
import type { mockConfig, MockConfig } from '../api/mock/mockConfig';
import type * as MockServerModule from '../api/mock/mockServer';

/** The mock's settings a caller may change: API key, secret key, stores, FX, refund window, callback timing… */
export type MockServerConfig = NonNullable<Parameters<typeof mockConfig>[0]>;

export interface MockServerOptions {
  /** Default 0: any free port (read it from `url` or `port`). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Overrides of the defaults (`apiKey: 'mock-api-key'`, `secretKey: 'mock-secret-key'`, three stores…). */
  config?: MockServerConfig;
  /** Keep the mock's orders in this JSON file: read at start, rewritten after each change. */
  stateFile?: string;
}

export interface MockServer {
  /** `http://127.0.0.1:<port>`: the base URL to point the code under test at. */
  url: string;
  host: string;
  port: number;
  /** The complete configuration in force (defaults plus overrides): its keys sign requests. */
  config: MockConfig;
  /** Stops listening, ends pending callbacks and writes the state file. */
  close(): Promise<void>;
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  // Loaded on first use: a backend that only signs or checks never pays for the mock and node:http.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkMockConfig } = require('../api/mock/mockConfig') as typeof MockConfigModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startMockServer: startServer } = require('../api/mock/mockServer') as typeof MockServerModule;
  const server = await startServer({
    port: options.port ?? 0,
    host: options.host,
    // Checked exactly as `jkopay mock --config` checks its file: a wrong entry rejects with a MockConfigError naming it.
    config: checkMockConfig(options.config ?? {}, 'startMockServer config'),
    stateFile: options.stateFile,
  });
  return { url: server.url, host: server.host, port: server.port, config: server.config, close: () => server.close() };
}
