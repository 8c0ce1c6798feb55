/**
 * `jkopay help` and `jkopay help <command>` as text, in English or Traditional Chinese, made from
 * the commands' tables (commandSpec.ts): the usage line, what the command does, then each option
 * with its argument, its sentence and its default, wrapped to the terminal's usual 100 columns
 * (a CJK character takes two). Pure.
 */
import { localize } from '../../data/localize';
import type { Lang, Localized } from '../../data/types';
import type { CommandSpec, OptionSpec } from './commandSpec';

const WIDTH = 100;
/** Options whose label is longer than this put their text on the next line. */
const MAX_LABEL = 34;

const WORDS = {
  usage: { en: 'Usage: ', 'zh-TW': '用法：' },
  options: { en: 'Options:', 'zh-TW': '選項：' },
  commands: { en: 'Commands:', 'zh-TW': '指令：' },
  exit: { en: 'Exit: ', 'zh-TW': '結束代碼：' },
  default: { en: 'Default: {value}.', 'zh-TW': '預設：{value}。' },
  repeatable: { en: 'Repeatable.', 'zh-TW': '可重複。' },
  more: {
    en: '`jkopay help <command>` (or `jkopay <command> --help`) explains every option of a command.',
    'zh-TW': '`jkopay help <指令>`（或 `jkopay <指令> --help`）說明一個指令的每個選項。',
  },
} satisfies Record<string, Localized>;

/** East Asian wide characters: a terminal gives each two columns, and a line may break between any two. */
const WIDE_RANGES = '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE = new RegExp(`[${WIDE_RANGES}]`);
/** Punctuation that must not begin a line (it stays with the character before it). */
const CLOSING = '，。、；：）」』！？';
/** A wide character (with the closing punctuation after it), a word with the spaces after it, or spaces. */
const TOKENS = new RegExp(`[${WIDE_RANGES}][${CLOSING}]*|[^\\s${WIDE_RANGES}]+\\s*|\\s+`, 'g');

/** Columns a text takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += isWide(c) ? 2 : 1;
  return width;
}

function isWide(c: string): boolean {
  return WIDE.test(c);
}

/** Wraps `text` to `width` columns: between words, or between any two wide characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(TOKENS) ?? [''];
    let line = '';
    for (const token of tokens) {
      if (line !== '' && displayWidth(line + token.trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line += token;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** `-h, --help`, `--format text|json`, `--socket=N`. */
export function optionLabel(name: string, option: OptionSpec): string {
  const flag = `${option.short ? `-${option.short}, ` : ''}--${name}`;
  if (!option.arg) return flag;
  return option.arg.startsWith('=') ? flag + option.arg : `${flag} ${option.arg}`;
}

/** The option's sentence, with "Repeatable." and its default when it has one. */
export function optionText(option: OptionSpec, lang: Lang): string {
  const parts = [localize(option.text, lang)];
  if (option.multiple) parts.push(localize(WORDS.repeatable, lang));
  const value = option.defaultText ? localize(option.defaultText, lang) : typeof option.default === 'string' ? option.default : undefined;
  if (value !== undefined) parts.push(localize(WORDS.default, lang, { value }));
  return parts.join(lang === 'zh-TW' ? '' : ' ');
}

/** Two columns: each label, and its text wrapped beside it (or below it when the label is long). */
function table(rows: [string, string][]): string[] {
  const labelWidth = Math.min(MAX_LABEL, Math.max(...rows.map(([label]) => displayWidth(label))));
  const column = 2 + labelWidth + 2;
  const lines: string[] = [];
  for (const [label, text] of rows) {
    const wrapped = wrap(text, WIDTH - column);
    if (displayWidth(label) > labelWidth) {
      lines.push(`  ${label}`);
      for (const line of wrapped) lines.push(' '.repeat(column) + line);
    } else {
      lines.push(`  ${label}${' '.repeat(labelWidth - displayWidth(label) + 2)}${wrapped[0]}`);
      for (const line of wrapped.slice(1)) lines.push(' '.repeat(column) + line);
    }
  }
  return lines;
}

/** `jkopay help <command>`. */
export function renderCommandHelp(specs: readonly CommandSpec[], lang: Lang): string {
  const out: string[] = [];
  for (const spec of specs) {
    if (out.length) out.push('');
    out.push(`${localize(WORDS.usage, lang)}jkopay ${spec.usage}`, '');
    out.push(...wrap(localize(spec.summary, lang), WIDTH));
    if (spec.details) out.push('', ...wrap(localize(spec.details, lang), WIDTH));
    out.push('', localize(WORDS.options, lang));
    out.push(...table(Object.entries(spec.options).map(([name, option]) => [optionLabel(name, option), optionText(option, lang)])));
    if (spec.exit) out.push('', ...wrap(`${localize(WORDS.exit, lang)}${localize(spec.exit, lang)}`, WIDTH));
  }
  return out.join('\n');
}

/** `jkopay help`: every command with its sentence, then the options every command takes. */
export function renderGlobalHelp(specs: readonly CommandSpec[], globalOptions: Record<string, OptionSpec>, lang: Lang): string {
  return [
    `${localize(WORDS.usage, lang)}jkopay [--lang en|zh-TW] <command> [options]`,
    '',
    localize(WORDS.commands, lang),
    ...table(specs.map((spec) => [spec.name, localize(spec.summary, lang)])),
    '',
    localize(WORDS.options, lang),
    ...table(Object.entries(globalOptions).map(([name, option]) => [optionLabel(name, option), optionText(option, lang)])),
    '',
    ...wrap(localize(WORDS.more, lang), WIDTH),
  ].join('\n');
}
