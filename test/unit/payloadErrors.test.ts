/**
 * The runner's error counts: counting every payload at once (payloadErrorCounts, what the server's
 * `jkopay/payloads` answers) gives what payloadErrors gives for each payload on its own, on every
 * fixture of both corpora (payload files and TS/JS sources, nested literals and syntax errors included).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { payloadErrorCounts, payloadErrors } from '../../src/core/rules/payloadErrors';
import { service } from './helpers';

const FIXTURES = path.join(__dirname, '../../../test/fixtures');

describe('payload error counts', () => {
  for (const folder of ['payloads', 'source']) {
    for (const name of fs.readdirSync(path.join(FIXTURES, folder)).sort()) {
      it(`${folder}/${name}: all at once equals one by one`, () => {
        const ls = service();
        const language = folder === 'source' ? 'typescript' : 'jkopay';
        const document = TextDocument.create(
          `file:///fixtures/${name}`,
          language,
          1,
          fs.readFileSync(path.join(FIXTURES, folder, name), 'utf8'),
        );
        const doc = ls.parseDocument(document);
        const diagnostics = ls.doValidation(document, doc);
        const oneByOne = doc.payloads.map((p) => payloadErrors(document, diagnostics, p).length);
        assert.deepEqual(payloadErrorCounts(document, diagnostics, doc.payloads), oneByOne);
      });
    }
  }

  it('counts something on a file with errors (the comparison is not between empty lists)', () => {
    const ls = service();
    const document = TextDocument.create(
      'file:///x.jkopay.json',
      'jkopay',
      1,
      '[{"platform_order_ids": []}, {"platform_order_ids": ["a b", ""]}]',
    );
    const doc = ls.parseDocument(document);
    assert.deepEqual(payloadErrorCounts(document, ls.doValidation(document, doc), doc.payloads), [1, 2]);
  });
});
