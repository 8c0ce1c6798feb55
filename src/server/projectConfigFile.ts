/**
 * Finds the project configuration (`jkopay.config.json`, or the `jkopay` key of `package.json`)
 * on disk, for the language server and the CLI alike: the core's finder with Node's file system,
 * and exclude globs as a matcher (RE2 through `re2js`, loaded on the first match: a `jkopay check`
 * that names only files never needs it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Re2js from 're2js';
import { configFromFile, EMPTY_CONFIG, findProjectConfig, globListProblem, type LoadedConfig, translateGlob } from '../core';

/**
 * The configuration of the project holding `dir` (the current folder by default), searched up to
 * the repository's root; with `up: false`, only the configuration in `dir` itself (a workspace folder).
 */
export function loadProjectConfig(dir: string = process.cwd(), up = true): LoadedConfig | undefined {
  return findProjectConfig(
    path.resolve(dir),
    {
      read(file) {
        try {
          return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
        } catch {
          return undefined;
        }
      },
      exists: (file) => fs.existsSync(file),
      join: path.join,
      dirname: path.dirname,
    },
    up,
  );
}

/** The configuration in `file`, named on the command line; a file that cannot be read is a problem of it. */
export function loadConfigFile(file: string): LoadedConfig {
  const resolved = path.resolve(file);
  let text: string;
  try {
    // Only a regular file is read: a FIFO would block for ever.
    if (!fs.statSync(resolved).isFile())
      return { config: EMPTY_CONFIG, root: path.dirname(resolved), file, problems: ['it is not a regular file'] };
    text = fs.readFileSync(resolved, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (e as Error).message);
    return { config: EMPTY_CONFIG, root: path.dirname(resolved), file, problems: [`cannot read it: ${reason}`] };
  }
  return configFromFile(file, path.dirname(resolved), text, path.basename(resolved) === 'package.json');
}

/** True for files the configuration's `exclude` globs match (paths relative to its folder). */
export function excludeMatcher(loaded: LoadedConfig | undefined): (file: string) => boolean {
  return loaded ? globMatcher(loaded.config.exclude ?? [], loaded.root) : () => false;
}

/**
 * True for files under `base` that one of the globs matches (relative to `base`, with `/`; a glob
 * naming a folder, `examples` or `examples/`, covers what is inside it). Each glob is translated by
 * the core (`translateGlob`) and run by RE2 (`re2js`), whose time is linear in the path whatever the
 * glob: a repository's configuration cannot stall the checker with a glob that backtracks. A glob
 * the translation refuses matches nothing here (the configuration's check, or the CLI's, names it).
 * Compiled on the first file.
 */
export function globMatcher(globs: readonly string[], base: string): (file: string) => boolean {
  if (globs.length === 0 || globListProblem(globs)) return () => false;
  const root = path.resolve(base);
  let compiled: { matches(input: string): boolean }[] | undefined;
  return (file) => {
    const relative = path.relative(root, path.resolve(file)).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('../')) return false;
    compiled ??= compileGlobs(globs);
    return compiled.some((glob) => glob.matches(relative));
  };
}

function compileGlobs(globs: readonly string[]): { matches(input: string): boolean }[] {
  // Loaded here, not at start-up: a `jkopay check` that names only files never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RE2JS } = require('re2js') as typeof Re2js;
  return globs.flatMap((glob) => {
    const translated = translateGlob(glob);
    return 'source' in translated ? [RE2JS.compile(translated.source)] : [];
  });
}
