/**
 * `jkopay check --explain`: instead of the findings, every literal of the TS/JS sources that has
 * JKOPay's field names (or a marker or a JKOPay type), whether it is checked as a request and why:
 * "Checked as a JKOPay entry: sent to /platform/entry at line 30", "Not checked: an argument of
 * log.warn() at line 12, which does not take it to JKOPay". How a user (and a maintainer) finds
 * out why a literal gave a false alarm, or why a real request was missed. Text or JSON.
 */
import type { LanguageService } from '../core';
import { escapeControl } from '../shared/displayText';
import { type CheckIO, type CheckOptions, openDocument } from './checkCommand';
import { SOURCE_FILE } from './findPayloadFiles';

/** One literal, 1-based, as `--explain --format json` prints it. */
export interface ExplainRecord {
  file: string;
  line: number;
  column: number;
  checked: boolean;
  /** The request it is checked as. */
  kind?: string;
  /** The evidence (`sent`, `signed`, `client`, `complete`, `marker`, `type`) or the reason it is not checked (`argument`, `nested`…). */
  why: string;
  /** Where that evidence or reason is written. */
  at: { line: number; column: number };
  message: string;
}

export async function runExplain(
  files: readonly string[],
  service: LanguageService,
  options: CheckOptions,
  io: CheckIO,
  pathErrors: boolean,
): Promise<number> {
  const records: ExplainRecord[] = [];
  for (const file of files) {
    if (!SOURCE_FILE.test(file)) continue;
    const opened = await openDocument(file);
    if ('unreadable' in opened) {
      io.err(`jkopay check: cannot read ${escapeControl(file)}: ${opened.unreadable}`);
      continue;
    }
    const { document } = opened;
    for (const report of service.explain(document)) {
      const start = document.positionAt(report.offset);
      const at = document.positionAt(report.at.offset);
      records.push({
        file,
        line: start.line + 1,
        column: start.character + 1,
        checked: report.checked,
        kind: report.kind,
        why: report.why,
        at: { line: at.line + 1, column: at.character + 1 },
        message: report.text,
      });
    }
  }
  if (options.format === 'json') io.out(JSON.stringify(records, null, 2));
  else if (records.length)
    io.out(records.map((r) => `${escapeControl(r.file)}:${r.line}:${r.column} ${escapeControl(r.message)}`).join('\n'));
  const checked = records.filter((r) => r.checked).length;
  if (options.format !== 'json')
    io.err(
      `jkopay check --explain: ${records.length} literals with JKOPay field names: ${checked} checked, ${records.length - checked} not`,
    );
  return pathErrors ? 2 : 0;
}
