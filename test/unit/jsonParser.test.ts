import * as assert from 'node:assert/strict';
import { MAX_PROBLEMS, parseJson } from '../../src/core/json/jsonParser';

describe('jsonParser', () => {
  it('reads objects, arrays and literals with exact offsets and number text', () => {
    const text = '{ "a": 100.50, "b": [1e2, "x", true, null] }';
    const { root, problems } = parseJson(text);
    assert.deepEqual(problems, []);
    assert.equal(root?.type, 'object');
    if (root?.type !== 'object') return;
    const [a, b] = root.properties;
    assert.equal(a.key, 'a');
    assert.equal(text.substr(a.keyOffset, a.keyLength), '"a"');
    assert.equal(a.value?.type === 'number' && a.value.text, '100.50');
    assert.equal(b.value?.type, 'array');
    if (b.value?.type !== 'array') return;
    assert.deepEqual(
      b.value.items.map((i) => i.type),
      ['number', 'string', 'boolean', 'null'],
    );
    assert.equal(root.length, text.length);
  });

  it('accepts comments and trailing commas', () => {
    const { problems } = parseJson('// head\n{ /* c */ "a": 1, "b": [1, 2,], }\n');
    assert.deepEqual(problems, []);
  });

  it('recovers from a missing comma and keeps both properties', () => {
    const { root, problems } = parseJson('{ "a": 1 "b": 2 }');
    assert.deepEqual(
      problems.map((p) => p.id),
      ['comma-expected'],
    );
    assert.deepEqual(root?.type === 'object' && root.properties.map((p) => p.key), ['a', 'b']);
  });

  it('keeps a property being typed (no value yet) in the model', () => {
    const { root } = parseJson('{ "currency": }');
    assert.equal(root?.type === 'object' && root.properties[0].key, 'currency');
    assert.equal(root?.type === 'object' && root.properties[0].value, undefined);
  });

  it('survives 100,000 levels of nesting without overflowing the stack', () => {
    const depth = 100_000;
    const { root, problems } = parseJson('['.repeat(depth) + ']'.repeat(depth));
    assert.equal(root?.type, 'array');
    assert.deepEqual(
      problems.map((p) => p.id),
      ['too-deep'],
    );
  });

  it('reports unclosed deep nesting at the end of the file', () => {
    const { problems } = parseJson('{"a":'.repeat(50_000));
    assert.ok(problems.some((p) => p.id === 'close-brace-expected'));
  });

  it('caps the problems of random bytes', () => {
    let text = '';
    let seed = 42;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += String.fromCharCode(seed % 256);
    }
    const { problems } = parseJson(text);
    assert.ok(problems.length <= MAX_PROBLEMS + 1);
    assert.ok(problems.length > 0);
  });

  it('skips a byte-order mark', () => {
    const { root, problems } = parseJson('\ufeff{"a": 1}');
    assert.deepEqual(problems, []);
    assert.equal(root?.offset, 1);
  });

  it('reports an empty file and a second top-level value', () => {
    assert.deepEqual(
      parseJson('  \n').problems.map((p) => p.id),
      ['empty-document'],
    );
    assert.deepEqual(
      parseJson('{} {}').problems.map((p) => p.id),
      ['end-expected'],
    );
  });

  it('reports an unterminated trailing block comment (the trivia-skipping scanner dropped its error)', () => {
    const text = '{"a": 1}\n/* note';
    assert.deepEqual(parseJson(text).problems, [{ id: 'unterminated-comment', offset: 9, length: 7 }]);
    assert.deepEqual(
      parseJson('{"a": 1 /* open').problems.map((p) => p.id),
      ['unterminated-comment', 'close-brace-expected'],
    );
    assert.deepEqual(
      parseJson('/*').problems.map((p) => p.id),
      ['unterminated-comment', 'empty-document'],
    );
    // Closed comments, and "/*" inside strings, are not reported.
    assert.deepEqual(parseJson('{"a": "/*"} /* done */ // /* line').problems, []);
  });

  it('reports an unterminated string', () => {
    assert.ok(parseJson('{"a": "abc}').problems.some((p) => p.id === 'unterminated-string'));
  });

  it('reports a misplaced object once, not again at each of its own values', () => {
    // The object stands where a key belongs: it is read (to find its end) but not kept. Its values
    // must not leave it expecting one more value, or every comma in it was a "value expected".
    const ids = (text: string) => parseJson(text).problems.map((p) => p.id);
    assert.deepEqual(ids('{"a": 1, {"x": 1, "y": true, "z": [2, null]}}'), ['property-expected']);
    assert.deepEqual(ids('{"a": 1, {"x": ' + '['.repeat(300) + ']'.repeat(300) + ', "y": 2}}'), ['property-expected', 'too-deep']);
  });
});
