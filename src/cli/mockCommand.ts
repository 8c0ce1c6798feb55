/**
 * `jkopay mock [options]` (options in help/mockSpec.ts): runs the mock JKOPay server until SIGINT/SIGTERM.
 * The first stdout line is `listening on http://HOST:PORT` (scripts wait for it); then the
 * credentials, stores, where callbacks go and the control commands (with the `--url` they need
 * when the port is not the default); then one access-log line per request (with the order ids it
 * names) and per callback attempt unless --quiet.
 * `jkopay mock pay|fail|clock|reset|orders` drive a running mock instead (mockControlCommand).
 */
import { DEFAULT_MOCK_PORT, DEFAULT_MOCK_URL } from '../api/environments';
import { CallbackRoutingError, parseAllowedHost, parseForwardOrigin } from '../api/mock/callbackTargets';
import { DEFAULT_MOCK_CONFIG, loadMockConfig, type MockConfig, MockConfigError, mockConfig } from '../api/mock/mockConfig';
import { accessLine, callbackLine } from '../api/mock/mockLogLines';
import { startMockServer } from '../api/mock/mockServer';
import { MockStateError } from '../api/mock/mockState';
import { escapeControl } from '../shared/displayText';
import { maskKey } from '../api/secrets';
import type { Args } from '../data/localize';
import type { Lang } from '../data/types';
import { type CommandIO, CommandUsageError, langOption, usageError, withUsage } from './cliSupport';
import { type CommandTextId, commandText } from './commandTexts';
import { parseCommand } from './help/commandSpec';
import { MOCK_CONTROL_SPEC, MOCK_SPEC } from './help/mockSpec';
import { isMockControlCommand, runMockControl } from './mockControlCommand';

export { accessLine, callbackLine };

export interface MockRunOptions {
  /** Resolving stops the server (tests); SIGINT and SIGTERM always do. */
  stop?: Promise<unknown>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export function runMock(args: string[], io: CommandIO, options: MockRunOptions = {}): Promise<number> {
  const [first, ...rest] = args;
  if (isMockControlCommand(first)) return withUsage(MOCK_CONTROL_SPEC, rest, io, () => runMockControl(first, rest, io));
  return withUsage(MOCK_SPEC, args, io, async () => {
    const { values, positionals } = parseCommand(MOCK_SPEC, args);
    const lang = langOption(values.lang);
    if (positionals.length) throw usageError('unexpected-argument', { argument: positionals[0] });
    const port = values.port === undefined ? DEFAULT_MOCK_PORT : Number(values.port);
    if (!/^\d+$/.test(values.port ?? '0') || port > 65535)
      throw usageError('number-range', { option: '--port', min: 0, max: 65535, value: values.port ?? '' });
    const host = values.host ?? '127.0.0.1';
    if (!LOOPBACK.test(host)) {
      io.err(`jkopay mock: ${commandText(lang, 'mock-remote-host', { host })}`);
    }

    let forward: string | undefined;
    let allowed: string[];
    try {
      forward = values['forward-callbacks-to'] === undefined ? undefined : parseForwardOrigin(values['forward-callbacks-to']);
      allowed = (values['allow-callback-host'] ?? []).map(parseAllowedHost);
    } catch (e) {
      if (e instanceof CallbackRoutingError) throw new CommandUsageError(e.message);
      throw e;
    }

    let config: MockConfig;
    let server;
    try {
      config = values.config ? await loadMockConfig(values.config) : mockConfig();
      // The command line adds to (and for forwarding, overrides) the config file.
      if (forward !== undefined) config.forwardCallbacksTo = forward;
      config.allowCallbackHosts = [...new Set([...config.allowCallbackHosts, ...allowed])];
      server = await startMockServer({
        config,
        host,
        port,
        stateFile: values.state,
        onRequest: values.quiet ? undefined : (e) => io.out(accessLine(e)),
        onCallback: values.quiet ? undefined : (e) => io.out(callbackLine(e)),
        // Every error line is one line: a message may quote a path, a config key or a body holding a line break.
        onError: (e) => io.err(`jkopay mock: internal error: ${escapeControl(String((e as Error).message ?? e))}`),
      });
    } catch (e) {
      if (e instanceof MockConfigError || e instanceof MockStateError) {
        io.err(`jkopay mock: ${escapeControl(e.message)}`);
        return 2;
      }
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') {
        io.err(`jkopay mock: ${escapeControl(commandText(lang, 'mock-port-in-use', { port, host }))}`);
        return 1;
      }
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') {
        io.err(`jkopay mock: ${escapeControl(commandText(lang, 'mock-cannot-listen', { host, port, code }))}`);
        return 1;
      }
      throw e;
    }

    // Listening for the signals before the banner: a supervisor that stops the mock as soon as it reads the banner
    // (a test, a script) would otherwise meet the default SIGTERM action, which ends the process without closing the
    // server or saving its state (seen under load: the process was killed between its last line and these handlers).
    const stopped = new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      options.stop?.then(stop, stop);
    });
    io.out(`listening on ${server.url}`);
    for (const line of describeMock(server.config, values.config, values.state, server.state.orders.size, lang, server.url)) io.out(line);
    await stopped;
    await server.close();
    io.err(`jkopay mock: ${commandText(lang, 'mock-stopped')}`);
    return 0;
  });
}

/** The startup summary. Keys from a config file are shown masked (they may be copies of real ones). */
export function describeMock(
  config: MockConfig,
  configFile: string | undefined,
  stateFile: string | undefined,
  orders: number,
  lang: Lang = 'en',
  url = DEFAULT_MOCK_URL,
): string[] {
  const t = (id: CommandTextId, args?: Args) => commandText(lang, id, args);
  const key = (value: string, fallback: string) =>
    value === fallback ? value : t('mock-key-from', { key: maskKey(value), file: configFile ?? '' });
  const allowed = config.allowCallbackHosts.length ? t('mock-callbacks-allowed', { hosts: config.allowCallbackHosts.join(', ') }) : '';
  return [
    t('mock-api-key', { key: key(config.apiKey, DEFAULT_MOCK_CONFIG.apiKey) }),
    t('mock-secret-key', { key: key(config.secretKey, DEFAULT_MOCK_CONFIG.secretKey) }),
    t('mock-stores'),
    ...config.stores.map((s) => `  ${s.storeId}  ${s.currencies.join(', ')}${s.requiresIdentity ? t('mock-store-identity') : ''}`),
    stateFile ? t('mock-state-file', { file: stateFile, orders }) : t('mock-state-memory'),
    config.forwardCallbacksTo
      ? t('mock-callbacks-forwarded', { origin: config.forwardCallbacksTo })
      : t('mock-callbacks-loopback', { allowed }),
    t('mock-control'),
    // The control commands and send look at the default URL: on another port, each needs to be told.
    ...(new URL(url).port === String(DEFAULT_MOCK_PORT) ? [] : [t('mock-control-url', { url })]),
    t('mock-control-http'),
  ];
}
