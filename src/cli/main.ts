/**
 * The `jkopay` command line: dispatches sub-commands and turns bad usage into a clear message
 * and exit code 2, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { globListProblem, toLang, translateGlob } from '../core';
import { DEFAULT_CURRENCY } from '../data/files';
import { escapeControl } from '../shared/displayText';
import { CHECK_SPEC } from './help/checkSpec';
import { parseCommand } from './help/commandSpec';
import { COMMAND_SPECS, GLOBAL_OPTIONS } from './help/commandSpecs';
import { renderCommandHelp, renderGlobalHelp } from './help/renderHelp';
import { CommandUsageError, fromParseArgsError, langOfArgs, usageError, usageText } from './help/usageError';
import { LSP_SPEC } from './help/lspSpec';
import { isMockControlCommand } from './mockControlCommand';
// Each command is loaded when it runs (below): a `jkopay check` in CI then never initializes the
// language server, the mock, the HTTP client or their libraries, which is most of its start-up.
// The help of every command is here (help/*Spec.ts, the same tables the parsers read): it is text.

declare const JKOPAY_VERSION: string;

/**
 * `jkopay --lang zh-TW <command> …`: a `--lang` before the command is handed to the command, before
 * its own options (whose own `--lang`, later, wins as the parser takes the last one), but after the
 * word that chooses a mock control command (`mock pay …`).
 */
function splitLeadingLang(argv: string[]): { lang: string[]; rest: string[] } {
  const lang: string[] = [];
  let i = 0;
  while (i < argv.length) {
    if (argv[i] === '--lang' && i + 1 < argv.length) {
      lang.push('--lang', argv[i + 1]);
      i += 2;
    } else if (argv[i].startsWith('--lang=')) {
      lang.push(argv[i]);
      i += 1;
    } else break;
  }
  return { lang, rest: argv.slice(i) };
}

function withLang(command: string, rest: string[], lang: string[]): string[] {
  if (!lang.length) return rest;
  const at = command === 'mock' && isMockControlCommand(rest[0]) ? 1 : 0;
  return [...rest.slice(0, at), ...lang, ...rest.slice(at)];
}

export async function main(argv: string[]): Promise<number> {
  const { lang: leadingLang, rest: afterLang } = splitLeadingLang(argv);
  const [command, ...commandArgs] = afterLang;
  const rest = command === undefined ? [] : withLang(command, commandArgs, leadingLang);
  const lang = langOfArgs(argv);
  // Every line printed goes through the one escaping of control characters (line breaks kept): text from
  // files, servers and requests cannot drive the terminal. JSON output keeps its meaning (JSON's own escapes).
  const out = (text: string) => process.stdout.write(`${escapeControl(text, { lines: true })}\n`);
  const err = (text: string) => process.stderr.write(`${escapeControl(text, { lines: true })}\n`);
  const globalHelp = () => renderGlobalHelp(Object.values(COMMAND_SPECS).flat(), GLOBAL_OPTIONS, lang);
  try {
    // `jkopay <command> --help`: every command answers with its own options.
    if (command !== undefined && COMMAND_SPECS[command] && (rest.includes('--help') || rest.includes('-h'))) {
      out(renderCommandHelp(COMMAND_SPECS[command], lang));
      return 0;
    }
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help': {
        const topic =
          command === 'help'
            ? parseArgs({ args: rest, options: { lang: { type: 'string' } }, allowPositionals: true, strict: false }).positionals[0]
            : undefined;
        if (topic !== undefined) {
          const specs = COMMAND_SPECS[topic];
          if (!specs) throw usageError('unknown-command', { command: topic });
          out(renderCommandHelp(specs, lang));
          return 0;
        }
        out(globalHelp());
        return command === undefined ? 2 : 0;
      }
      case '-v':
      case '--version':
        out(typeof JKOPAY_VERSION === 'string' ? JKOPAY_VERSION : 'dev');
        return 0;
      case 'check':
        return await runCheckCommand(rest, { out, err });
      case 'lsp': {
        const { parseLspArgs, runLsp } = await import('./lspCommand.js');
        const { lang: lspLang, hasTransport } = parseLspArgs(rest);
        if (!hasTransport) throw usageError('lsp-transport');
        if (lspLang !== undefined && !['en', 'zh-tw'].includes(lspLang.toLowerCase()))
          throw usageError('one-of', { option: '--lang', allowed: 'en or zh-TW', value: lspLang });
        return await runLsp(lspLang ? toLang(lspLang) : undefined);
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
        throw usageError('unknown-command', { command });
    }
  } catch (e) {
    const usage = e instanceof CommandUsageError ? e : fromParseArgsError(e);
    if (usage) {
      // check and lsp are parsed here: their errors show their own usage line; anything else the global one.
      const spec = command === 'check' ? CHECK_SPEC : command === 'lsp' ? LSP_SPEC : undefined;
      const usageLine = spec
        ? `${usageText('usage', lang, { usage: spec.usage })}\n${usageText('help-hint', lang, { command: spec.name })}`
        : `${usageText('global-usage', lang)}\n${usageText('global-hint', lang)}`;
      err(`jkopay${spec ? ` ${spec.name}` : ''}: ${usage.messageIn(lang)}\n\n${usageLine}`);
      return 2;
    }
    err(`jkopay: internal error: ${(e as Error).message}`);
    return 2;
  }
}

/** `jkopay check`: its options read by its table (help/checkSpec.ts), then the check itself (checkCommand.ts). */
async function runCheckCommand(args: string[], io: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  const { values, positionals } = parseCommand(CHECK_SPEC, args);
  const format = values.format as 'text' | 'json' | 'sarif' | 'github';
  if (!['text', 'json', 'sarif', 'github'].includes(format))
    throw usageError('one-of', { option: '--format', allowed: 'text, json, sarif or github', value: values.format });
  if (values.explain && format !== 'text' && format !== 'json') throw usageError('explain-only-text');
  if (values.lang !== undefined && !['en', 'zh-tw'].includes(values.lang.toLowerCase()))
    throw usageError('one-of', { option: '--lang', allowed: 'en or zh-TW', value: values.lang });
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings']) || !Number.isSafeInteger(maxWarnings)) {
      throw usageError('whole-number', { option: '--max-warnings', value: values['max-warnings'] });
    }
  }
  const { allCurrencies, findCurrency } = await import('../data/index.js');
  if (values.currency !== undefined && !findCurrency(values.currency.toUpperCase())) {
    throw usageError('currency-unknown', {
      allowed: allCurrencies()
        .map((c) => c.code)
        .join(', '),
      value: values.currency,
    });
  }
  if (positionals.length === 0) throw usageError('check-needs-path');
  // Each --exclude is read as the matcher will read it: one it would refuse is a usage error, named.
  const excludes = values.exclude ?? [];
  const tooMany = globListProblem(excludes);
  if (tooMany) throw usageError('exclude-too-many', { problem: tooMany });
  for (const glob of excludes) {
    const translated = translateGlob(glob);
    if ('problem' in translated)
      throw usageError('exclude-refused', { glob: JSON.stringify(glob.slice(0, 80)), problem: translated.problem });
  }
  const { loadConfigFile, loadProjectConfig } = await import('../server/projectConfigFile.js');
  const config = values.config !== undefined ? loadConfigFile(values.config) : loadProjectConfig();
  if (config?.problems.length) {
    io.err(config.problems.map((p) => `jkopay check: ${config.file}: ${p}`).join('\n'));
    return 2;
  }
  const { runCheck } = await import('./checkCommand.js');
  return await runCheck(
    positionals,
    {
      format,
      lang: langOfArgs(args),
      defaultCurrency: (values.currency ?? config?.config.currency ?? DEFAULT_CURRENCY).toUpperCase(),
      exclude: values.exclude,
      detectKeys: values['no-detect-keys'] ? false : undefined,
      quiet: values.quiet,
      maxWarnings,
      config,
      explain: values.explain,
    },
    io,
  );
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
