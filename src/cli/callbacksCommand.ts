/**
 * `jkopay callbacks test`: plays JKOPay against the merchant's own confirm_url and result_url
 * (src/api/callbacks/callbackTest.ts) and prints a table of verdicts, or with `--format json` an
 * array of `{scenario, url, verdict, status, ms, detail}`. The hosts it calls are printed first
 * (on stderr): non-loopback targets are allowed because the user named them. Exit 0: nothing
 * failed; 1: a scenario failed; 2: bad usage.
 */
import { CallbackTestError, type CallbackVerdict, checkCallbackOptions, exitCodeOf, runCallbackTests } from '../api/callbacks/callbackTest';
import { callbackText, type CallbackTextId } from '../api/callbacks/callbackTexts';
import { DEFAULT_MOCK_CONFIG } from '../api/mock/mockConfig';
import type { Lang } from '../data/types';
import { type CommandIO, CommandUsageError, langOption, secretFromEnv, usageError, withUsage } from './cliSupport';
import { CALLBACKS_SPEC } from './help/callbacksSpec';
import { parseCommand } from './help/commandSpec';
import { USAGE_TEXTS } from './help/usageError';

export interface CallbacksCommandOptions {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export function runCallbacks(args: string[], io: CommandIO, options: CallbacksCommandOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const body = async (): Promise<number> => {
    const { values, positionals } = parseCommand(CALLBACKS_SPEC, args);
    if (positionals[0] !== 'test')
      throw positionals.length ? usageError('unknown-subcommand', { command: positionals[0] }) : usageError('callbacks-what');
    if (positionals.length > 1) throw usageError('unexpected-argument', { argument: positionals[1] });
    const lang = langOption(values.lang, env);
    if (values.format !== 'text' && values.format !== 'json')
      throw usageError('one-of', { option: '--format', allowed: 'text or json', value: values.format });
    const seconds = Number(values['timeout-seconds']);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) throw usageError('seconds', { value: values['timeout-seconds'] });
    let secret = DEFAULT_MOCK_CONFIG.secretKey;
    const variable = values['secret-env'];
    if (variable !== undefined) {
      const value = secretFromEnv(variable, env);
      if (value === undefined) throw new CommandUsageError(USAGE_TEXTS['secret-env-unset']);
      secret = value;
    }
    const testOptions = {
      confirmUrl: values['confirm-url'],
      resultUrl: values['result-url'],
      orderId: values.order ?? `callback-test-${Date.now()}`,
      currency: values.currency.toUpperCase(),
      amount: values.amount,
    };
    try {
      checkCallbackOptions(testOptions);
    } catch (e) {
      if (e instanceof CallbackTestError) throw new CommandUsageError(e.message);
      throw e;
    }
    const hosts = [...new Set([testOptions.confirmUrl, testOptions.resultUrl].filter((u): u is string => !!u).map((u) => new URL(u).host))];
    io.err(
      `jkopay callbacks: calling ${hosts.join(', ')} (order ${testOptions.orderId}, digest keyed with ${variable ? `$${variable}` : "the mock's default secret"})`,
    );

    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    options.signal?.addEventListener('abort', onSigint, { once: true });
    let verdicts: CallbackVerdict[];
    try {
      verdicts = await runCallbackTests({
        ...testOptions,
        secret,
        timeoutMs: Math.round(seconds * 1000),
        slow: values.slow,
        lang,
        signal: controller.signal,
      });
    } finally {
      process.off('SIGINT', onSigint);
    }
    io.out(values.format === 'json' ? JSON.stringify(verdicts, null, 2) : verdictTable(verdicts, lang));
    return exitCodeOf(verdicts);
  };
  return withUsage(CALLBACKS_SPEC, args, io, body, env);
}

/** The verdicts as an aligned text table, the detail last (it is long). */
export function verdictTable(verdicts: readonly CallbackVerdict[], lang: Lang = 'en'): string {
  const t = (id: CallbackTextId) => callbackText(lang, id);
  const rows = [
    [t('column-scenario'), t('column-url'), t('column-verdict'), t('column-status'), t('column-time'), t('column-detail')],
    ...verdicts.map((v) => [
      v.scenario,
      v.url,
      t(`verdict-${v.verdict}`),
      v.status === null ? '-' : String(v.status),
      `${v.ms} ms`,
      v.detail,
    ]),
  ];
  // Aligned by display width: a CJK character takes two columns in a terminal.
  const width = (text: string) =>
    [...text].reduce(
      (n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
      0,
    );
  const widths = rows[0].map((_, i) => (i === rows[0].length - 1 ? 0 : Math.max(...rows.map((r) => width(r[i])))));
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  '))
    .join('\n');
}
