/**
 * Texts in the display language: picks the language of a `Localized` text and fills its named
 * arguments (`{field} is over {max} characters`), and maps an editor or shell locale to a display
 * language. A count that needs an English plural names both forms, `#` standing for the number:
 * `{warnings|# warning|# warnings}` gives "1 warning" and "2 warnings" (Chinese needs none).
 * Pure; shared by the core, the CLI and the VS Code client.
 */
import type { Lang, Localized } from './types';

export type Args = Record<string, string | number>;

/**
 * Templates split once into literal text, then per argument its name and, for a plural, its two
 * forms (undefined otherwise): filling is then a join, no regex per call.
 */
const compiled = new Map<string, (string | undefined)[]>();

/** English plural forms: "1 warning", "0 warnings", "1.5 warnings". */
const plurals = new Intl.PluralRules('en');

function compile(template: string): (string | undefined)[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/);
    // Message templates are a fixed set; past this many, a caller's own texts are split each time.
    if (compiled.size < 2000) compiled.set(template, parts);
  }
  return parts;
}

export function fill(template: string, args: Args = {}): string {
  if (!template.includes('{')) return template;
  const parts = compile(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 4) {
    const [name, one, other] = [parts[i]!, parts[i + 1], parts[i + 2]];
    let value = name in args ? String(args[name]) : `{${name}}`;
    if (one !== undefined && other !== undefined && name in args) {
      value = (plurals.select(Number(args[name])) === 'one' ? one : other).replace(/#/g, value);
    }
    out += value + parts[i + 3];
  }
  return out;
}

export function localize(text: Localized, lang: Lang, args?: Args): string {
  // Own keys only: a language that comes from a caller (`__proto__`, `toString`) must not reach Object.prototype.
  return fill((Object.hasOwn(text, lang) ? text[lang] : undefined) ?? text.en, args);
}

/** Maps a locale such as `zh-tw`, `zh_TW.UTF-8` or `zh-Hant` to a display language; English otherwise. */
export function toLang(locale: string | undefined): Lang {
  const l = (locale ?? '').toLowerCase().replace('_', '-');
  return l.startsWith('zh-tw') || l.startsWith('zh-hant') || l.startsWith('zh-hk') ? 'zh-TW' : 'en';
}
