/**
 * Traditional Chinese texts use full-width punctuation inside Chinese sentences (`意義：`,
 * `（說明）`, `，`), as Taiwanese software does: a half-width comma, colon or parenthesis between
 * Chinese characters reads as a machine translation. Every zh-TW text is checked: the `'zh-TW'`
 * properties of every source file (found with the TypeScript parser, so that a new file of texts
 * is covered without being listed here), the data files, the VS Code bundle and the manifest's.
 * Code, placeholders and URLs keep their ASCII punctuation: `JSON.stringify(body, null, 2)`,
 * `{field}`, `http(s)://主機:連接埠`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const HAN = '\\u3400-\\u9fff';

/** Half-width punctuation where Chinese surrounds it. */
const HALF_WIDTH_IN_CHINESE = [new RegExp(`[${HAN}]\\s*[,;:]\\s*[${HAN}]`), new RegExp(`\\(\\s*[${HAN}]`), new RegExp(`[${HAN}]\\s*[()]`)];

/** The text without its code spans, placeholders and URLs, whose punctuation is ASCII by nature. */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, '_')
    .replace(/\{[^{}]*\}/g, '_')
    .replace(/\S*:\/\/\S*/g, '_');
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every `'zh-TW': '…'` text of a TypeScript file, with its line. */
function zhTexts(file: string): { where: string; text: string }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { where: string; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && node.name.text === 'zh-TW') {
      const value = node.initializer;
      if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) {
        const line = source.getLineAndCharacterOfPosition(value.getStart()).line + 1;
        found.push({ where: `${path.relative(ROOT, file)}:${line}`, text: value.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The `zh-TW` values anywhere in a JSON document. */
function jsonTexts(file: string): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key === 'zh-TW' && typeof v === 'string') found.push({ where: `${file} ${at}`, text: v });
        else walk(v, `${at}.${key}`);
      }
  };
  walk(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')), '');
  return found;
}

/** A translation file's values (a key is the English text, or an id). */
function bundleTexts(file: string): { where: string; text: string }[] {
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string | { message: string }>;
  return Object.entries(bundle).map(([key, v]) => ({
    where: `${file} "${key.slice(0, 60)}"`,
    text: typeof v === 'string' ? v : v.message,
  }));
}

describe('zh-TW punctuation', () => {
  const texts = [
    ...sourceFiles(path.join(ROOT, 'src')).flatMap(zhTexts),
    ...['src/data/resultCodes.json', 'src/data/currencies.json', 'src/data/responses.json'].flatMap(jsonTexts),
    ...['l10n/bundle.l10n.zh-tw.json', 'package.nls.zh-tw.json'].flatMap(bundleTexts),
  ];

  it('finds the texts of every kind of file', () => {
    // Hundreds: messages, rules, help, the DIGEST doctor, result codes, the editor's strings.
    assert.ok(texts.length > 800, `${texts.length} texts`);
    for (const where of ['src/core/texts/messages.ts', 'src/cli/help/', 'resultCodes.json', 'bundle.l10n', 'package.nls'])
      assert.ok(
        texts.some((t) => t.where.includes(where)),
        where,
      );
  });

  it('has no half-width comma, colon or parenthesis inside a Chinese sentence', () => {
    const wrong = texts.filter((t) => HALF_WIDTH_IN_CHINESE.some((re) => re.test(prose(t.text)))).map((t) => `${t.where}: ${t.text}`);
    assert.deepEqual(wrong, []);
  });

  it('tells half-width punctuation in Chinese from code, placeholders and URLs', () => {
    const flagged = (text: string) => HALF_WIDTH_IN_CHINESE.some((re) => re.test(prose(text)));
    for (const text of ['金額(含稅)', '錯誤,請再試一次', '意義:退款']) assert.ok(flagged(text), text);
    for (const text of [
      '意義：退款',
      '（JSON.stringify(body, null, 2)）',
      '`{field}` 是（a,b）',
      '改送到 http(s)://主機:連接埠',
      '{reason}（經由 {via}()）',
    ])
      assert.ok(!flagged(text), text);
  });
});
