/**
 * The optional state file: read once at start, rewritten after every change so that a restart
 * loses nothing. Each write goes to a temporary file in the same folder, is flushed to disk and
 * then renamed over the old file, so a crash mid-write leaves the previous state intact. Writes
 * are coalesced: while one is in flight, later changes wait and go out together in the next.
 */
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { MockState, MockStateError } from './mockState';

/** What a path that is no regular file is, for the refusal. */
function kindOf(stat: Stats): string {
  if (stat.isSymbolicLink()) return 'a symbolic link (name the file itself)';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * The state in `file`, or a fresh one when the path does not exist yet. Anything but a regular file
 * is refused before it is opened for reading or replaced by the first save: a FIFO would block the
 * read for ever (in a thread no `process.exit()` ends), and a device (`--state /dev/null` run as
 * root) would be replaced by the state's own file. The path is checked with `lstat` (a link is not
 * followed), then opened without blocking and without following a link, and checked again on the
 * open handle, so that nothing swapped in between is read.
 */
export async function loadState(file: string): Promise<MockState> {
  const refuse = (what: string) =>
    new MockStateError(`cannot use the state file ${file}: it is ${what}, not a regular file; choose a file path (it was not changed)`);
  let text: string;
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile()) throw refuse(kindOf(stat));
    const handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) throw refuse(kindOf(opened));
      text = await handle.readFile('utf8');
    } finally {
      await handle.close().catch(() => undefined);
    }
  } catch (e) {
    if (e instanceof MockStateError) throw e;
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

  /**
   * Run once before the server starts: removes temporary files that a killed mock (kill -9) left
   * next to the state file, then proves the state can be written (a temporary file in its folder,
   * and the file itself when it exists). Throws MockStateError saying what is wrong.
   */
  async prepare(): Promise<void> {
    const dir = path.dirname(this.file);
    const prefix = `.${path.basename(this.file)}.`;
    let names: string[] = [];
    try {
      names = await fs.readdir(dir);
    } catch (e) {
      throw new MockStateError(
        `cannot use the state file ${this.file}: its folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      );
    }
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      const pid = Number(/^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length))?.[1]);
      // Another mock that is still running may be writing its own temporary file: leave those.
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
      await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
    }
    const probe = this.tempName();
    try {
      const handle = await fs.open(probe, 'wx', 0o600);
      await handle.close();
      await fs.rm(probe, { force: true });
      await fs.access(this.file, fsConstants.W_OK).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    } catch (e) {
      await fs.rm(probe, { force: true }).catch(() => undefined);
      throw new MockStateError(
        `cannot write the state file ${this.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): choose a writable --state path`,
      );
    }
  }

  private tempName(): string {
    return path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.${++this.counter}.tmp`);
  }

  private async write(): Promise<void> {
    const text = `${JSON.stringify(this.state.toJSON(), null, 1)}\n`;
    const temp = this.tempName();
    try {
      const handle = await fs.open(temp, 'w', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.file);
    } catch (e) {
      // Whatever failed (open, a full disk, rename), no temporary file is left behind.
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw e;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Applies changes to the state one at a time, each visible only once it is on disk: `commit`
 * runs a change alone, saves the state file, and when the save fails puts the state back as it
 * was before the change and throws (the request then gets 999 and a retry starts afresh). `read`
 * waits for a change being saved, so no answer shows what is not yet persisted. Without a state
 * file both just run.
 */
export class StateGate {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: MockState,
    private readonly file: StateFile | undefined,
  ) {}

  commit<T>(mutate: () => T | Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
    return this.exclusive(async () => {
      if (!this.file) return mutate();
      const snapshot = structuredClone(this.state.toJSON());
      const result = await mutate();
      if (!changed(result)) return result;
      try {
        await this.file.save();
      } catch (e) {
        this.state.restore(snapshot);
        throw new MockStateError(
          `the state file ${this.file.file} could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the change was undone`,
        );
      }
      return result;
    });
  }

  read<T>(fn: () => T | Promise<T>): Promise<T> {
    return this.exclusive(async () => fn());
  }

  /** A save outside any change (the callback log): queued behind the changes. */
  save(): Promise<void> {
    return this.exclusive(async () => {
      await this.file?.save();
    });
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // In memory nothing is saved, so there is nothing to wait for: handlers are synchronous.
    if (!this.file) return fn();
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
