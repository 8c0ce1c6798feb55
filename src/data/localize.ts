/**
 * Texts in the display language: picks the language of a `Localized` text and fills its named
 * arguments (`{field} is over {max} characters`), and maps an editor or shell locale to a display
 * language. Pure; shared by the core, the CLI and the VS Code client.
 */
import type { Lang, Localized } from './types';

export type Args = Record<string, string | number>;

export function fill(template: string, args: Args = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function localize(text: Localized, lang: Lang, args?: Args): string {
  return fill(text[lang] ?? text.en, args);
}

/** Maps a locale such as `zh-tw`, `zh_TW.UTF-8` or `zh-Hant` to a display language; English otherwise. */
export function toLang(locale: string | undefined): Lang {
  const l = (locale ?? '').toLowerCase().replace('_', '-');
  return l.startsWith('zh-tw') || l.startsWith('zh-hant') || l.startsWith('zh-hk') ? 'zh-TW' : 'en';
}
