/**
 * The payload rule's work grows linearly with the code, whatever its layout: literals each in a
 * function of their own, all in one function, all at the file's top level, one variable used
 * everywhere, builders returned to their call sites, long chains of variables. The work is counted
 * (characters scanned, nodes descended, steps followed: `traceWork`), not timed, so that a busy
 * machine cannot fail the test; n → 16n may cost at most 24× the work (linear is 16×, quadratic
 * 256×). Each layout's literals are checked for being found, so the test cannot pass by skipping them.
 */
import * as assert from 'node:assert/strict';
import { parseSourceDocument } from '../../src/core/source/sourceDocument';
import { traceWork } from '../../src/core/source/traceDeps';

const ENTRY = (i: number) =>
  `{ platform_order_id: 'o${i}', store_id: 's', currency: 'TWD', total_price: ${100 + i}, final_price: 100, unredeem: 0 }`;

const LAYOUTS: Record<string, { make: (n: number) => string; payloads: (n: number) => number }> = {
  'a function per literal': {
    make: (n) =>
      Array.from(
        { length: n },
        (_, i) =>
          `export async function pay${i}() {\n  const body = ${ENTRY(i)};\n  return fetch(URL, { method: 'POST', body: JSON.stringify(body) });\n}\n`,
      ).join('') + "const URL = 'https://onlinepay.jkopay.com/platform/entry';\n",
    payloads: (n) => n,
  },
  'every literal in one function': {
    make: (n) =>
      `export async function all() {\n${Array.from({ length: n }, (_, i) => `  const b${i} = ${ENTRY(i)};\n  await post('/platform/entry', b${i});\n`).join('')}}\n`,
    payloads: (n) => n,
  },
  'every literal at the top level': {
    make: (n) => Array.from({ length: n }, (_, i) => `const b${i} = ${ENTRY(i)};\nawait post('/platform/entry', b${i});\n`).join(''),
    payloads: (n) => n,
  },
  'one variable used everywhere': {
    make: (n) =>
      `const body = ${ENTRY(0)};\n${Array.from({ length: n }, (_, i) => `log${i}(body);\n`).join('')}await post('/platform/entry', body);\n`,
    payloads: () => 1,
  },
  'builders returned to their call sites': {
    make: (n) =>
      Array.from(
        { length: n },
        (_, i) => `function build${i}() {\n  return ${ENTRY(i)};\n}\nawait post('/platform/entry', build${i}());\n`,
      ).join(''),
    payloads: (n) => n,
  },
  'literals in one long concatenation': {
    make: (n) => `log('' + ${Array.from({ length: n }, (_, i) => `JSON.stringify(${ENTRY(i)})`).join(' + ')});\n`,
    payloads: () => 0,
  },
  'a function with many returns and many call sites': {
    make: (n) =>
      `function pick(i) {\n${Array.from({ length: n }, (_, i) => `  if (i === ${i}) return ${ENTRY(i)};\n`).join('')}}\n` +
      Array.from({ length: n }, (_, i) => `await post('/platform/entry', pick(${i}));\n`).join(''),
    payloads: (n) => n,
  },
  'long chains of variables': {
    make: (n) =>
      Array.from(
        { length: n },
        (_, i) =>
          `function f${i}() {\n  const a = ${ENTRY(i)};\n  const b = a;\n  const c = b;\n  const d = { ...c };\n  return post('/platform/entry', d);\n}\n`,
      ).join(''),
    payloads: (n) => n,
  },
};

describe('the payload rule does work linear in the code', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`${name}: 16× the code costs less than 24× the work`, () => {
      const work = (n: number) => {
        const text = layout.make(n);
        const before = traceWork.count;
        const doc = parseSourceDocument(`file:///${name.replace(/\W/g, '-')}-${n}.ts`, text);
        assert.equal(doc.payloads.length, layout.payloads(n), name);
        return traceWork.count - before;
      };
      const small = work(50);
      const large = work(800);
      assert.ok(small > 0, 'the work is counted');
      assert.ok(large / small < 24, `${name}: ${small} at n=50, ${large} at 16n (×${(large / small).toFixed(1)})`);
    });
  }
});
