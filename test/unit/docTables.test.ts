/**
 * Every Markdown table of README.md, CHANGELOG.md, CONTRIBUTING.md and docs/*.md renders as a
 * table: each line outside code blocks that looks like a table row (`| … |`) must belong to a table
 * that markdown-it (CommonMark with GitHub's tables) parses. A row after a paragraph, or rows cut
 * off from their header by a blank line or a paragraph, render as text and fail here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';

const ROOT = path.join(__dirname, '../../..');
const FILES = [
  'README.md',
  'CHANGELOG.md',
  'CONTRIBUTING.md',
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The 1-based lines that look like table rows but are in no table markdown-it renders. */
function strayTableRows(markdown: string): number[] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const inTable = new Set<number>();
  const inCode = new Set<number>();
  for (const token of tokens) {
    if (!token.map) continue;
    const [from, to] = token.map;
    const into = token.type === 'table_open' ? inTable : token.type === 'fence' || token.type === 'code_block' ? inCode : undefined;
    for (let line = from; into && line < to; line++) into.add(line);
  }
  return markdown.split('\n').flatMap((text, i) => (/^\s*\|.*\|\s*$/.test(text) && !inTable.has(i) && !inCode.has(i) ? [i + 1] : []));
}

describe('the tables of the docs', () => {
  it('finds a row left after a paragraph (the check itself can fail)', () => {
    const broken = '| a | b |\n| - | - |\n| 1 | 2 |\n\nA paragraph.\n| 3 | 4 |\n';
    assert.deepEqual(strayTableRows(broken), [6]);
  });

  for (const file of FILES) {
    it(`${file}: every table row renders in a table`, () => {
      assert.deepEqual(strayTableRows(fs.readFileSync(path.join(ROOT, file), 'utf8')), [], file);
    });
  }
});
