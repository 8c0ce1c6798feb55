/**
 * Small text helpers shared by the checks and the quick fixes. Pure.
 */
import { editDistance } from '../../data/editDistance';

/** Length in Unicode code points, which is how a person (and JKOPay's length limits) count characters. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** The closest candidate to a mistyped name (case differences first), or undefined when none is close. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const max = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = editDistance(lower, candidate.toLowerCase(), max + 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** A key or string rewritten with the same quoting as `raw` (JSON `"…"`, TS `'…'`, or a bare TS identifier). */
export function requote(raw: string, value: string): string {
  const quote = raw[0];
  if (quote === "'") return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (quote === '"' || !/^[A-Za-z_$][\w$]*$/.test(value)) return JSON.stringify(value);
  return value;
}

/**
 * Line starts of one text, found lazily with `indexOf` only as far as asked, so that line numbers,
 * line starts and indentation cost O(text) in total however many nodes ask and however the text is
 * laid out (a 20,000-payload array on one line must not rescan the line per payload). Shared by the
 * checks of one document and by the offset → position conversion of its findings.
 */
export class LineIndex {
  private readonly starts = [0];
  /** Everything before `scanned` has been searched for line breaks. */
  private scanned = 0;
  /** The first `\n` at or after `scanned`, or -1 when there is none: remembered so a long last line is searched once. */
  private nextBreak: number | undefined;
  private readonly indents = new Map<number, string>();

  constructor(readonly text: string) {}

  /** 0-based line of `offset` (clamped to the text); a `\n` belongs to the line it ends. */
  lineOf(offset: number): number {
    offset = Math.max(0, Math.min(offset, this.text.length));
    this.scanTo(offset);
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    if (starts[high] <= offset) return high;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset of the first character of the line holding `offset`. */
  lineStartAt(offset: number): number {
    return this.starts[this.lineOf(offset)];
  }

  /** The whitespace that starts the line holding `offset` (measured once per line). */
  indentationAt(offset: number): string {
    const line = this.lineOf(offset);
    let indent = this.indents.get(line);
    if (indent === undefined) {
      const text = this.text;
      const start = this.starts[line];
      let end = start;
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
      indent = text.slice(start, end);
      this.indents.set(line, indent);
    }
    return indent;
  }

  private scanTo(offset: number): void {
    const text = this.text;
    while (this.scanned < offset) {
      if (this.nextBreak === undefined) this.nextBreak = text.indexOf('\n', this.scanned);
      const next = this.nextBreak;
      if (next < 0 || next >= offset) {
        this.scanned = offset;
        return;
      }
      this.starts.push(next + 1);
      this.scanned = next + 1;
      this.nextBreak = undefined;
    }
  }
}

/**
 * Whitespace (any Unicode space, line and paragraph separators, BOM), C0 and C1 controls, DEL and
 * bidi controls. None belongs in a URL, and the WHATWG URL parser silently drops tab, CR and LF
 * (so `new URL` alone would accept a URL that differs from the text), hence this check runs first.
 */
const URL_UNSAFE = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** True when `text` holds a character no URL field may contain (see URL_UNSAFE). */
export function hasUrlUnsafeChar(text: string): boolean {
  return URL_UNSAFE.test(text);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds half of a UTF-16 surrogate pair: such text has no UTF-8 form, so it cannot be sent. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
