import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { add, compare, decimal, fitsDouble, format, multiply, readNumber, round } from '../../src/core/model/decimal';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionFinder } from '../../src/core/rules/findings';

describe('decimal', () => {
  it('counts decimal places as written', () => {
    const places = (t: string) => readNumber(t)!.scale;
    assert.equal(places('10.100'), 3);
    assert.equal(places('1e2'), 0);
    assert.equal(places('1e-1'), 1);
    assert.equal(places('1.50e1'), 1);
    assert.equal(places('100'), 0);
    assert.equal(places('-0.5'), 1);
  });

  it('compares exactly, without floats', () => {
    assert.equal(compare(decimal('0.11'), decimal('0.11')), 0);
    assert.equal(compare(decimal('0.1'), decimal('0.10')), 0);
    assert.equal(compare(decimal('1e2'), decimal('100')), 0);
    assert.equal(compare(decimal('0.10'), decimal('0.11')), -1);
    assert.equal(compare(decimal('-1'), decimal('0')), -1);
    assert.equal(compare(decimal('12345678901234567891'), decimal('12345678901234567890')), 1);
  });

  it('adds and multiplies exactly', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point.
    assert.equal(format(add(decimal('0.1'), decimal('0.2'))), '0.3');
    assert.equal(compare(add(multiply(decimal('3'), decimal('0.1')), multiply(decimal('2'), decimal('0.35'))), decimal('1')), 0);
  });

  it('rounds half away from zero and formats without exponent', () => {
    assert.equal(format(round(decimal('100.5'), 0)), '101');
    assert.equal(format(round(decimal('100.49'), 0)), '100');
    assert.equal(format(round(decimal('0.015'), 2)), '0.02');
    assert.equal(format(round(decimal('-2.5'), 0)), '-3');
    assert.equal(format(round(decimal('0.004'), 2)), '0.00');
    assert.equal(format(decimal('1e-3')), '0.001');
  });

  it('agrees with BigInt arithmetic on the exact values, on the integer fast paths and past them', () => {
    // value × 10^18 as a BigInt: every generated number has at most 6 decimal places.
    const exact = (text: string) => {
      const [whole, fraction = ''] = text.replace('-', '').split('.');
      const v = BigInt(whole + fraction.padEnd(18, '0'));
      return text.startsWith('-') ? -v : v;
    };
    const number = fc
      .tuple(
        fc.boolean(),
        fc.oneof(fc.bigInt({ min: 0n, max: 99_999n }), fc.bigInt({ min: 0n, max: 10n ** 25n })),
        fc.integer({ min: 0, max: 6 }),
      )
      .map(([negative, digits, scale]) => {
        const text = digits.toString().padStart(scale + 1, '0');
        const unsigned = scale ? `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}` : text;
        return negative ? `-${unsigned}` : unsigned;
      });
    fc.assert(
      fc.property(number, number, (a, b) => {
        const [x, y] = [decimal(a), decimal(b)];
        assert.equal(compare(x, y), Math.sign(Number(exact(a) - exact(b))));
        assert.equal(exact(format(add(x, y))), exact(a) + exact(b));
        // exact() is the value × 10^18, so a product of two is the value × 10^36.
        assert.equal(exact(format(multiply(x, y))) * 10n ** 18n, exact(a) * exact(b));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('stays exact past 2^53', () => {
    assert.equal(format(add(decimal('9007199254740993'), decimal('1'))), '9007199254740994');
    assert.equal(format(multiply(decimal('12345678901234567890'), decimal('0.5'))), '6172839450617283945.0');
    assert.equal(compare(decimal('9007199254740993'), decimal('9007199254740992')), 1);
    assert.equal(compare(decimal('1e20'), decimal('100000000000000000000.0')), 0);
    assert.equal(format(round(decimal('12345678901234567890.5'), 0)), '12345678901234567891');
  });

  it('knows which texts a double reproduces', () => {
    assert.ok(fitsDouble('123456789012345'));
    assert.ok(fitsDouble('0.000000000000001'));
    assert.ok(fitsDouble('100.50'));
    assert.ok(!fitsDouble('9007199254740993'));
    assert.ok(!fitsDouble('0.1234567890123456789'));
    assert.ok(!fitsDouble('1e400'));
  });

  it('refuses what is not a number or absurdly large', () => {
    assert.equal(readNumber('abc'), undefined);
    assert.equal(readNumber('1e999999'), undefined);
    assert.equal(readNumber('01x'), undefined);
    assert.equal(readNumber('1.'), undefined);
    assert.equal(readNumber('1e'), undefined);
    assert.equal(readNumber('-'), undefined);
  });
});

describe('positionFinder', () => {
  it('agrees with TextDocument.positionAt, forwards and backwards, across line endings', () => {
    for (const text of ['a\nbc\n\ndef\n', 'a\r\nbc\r\n\r\nd', 'x\ry\nz', '', 'no newline']) {
      const document = TextDocument.create('file:///t', 'jkopay', 1, text);
      const find = positionFinder(document);
      const offsets = [...Array(text.length + 2).keys()];
      for (const offset of [...offsets, ...offsets.reverse()]) {
        assert.deepEqual(find(offset), document.positionAt(offset), `${JSON.stringify(text)} @ ${offset}`);
      }
    }
  });
});
