/**
 * The project's own configuration, read by the CLI and the language server alike: a `jkopay`
 * key in the workspace's `package.json`, or a `jkopay.config.json` at the workspace root:
 *
 * ```json
 * { "exclude": ["examples/**"], "detect": { "keys": false }, "severity": { "unknown-field": "off" }, "currency": "TWD" }
 * ```
 *
 * This module validates the shape and finds the file through the file-reading function it is
 * given: no file system of its own (the CLI and the server pass theirs). Pure.
 */
import { findCurrency } from '../../data';
import type { SeverityOverride } from '../rules/findings';
import { RULES } from '../rules/ruleTable';
import type { SourceDetection } from '../source/sourceDocument';
import { globListProblem, translateGlob } from './globPattern';

export const CONFIG_FILE = 'jkopay.config.json';

export interface ProjectConfig {
  /** Globs (relative to the folder holding the configuration) of files not to check. */
  exclude: string[];
  detect: Partial<SourceDetection>;
  severity: Record<string, SeverityOverride>;
  /** The refund currency (what `--currency` and `jkopay.defaultCurrency` set). */
  currency?: string;
}

export interface LoadedConfig {
  config: ProjectConfig;
  /** The folder the configuration belongs to: exclude globs are relative to it. */
  root: string;
  /** The file it came from, for messages. */
  file: string;
  /** What was wrong with it (each wrong entry is ignored, the rest applies). */
  problems: string[];
}

export const EMPTY_CONFIG: ProjectConfig = { exclude: [], detect: {}, severity: {} };

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Validates a configuration object; wrong entries are named in `problems` and left out. */
export function parseProjectConfig(raw: unknown): { config: ProjectConfig; problems: string[] } {
  const problems: string[] = [];
  const config: ProjectConfig = { exclude: [], detect: {}, severity: {} };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { config, problems: ['the configuration must be an object'] };
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!['exclude', 'detect', 'severity', 'currency', '$schema'].includes(key))
      problems.push(`unknown key "${key}" (known: exclude, detect, severity, currency)`);
  }
  if (o.exclude !== undefined) {
    if (!Array.isArray(o.exclude) || !o.exclude.every((g) => typeof g === 'string'))
      problems.push('"exclude" must be an array of glob strings');
    else {
      // Each glob is checked as the matcher will read it (globPattern.ts): one it refuses is named and left out.
      const tooMany = globListProblem(o.exclude);
      if (tooMany) problems.push(`"exclude" has ${tooMany}`);
      else {
        (o.exclude as string[]).forEach((glob, i) => {
          const translated = translateGlob(glob);
          if ('problem' in translated)
            problems.push(`"exclude[${i}]" (${JSON.stringify(glob.slice(0, 80))}) is refused: ${translated.problem}`);
          else config.exclude.push(glob);
        });
      }
    }
  }
  if (o.detect !== undefined) {
    if (o.detect && typeof o.detect === 'object' && !Array.isArray(o.detect)) {
      for (const [key, value] of Object.entries(o.detect)) {
        if (!['markers', 'types', 'keys'].includes(key)) problems.push(`"detect.${key}" is unknown (known: markers, types, keys)`);
        else if (typeof value !== 'boolean') problems.push(`"detect.${key}" must be true or false`);
        else config.detect[key as keyof SourceDetection] = value;
      }
    } else {
      problems.push('"detect" must be an object such as { "keys": false }');
    }
  }
  if (o.severity !== undefined) {
    if (o.severity && typeof o.severity === 'object' && !Array.isArray(o.severity)) {
      for (const [code, level] of Object.entries(o.severity)) {
        // Own keys only: `constructor`, `__proto__` or `toString` are in every object, and no rule code.
        if (!Object.hasOwn(RULES, code)) problems.push(`"severity.${code}" is not a rule code`);
        else if (typeof level !== 'string' || !SEVERITIES.has(level))
          problems.push(`"severity.${code}" must be error, warning, information, hint or off`);
        else config.severity[code] = level as SeverityOverride;
      }
    } else {
      problems.push('"severity" must be an object such as { "unknown-field": "off" }');
    }
  }
  if (o.currency !== undefined) {
    if (typeof o.currency === 'string' && findCurrency(o.currency.toUpperCase())) config.currency = o.currency.toUpperCase();
    else problems.push(`"currency" must be a currency JKOPay accepts (TWD, JPY, USD, CNY, HKD), not ${JSON.stringify(o.currency)}`);
  }
  return { config, problems };
}

/** What the finder needs from a file system: read a file (undefined when absent or unreadable), test a path, walk paths. */
export interface ConfigFileSystem {
  read(file: string): string | undefined;
  exists(file: string): boolean;
  join(dir: string, name: string): string;
  dirname(dir: string): string;
}

/**
 * The configuration of the project holding `dir`: the nearest folder (from `dir` up) with a
 * `jkopay.config.json`, or a `package.json` with a `jkopay` key. The search stops at the first
 * folder holding a `package.json` (the project's root, with or without the key) or `.git` (the
 * repository's root), or at the file system's root; with `up: false` (the
 * editor, whose workspace folder is the project's root) only `dir` itself is read. Undefined when none.
 */
export function findProjectConfig(dir: string, fs: ConfigFileSystem, up = true): LoadedConfig | undefined {
  for (let current = dir; ;) {
    const configFile = fs.join(current, CONFIG_FILE);
    const text = fs.read(configFile);
    if (text !== undefined) return load(configFile, current, text, (json) => json);
    const packageFile = fs.join(current, 'package.json');
    const packageText = fs.read(packageFile);
    if (packageText !== undefined) {
      const loaded = load(packageFile, current, packageText, (json) => (json as { jkopay?: unknown } | null)?.jkopay);
      if (loaded) return loaded;
    }
    // A package.json without the key is a project's root all the same: a configuration further up
    // belongs to another project (as ESLint's flat config and npm stop there).
    if (!up || packageText !== undefined || fs.exists(packageFile) || fs.exists(fs.join(current, '.git'))) return undefined;
    const parent = fs.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * A configuration named outright (`jkopay check --config FILE`): a `jkopay.config.json`-shaped file,
 * or a `package.json` whose `jkopay` key holds it. Exclude globs are relative to the file's folder, `root`.
 */
export function configFromFile(file: string, root: string, text: string, isPackageJson: boolean): LoadedConfig {
  if (!isPackageJson) return load(file, root, text, (json) => json)!;
  return (
    load(file, root, text, (json) => (json as { jkopay?: unknown } | null)?.jkopay) ?? {
      config: EMPTY_CONFIG,
      root,
      file,
      problems: ['it has no "jkopay" key'],
    }
  );
}

function load(file: string, root: string, text: string, pick: (json: unknown) => unknown): LoadedConfig | undefined {
  let json: unknown;
  try {
    // A byte-order mark (Windows editors write one) is no JSON character, and no reason to refuse the file.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config: EMPTY_CONFIG, root, file, problems: [`not valid JSON: ${(e as Error).message}`] };
  }
  const raw = pick(json);
  if (raw === undefined) return undefined;
  const { config, problems } = parseProjectConfig(raw);
  return { config, root, file, problems };
}
