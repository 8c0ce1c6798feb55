/**
 * Exclude globs (`jkopay.config.json`'s `exclude`, `jkopay check --exclude`) as regular expressions
 * that a linear-time engine runs (RE2, through `re2js`, in the server and the CLI): a glob comes
 * from a repository, and compiled to a JavaScript RegExp, `*a*a*a*a*a*a*a*a*a*a*a*a*b` against a
 * file named with 34 `a`s backtracked for minutes. The translation here emits only what RE2 reads
 * (no lookaround, no backreference), and the limits below bound the work per path whatever the
 * globs: each glob is checked here, and a glob over a limit or of a syntax not supported is refused
 * with the reason, never half-applied. Pure: no engine, no file system.
 *
 * The syntax, as picomatch (with `dot: true`) reads it, less what cannot be matched in linear time:
 * `*` any characters but `/`; `**` as a whole segment, any number of segments; `?` one character
 * but `/`; `[abc]`, `[a-z]`, `[!a]` (or `[^a]`), `[[:alpha:]]`; `{a,b}` alternatives, nested. A
 * glob naming a folder covers what is inside it. Backslashes are path separators (Windows), so
 * nothing is escaped; `(`, `)` and `|` are plain characters. Refused: negation (`!glob`), extglobs
 * (`@(…)`, `!(…)`, `+(…)`, `*(…)`, `?(…)`) and ranges (`{1..9}`).
 */

/** Globs per list (a configuration's `exclude`, or the `--exclude` options of one run). */
export const MAX_GLOBS = 100;
/** Characters per glob: paths of a repository are named in far fewer. */
export const MAX_GLOB_LENGTH = 256;
/** Wildcards (`*`, `**`, `?`, `[…]`) per glob; with the length, bounds what one path costs. */
export const MAX_GLOB_WILDCARDS = 16;

export type GlobTranslation = { source: string } | { problem: string };

// What a `**` segment followed by `/` stands for: no segment, or any number of them, each with its `/`.
const ANY_SEGMENTS = '(?:[^/]+/)*';

/** Regular-expression characters written as themselves. */
const SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/**
 * The glob as written by the user, cleaned: `\` as `/`, no leading `./`, no trailing `/`, one `**` for
 * several in a row, and `.` (the configuration's own folder) as `**`.
 */
export function cleanGlob(glob: string): string {
  return glob
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/\/$/, '')
    .replace(/(^|\/)\*\*(?:\/\*\*)+(?=\/|$)/g, '$1**')
    .replace(/^\.$/, '**');
}

/** Why a list of globs is refused as a whole, or undefined when it may be used. */
export function globListProblem(globs: readonly unknown[]): string | undefined {
  if (globs.length > MAX_GLOBS) return `${globs.length} globs; at most ${MAX_GLOBS} are read`;
  return undefined;
}

/**
 * The RE2 source matching the paths (relative, with `/`) that `glob` covers, itself or inside it;
 * or why the glob is refused.
 */
export function translateGlob(glob: string): GlobTranslation {
  if (glob.length > MAX_GLOB_LENGTH) return { problem: `it is ${glob.length} characters long; at most ${MAX_GLOB_LENGTH} are read` };
  const clean = cleanGlob(glob);
  if (clean === '') return { problem: 'it is empty' };
  if (clean.startsWith('!')) return { problem: 'negated globs (!…) are not supported: list what to exclude' };
  const reader = new GlobReader(clean);
  let body: string;
  try {
    body = reader.sequence(false);
  } catch (e) {
    if (e instanceof GlobSyntaxError) return { problem: e.message };
    throw e;
  }
  if (reader.wildcards > MAX_GLOB_WILDCARDS)
    return { problem: `it has ${reader.wildcards} wildcards; at most ${MAX_GLOB_WILDCARDS} are read` };
  // (?s): a file name may hold a line break, and `.` must match it too.
  return { source: `(?s)^(?:${body})(?:/.*)?$` };
}

class GlobSyntaxError extends Error {}

class GlobReader {
  private at = 0;
  wildcards = 0;

  constructor(private readonly glob: string) {}

  /** The translation up to the end, or inside braces up to an unnested `,` or `}`. */
  sequence(inBraces: boolean): string {
    const g = this.glob;
    let out = '';
    while (this.at < g.length) {
      const c = g[this.at];
      if (inBraces && (c === ',' || c === '}')) return out;
      if ('@!+*?'.includes(c) && g[this.at + 1] === '(')
        throw new GlobSyntaxError(`extglobs such as ${c}(…) are not supported (at character ${this.at + 1})`);
      if (c === '*') out = this.star(out);
      else if (c === '?') {
        this.wildcards++;
        this.at++;
        out += '[^/]';
      } else if (c === '[') out += this.charClass();
      else if (c === '{') out += this.braces();
      else {
        this.at++;
        out += c.replace(SPECIAL, '\\$&');
      }
    }
    if (inBraces) throw new GlobSyntaxError('a { is never closed');
    return out;
  }

  /** `*` within a segment; `**` standing for a whole segment is any number of segments. */
  private star(out: string): string {
    const g = this.glob;
    const start = this.at;
    while (g[this.at] === '*') this.at++;
    this.wildcards++;
    const wholeSegment = this.at - start >= 2 && (start === 0 || g[start - 1] === '/') && (this.at === g.length || g[this.at] === '/');
    if (!wholeSegment) return `${out}[^/]*`;
    if (this.at === g.length) {
      // `a/**` is `a` and everything in it (the folder rule adds the rest); `**` alone, or after `**/`, everything.
      return out.endsWith('/') && !out.endsWith(ANY_SEGMENTS) ? out.slice(0, -1) : `${out}.*`;
    }
    // `**/`: no segment, or any number of them, each followed by its `/`.
    this.at++;
    return `${out}${ANY_SEGMENTS}`;
  }

  /** `[…]`: a class of characters other than `/`; an `[` never closed is itself. */
  private charClass(): string {
    const g = this.glob;
    let i = this.at + 1;
    const negated = g[i] === '!' || g[i] === '^';
    if (negated) i++;
    // A `]` first in the class is one of its characters.
    if (g[i] === ']') i++;
    let members = g.slice(negated ? this.at + 2 : this.at + 1, i);
    for (; i < g.length && g[i] !== ']'; i++) {
      const posix = /^\[:[a-z]+:\]/.exec(g.slice(i));
      if (posix) {
        members += posix[0];
        i += posix[0].length - 1;
      } else members += g[i];
    }
    if (i >= g.length) {
      this.at++;
      return '\\[';
    }
    this.at = i + 1;
    this.wildcards++;
    // Inside RE2's class only `\`, `[`, `]`, `^` and `-` mean anything; `[` and `]` are escaped but in POSIX names.
    const escaped = members.replace(/\[:[a-z]+:\]|[\\[\]^]/g, (m) => (m.length > 1 ? m : `\\${m}`));
    return negated ? `[^/${escaped}]` : `[${escaped}]`;
  }

  /** `{a,b}`: alternatives; `{a}` (one alternative) is itself, as in picomatch; `{1..9}` is refused. */
  private braces(): string {
    const g = this.glob;
    const open = this.at;
    this.at++;
    const alternatives: string[] = [];
    for (;;) {
      alternatives.push(this.sequence(true));
      if (g[this.at] === ',') {
        this.at++;
        continue;
      }
      this.at++; // the `}`
      break;
    }
    const text = g.slice(open, this.at);
    if (/^\{[^{},]*\.\.[^{},]*\}$/.test(text)) throw new GlobSyntaxError(`ranges such as ${text} are not supported`);
    if (alternatives.length === 1) return text.replace(SPECIAL, '\\$&');
    return `(?:${alternatives.join('|')})`;
  }
}
