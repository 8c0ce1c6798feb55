/**
 * The CI formats of `jkopay check`: SARIF 2.1.0 (GitHub code scanning and other SARIF viewers:
 * one rule per code, with its description and help, one result per finding with its physical
 * location) and GitHub Actions workflow commands (`::error file=…,line=…::message`, shown as
 * annotations on the pull request).
 */
import * as path from 'node:path';
import { localize, getRule, RULES, type RuleCode } from '../core';
import type { Lang } from '../data/types';
import type { CheckRecord } from './checkCommand';

const HELP_URI = 'https://github.com/jkopay-tools/jkopay-tools#diagnostics';

declare const JKOPAY_VERSION: string;

/** A rule's message template as a general description: `{field}` and the like become "…". */
function ruleDescription(code: RuleCode, lang: Lang): string {
  return localize(getRule(code).message, lang)
    .replace(/\{\w+\}/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** Codes that are not rules of the table but can be reported for a whole file. */
const FILE_CODES: Record<string, string> = {};

/** The SARIF log of one run: paths relative to `root` (the folder the check ran in), with `/`. */
export function toSarif(records: readonly CheckRecord[], lang: Lang, root: string): object {
  const codes = [...new Set([...Object.keys(RULES), ...records.map((r) => r.code)])];
  const index = new Map(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => {
    const known = code in RULES;
    const description = known ? ruleDescription(code as RuleCode, lang) : (FILE_CODES[code] ?? code);
    return {
      id: code,
      name: code.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: description },
      fullDescription: { text: description },
      help: { text: `${description} See ${HELP_URI} for every jkopay diagnostic and how to change its severity.` },
      helpUri: HELP_URI,
      defaultConfiguration: { level: known ? SARIF_LEVEL[getRule(code as RuleCode).severity] : 'error' },
    };
  });
  const location = (file: string, line: number, column: number, endLine: number, endColumn: number) => ({
    physicalLocation: {
      artifactLocation: { uri: artifactUri(file, root), uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column, endLine, endColumn: Math.max(endColumn, line === endLine ? column : 1) },
    },
  });
  const results = records.map((r) => ({
    ruleId: r.code,
    ruleIndex: index.get(r.code)!,
    level: SARIF_LEVEL[r.severity],
    message: { text: r.message },
    locations: [location(r.file, r.line, r.column, r.endLine, r.endColumn)],
    // In TS/JS, why the literal is checked at all: the URL it is sent to, the client, the marker…
    ...(r.evidence && {
      relatedLocations: [
        {
          id: 0,
          ...location(r.file, r.evidence.line, r.evidence.column, r.evidence.endLine, r.evidence.endColumn),
          message: { text: r.evidence.message },
        },
      ],
    }),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jkopay',
            informationUri: HELP_URI,
            version: typeof JKOPAY_VERSION === 'string' ? JKOPAY_VERSION : '0.0.0-dev',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToDirectoryUri(root) } },
        results,
      },
    ],
  };
}

/** A relative URI reference with `/` and percent-encoded segments. */
function artifactUri(file: string, root: string): string {
  const relative = path.relative(root, path.resolve(file)).split(path.sep);
  return relative.map((segment) => encodeURIComponent(segment)).join('/');
}

function pathToDirectoryUri(dir: string): string {
  const absolute = path.resolve(dir).split(path.sep).map(encodeURIComponent).join('/');
  return `file://${absolute.startsWith('/') ? '' : '/'}${absolute}/`;
}

/** GitHub's workflow-command escaping: data escapes %, CR, LF; properties also `:` and `,`. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=jkopay(code)::message` line per finding. */
export function toGithubAnnotations(records: readonly CheckRecord[], root: string): string[] {
  return records.map((r) => {
    const file = path.relative(root, path.resolve(r.file)).split(path.sep).join('/');
    const properties = [
      `file=${escapeProperty(file)}`,
      `line=${r.line}`,
      `col=${r.column}`,
      `endLine=${r.endLine}`,
      `endColumn=${r.endColumn}`,
      `title=${escapeProperty(`jkopay(${r.code})`)}`,
    ];
    return `::${GITHUB_COMMAND[r.severity]} ${properties.join(',')}::${escapeData(r.message)}`;
  });
}
