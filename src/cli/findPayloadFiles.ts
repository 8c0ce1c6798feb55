/**
 * Expands the paths given to `jkopay check` into the files to check: files as given, folders
 * searched recursively for `*.jkopay.json` payload files and TS/JS sources. In folders, what
 * `.gitignore` files ignore is skipped (with git's rules, by the `ignore` package), and so are
 * hidden folders and `node_modules`, `dist`, `out`, `build`, `coverage`, and what the exclude
 * globs match (from `--exclude` and the project configuration, matched by `picomatch`). A path
 * named on the command line is always checked, as `tsc` does with its `files`, and so is the
 * content of a named folder that an exclude glob covers.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Ignore } from 'ignore';
import { PAYLOAD_FILE, SOURCE_FILE } from '../data/files';
import { globMatcher } from '../server/projectConfigFile';
import { fileKind } from './fileInput';

export { PAYLOAD_FILE, SOURCE_FILE };

/** Folders never searched: installed packages and build output. */
export const DEFAULT_EXCLUDED_FOLDERS = ['node_modules', 'dist', 'out', 'build', 'coverage', '.git'];

export interface FindOptions {
  /** Globs relative to `base` (the current folder for `--exclude`, the configuration's folder for its `exclude`). */
  exclude?: { globs: readonly string[]; base: string }[];
  /** Whether `.gitignore` files are obeyed (default true). */
  gitignore?: boolean;
}

export interface FoundFiles {
  files: string[];
  /** Paths that do not exist or cannot be read (a FIFO, socket or device named directly), with the reason. */
  errors: { path: string; reason: string }[];
  /** Entries of searched folders that look like payload or source files but are not regular files: skipped. */
  skipped: { path: string; reason: string }[];
}

export async function findPayloadFiles(paths: readonly string[], options: FindOptions = {}): Promise<FoundFiles> {
  const found: FoundFiles = { files: [], errors: [], skipped: [] };
  const matchers = (options.exclude ?? []).map((e) => globMatcher(e.globs, e.base));
  const excluded = (file: string) => matchers.some((matches) => matches(file));
  const walker = { found, excluded, gitignore: options.gitignore !== false };
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      found.errors.push({
        path: p,
        reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String((e as Error).message),
      });
      continue;
    }
    // A folder named on the command line that an exclude glob covers is checked in full: naming it says so.
    if (stat.isDirectory())
      await walk(p, excluded(p) ? { ...walker, excluded: () => false } : walker, await gitignoresAbove(p, walker.gitignore));
    else if (stat.isFile()) found.files.push(p);
    // Reading a FIFO blocks for ever and a device may never end: only regular files are read.
    else found.errors.push({ path: p, reason: `it is ${fileKind(stat)}, not a regular file` });
  }
  return found;
}

interface Walker {
  found: FoundFiles;
  excluded: (file: string) => boolean;
  gitignore: boolean;
}

/** A `.gitignore`'s rules with the folder they are relative to. */
interface GitIgnore {
  dir: string;
  rules: Ignore;
}

async function readGitignore(dir: string): Promise<GitIgnore | undefined> {
  try {
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    // Loaded here, not at start-up: a `jkopay check` that names only files never searches a folder.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ignore = require('ignore') as typeof import('ignore');
    return { dir: path.resolve(dir), rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

/** The `.gitignore` files of the folders above a searched folder, up to the repository's root. */
async function gitignoresAbove(dir: string, enabled: boolean): Promise<GitIgnore[]> {
  if (!enabled) return [];
  const chain: GitIgnore[] = [];
  for (let current = path.dirname(path.resolve(dir)); ; current = path.dirname(current)) {
    const found = await readGitignore(current);
    if (found) chain.unshift(found);
    const isRoot = await fs.stat(path.join(current, '.git')).then(
      () => true,
      () => false,
    );
    if (isRoot || path.dirname(current) === current) return chain;
  }
}

function ignoredBy(chain: readonly GitIgnore[], full: string, isDirectory: boolean): boolean {
  const absolute = path.resolve(full);
  return chain.some(({ dir, rules }) => {
    const relative = path.relative(dir, absolute).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('../') && rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}

async function walk(dir: string, walker: Walker, above: readonly GitIgnore[]): Promise<void> {
  const found = walker.found;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    found.errors.push({ path: dir, reason: (e as Error).message });
    return;
  }
  const own = walker.gitignore ? await readGitignore(dir) : undefined;
  const chain = own ? [...above, own] : above;
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (DEFAULT_EXCLUDED_FOLDERS.includes(entry.name) || entry.name.startsWith('.')) continue;
      if (walker.excluded(full) || ignoredBy(chain, full, true)) continue;
      await walk(full, walker, chain);
    } else if (PAYLOAD_FILE.test(entry.name) || SOURCE_FILE.test(entry.name)) {
      if (walker.excluded(full) || ignoredBy(chain, full, false)) continue;
      if (entry.isFile()) found.files.push(full);
      // Symbolic links stay unfollowed, as before (no loops, nothing outside the folder).
      else if (!entry.isSymbolicLink()) found.skipped.push({ path: full, reason: `it is ${fileKind(entry)}, not a regular file` });
    }
  }
}
