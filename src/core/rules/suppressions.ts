/**
 * Suppression comments, the ESLint way, in payload files (JSON with comments) and in TS/JS:
 *
 * - `// jkopay-ignore-next-line` or `/* jkopay-ignore-next-line *\/` silences the findings that
 *   start on the next line; a list of codes narrows it (`// jkopay-ignore-next-line
 *   below-minimum, currency-precision`); text after ` -- ` is a reason and ignored;
 * - `// jkopay-ignore-file` (with or without codes) silences the whole file;
 * - a suppression that silences nothing is itself reported, as `unused-suppression` (a hint),
 *   like ESLint's `reportUnusedDisableDirectives`.
 *
 * Comments are found in one pass over the text (linear whatever the comments: see DIRECTIVE). A directive written inside a
 * string literal is taken for a comment too; that is rare enough not to parse for. Pure.
 */
import type { Lang } from '../../data/types';
import { type Finding, ruleMessage } from './findings';
import { msg } from '../texts/messages';
import type { RuleCode } from './ruleTable';

interface Directive {
  kind: 'next-line' | 'file';
  /** Codes it silences; empty: every code. */
  codes: string[];
  /** The comment's range, for the unused-suppression hint. */
  offset: number;
  length: number;
  /** The 0-based line the directive applies to (next-line only). */
  line: number;
  used: boolean;
}

/**
 * The directive must open a comment that stands on its own line: `// jkopay-ignore-…` or
 * `/* jkopay-ignore-… *\/` with only indentation before it (so that the words quoted in other
 * comments or strings are not taken for one). The expression reads the opening only, to the end of
 * its line at most: a block comment's end is found apart (`BlockEnds`), because a lazy `[\s\S]*?\*\/`
 * searched the rest of the file from every unterminated `/* jkopay-ignore-file` (80,000 of them took 26 s).
 */
const DIRECTIVE = /^[ \t]*(?:\/\/[ \t]*jkopay-ignore-(next-line|file)\b([^\r\n]*)|\/\*[ \t*]*jkopay-ignore-(next-line|file)\b)/gm;

/**
 * Where the next `*\/` is, asked from offsets that only grow: the answer of the last search is
 * kept, so the text is searched once in all however many block comments open without closing.
 */
class BlockEnds {
  private from = -1;
  private found = -1;
  constructor(private readonly text: string) {}

  after(offset: number): number {
    // The last answer holds while it is still ahead (or there was none at all from an earlier offset).
    if (this.from >= 0 && offset >= this.from && (this.found === -1 || this.found >= offset)) return this.found;
    this.from = offset;
    this.found = this.text.indexOf('*/', offset);
    return this.found;
  }
}

/** The cheap test: most files hold no directive and are returned unchanged. */
const MENTION = 'jkopay-ignore-';

function parseCodes(rest: string): string[] {
  const body = rest.split(/\s--\s|^--\s/)[0];
  return body
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/** 0-based line of each offset, asked in increasing order: one forward scan. */
function lineCounter(text: string): (offset: number) => number {
  let line = 0;
  let at = 0;
  return (offset) => {
    for (; at < offset && at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === 10 || (c === 13 && text.charCodeAt(at + 1) !== 10)) line++;
    }
    return line;
  };
}

/**
 * 0-based line of any offset, with the same line breaks as `lineCounter` (\n, \r\n, a lone \r):
 * the starts of lines are found in one pass, made only for a text that holds directives, and each
 * finding's line is then a binary search, in whatever order the checks produce findings.
 */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
}

function findDirectives(text: string): Directive[] {
  const directives: Directive[] = [];
  const lineOf = lineCounter(text);
  const blockEnds = new BlockEnds(text);
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    let rest = m[2];
    let end = m.index + m[0].length;
    if (m[3] !== undefined) {
      const close = blockEnds.after(end);
      // A block comment that never closes is no directive (the parser reports it); the search goes on after its opening.
      if (close < 0) {
        DIRECTIVE.lastIndex = m.index + 1;
        continue;
      }
      rest = text.slice(end, close);
      end = close + 2;
      // What the comment holds is its own: a directive written inside it is no directive.
      DIRECTIVE.lastIndex = end;
    }
    const kind = (m[1] ?? m[3]) as Directive['kind'];
    const indent = m[0].length - m[0].trimStart().length;
    directives.push({
      kind,
      codes: parseCodes(rest ?? ''),
      offset: m.index + indent,
      length: end - m.index - indent,
      line: lineOf(end) + 1,
      used: false,
    });
  }
  return directives;
}

/**
 * The directives of one text, asked about each finding as the checks produce it (`silences`), then
 * for the directives that silenced nothing (`unused`), each an `unused-suppression` hint.
 */
export class Suppressions {
  private readonly directives: Directive[];
  private readonly fileWide: Directive[];
  private readonly byLine = new Map<number, Directive[]>();
  private readonly lineOf: (offset: number) => number;

  constructor(
    text: string,
    private readonly lang: Lang,
  ) {
    // The cheap test: most files hold no directive.
    this.directives = text.includes(MENTION) ? findDirectives(text) : [];
    this.fileWide = this.directives.filter((d) => d.kind === 'file');
    for (const d of this.directives) {
      if (d.kind !== 'next-line') continue;
      const list = this.byLine.get(d.line);
      if (list) list.push(d);
      else this.byLine.set(d.line, [d]);
    }
    this.lineOf = this.directives.length ? lineFinder(text) : () => 0;
  }

  /** True when a directive silences `finding` (the directive is then used). */
  silences(finding: Finding): boolean {
    if (this.directives.length === 0) return false;
    const applies = (d: Directive) => d.codes.length === 0 || d.codes.includes(finding.code);
    const directive =
      (this.byLine.size ? this.byLine.get(this.lineOf(finding.offset))?.find(applies) : undefined) ?? this.fileWide.find(applies);
    if (!directive) return false;
    directive.used = true;
    return true;
  }

  /** An `unused-suppression` hint for each directive that silenced nothing. */
  unused(): Finding[] {
    return this.directives
      .filter((d) => !d.used)
      .map((d) => ({
        code: 'unused-suppression' as const,
        offset: d.offset,
        length: d.length,
        message: ruleMessage('unused-suppression', this.lang, {
          directive: `jkopay-ignore-${d.kind}`,
          codes: d.codes.length ? ` (${d.codes.join(', ')})` : '',
        }),
        fixes: [{ title: msg(this.lang, 'fix-remove-suppression'), edits: [{ offset: d.offset, length: d.length, newText: '' }] }],
      }));
  }
}

/**
 * Drops the findings a directive silences and adds an `unused-suppression` hint for each
 * directive that silences nothing. `isOff` tells which codes the settings turn off: those are
 * not reported, so a directive is not needed for them, and they do not count as silenced.
 */
export function applySuppressions(
  text: string,
  findings: Finding[],
  lang: Lang,
  isOff: (code: RuleCode) => boolean = () => false,
): Finding[] {
  if (!text.includes(MENTION)) return findings;
  const suppressions = new Suppressions(text, lang);
  const kept = findings.filter((f) => isOff(f.code) || !suppressions.silences(f));
  for (const hint of suppressions.unused()) kept.push(hint);
  return kept.sort((a, b) => a.offset - b.offset);
}

/**
 * The comment that silences `code` on the line of `offset`, inserted above it with the line's
 * indentation; `newline` is the document's line break (measured once by a caller that asks often).
 */
export function ignoreLineEdit(
  text: string,
  offset: number,
  code: string,
  newline = text.includes('\r\n') ? '\r\n' : '\n',
): { offset: number; length: number; newText: string } {
  let lineStart = offset;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  let indentEnd = lineStart;
  while (indentEnd < text.length && (text.charCodeAt(indentEnd) === 32 || text.charCodeAt(indentEnd) === 9)) indentEnd++;
  return { offset: lineStart, length: 0, newText: `${text.slice(lineStart, indentEnd)}// jkopay-ignore-next-line ${code}${newline}` };
}
