/**
 * Keeps the design's dependency rules checkable: the core is pure (no VS Code, no LSP
 * connection, no file system, no network, no processes), and the data depends on nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core/ruleTable';
import { findResultCodes } from '../../src/data';

const src = path.join(__dirname, '../../../src');

function importsOf(dir: string): { file: string; spec: string }[] {
  return fs.readdirSync(dir).flatMap((name) => {
    if (!name.endsWith('.ts')) return [];
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => ({ file: name, spec: m[1] ?? m[2] }));
  });
}

describe('architecture', () => {
  it('core imports only itself, data, jsonc-parser, typescript and LSP types', () => {
    const allowed = /^(\.\/|\.\.\/data(\/|$)|jsonc-parser$|typescript$|vscode-languageserver-types$|vscode-languageserver-textdocument$)/;
    const bad = importsOf(path.join(src, 'core')).filter(({ spec }) => !allowed.test(spec));
    assert.deepEqual(bad, []);
  });

  it('data imports nothing but its own files', () => {
    const bad = importsOf(path.join(src, 'data')).filter(({ spec }) => !spec.startsWith('./'));
    assert.deepEqual(bad, []);
  });

  it('every answer a rule quotes is a row of the official result-code table', () => {
    for (const [code, rule] of Object.entries(RULES)) {
      for (const [endpoint, answer] of Object.entries('answers' in rule ? rule.answers : {})) {
        const rows = findResultCodes(answer.code, endpoint as 'entry').filter((r) => r.status === 'current' && r.message === answer.message);
        assert.equal(rows.length, 1, `${code} on ${endpoint} quotes ${answer.code} "${answer.message}"`);
      }
    }
  });
});
