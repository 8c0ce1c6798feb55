/**
 * Texts in the display language: picks the language of a `Localized` text and fills its named
 * arguments (`{field} is over {max} characters`), and maps an editor or shell locale to a display
 * language. Pure; shared by the core, the CLI and the VS Code client.
 */
import type { Lang, Localized } from './types';

export type Args = Record<string, string | number>;

/** Templates split once into literal text and argument names (odd indexes): filling is then a join, no regex per call. */
const compiled = new Map<string, string[]>();

function compile(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Message templates are a fixed set; past this many, a caller's own texts are split each time.
    if (compiled.size < 2000) compiled.set(template, parts);
  }
  return parts;
}

export function fill(template: string, args: Args = {}): string {
  if (!template.includes('{')) return template;
  const parts = compile(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in args ? String(args[name]) : `{${name}}`) + parts[i + 1];
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
