/**
 * Ways other JSON writers spell the same value, byte by byte, from compact JSON text: a space
 * after each `:` and `,` (Python's `json.dumps` default and JKOPay's own documentation), non-ASCII
 * characters as `\uXXXX` (PHP's `json_encode`, Python's `ensure_ascii`), `/` as `\/` (PHP). The
 * DIGEST doctor tries them as what a client may have signed; the callback test writes its bodies
 * with them, so that a handler that verifies a re-serialization of the body fails as it would
 * against JKOPay. Pure, and linear in the text.
 */

/** A space after each `:` and `,` outside strings. */
export function spacedJson(compact: string): string {
  let out = '';
  let inString = false;
  let from = 0;
  for (let i = 0; i < compact.length; i++) {
    const c = compact.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 44 || c === 58) {
      out += compact.slice(from, i + 1) + ' ';
      from = i + 1;
    }
  }
  return out + compact.slice(from);
}

/** Non-ASCII characters as `\uXXXX` escapes (in JSON text they can only be inside strings). */
export const asciiOnlyJson = (json: string): string =>
  json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `/` as `\/` (in JSON text it can only be inside strings). */
export const slashesEscapedJson = (json: string): string => json.replace(/\//g, '\\/');
