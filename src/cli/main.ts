/**
 * The `jkopay` command line: dispatches sub-commands and turns bad usage into a clear message
 * and exit code 2, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { globListProblem, toLang, translateGlob } from '../core';
import { DEFAULT_CURRENCY } from '../data/files';
import { escapeControl } from '../shared/displayText';
// Each command is loaded when it runs (below): a `jkopay check` in CI then never initializes the
// language server, the mock, the HTTP client or their libraries, which is most of its start-up.

const USAGE = `Usage: jkopay <command> [options]

Commands:
  check [--format text|json|sarif|github] [--exclude GLOB]… [--no-detect-keys] [--quiet] [--max-warnings N]
        [--config FILE] [--lang en|zh-TW] [--currency TWD] [--explain] <files or folders…>
      Check *.jkopay.json payload files and payload literals in TS/JS (folders are searched
      recursively, obeying .gitignore). Exit 0: no errors; 1: errors found (an unreadable file is
      one), or more warnings than --max-warnings; 2: bad usage, a bad configuration, a missing path
      or one that is no regular file, or no file could be read. \`jkopay help check\`: every option.
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
  -h, --help        show this help (\`jkopay help <command>\` or \`jkopay <command> --help\`: one command's options)
  -v, --version     show the version`;

export const CHECK_HELP = `Usage: jkopay check [options] <files or folders…>

Checks *.jkopay.json payload files and payload literals in TS/JS sources, like a compiler. Folders
are searched recursively; there, what .gitignore ignores is skipped, and so are hidden folders,
node_modules, dist, out, build, coverage and the exclude globs. Files named here are always checked.
The project's jkopay.config.json (or the "jkopay" key of package.json), found from the current
folder up (or the file --config names), adds its exclude globs, detection switches, severities
and currency.

Options:
  --format text|json|sarif|github   output: compiler-style lines (default), a JSON array, a SARIF 2.1.0
                                    log (code scanning), or GitHub Actions annotations
  --exclude GLOB                    in folders, skip files and folders matching GLOB (relative to the
                                    current folder; repeatable); a path named here is always checked
  --no-detect-keys                  in TS/JS, only // @jkopay markers and type names make a payload
  --explain                         instead of the findings, list every TS/JS literal with JKOPay field
                                    names: checked as a request or not, and why (text or --format json)
  --config FILE                     the configuration to use instead of the one found from the current
                                    folder up: a jkopay.config.json, or a package.json with a "jkopay" key
  --quiet                           report errors only (warnings still count for --max-warnings)
  --max-warnings N                  exit 1 when there are more than N warnings
  --currency CODE                   currency of refunds: TWD (default), JPY, USD, CNY or HKD
  --lang en|zh-TW                   language of messages and the summary (default: from LANG / LC_ALL)
  -h, --help                        show this help

Exit 0: no errors; 1: errors found, or more warnings than --max-warnings; 2: bad usage, a bad
configuration, a path that does not exist, or no file could be read.`;

const LSP_HELP = `Usage: jkopay lsp (--stdio | --node-ipc | --socket=N | --pipe=NAME) [--lang en|zh-TW]

Runs the language server for any LSP client on the given transport.`;

/** Each command's help, for `jkopay help <command>` and `jkopay <command> --help`; loaded like the command itself. */
const COMMAND_HELP: Record<string, () => Promise<string>> = {
  check: async () => CHECK_HELP,
  lsp: async () => LSP_HELP,
  send: async () => `Usage: ${(await import('./sendCommand.js')).SEND_USAGE}`,
  mock: async () => `Usage: ${(await import('./mockCommand.js')).MOCK_USAGE}`,
  sign: async () => `Usage: ${(await import('./signCommand.js')).SIGN_USAGE}`,
  verify: async () => `Usage: ${(await import('./verifyCommand.js')).VERIFY_USAGE}`,
  explain: async () => `Usage: ${(await import('./explainCommand.js')).EXPLAIN_USAGE}`,
  callbacks: async () => `Usage: ${(await import('./callbacksCommand.js')).CALLBACKS_USAGE}`,
};

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
    // `jkopay <command> --help`: every command answers with its own options.
    if (command !== undefined && command !== 'check' && COMMAND_HELP[command] && (rest.includes('--help') || rest.includes('-h'))) {
      out(await COMMAND_HELP[command]());
      return 0;
    }
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        if (command === 'help' && rest.length > 0) {
          const help = COMMAND_HELP[rest[0]];
          if (!help) throw new UsageError(`unknown command "${rest[0]}"`);
          out(await help());
          return 0;
        }
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
            currency: { type: 'string' },
            exclude: { type: 'string', multiple: true },
            'no-detect-keys': { type: 'boolean' },
            quiet: { type: 'boolean' },
            'max-warnings': { type: 'string' },
            config: { type: 'string' },
            explain: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
          },
        });
        if (values.help) {
          out(CHECK_HELP);
          return 0;
        }
        const format = values.format as 'text' | 'json' | 'sarif' | 'github';
        if (!['text', 'json', 'sarif', 'github'].includes(format))
          throw new UsageError(`--format must be text, json, sarif or github, not "${values.format}"`);
        if (values.explain && format !== 'text' && format !== 'json') throw new UsageError('--explain prints text or JSON (--format json)');
        if (values.lang !== undefined && !['en', 'zh-TW', 'zh-tw'].includes(values.lang))
          throw new UsageError(`--lang must be en or zh-TW, not "${values.lang}"`);
        let maxWarnings: number | undefined;
        if (values['max-warnings'] !== undefined) {
          maxWarnings = Number(values['max-warnings']);
          if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) {
            throw new UsageError(`--max-warnings must be a whole number of warnings, not "${values['max-warnings']}"`);
          }
        }
        const { allCurrencies, findCurrency } = await import('../data/index.js');
        if (values.currency !== undefined && !findCurrency(values.currency.toUpperCase())) {
          throw new UsageError(
            `--currency must be a currency JKOPay accepts (${allCurrencies()
              .map((c) => c.code)
              .join(', ')}), not "${values.currency}"`,
          );
        }
        if (positionals.length === 0) throw new UsageError('check needs at least one file or folder');
        // Each --exclude is read as the matcher will read it: one it would refuse is a usage error, named.
        const excludes = values.exclude ?? [];
        const tooMany = globListProblem(excludes);
        if (tooMany) throw new UsageError(`--exclude is given ${tooMany}`);
        for (const glob of excludes) {
          const translated = translateGlob(glob);
          if ('problem' in translated)
            throw new UsageError(`--exclude ${JSON.stringify(glob.slice(0, 80))} is refused: ${translated.problem}`);
        }
        const { loadConfigFile, loadProjectConfig } = await import('../server/projectConfigFile.js');
        const config = values.config !== undefined ? loadConfigFile(values.config) : loadProjectConfig();
        if (config?.problems.length) {
          err(config.problems.map((p) => `jkopay check: ${config.file}: ${p}`).join('\n'));
          return 2;
        }
        const { runCheck } = await import('./checkCommand.js');
        return await runCheck(
          positionals,
          {
            format,
            lang: values.lang ? toLang(values.lang) : envLang(),
            defaultCurrency: (values.currency ?? config?.config.currency ?? DEFAULT_CURRENCY).toUpperCase(),
            exclude: values.exclude,
            detectKeys: values['no-detect-keys'] ? false : undefined,
            quiet: values.quiet,
            maxWarnings,
            config,
            explain: values.explain,
          },
          { out, err },
        );
      }
      case 'lsp': {
        const { parseLspArgs, runLsp } = await import('./lspCommand.js');
        const { lang, hasTransport } = parseLspArgs(rest);
        if (!hasTransport) throw new UsageError('lsp needs a transport: --stdio, --node-ipc or --socket=N');
        if (lang !== undefined && !['en', 'zh-TW', 'zh-tw'].includes(lang))
          throw new UsageError(`--lang must be en or zh-TW, not "${lang}"`);
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
  // A reader that stops early (`jkopay mock | head`) closes the pipe; what is written after that has
  // nowhere to go. Stop quietly, as a Unix tool killed by SIGPIPE does, instead of dying with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
