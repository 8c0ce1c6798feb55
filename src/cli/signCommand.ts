/**
 * `jkopay sign --secret-env VAR (--body-file F | --query Q)`: prints the DIGEST and nothing
 * else on stdout, so scripts can capture it. The secret comes from an environment variable,
 * never from the command line (which shell history and `ps` would keep). The bytes are signed
 * exactly as given; well-known slips (a trailing newline in the file, a `?` or `%2C` in the
 * query) are pointed out on stderr, not silently "fixed". A `.jkopay.json` payload file is not a
 * body: with comments or several payloads it is refused (`send --dry-run` shows the real bytes);
 * a plain one is signed as it is, with a note when `send` would send other bytes.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { prepareRequest } from '../api/requestBody';
import { computeDigest } from '../api/signing';
import { getLanguageService } from '../core';
import type { Lang } from '../data/types';
import { type CommandIO, langOption, secretEnvUnset, secretFromEnv, usageError, withUsage } from './cliSupport';
import { parseCommand } from './help/commandSpec';
import { SIGN_SPEC } from './help/signSpec';
import { usageText } from './help/usageError';
import { commandText } from './commandTexts';
import { FileInputError, readRegularFile } from './fileInput';

/** Bodies beyond this are not JKOPay requests (the mock refuses over 1 MB). */
const MAX_BODY_FILE = 8 * 1024 * 1024;

export function runSign(args: string[], io: CommandIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const body = async (): Promise<number> => {
    const { values, positionals } = parseCommand(SIGN_SPEC, args);
    const lang = langOption(values.lang, env);
    if (positionals.length) throw usageError('unexpected-argument', { argument: positionals[0] });
    const variable = values['secret-env'];
    if (!variable) throw usageError('required', { option: '--secret-env VAR', what: usageText('secret-key-variable', lang) });
    if ((values['body-file'] === undefined) === (values.query === undefined))
      throw usageError('exactly-one', { options: '--body-file or --query' });
    const secret = secretFromEnv(variable, env);
    if (secret === undefined) {
      io.err(`jkopay sign: ${secretEnvUnset(lang)}`);
      return 2;
    }
    let message: Buffer | string;
    if (values['body-file'] !== undefined) {
      const file = values['body-file'];
      try {
        message = await readRegularFile(file, MAX_BODY_FILE);
      } catch (e) {
        const reason = e instanceof FileInputError ? e.message : (e as Error).message;
        io.err(`jkopay sign: ${commandText(lang, 'sign-cannot-read', { file, reason })}`);
        return 2;
      }
      if (file.toLowerCase().endsWith('.jkopay.json')) {
        const refusal = payloadFileProblem(file, message.toString('utf8'), secret, lang);
        if (refusal?.refuse) {
          io.err(`jkopay sign: ${refusal.text}`);
          return 2;
        }
        if (refusal) io.err(`jkopay sign: ${commandText(lang, 'sign-note', { text: refusal.text })}`);
      }
      if (message.length && message[message.length - 1] === 0x0a) io.err(`jkopay sign: ${commandText(lang, 'sign-trailing-newline')}`);
    } else {
      const query = values.query!;
      message = query;
      if (query.startsWith('?')) io.err(`jkopay sign: ${commandText(lang, 'sign-question-mark')}`);
      if (/%2c/i.test(query)) io.err(`jkopay sign: ${commandText(lang, 'sign-encoded-comma')}`);
      if (/,\s/.test(query)) io.err(`jkopay sign: ${commandText(lang, 'sign-space-after-comma')}`);
    }
    io.out(computeDigest(secret, message));
    return 0;
  };
  return withUsage(SIGN_SPEC, args, io, body, env);
}

/**
 * Why a `.jkopay.json` file is not the body `send` sends: comments or several payloads (refused),
 * or other bytes than send's compact form without `$schema` (a note with send's DIGEST).
 */
function payloadFileProblem(file: string, text: string, secret: string, lang: Lang): { refuse: boolean; text: string } | undefined {
  const dryRun = commandText(lang, 'sign-dry-run', { file });
  if (hasComment(text)) return { refuse: true, text: commandText(lang, 'sign-comments', { file, dryRun }) };
  const service = getLanguageService({ lang: 'en', defaultCurrency: 'TWD' });
  const document = TextDocument.create(`file:///${encodeURIComponent(file)}`, 'jkopay', 1, text);
  const doc = service.parseDocument(document);
  if (doc.payloads.length > 1)
    return { refuse: true, text: commandText(lang, 'sign-several-payloads', { file, count: doc.payloads.length, dryRun }) };
  if (doc.payloads.length !== 1) return undefined;
  try {
    const prepared = prepareRequest(doc.payloads[0]);
    if (prepared.signedText !== text) {
      const digest = computeDigest(secret, prepared.signedText);
      return { refuse: false, text: commandText(lang, 'sign-other-bytes', { digest, dryRun }) };
    }
  } catch {
    // Not a request send could build (a saved response…): the bytes are signed as given.
  }
  return undefined;
}

/** A `//` or `/*` outside strings: JSONC comments, which no JSON body may hold. */
function hasComment(text: string): boolean {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return true;
  }
  return false;
}
