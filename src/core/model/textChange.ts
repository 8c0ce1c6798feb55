/**
 * One edit of a document as the incremental re-parsers take it: the span of the previous text
 * that was replaced, and the length of what replaced it. Several edits (a multi-cursor change,
 * or versions the server did not check in between) merge into the one span that covers them.
 * Pure: no imports.
 */

export interface TextChange {
  /** Offset in the previous text where the replaced span starts. */
  start: number;
  /** Offset in the previous text just past the replaced span. */
  end: number;
  /** Length of the replacement text. */
  newLength: number;
}

/** How far text after the change moved. */
export function changeDelta(change: TextChange): number {
  return change.newLength - (change.end - change.start);
}

/**
 * The change between two texts, found by their longest common prefix and suffix: for callers that
 * were not told which span changed. Linear in the text, so told changes are preferred.
 */
export function diffTexts(before: string, after: string): TextChange {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, end: before.length - end, newLength: after.length - end - start };
}

/**
 * `first` took text A to B; `next` (offsets in B) took B to C. The result takes A to C: it covers
 * both spans, so everything outside it is the same in A and C.
 */
export function mergeChanges(first: TextChange | undefined, next: TextChange): TextChange {
  if (!first) return next;
  const firstNewEnd = first.start + first.newLength;
  const start = Math.min(first.start, next.start);
  // In B, the covered span runs to the later of both ends; past first's new end, B and A agree.
  const endInB = Math.max(firstNewEnd, next.end);
  const end = first.end + (endInB - firstNewEnd);
  const newEnd = endInB + changeDelta(next);
  return { start, end, newLength: newEnd - start };
}
