/**
 * Expands the paths given to `jkopay check` into the files to check: files as given, folders
 * searched recursively for `*.jkopay.json` payload files and TS/JS sources (skipping
 * `node_modules` and hidden folders).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileKind } from './fileInput';

export const PAYLOAD_FILE = /\.jkopay\.json$/i;
/** Source files whose object literals may be payloads (declaration files hold no values). */
export const SOURCE_FILE = /(?<!\.d)\.(tsx?|jsx?|mts|cts|mjs|cjs)$/i;

export interface FoundFiles {
  files: string[];
  /** Paths that do not exist or cannot be read (a FIFO, socket or device named directly), with the reason. */
  errors: { path: string; reason: string }[];
  /** Entries of searched folders that look like payload or source files but are not regular files: skipped. */
  skipped: { path: string; reason: string }[];
}

export async function findPayloadFiles(paths: readonly string[]): Promise<FoundFiles> {
  const found: FoundFiles = { files: [], errors: [], skipped: [] };
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      found.errors.push({ path: p, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String((e as Error).message) });
      continue;
    }
    if (stat.isDirectory()) await walk(p, found);
    else if (stat.isFile()) found.files.push(p);
    // Reading a FIFO blocks for ever and a device may never end: only regular files are read.
    else found.errors.push({ path: p, reason: `it is ${fileKind(stat)}, not a regular file` });
  }
  return found;
}

async function walk(dir: string, found: FoundFiles): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    found.errors.push({ path: dir, reason: (e as Error).message });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      await walk(full, found);
    } else if (PAYLOAD_FILE.test(entry.name) || SOURCE_FILE.test(entry.name)) {
      if (entry.isFile()) found.files.push(full);
      // Symbolic links stay unfollowed, as before (no loops, nothing outside the folder).
      else if (!entry.isSymbolicLink()) found.skipped.push({ path: full, reason: `it is ${fileKind(entry)}, not a regular file` });
    }
  }
}
