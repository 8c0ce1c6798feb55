/**
 * The result-code quick fixes on fixtures: each file in test/fixtures/resultFixes names, on its
 * first line, the rule and the fix to apply (`// fix: CODE "TITLE"`); the text after applying it
 * must equal the file's `.fixed` twin, and must no longer have that rule's finding.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { service } from './helpers';

const folder = path.join(__dirname, '../../../test/fixtures/resultFixes');

describe('result-code quick fixes on fixtures', () => {
  for (const name of fs
    .readdirSync(folder)
    .filter((n) => !n.includes('.fixed.'))
    .sort()) {
    it(name, () => {
      const text = fs.readFileSync(path.join(folder, name), 'utf8');
      const m = /^\/\/ fix: (\S+) "(.*)"$/m.exec(text);
      assert.ok(m, `${name} names no fix`);
      const [, code, title] = m;
      const ls = service();
      const language = name.endsWith('.js') ? 'javascript' : 'typescript';
      const document = TextDocument.create(`file:///fixtures/${name}`, language, 1, text);
      const diagnostics = ls.doValidation(document, ls.parseDocument(document)).filter((d) => d.code === code);
      assert.equal(diagnostics.length, 1, `${name}: one ${code}`);
      const action = ls.doCodeActions(document, diagnostics).find((a) => a.title === title);
      assert.ok(action, `${name}: a fix titled ${title}`);
      const fixed = TextDocument.applyEdits(document, action.edit!.changes![document.uri] as TextEdit[]);
      const expected = fs.readFileSync(path.join(folder, name.replace(/\.(\w+)$/, '.fixed.$1')), 'utf8');
      assert.equal(fixed, expected);
      const after = TextDocument.create(document.uri, language, 2, fixed);
      assert.deepEqual(
        ls.doValidation(after, ls.parseDocument(after)).filter((d) => d.code === code),
        [],
      );
    });
  }
});
