/**
 * What the send, mock, sign, verify, explain and callbacks sub-commands share: their output
 * channels, a usage error that becomes exit code 2 with the message in the chosen language and the
 * command's usage line, the --lang option, and secrets named by --secret-env.
 */
import { toLang } from '../core';
import type { Lang } from '../data/types';
import type { CommandSpec } from './help/commandSpec';
import { CommandUsageError, fromParseArgsError, langOfArgs, usageError, usageText } from './help/usageError';

export { CommandUsageError, usageError };

export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Runs a command body; bad usage (ours or node's parseArgs) prints `jkopay <command>: …` in the
 * language the command line asks for, then the usage line and where every option is explained; exit 2.
 */
export async function withUsage(
  spec: CommandSpec,
  args: readonly string[],
  io: CommandIO,
  body: () => Promise<number>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    return await body();
  } catch (e) {
    const usage = e instanceof CommandUsageError ? e : fromParseArgsError(e);
    if (!usage) throw e;
    const lang = langOfArgs(args, env);
    const command = spec.name.split(' ')[0];
    io.err(
      `jkopay ${command}: ${usage.messageIn(lang)}\n\n${usageText('usage', lang, { usage: spec.usage })}\n${usageText('help-hint', lang, { command })}`,
    );
    return 2;
  }
}

/** --lang when given (checked), else the locale of the environment. */
export function langOption(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (value === undefined) return toLang(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  if (!['en', 'zh-tw'].includes(value.toLowerCase())) throw usageError('one-of', { option: '--lang', allowed: 'en or zh-TW', value });
  return toLang(value);
}

/** A portable environment variable name: letters, digits and underscores, not starting with a digit. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The secret in the environment variable named by --secret-env. The value given to --secret-env
 * is never printed, not even in an error: users do pass the secret itself there by mistake.
 * Undefined (after `io.err`) when the variable is unset or empty; a usage error when the value
 * is no variable name.
 */
export function secretFromEnv(variable: string, env: NodeJS.ProcessEnv): string | undefined {
  if (!ENV_NAME.test(variable)) {
    throw usageError('secret-env-name');
  }
  const value = env[variable];
  return value === undefined || value === '' ? undefined : value;
}

/** The message for an unset or empty --secret-env variable, naming no value. */
export function secretEnvUnset(lang: Lang): string {
  return usageText('secret-env-unset', lang);
}
