/**
 * The one escaping of control characters for every human-readable output: `jkopay check` text,
 * `send`, `explain`, the mock's access log and the VS Code output channel. Text from files and
 * servers (a key with a newline, an answer with ESC/OSC sequences, a right-to-left override) must
 * not forge lines, drive the terminal or reorder what is shown. C0 controls, DEL, C1 controls and the
 * bidirectional formatting characters become visible `\uXXXX` escapes (`\n`, `\r`, `\t` by name),
 * which is also how JSON writes them, so JSON output passed through it still means the same.
 * Pure: no imports.
 */

/** Every control character, and the bidi controls (LRM, RLM, ALM, LRE…RLO, LRI…PDI, line/paragraph separators). */
const ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * The same but for line breaks and tabs, for multi-line text such as a server's answer (`\r` is kept
 * only before `\n`, decided in `escapeOne`). One character class, no alternation: the engine scans
 * for it fast, which matters for the megabytes of `check --format json` on a large file.
 */
const ALL_BUT_LINES = /[\u0000-\u0008\u000b-\u000d\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** For multi-line text: a `\r` that ends a line (before `\n`) stays. */
function escapeOneInLines(c: string, offset: number, whole: string): string {
  return c === '\r' && whole.charCodeAt(offset + 1) === 10 ? c : escapeOne(c);
}

/**
 * `text` safe to print: control and bidi characters escaped. With `lines: true` line breaks and tabs
 * stay (multi-line text); otherwise they are escaped too, so that one record stays one line.
 */
export function escapeControl(text: string, options: { lines?: boolean } = {}): string {
  const pattern = options.lines ? ALL_BUT_LINES : ALL;
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return text;
  return options.lines ? text.replace(pattern, escapeOneInLines) : text.replace(pattern, escapeOne);
}

/** The methods of a log or output channel that take text to show. */
const TEXT_METHODS = new Set(['append', 'appendLine', 'replace', 'trace', 'debug', 'info', 'warn', 'error']);

/**
 * A view of `channel` whose text-taking methods escape control characters (line breaks kept): for
 * the VS Code output channel, which shows the server's and the mock's messages as they come.
 */
export function escapingChannel<T extends object>(channel: T): T {
  // The proxy's own target is an empty object: a frozen channel (non-writable methods) would forbid a
  // proxy of it from answering wrapped methods.
  const target = channel;
  return new Proxy({} as T, {
    get(_, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      if (typeof property === 'string' && TEXT_METHODS.has(property)) {
        return (first: unknown, ...rest: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, [shown(first), ...rest]);
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
    has: (_, property) => Reflect.has(target, property),
  });
}

/** A message argument as it may be shown: text escaped; an Error as its escaped stack (or message). */
function shown(value: unknown): unknown {
  if (typeof value === 'string') return escapeControl(value, { lines: true });
  if (value instanceof Error) return escapeControl(value.stack ?? value.message, { lines: true });
  return value;
}
