/**
 * An exchange as a cURL command line, to replay it outside the editor. By default neither the
 * API key nor the secret is written in: the command reads `$JKOPAY_API_KEY` and
 * `$JKOPAY_SECRET_KEY` from the shell and computes the DIGEST itself with openssl, so it can be
 * pasted into a chat or a ticket. Only when the user asks are the real key and DIGEST written in.
 * The signed text is written exactly as sent: the DIGEST covers those bytes.
 */
import type { WireRequest } from '../../shared/protocol';

export interface CurlSecrets {
  apiKey: string;
  digest: string;
}

/** POSIX shell single-quoting: safe for any text, including quotes and newlines. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(baseUrl: string, prepared: WireRequest, secrets?: CurlSecrets): string {
  const url = shellQuote(baseUrl + prepared.path);
  const fixed = [`-H 'Content-Type: application/json'`, `-H 'Accept: application/json'`];
  if (secrets) {
    const lines = [
      `curl -sS -X ${prepared.method} ${url}`,
      ...fixed,
      `-H ${shellQuote(`API-KEY: ${secrets.apiKey}`)}`,
      `-H ${shellQuote(`DIGEST: ${secrets.digest}`)}`,
    ];
    if (prepared.body !== undefined) lines.push(`--data-raw ${shellQuote(prepared.body)}`);
    return lines.join(' \\\n  ');
  }
  const lines = [`curl -sS -X ${prepared.method} ${url}`, ...fixed, `-H "API-KEY: $JKOPAY_API_KEY"`, `-H "DIGEST: $JKOPAY_DIGEST"`];
  if (prepared.body !== undefined) lines.push(`--data-raw "$JKOPAY_SIGNED"`);
  return [
    '# Needs JKOPAY_API_KEY and JKOPAY_SECRET_KEY in the environment; the DIGEST is computed over the exact text sent.',
    `JKOPAY_SIGNED=${shellQuote(prepared.signedText)}`,
    `JKOPAY_DIGEST=$(printf %s "$JKOPAY_SIGNED" | openssl dgst -sha256 -hmac "$JKOPAY_SECRET_KEY" -r | cut -d' ' -f1)`,
    lines.join(' \\\n  '),
  ].join('\n');
}
