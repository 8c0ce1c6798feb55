/**
 * The texts' argument filling: named arguments, and English plurals written as both forms
 * (`{n|# warning|# warnings}`), so that a count of one reads "1 warning", not "1 warning(s)".
 */
import * as assert from 'node:assert/strict';
import { fill, localize } from '../../src/data/localize';

describe('localize: arguments and plurals', () => {
  it('fills named arguments and leaves unknown ones as written', () => {
    assert.equal(fill('{field} is over {max} characters', { field: 'store_id', max: 36 }), 'store_id is over 36 characters');
    assert.equal(fill('{field} has {what}', { field: 'x' }), 'x has {what}');
    assert.equal(fill('{"valid": true}'), '{"valid": true}');
  });

  it('picks the English form by the count, the number standing for #', () => {
    const summary = '{files|# file|# files} checked: {errors|# error|# errors}, {warnings|# warning|# warnings}';
    assert.equal(fill(summary, { files: 1, errors: 0, warnings: 1 }), '1 file checked: 0 errors, 1 warning');
    assert.equal(fill(summary, { files: 2, errors: 1, warnings: 3 }), '2 files checked: 1 error, 3 warnings');
    assert.equal(fill('{n|# place|# places}', { n: '1.5' }), '1.5 places');
    assert.equal(fill('{n|# place|# places}', {}), '{n}');
  });

  it("fills the language's own template: Chinese names no plural forms", () => {
    const zh = { en: '{warnings|# warning|# warnings}: too many', 'zh-TW': '{warnings} 個警告：太多' };
    assert.equal(localize(zh, 'en', { warnings: 1 }), '1 warning: too many');
    assert.equal(localize(zh, 'zh-TW', { warnings: 1 }), '1 個警告：太多');
  });
});
