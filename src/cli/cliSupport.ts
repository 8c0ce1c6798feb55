/**
 * What the send, mock, sign and explain sub-commands share: their output channels, a usage
 * error that becomes exit code 2 with the command's usage line, and the --lang option.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toLang } from '../core/localize';
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

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T): ReturnType<typeof parseArgs<StrictArgs<T>>> {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** --lang when given (checked), else the locale of the environment. */
export function langOption(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (value === undefined) return toLang(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  if (!['en', 'zh-tw'].includes(value.toLowerCase())) throw new CommandUsageError(`--lang must be en or zh-TW, not "${value}"`);
  return toLang(value);
}
