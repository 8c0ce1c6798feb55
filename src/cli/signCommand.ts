/**
 * `jkopay sign --secret-env VAR (--body-file F | --query Q)`: prints the DIGEST and nothing
 * else on stdout, so scripts can capture it. The secret comes from an environment variable,
 * never from the command line (which shell history and `ps` would keep). The bytes are signed
 * exactly as given; well-known slips (a trailing newline in the file, a `?` or `%2C` in the
 * query) are pointed out on stderr, not silently "fixed".
 */
import { promises as fs } from 'node:fs';
import { computeDigest } from '../api/signing';
import { type CommandIO, CommandUsageError, parseCommandArgs, withUsage } from './cliSupport';

export const SIGN_USAGE = 'jkopay sign --secret-env VAR (--body-file FILE | --query "platform_order_ids=a,b")';

/** A portable environment variable name: letters, digits and underscores, not starting with a digit. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Bodies beyond this are not JKOPay requests (the mock refuses over 1 MB). */
const MAX_BODY_FILE = 8 * 1024 * 1024;

export function runSign(args: string[], io: CommandIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return withUsage('sign', SIGN_USAGE, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      'secret-env': { type: 'string' },
      'body-file': { type: 'string' },
      query: { type: 'string' },
    });
    if (positionals.length) throw new CommandUsageError(`unexpected argument "${positionals[0]}"`);
    const variable = values['secret-env'];
    if (!variable) throw new CommandUsageError('--secret-env VAR is required: the name of the environment variable holding the secret key');
    if ((values['body-file'] === undefined) === (values.query === undefined)) throw new CommandUsageError('give exactly one of --body-file or --query');
    // The value of --secret-env is never printed: users do pass the secret itself there by mistake.
    if (!ENV_NAME.test(variable)) {
      throw new CommandUsageError(
        '--secret-env takes the NAME of an environment variable (such as JKOPAY_SECRET_KEY), and what was given is no such name (it is not shown: it may be the secret itself)',
      );
    }
    const secret = env[variable];
    if (secret === undefined || secret === '') {
      io.err('jkopay sign: the environment variable named by --secret-env is not set or empty (its name is not shown: it may be the secret itself)');
      return 2;
    }
    let message: Buffer | string;
    if (values['body-file'] !== undefined) {
      const file = values['body-file'];
      try {
        const stat = await fs.stat(file);
        if (stat.size > MAX_BODY_FILE) {
          io.err(`jkopay sign: ${file} is larger than ${MAX_BODY_FILE} bytes; that is no JKOPay request body`);
          return 2;
        }
        message = await fs.readFile(file);
      } catch (e) {
        io.err(`jkopay sign: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        return 2;
      }
      if (message.length && message[message.length - 1] === 0x0a) {
        io.err('jkopay sign: note: the file ends with a newline, which is signed too; send the body with it, or remove it from the file');
      }
    } else {
      message = values.query!;
      if (message.startsWith('?')) io.err('jkopay sign: note: JKOPay signs the query without the leading "?"');
      if (/%2c/i.test(message)) io.err('jkopay sign: note: JKOPay signs the comma between ids as "," not "%2C"');
      if (/,\s/.test(message)) io.err('jkopay sign: note: a space after a comma is signed too; JKOPay writes ids as a,b');
    }
    io.out(computeDigest(secret, message));
    return 0;
  });
}
