/**
 * `jkopay check [--format text|json] [--lang en|zh-TW] [--currency C] <files or folders…>`:
 * checks payload files, and payload literals in TS/JS sources, like a compiler. Exit 0 without errors, 1 with any error
 * (a file that cannot be read, decoded or parsed is one, and the run goes on), 2 on bad usage, a path that does not exist or
 * is no regular file (a FIFO, socket or device), or when no file could be read at all.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Lang } from '../data/types';
import { getLanguageService } from '../core/languageService';
import { ruleMessage } from '../core/findings';
import { escapeControl } from '../shared/displayText';
import { decodeUtf8, FileInputError, readRegularFile } from './fileInput';
import { findPayloadFiles, SOURCE_FILE } from './findPayloadFiles';

/** Larger files are refused with a message instead of being read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface CheckOptions {
  format: 'text' | 'json';
  lang: Lang;
  defaultCurrency: string;
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
}

const SEVERITY_NAMES = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
} as const;

function toRecord(file: string, d: Diagnostic): CheckRecord {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
}

export async function runCheck(paths: readonly string[], options: CheckOptions, io: CheckIO): Promise<number> {
  const { files, errors, skipped } = await findPayloadFiles(paths);
  for (const e of errors) io.err(`jkopay check: cannot read ${escapeControl(e.path)}: ${e.reason}`);
  for (const s of skipped) io.err(`jkopay check: note: skipped ${escapeControl(s.path)}: ${s.reason}`);
  if (files.length === 0 && errors.length === 0) {
    io.err(`jkopay check: no *.jkopay.json or source files found in ${paths.join(', ')}`);
    return 2;
  }
  const service = getLanguageService({ lang: options.lang, defaultCurrency: options.defaultCurrency });
  const records: CheckRecord[] = [];
  let read = 0;
  // Each file is checked on its own: one that cannot be read, decoded or parsed gets a finding, and the run goes on.
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readRegularFile(file, MAX_FILE_BYTES);
    } catch (e) {
      const reason = e instanceof FileInputError ? e.message : String((e as Error).message);
      records.push(fileRecord(file, 'unreadable', ruleMessage('unreadable', options.lang, { reason })));
      continue;
    }
    read++;
    const { text, invalid } = decodeUtf8(bytes);
    const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, SOURCE_FILE.test(file) ? 'typescript' : 'jkopay', 1, text);
    const diagnostics = service.doValidation(document);
    if (invalid) {
      const at = document.positionAt(invalid.offset);
      records.push(fileRecord(file, 'invalid-encoding', ruleMessage('invalid-encoding', options.lang, { byte: invalid.byte }), at.line + 1, at.character + 1));
    }
    for (const d of diagnostics) records.push(toRecord(file, d));
  }
  if (options.format === 'json') {
    io.out(JSON.stringify(records, null, 2));
  } else if (files.length) {
    // One record, one line: a key or file name holding a line break or an escape sequence cannot forge another.
    for (const r of records) io.out(`${escapeControl(r.file)}:${r.line}:${r.column} ${r.severity} ${r.code} ${escapeControl(r.message)}`);
    const count = (s: string) => records.filter((r) => r.severity === s).length;
    io.err(`${files.length} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s)`);
  }
  // Exit 2 is for bad paths and for runs where no file at all could be read.
  if (errors.length > 0 || (files.length > 0 && read === 0)) return 2;
  return records.some((r) => r.severity === 'error') ? 1 : 0;
}

/** A finding about a whole file (unreadable) or one place in it (invalid encoding), as an error record. */
function fileRecord(file: string, code: 'unreadable' | 'invalid-encoding', message: string, line = 1, column = 1): CheckRecord {
  return { file, line, column, endLine: line, endColumn: column, severity: 'error', code, message };
}
