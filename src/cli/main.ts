/**
 * The `jkopay` command line: dispatches sub-commands and turns bad usage into a clear message
 * and exit code 2, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { toLang } from '../core/localize';
import { escapeControl } from '../shared/displayText';
// Each command is loaded when it runs (below): a `jkopay check` in CI then never initializes the
// language server, the mock, the HTTP client or their libraries, which is most of its start-up.

const USAGE = `Usage: jkopay <command> [options]

Commands:
  check [--format text|json] [--lang en|zh-TW] [--currency TWD] <files or folders…>
      Check *.jkopay.json payload files (folders are searched recursively).
      Exit 0: no errors; 1: errors found (an unreadable file is one); 2: bad usage, a missing
      path or one that is no regular file, or no file could be read.
  lsp --stdio [--lang en|zh-TW]
      Run the language server for any LSP client (also --node-ipc, --socket=N).
  send <file.jkopay.json> [--env mock|sandbox] [--base-url URL] [--index N] [--lang en|zh-TW]
      Sign and send a payload (default: to the mock, started for the call if none runs);
      credentials from JKOPAY_API_KEY / JKOPAY_SECRET_KEY. Exit 0: answered "000".
  mock [--port N] [--host H] [--state FILE] [--config FILE] [--forward-callbacks-to ORIGIN] [--allow-callback-host HOST] [--quiet]
      Run the mock JKOPay server (default http://127.0.0.1:8917) until Ctrl-C. Its callbacks go
      only to loopback hosts unless forwarded (path and query kept) or allowed.
  mock pay <id> [--coupon N] | mock fail <id> | mock clock --advance-days N | mock reset | mock orders
      Drive a running mock (--url URL, default http://127.0.0.1:8917; --format json for its JSON).
  callbacks test [--confirm-url URL] [--result-url URL] [--order ID] [--currency C] [--amount N]
                 [--secret-env VAR] [--timeout-seconds N] [--slow] [--format text|json]
      Play JKOPay against your confirm_url and result_url and judge each answer.
      Exit 0: nothing failed; 1: a scenario failed; 2: bad usage.
  sign --secret-env VAR (--body-file FILE | --query "platform_order_ids=a,b")
      Print the DIGEST of exactly those bytes (the secret key is read from VAR).
  verify --secret-env VAR --digest HEX (--body-file FILE | --query Q | < body)
      Check a DIGEST (or a callback's digest header). Exit 0: it matches; 1: it does not.
  explain <code|"message"> [--lang en|zh-TW] [--endpoint entry|refund|inquiry]
      What a JKOPay result code means, why it happens and what to do.

Options:
  --lang en|zh-TW   language of messages (default: from LANG / LC_ALL)
  -h, --help        show this help
  -v, --version     show the version`;

declare const JKOPAY_VERSION: string;

class UsageError extends Error {}

function envLang() {
  return toLang(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Every line printed goes through the one escaping of control characters (line breaks kept): text from
  // files, servers and requests cannot drive the terminal. JSON output keeps its meaning (JSON's own escapes).
  const out = (text: string) => process.stdout.write(`${escapeControl(text, { lines: true })}\n`);
  const err = (text: string) => process.stderr.write(`${escapeControl(text, { lines: true })}\n`);
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        out(typeof JKOPAY_VERSION === 'string' ? JKOPAY_VERSION : 'dev');
        return 0;
      case 'check': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            format: { type: 'string', default: 'text' },
            lang: { type: 'string' },
            currency: { type: 'string', default: 'TWD' },
          },
        });
        if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
        if (values.lang !== undefined && !['en', 'zh-TW', 'zh-tw'].includes(values.lang)) throw new UsageError(`--lang must be en or zh-TW, not "${values.lang}"`);
        if (positionals.length === 0) throw new UsageError('check needs at least one file or folder');
        const { runCheck } = await import('./checkCommand.js');
        return await runCheck(
          positionals,
          { format: values.format, lang: values.lang ? toLang(values.lang) : envLang(), defaultCurrency: values.currency!.toUpperCase() },
          { out, err },
        );
      }
      case 'lsp': {
        const { parseLspArgs, runLsp } = await import('./lspCommand.js');
        const { lang, hasTransport } = parseLspArgs(rest);
        if (!hasTransport) throw new UsageError('lsp needs a transport: --stdio, --node-ipc or --socket=N');
        if (lang !== undefined && !['en', 'zh-TW', 'zh-tw'].includes(lang)) throw new UsageError(`--lang must be en or zh-TW, not "${lang}"`);
        return await runLsp(lang ? toLang(lang) : undefined);
      }
      case 'send':
        return await (await import('./sendCommand.js')).runSend(rest, { out, err });
      case 'mock':
        return await (await import('./mockCommand.js')).runMock(rest, { out, err });
      case 'sign':
        return await (await import('./signCommand.js')).runSign(rest, { out, err });
      case 'explain':
        return await (await import('./explainCommand.js')).runExplain(rest, { out, err });
      case 'callbacks':
        return await (await import('./callbacksCommand.js')).runCallbacks(rest, { out, err });
      case 'verify':
        return await (await import('./verifyCommand.js')).runVerify(rest, { out, err });
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`jkopay: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    err(`jkopay: internal error: ${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
