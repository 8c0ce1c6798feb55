/**
 * `jkopay verify --secret-env VAR --digest HEX (--body-file F | --query Q | stdin)`: whether a
 * DIGEST (or a callback's `digest` header) matches the exact bytes, compared in constant time.
 * The secret comes from an environment variable and is never printed. Exit 0: it matches; 1: it
 * does not; 2: bad usage or unreadable input.
 */
import { computeDigest, verifyDigest } from '../api/signing';
import { type CommandIO, CommandUsageError, langOption, secretFromEnv, usageError, withUsage } from './cliSupport';
import { parseCommand } from './help/commandSpec';
import { VERIFY_SPEC } from './help/signSpec';
import { USAGE_TEXTS, usageText } from './help/usageError';
import { commandText } from './commandTexts';
import { FileInputError, readRegularFile } from './fileInput';

const MAX_MESSAGE = 8 * 1024 * 1024;

export interface VerifyCommandOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the bytes come from without --body-file or --query (default: process.stdin). */
  stdin?: AsyncIterable<Buffer | string>;
}

export function runVerify(args: string[], io: CommandIO, options: VerifyCommandOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const body = async (): Promise<number> => {
    const { values, positionals } = parseCommand(VERIFY_SPEC, args);
    const lang = langOption(values.lang, env);
    if (positionals.length) throw usageError('unexpected-argument', { argument: positionals[0] });
    const variable = values['secret-env'];
    if (!variable) throw usageError('required', { option: '--secret-env VAR', what: usageText('secret-key-variable', lang) });
    const digest = values.digest?.trim();
    if (digest === undefined) throw usageError('required', { option: '--digest HEX', what: usageText('digest-to-check', lang) });
    if (!/^[0-9a-fA-F]{64}$/.test(digest)) throw usageError('digest-hex', { length: digest.length });
    if (values['body-file'] !== undefined && values.query !== undefined)
      throw usageError('at-most-one', { options: '--body-file or --query (or the body on stdin)' });
    const secret = secretFromEnv(variable, env);
    if (secret === undefined) throw new CommandUsageError(USAGE_TEXTS['secret-env-unset']);

    let message: Buffer | string;
    if (values.query !== undefined) message = values.query;
    else if (values['body-file'] !== undefined) {
      const file = values['body-file'];
      try {
        message = await readRegularFile(file, MAX_MESSAGE);
      } catch (e) {
        io.err(`jkopay verify: cannot read ${file}: ${e instanceof FileInputError ? e.message : (e as Error).message}`);
        return 2;
      }
    } else {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of options.stdin ?? process.stdin) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, 'utf8');
        size += bytes.length;
        if (size > MAX_MESSAGE) {
          io.err(`jkopay verify: the input is larger than ${MAX_MESSAGE} bytes`);
          return 2;
        }
        chunks.push(bytes);
      }
      message = Buffer.concat(chunks);
    }

    if (verifyDigest(secret, message, digest)) {
      io.out(commandText(lang, 'verify-match'));
      return 0;
    }
    io.out(commandText(lang, 'verify-mismatch'));
    if (digest !== digest.toLowerCase() && verifyDigest(secret, message, digest.toLowerCase())) {
      io.err(`jkopay verify: ${commandText(lang, 'verify-lower-case')}`);
    } else {
      const bytes = typeof message === 'string' ? Buffer.from(message, 'utf8') : message;
      if (
        bytes.length &&
        bytes[bytes.length - 1] === 0x0a &&
        verifyDigest(secret, bytes.subarray(0, bytes.length - 1), digest.toLowerCase())
      ) {
        io.err(`jkopay verify: ${commandText(lang, 'verify-newline')}`);
      }
      if (typeof message === 'string' && message.startsWith('?') && computeDigest(secret, message.slice(1)) === digest.toLowerCase()) {
        io.err(`jkopay verify: ${commandText(lang, 'verify-question-mark')}`);
      }
    }
    return 1;
  };
  return withUsage(VERIFY_SPEC, args, io, body, env);
}
