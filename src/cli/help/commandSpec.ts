/**
 * What a command's table says: its usage line, what it does, and every option with its argument,
 * its meaning in English and Traditional Chinese and its default. The table is node's parseArgs
 * configuration with the help texts beside each option, so the parser (`parseCommand`) and
 * `jkopay help <command>` (renderHelp.ts) read the same object and cannot drift apart. Pure data
 * and one parse; no output.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Localized } from '../../data/types';

/** One option as node's parseArgs takes it (`type`, `short`, `multiple`, `default`). */
type ParseArgsOption = NonNullable<ParseArgsConfig['options']>[string];

export interface OptionSpec extends ParseArgsOption {
  /** The argument as help shows it (`N`, `FILE`, `text|json`); none for a flag. */
  arg?: string;
  /** What the option does, one or two sentences in each language. */
  text: Localized;
  /** The default as help states it, when it is not parseArgs' own `default` (it comes from the environment, say). */
  defaultText?: Localized;
}

export type OptionTable = Record<string, OptionSpec>;

export interface CommandSpec<O extends OptionTable = OptionTable> {
  /** `check`, `mock`, `mock pay|fail|clock|reset|orders`. */
  name: string;
  /** The usage line after `jkopay ` (its words are command-line syntax, the same in every language). */
  usage: string;
  /** One sentence: `jkopay help` lists it beside the command. */
  summary: Localized;
  /** More paragraphs for `jkopay help <command>`, when one sentence is not enough. */
  details?: Localized;
  /** What the exit codes mean. */
  exit?: Localized;
  options: O;
}

/** Every command takes these two. */
export const COMMON_OPTIONS = {
  lang: {
    type: 'string',
    arg: 'en|zh-TW',
    text: {
      en: 'Language of the messages: English or Traditional Chinese. It may also stand before the command.',
      'zh-TW': '訊息的語言：英文（en）或繁體中文（zh-TW）。也可以寫在指令之前。',
    },
    defaultText: { en: 'from LC_ALL, LC_MESSAGES or LANG', 'zh-TW': '依 LC_ALL、LC_MESSAGES 或 LANG' },
  },
  help: {
    type: 'boolean',
    short: 'h',
    text: { en: 'Show this help and exit.', 'zh-TW': '顯示這份說明後結束。' },
  },
} as const satisfies OptionTable;

/** Parses `args` by the command's table (strict: an option the table lacks is a usage error). */
export function parseCommand<O extends OptionTable>(spec: CommandSpec<O>, args: string[]): ParsedCommand<O> {
  return parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
}

export type ParsedCommand<O extends OptionTable> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;
