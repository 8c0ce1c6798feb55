/**
 * The records one `jkopay check` run holds: the core already keeps at most 5,000 findings per file
 * (and says how many more each file has, in its notice's data); the run keeps at most
 * MAX_RECORDS_PER_RUN records in all, counts the rest by severity, and counts every left-out
 * finding in the summary and the exit code, so that memory grows with the output, not with the
 * number or the pathology of the files, and a cut never turns a failing run into a passing one.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { CUT_NOTICE_CODE, type CutNoticeData, type SeverityCounts } from '../core';
import type { CheckRecord } from './checkCommand';

/** Records kept per run: ten files' worth of the per-file budget. */
export const MAX_RECORDS_PER_RUN = 50_000;

export class CheckRecords {
  readonly records: CheckRecord[] = [];
  /** Findings not among the records (left out by the core in a file, or by the run), by severity. */
  readonly omitted: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  /** Of those, the ones the run left out (the core's are announced by each file's notice). */
  cutByRun = 0;

  constructor(readonly max = MAX_RECORDS_PER_RUN) {}

  /** Adds a record; `diagnostic` is where it came from, when it did (a file's cut notice adds its counts). */
  add(record: CheckRecord, diagnostic?: Diagnostic): void {
    if (diagnostic?.code === CUT_NOTICE_CODE) {
      const omitted = (diagnostic.data as CutNoticeData | undefined)?.omitted;
      if (omitted) for (const severity of ['error', 'warning', 'information', 'hint'] as const) this.omitted[severity] += omitted[severity];
    }
    if (this.records.length < this.max) this.records.push(record);
    else if (diagnostic?.code !== CUT_NOTICE_CODE) {
      this.omitted[record.severity]++;
      this.cutByRun++;
    }
  }

  /** Findings of `severity` in the run, shown or not. */
  count(severity: CheckRecord['severity']): number {
    return this.records.filter((r) => r.severity === severity && r.code !== CUT_NOTICE_CODE).length + this.omitted[severity];
  }
}
