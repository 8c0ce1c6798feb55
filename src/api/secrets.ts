/**
 * How credentials are shown: never in full. An API key is shown as its first few characters
 * and an ellipsis (`abcd…`) so a user can tell which key was used.
 *
 * `redact` is the one scrubber every output path uses (the CLI's `send` output and errors, the
 * runner's history, hence the response panel): a server may echo a key in any spelling, so each
 * occurrence is found whether it is written raw, JSON-escaped (`\/`, `\u0061`, mixed), URL-encoded
 * once or more (`%2F`, `%252F`, `+`), as HTML character references (`&#47;`, `&#47` without its
 * semicolon, `&amp;`), or broken across lines (a line break, and the next line's indentation, between
 * two of its characters), and it scrubs before any cutting, so that a cut can never keep a key's prefix.
 */

/** `abcd…`: at most 4 leading characters, and never more than half of a short key. */
export function maskKey(key: string): string {
  if (key.length === 0) return '(empty)';
  const chars = Array.from(key);
  const shown = Math.min(4, Math.floor(chars.length / 2));
  return `${chars.slice(0, shown).join('')}…`;
}

/** Secrets shorter than this are not searched for (they would match ordinary text). */
const MIN_SECRET = 4;

/**
 * `text` with every occurrence of the given secrets, in any of the spellings above, replaced by
 * the key's mask; then, when `maxChars` is given, cut to that many characters (after scrubbing).
 */
export function redact(text: string, secrets: readonly (string | undefined)[], maxChars?: number): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET) continue;
    // A plain search first: most texts hold no escaped character at all.
    out = out.split(secret).join(safeMask(secret));
    if (/[\\%&+\r\n]/.test(out)) out = out.replace(secretPattern(secret), safeMask(secret));
  }
  return maxChars !== undefined && out.length > maxChars ? out.slice(0, maxChars) : out;
}

/**
 * Every string (and key) in a parsed JSON value, redacted. Walked with a stack of its own, not by
 * recursion: the value came from a server, and an answer nested a few thousand deep (4 KB of
 * brackets) overflowed the call stack.
 */
export function redactValue<T>(value: T, secrets: readonly (string | undefined)[]): T {
  const copy = (item: unknown): unknown => {
    if (typeof item === 'string') return redact(item, secrets);
    if (Array.isArray(item)) {
      const out: unknown[] = new Array<unknown>(item.length);
      pending.push({ from: item, to: out });
      return out;
    }
    if (typeof item === 'object' && item !== null) {
      const out: Record<string, unknown> = {};
      pending.push({ from: item as Record<string, unknown>, to: out });
      return out;
    }
    return item;
  };
  /** Containers copied but whose items are not yet: each is filled when it is popped. */
  const pending: { from: unknown[] | Record<string, unknown>; to: unknown[] | Record<string, unknown> }[] = [];
  const root = copy(value);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { from, to } = next;
    if (Array.isArray(from)) from.forEach((item, i) => ((to as unknown[])[i] = copy(item)));
    else for (const [key, item] of Object.entries(from)) (to as Record<string, unknown>)[redact(key, secrets)] = copy(item);
  }
  return root as T;
}

/** The mask put in place of a secret: JSON-, URL- and HTML-neutral so a scrubbed body still parses. */
function safeMask(secret: string): string {
  const mask = maskKey(secret);
  return /^[\w.~-]*…$/.test(mask) ? mask : '…';
}

const patterns = new Map<string, RegExp>();

/**
 * One alternation per character of the secret: the character itself or any escaped spelling of it,
 * with a line break (and the indentation after it) allowed between two characters: a body wrapped
 * at a fixed width, or a header folded, breaks a key anywhere.
 */
const LINE_BREAK = '(?:\\r?\\n[ \\t]*|\\r[ \\t]*)?';

function secretPattern(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    pattern = new RegExp(Array.from(secret).map(charPattern).join(LINE_BREAK), 'g');
    if (patterns.size > 16) patterns.clear();
    patterns.set(secret, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

const JSON_SHORT: Record<string, string> = {
  '"': '\\\\"',
  '\\': '\\\\\\\\',
  '/': '\\\\/',
  '\b': '\\\\b',
  '\f': '\\\\f',
  '\n': '\\\\n',
  '\r': '\\\\r',
  '\t': '\\\\t',
};
const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&(?:apos|#39);' };

function charPattern(char: string): string {
  const code = char.codePointAt(0)!;
  const options = [escapeRegExp(char)];
  // JSON: \uXXXX (a surrogate pair beyond the BMP), and the short escapes.
  const units = code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code];
  options.push(units.map((unit) => `\\\\u${hexPattern(unit, 4)}`).join(''));
  if (JSON_SHORT[char]) options.push(JSON_SHORT[char]);
  // URL: %XX per UTF-8 byte, encoded once or more (`%252F` is `%2F` encoded again: `%` is `%25`); + for a space.
  options.push(Array.from(Buffer.from(char, 'utf8'), (byte) => `%(?:25)*${hexPattern(byte, 2)}`).join(''));
  if (char === ' ') options.push('\\+');
  // HTML: decimal and hexadecimal character references, and the named ones for markup characters. Browsers
  // read a reference without its `;` too (`&#47` then a character that is no digit).
  options.push(`&#0*${code}(?:;|(?![0-9]))`, `&#[xX]0*${hexPattern(code, 1)}(?:;|(?![0-9a-fA-F]))`);
  if (HTML_NAMED[char]) options.push(HTML_NAMED[char]);
  return `(?:${options.join('|')})`;
}

/** The hex digits of `value` (at least `width`), each letter in either case. */
function hexPattern(value: number, width: number): string {
  return Array.from(value.toString(16).padStart(width, '0'), (digit) =>
    /[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit,
  ).join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
