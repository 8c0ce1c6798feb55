/**
 * Levenshtein distance with a cap, for "did you mean" suggestions (a mistyped field name) and for
 * finding a result code by a mistyped message. Two rows of one reused buffer, so that a payload
 * with 100,000 unknown keys, each compared with every known field, allocates nothing here. Pure.
 */

/** The distance rows: `[previous row | current row]`, grown as longer strings come. */
let rows = new Int32Array(64);

/** The edit distance of `a` and `b`, or `cap` as soon as it is clear the distance is at least `cap`. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  const width = b.length + 1;
  if (rows.length < 2 * width) rows = new Int32Array(4 * width);
  let previous = 0;
  let current = width;
  for (let j = 0; j < width; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const c = a.charCodeAt(i - 1);
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = c === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost);
      rows[current + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= cap) return cap;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(rows[previous + width - 1], cap);
}
