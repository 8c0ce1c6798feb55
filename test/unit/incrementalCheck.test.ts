/**
 * The incremental re-parse and re-check must give exactly what a full one gives. 1,000 random
 * edits (seeded, so a failure replays) are applied to the payload fixtures, to one file holding all
 * of them as an array (where edits inside one payload take the incremental path), and to the TS
 * sources: inserts, deletes and replacements of digits, letters, quotes, brackets, commas and
 * comments, some undone at once (syntax broken, then repaired). After each version the
 * incrementally maintained document and its re-used findings are compared with a fresh parse and
 * check of the same text.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { reparseJsonDocument } from '../../src/core/json/incrementalJson';
import { parseJsonDocument } from '../../src/core/json/jsonDocument';
import type { PayloadDocument } from '../../src/core/model/model';
import { checkDocument } from '../../src/core/rules/payloadFindings';
import { parseSourceDocument, reparseSourceDocument, type SourceDocument } from '../../src/core/source/sourceDocument';
import { changeDelta, diffTexts, mergeChanges, type TextChange } from '../../src/core/model/textChange';
import { validatePayloads } from '../../src/core/rules/validation';

const ROOT = path.resolve(__dirname, '../../..');
const PAYLOADS = path.join(ROOT, 'test/fixtures/payloads');
const SOURCES = path.join(ROOT, 'test/fixtures/source');
const settings = { lang: 'en' as const, defaultCurrency: 'TWD' };

/** mulberry32: a small seeded generator, so that a failing sequence can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '0',
  '7',
  '42',
  '.',
  '-',
  'e',
  '.5',
  'x',
  'a',
  '"',
  "'",
  ',',
  ':',
  '{',
  '}',
  '[',
  ']',
  ' ',
  '\n',
  '  ',
  '//',
  '/*',
  '*/',
  'true',
  'null',
  '"currency"',
  '"TWD"',
  '\\',
  '{}',
  '[]',
  ', "k": 1',
  'ü',
];

const TYPING = ['0', '7', '42', 'x', 'a', ' ', 'ü', 'e'];

interface Step {
  text: string;
  /** The edits of this version merged into one span of the previous text, as the server tells the core. */
  change: TextChange;
}

/**
 * Applies 1–3 random edits to `text`. While the text has syntax problems, half of the versions
 * instead go back to the last text without any (`repair`), as a user fixes a typo; sometimes the
 * last edit is undone.
 */
function nextVersion(next: () => number, text: string, broken: boolean, repair: string, undo: string | undefined): Step {
  if (broken && next() < 0.5) return { text: repair, change: diffTexts(text, repair) };
  if (undo !== undefined && next() < 0.1) return { text: undo, change: diffTexts(text, undo) };
  let change: TextChange | undefined;
  const edits = 1 + Math.floor(next() * 3 * next());
  for (let i = 0; i < edits; i++) {
    const start = Math.floor(next() * (text.length + 1));
    const op = next();
    const removed = op < 0.35 ? 0 : Math.min(text.length - start, 1 + Math.floor(next() * 6));
    // Half of the insertions are what typing inside a value mostly is: digits, letters, spaces.
    const pool = next() < 0.5 ? TYPING : SNIPPETS;
    const inserted = op > 0.65 && op < 0.8 ? '' : pool[Math.floor(next() * pool.length)];
    text = text.slice(0, start) + inserted + text.slice(start + removed);
    change = mergeChanges(change, { start, end: start + removed, newLength: inserted.length });
  }
  return { text, change: change! };
}

/** The document without what only an implementation holds (the TS syntax tree), for comparison. */
function comparable(doc: PayloadDocument) {
  return { root: doc.root, payloads: doc.payloads, problems: doc.problems };
}

function checkSequence(uri: string, original: string, versions: number, seed: number, source: boolean): { incremental: number } {
  const next = random(seed);
  let doc: PayloadDocument = source ? parseSourceDocument(uri, original) : parseJsonDocument(uri, original);
  checkDocument(doc, settings);
  let text = original;
  let undo: string | undefined;
  let repair = original;
  let incremental = 0;
  for (let v = 0; v < versions; v++) {
    const step = nextVersion(next, text, doc.problems.length > 0, repair, undo);
    // The merged change must say truly what changed: outside it the two versions agree.
    const { start, end, newLength } = step.change;
    assert.equal(text.slice(0, start) + step.text.slice(start, start + newLength) + text.slice(end), step.text);
    assert.equal(step.text.length, text.length + changeDelta(step.change));
    undo = text;
    if (!doc.problems.length) repair = text;
    text = step.text;
    const label = `${path.basename(uri)}, seed ${seed}, version ${v + 1}`;
    if (source) {
      doc = reparseSourceDocument(doc as SourceDocument, text, undefined, step.change);
      const full = parseSourceDocument(uri, text);
      assert.deepEqual(comparable(doc), comparable(full), label);
    } else {
      const reparsed = reparseJsonDocument(doc, text, step.change);
      if (reparsed) incremental++;
      doc = reparsed ?? parseJsonDocument(uri, text);
      assert.deepEqual(comparable(doc), comparable(parseJsonDocument(uri, text)), label);
    }
    const expected = validatePayloads(source ? parseSourceDocument(uri, text) : parseJsonDocument(uri, text), settings);
    assert.deepEqual(checkDocument(doc, settings), expected, label);
  }
  return { incremental };
}

describe('incremental re-check equals a full re-check', function () {
  this.timeout(120000);
  const fixtures = readdirSync(PAYLOADS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ uri: `file:///fixtures/${f}`, text: readFileSync(path.join(PAYLOADS, f), 'utf8') }));

  it('merges successive edits into one span that covers them', () => {
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      let text = 'abcdefghijklmnopqrstuvwxyz'.repeat(2);
      const before = text;
      let change: TextChange | undefined;
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(next() * 5));
        const inserted = 'XYZ'.slice(0, Math.floor(next() * 4));
        text = text.slice(0, start) + inserted + text.slice(end);
        change = mergeChanges(change, { start, end, newLength: inserted.length });
      }
      const c = change!;
      assert.equal(before.slice(0, c.start) + text.slice(c.start, c.start + c.newLength) + before.slice(c.end), text);
    }
  });

  it('over 1,000 random edits of the fixtures, the payload-array file and the TS sources', () => {
    // One file of every fixture that is a single payload object, as a top-level array: the case the
    // incremental path is for.
    const objects = fixtures
      .map((f) =>
        f.text
          .replace(/^\uFEFF/, '')
          .replace(/\/\/ expect:.*$/gm, '')
          .trim(),
      )
      .filter((t) => t.startsWith('{') && !parseJsonDocument('file:///x.json', t).problems.length);
    const array = { uri: 'file:///fixtures/all.jkopay.json', text: `// every fixture payload\n[\n  ${objects.join(',\n  ')}\n]\n` };
    let total = 0;
    let incremental = 0;
    // 400 edits to the arrays, 20 to each of the 21 fixtures (420), 30 to each TS source (180).
    incremental += checkSequence(array.uri, array.text, 200, 1, false).incremental;
    // The same payloads with each one starting on the line the previous one ends on (`}, {`): an
    // edit of that line's indentation changes the next payload's quick fixes.
    incremental += checkSequence(array.uri, array.text.replace(/,\n {2}\{/g, ', {'), 200, 2, false).incremental;
    total += 400;
    for (const [i, f] of fixtures.entries()) {
      checkSequence(f.uri, f.text, 20, 100 + i, false);
      total += 20;
    }
    const sources = readdirSync(SOURCES).sort();
    for (const [i, f] of sources.entries()) {
      checkSequence(`file:///fixtures/${f}`, readFileSync(path.join(SOURCES, f), 'utf8'), 30, 200 + i, true);
      total += 30;
    }
    assert.ok(total >= 1000, `${total} edits`);
    // The comparison is only worth something if the incremental path was taken often.
    assert.ok(incremental >= 60, `only ${incremental} of 400 edits to the array file were incremental`);
  });

  it('re-checks only the payload an edit falls in, and re-uses the others', () => {
    const payload = (id: string) =>
      `{ "platform_order_id": "${id}", "store_id": "s", "currency": "TWD", "total_price": 100.5, "final_price": 100 }`;
    const text = `[\n  ${['a', 'b', 'c'].map(payload).join(',\n  ')}\n]`;
    const uri = 'file:///x.jkopay.json';
    const doc = parseJsonDocument(uri, text);
    const before = checkDocument(doc, settings);
    const at = text.indexOf('"b"') + 1;
    const edited = `${text.slice(0, at)}bb${text.slice(at + 1)}`;
    const first = doc.payloads[0];
    const next = reparseJsonDocument(doc, edited, { start: at, end: at + 1, newLength: 2 })!;
    assert.ok(next, 'an edit inside a string of one payload is incremental');
    assert.equal(next.payloads[0], first, 'the payload before the edit is the same object');
    const after = checkDocument(next, settings);
    assert.equal(after.length, before.length);
    assert.equal(after[0], before[0], 'the first payload’s finding is re-used as is');
    assert.equal(after.at(-1)!.offset, before.at(-1)!.offset + 1, 'the last payload’s finding moved by the edit');
    assert.deepEqual(after, validatePayloads(parseJsonDocument(uri, edited), settings));
  });

  it('checks anew a payload starting on the line whose indentation the edit changed', () => {
    const uri = 'file:///x.jkopay.json';
    const text = '[\n  { "platform_order_id": "a", "store_id": "s", "currency": "TWD", "total_price": 1, "final_price": 1\n  }, {}\n]';
    const doc = parseJsonDocument(uri, text);
    checkDocument(doc, settings);
    const at = text.indexOf('\n  }') + 1;
    const edited = `${text.slice(0, at)}    ${text.slice(at)}`;
    const next = reparseJsonDocument(doc, edited, { start: at, end: at, newLength: 4 });
    assert.ok(next, 'an edit of the blank space inside a payload is incremental');
    const expected = validatePayloads(parseJsonDocument(uri, edited), settings);
    assert.ok(JSON.stringify(expected).includes('\\n      '), 'the second payload’s fix has the new indentation');
    assert.deepEqual(checkDocument(next, settings), expected);
  });

  it('re-checks only the edited literal of a TS source and re-uses the others’ findings, moved', () => {
    const literal = (id: string) =>
      `const ${id} = { platform_order_id: '${id}', store_id: 's', currency: 'TWD', total_price: 100.5, final_price: 100 };\npost('/platform/entry', ${id});\n`;
    const text = literal('a') + literal('b') + literal('c');
    const uri = 'file:///x.ts';
    const doc = parseSourceDocument(uri, text);
    const before = checkDocument(doc, settings);
    const at = text.indexOf("'b'") + 1;
    const edited = `${text.slice(0, at)}bb${text.slice(at + 1)}`;
    const next = reparseSourceDocument(doc, edited, undefined, { start: at, end: at + 1, newLength: 2 });
    const after = checkDocument(next, settings);
    assert.deepEqual(after, validatePayloads(parseSourceDocument(uri, edited), settings));
    assert.equal(after[0], before[0], 'the literal before the edit keeps its findings as they were');
    assert.notEqual(after.at(-1), before.at(-1), 'the literal after the edit has its findings moved');
    assert.equal(after.at(-1)!.offset, before.at(-1)!.offset + 1);
    // Which were checked again: with the settings object changed in place (which the service never
    // does), re-used findings keep their English message and checked ones come out in Chinese.
    const shared = { ...settings };
    const again = parseSourceDocument(uri, text);
    checkDocument(again, shared);
    shared.lang = 'zh-TW' as 'en';
    const mixed = checkDocument(reparseSourceDocument(again, edited, undefined, { start: at, end: at + 1, newLength: 2 }), shared);
    const open = edited.indexOf('{', edited.indexOf('const b'));
    const close = edited.indexOf('}', open);
    assert.deepEqual(
      mixed.map((f) => /[\u4e00-\u9fff]/.test(f.message)),
      mixed.map((f) => f.offset >= open && f.offset <= close),
    );
    assert.equal(mixed.length, 6);
  });

  it('falls back to a full parse when the edit touches structure', () => {
    const text = '[\n  { "platform_order_id": "a" },\n  { "platform_order_id": "b" }\n]';
    const uri = 'file:///x.jkopay.json';
    const brace = text.indexOf('}');
    assert.equal(
      reparseJsonDocument(parseJsonDocument(uri, text), `${text.slice(0, brace)}${text.slice(brace + 1)}`, {
        start: brace,
        end: brace + 1,
        newLength: 0,
      }),
      undefined,
    );
    const between = text.indexOf(',\n') + 1;
    assert.equal(
      reparseJsonDocument(parseJsonDocument(uri, text), `${text.slice(0, between)} ${text.slice(between)}`, {
        start: between,
        end: between,
        newLength: 1,
      }),
      undefined,
    );
    const inner = text.indexOf('"a"');
    assert.equal(
      reparseJsonDocument(parseJsonDocument(uri, text), `${text.slice(0, inner)}}${text.slice(inner)}`, {
        start: inner,
        end: inner,
        newLength: 1,
      }),
      undefined,
    );
  });
});
