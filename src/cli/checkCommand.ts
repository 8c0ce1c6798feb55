/**
 * `jkopay check [--format text|json] [--lang en|zh-TW] [--currency C] <files or folders…>`:
 * checks payload files, and payload literals in TS/JS sources, like a compiler. Exit 0 without errors, 1 with any error, 2 on bad
 * usage or unreadable input.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Lang } from '../data/types';
import { getLanguageService } from '../core/languageService';
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
  const { files, errors } = await findPayloadFiles(paths);
  for (const e of errors) io.err(`jkopay check: cannot read ${e.path}: ${e.reason}`);
  if (files.length === 0 && errors.length === 0) {
    io.err(`jkopay check: no *.jkopay.json or source files found in ${paths.join(', ')}`);
    return 2;
  }
  const service = getLanguageService({ lang: options.lang, defaultCurrency: options.defaultCurrency });
  const records: CheckRecord[] = [];
  let unreadable = errors.length > 0;
  for (const file of files) {
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) {
        io.err(`jkopay check: ${file} is ${(stat.size / 1048576).toFixed(1)} MB; payload files over ${MAX_FILE_BYTES / 1048576} MB are not checked`);
        unreadable = true;
        continue;
      }
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      io.err(`jkopay check: cannot read ${file}: ${(e as Error).message}`);
      unreadable = true;
      continue;
    }
    const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, SOURCE_FILE.test(file) ? 'typescript' : 'jkopay', 1, text);
    const diagnostics = service.doValidation(document);
    for (const d of diagnostics) records.push(toRecord(file, d));
  }
  if (options.format === 'json') {
    io.out(JSON.stringify(records, null, 2));
  } else if (files.length) {
    for (const r of records) io.out(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.code} ${r.message}`);
    const count = (s: string) => records.filter((r) => r.severity === s).length;
    io.err(`${files.length} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s)`);
  }
  if (unreadable) return 2;
  return records.some((r) => r.severity === 'error') ? 1 : 0;
}
