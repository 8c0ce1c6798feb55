/**
 * The optional state file: read once at start, rewritten after every change so that a restart
 * loses nothing. Each write goes to a temporary file in the same folder, is flushed to disk and
 * then renamed over the old file, so a crash mid-write leaves the previous state intact. Writes
 * are coalesced: while one is in flight, later changes wait and go out together in the next.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MockState, MockStateError } from './mockState';

export async function loadState(file: string): Promise<MockState> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new MockState();
    throw new MockStateError(`cannot read the state file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (text.trim() === '') return new MockState();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new MockStateError(`${file}: not valid JSON (${(e as Error).message}); fix or remove the file (it was not changed)`);
  }
  return MockState.fromJSON(raw, file);
}

export class StateFile {
  private writing: Promise<void> | undefined;
  private pending: Promise<void> | undefined;
  private counter = 0;

  constructor(
    readonly file: string,
    private readonly state: MockState,
  ) {}

  /** Resolves once a write that includes every change made before this call is on disk. */
  save(): Promise<void> {
    if (this.pending) return this.pending;
    if (!this.writing) {
      this.writing = this.write().finally(() => (this.writing = undefined));
      return this.writing;
    }
    // A write is in flight with an older snapshot: queue exactly one more after it.
    this.pending = this.writing
      .catch(() => undefined)
      .then(() => {
        this.pending = undefined;
        return this.save();
      });
    return this.pending;
  }

  private async write(): Promise<void> {
    const text = `${JSON.stringify(this.state.toJSON(), null, 1)}\n`;
    const temp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.${++this.counter}.tmp`);
    const handle = await fs.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, this.file);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
  }
}
