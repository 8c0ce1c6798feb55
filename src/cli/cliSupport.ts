/**
 * What the send, mock, sign and explain sub-commands share: their output channels, a usage
 * error that becomes exit code 2 with the command's usage line, and the --lang option.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toLang } from '../core';
import type { Lang } from '../data/types';

export interface CommandIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export class CommandUsageError extends Error {}

/** Runs a command body; bad usage (ours or node's parseArgs) prints `jkopay <command>: …` and the usage, exit 2. */
export async function withUsage(command: string, usage: string, io: CommandIO, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof CommandUsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`jkopay ${command}: ${(e as Error).message}\n\nUsage: ${usage}`);
      return 2;
    }
    throw e;
  }
}

type StrictArgs<T extends NonNullable<ParseArgsConfig['options']>> = { args: string[]; options: T; allowPositionals: true; strict: true };

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<StrictArgs<T>>> {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** --lang when given (checked), else the locale of the environment. */
export function langOption(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (value === undefined) return toLang(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  if (!['en', 'zh-tw'].includes(value.toLowerCase())) throw new CommandUsageError(`--lang must be en or zh-TW, not "${value}"`);
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
    throw new CommandUsageError(
      '--secret-env takes the NAME of an environment variable (such as JKOPAY_SECRET_KEY), and what was given is no such name (it is not shown: it may be the secret itself)',
    );
  }
  const value = env[variable];
  return value === undefined || value === '' ? undefined : value;
}

/** The message for an unset or empty --secret-env variable, naming no value. */
export const SECRET_ENV_UNSET =
  'the environment variable named by --secret-env is not set or empty (its name is not shown: it may be the secret itself)';
