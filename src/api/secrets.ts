/**
 * How credentials are shown: never in full. An API key is shown as its first few characters
 * and an ellipsis (`abcd…`) so a user can tell which key was used; a secret key is never shown.
 */

/** `abcd…`: at most 4 leading characters, and never more than half of a short key. */
export function maskKey(key: string): string {
  if (key.length === 0) return '(empty)';
  const chars = Array.from(key);
  const shown = Math.min(4, Math.floor(chars.length / 2));
  return `${chars.slice(0, shown).join('')}…`;
}

/** Replaces every occurrence of the given secrets in `text` (for error texts that might echo a header). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(maskKey(secret));
  }
  return out;
}
