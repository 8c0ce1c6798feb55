/**
 * `jkopay check [options] <files or folders…>` (options in help/checkSpec.ts): checks payload files,
 * and payload literals in TS/JS sources, like a compiler, with the project's `jkopay.config.json`
 * (or `package.json` `jkopay` key) applied; text, JSON, SARIF or GitHub Actions output. Exit 0 without errors, 1 with any error
 * (a file that cannot be read, decoded or parsed is one, and the run goes on), 2 on bad usage, a path that does not exist or
 * is no regular file (a FIFO, socket or device), or when no file could be read at all.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Lang } from '../data/types';
import { type DiagnosticData, getLanguageService, msg, type LoadedConfig, DEFAULT_DETECTION, ruleMessage } from '../core';
import { runExplain } from './checkExplain';
import { toGithubAnnotations, toSarif } from './checkFormats';
import { escapeControl } from '../shared/displayText';
import { CheckRecords, MAX_RECORDS_PER_RUN } from './checkBudget';
import { decodeUtf8, FileInputError, readRegularFile } from './fileInput';
import { findPayloadFiles, SOURCE_FILE } from './findPayloadFiles';
import { readSmallRegularFile } from '../server/workspaceFiles';

/** Larger files are refused with a message instead of being read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export interface CheckOptions {
  format: (typeof CHECK_FORMATS)[number];
  lang: Lang;
  defaultCurrency: string;
  /** Globs to skip, relative to the current folder (`--exclude`, repeatable). */
  exclude?: readonly string[];
  /** `--no-detect-keys`: in TS/JS, only markers and type names make a payload. */
  detectKeys?: boolean;
  /** `--quiet`: report errors only. */
  quiet?: boolean;
  /** `--max-warnings N`: exit 1 when there are more warnings. */
  maxWarnings?: number;
  /** The project configuration found for the run, if any. */
  config?: LoadedConfig;
  /** The folder paths in SARIF and GitHub output are relative to (default: the current folder). */
  root?: string;
  /** `--explain`: list every TS/JS literal with JKOPay's field names, whether it is checked and why, instead of the findings. */
  explain?: boolean;
}

export interface CheckIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One reported problem, 1-based, as `--format json` prints it. */
export interface CheckRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
  /** TS/JS: why the literal the finding is in is checked (`sent`, `signed`, `client`, `complete`, `marker`, `type`), and where. */
  evidence?: { kind: string; line: number; column: number; endLine: number; endColumn: number; message: string };
}

const SEVERITY_NAMES = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
} as const;

function toRecord(file: string, d: Diagnostic): CheckRecord {
  const record: CheckRecord = {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
  const evidence = (d.data as DiagnosticData | undefined)?.evidence;
  const related = d.relatedInformation?.[0];
  if (evidence && related) {
    const { start, end } = related.location.range;
    record.evidence = {
      kind: evidence,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      message: related.message,
    };
  }
  return record;
}

/** A file read for the check: its document, or why it could not be read (an `unreadable` finding). */
export async function openDocument(
  file: string,
): Promise<{ document: TextDocument; invalid: ReturnType<typeof decodeUtf8>['invalid'] } | { unreadable: string }> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, MAX_FILE_BYTES);
  } catch (e) {
    return { unreadable: e instanceof FileInputError ? e.message : String((e as Error).message) };
  }
  const { text, invalid } = decodeUtf8(bytes);
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, SOURCE_FILE.test(file) ? 'typescript' : 'jkopay', 1, text);
  return { document, invalid };
}

export async function runCheck(paths: readonly string[], options: CheckOptions, io: CheckIO): Promise<number> {
  const config = options.config?.config;
  const exclude = [{ globs: options.exclude ?? [], base: process.cwd() }];
  if (config && options.config) exclude.push({ globs: config.exclude, base: options.config.root });
  const { files, errors, skipped } = await findPayloadFiles(paths, { exclude });
  for (const e of errors) io.err(`jkopay check: cannot read ${escapeControl(e.path)}: ${e.reason}`);
  for (const s of skipped) if (!options.quiet) io.err(`jkopay check: note: skipped ${escapeControl(s.path)}: ${s.reason}`);
  if (files.length === 0 && errors.length === 0) {
    io.err(`jkopay check: no *.jkopay.json or source files found in ${paths.join(', ')}`);
    return 2;
  }
  const service = getLanguageService({
    lang: options.lang,
    defaultCurrency: options.defaultCurrency,
    severity: config?.severity,
    sourceDetection: { ...DEFAULT_DETECTION, ...config?.detect, ...(options.detectKeys === false ? { keys: false } : {}) },
    // Result-code coverage follows a client imported from a relative module: read from disk (regular files, at most 1 MB).
    readFile: (uri) => (uri.startsWith('file:') ? readSmallRegularFile(fileURLToPath(uri)) : undefined),
  });
  if (options.explain) {
    return runExplain(files, service, options, io, errors.length > 0);
  }
  // At most MAX_RECORDS_PER_RUN records; every finding left out still counts (checkBudget.ts).
  const run = new CheckRecords();
  const records = run.records;
  let read = 0;
  // Each file is checked on its own: one that cannot be read, decoded or parsed gets a finding, and the run goes on.
  for (const file of files) {
    const opened = await openDocument(file);
    if ('unreadable' in opened) {
      run.add(fileRecord(file, 'unreadable', ruleMessage('unreadable', options.lang, { reason: opened.unreadable })));
      continue;
    }
    read++;
    const { document, invalid } = opened;
    const diagnostics = service.doValidation(document);
    if (invalid) {
      const at = document.positionAt(invalid.offset);
      run.add(
        fileRecord(
          file,
          'invalid-encoding',
          ruleMessage('invalid-encoding', options.lang, { byte: invalid.byte }),
          at.line + 1,
          at.character + 1,
        ),
      );
    }
    for (const d of diagnostics) run.add(toRecord(file, d), d);
  }
  const reported = options.quiet ? records.filter((r) => r.severity === 'error') : records;
  const root = options.root ?? process.cwd();
  const count = (severity: CheckRecord['severity']) => run.count(severity);
  if (options.format === 'json') {
    io.out(JSON.stringify(reported, null, 2));
  } else if (options.format === 'sarif') {
    io.out(JSON.stringify(toSarif(reported, options.lang, root), null, 2));
  } else if (options.format === 'github') {
    for (const line of toGithubAnnotations(reported, root)) io.out(line);
  } else if (files.length) {
    // One record, one line: a key or file name holding a line break or an escape sequence cannot forge another.
    // Lines are written in blocks: one write per line costs more than the check on files with 100,000s of findings.
    let block: string[] = [];
    for (const r of reported) {
      block.push(`${escapeControl(r.file)}:${r.line}:${r.column} ${r.severity} ${r.code} ${escapeControl(r.message)}`);
      if (block.length === 1000) {
        io.out(block.join('\n'));
        block = [];
      }
    }
    if (block.length) io.out(block.join('\n'));
  }
  if (run.cutByRun > 0) io.err(msg(options.lang, 'check-run-cut', { left: run.cutByRun, shown: MAX_RECORDS_PER_RUN }));
  if (options.format !== 'json' && options.format !== 'sarif' && files.length) {
    io.err(msg(options.lang, 'check-summary', { files: files.length, errors: count('error'), warnings: count('warning') }));
  }
  const warnings = count('warning');
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(msg(options.lang, 'check-too-many-warnings', { warnings, max: options.maxWarnings }));
  }
  // Exit 2 is for bad paths and for runs where no file at all could be read.
  if (errors.length > 0 || (files.length > 0 && read === 0)) return 2;
  if (count('error') > 0) return 1;
  return options.maxWarnings !== undefined && count('warning') > options.maxWarnings ? 1 : 0;
}

/** A finding about a whole file (unreadable) or one place in it (invalid encoding), as an error record. */
function fileRecord(file: string, code: 'unreadable' | 'invalid-encoding', message: string, line = 1, column = 1): CheckRecord {
  return { file, line, column, endLine: line, endColumn: column, severity: 'error', code, message };
}
