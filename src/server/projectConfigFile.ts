/**
 * Finds the project configuration (`jkopay.config.json`, or the `jkopay` key of `package.json`)
 * on disk, for the language server and the CLI alike: the core's finder with Node's file system,
 * and the exclude globs as a matcher (`picomatch`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { findProjectConfig, type LoadedConfig } from '../core/projectConfig';

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

/** True for files the configuration's `exclude` globs match (paths relative to its folder; a folder glob covers its content). */
export function excludeMatcher(loaded: LoadedConfig | undefined): (file: string) => boolean {
  const globs = (loaded?.config.exclude ?? []).flatMap((g) => {
    const clean = g.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
    return [clean, `${clean}/**`];
  });
  if (!loaded || globs.length === 0) return () => false;
  const match = picomatch(globs, { dot: true });
  return (file) => {
    const relative = path.relative(loaded.root, path.resolve(file)).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('../') && match(relative);
  };
}
