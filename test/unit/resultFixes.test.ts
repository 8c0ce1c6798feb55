/**
 * The result-code quick fixes on fixtures: each file in test/fixtures/resultFixes names, on its
 * first line, the rule and the fix to apply (`// fix: CODE "TITLE"`); the text after applying it
 * must equal the file's `.fixed` twin, and must no longer have that rule's finding; and the fixed
 * code compiles and throws until its inserted handling is written.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { endpointResultRows } from '../../src/data';
import type { Endpoint } from '../../src/data/types';
import { typeCheck } from '../support/typeCheck';
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

/**
 * What the fixes write must work: the fixed files compile (strict tsc over the TypeScript against
 * the library's published declarations, the JavaScript parsed), and each file's `// run (endpoint):`
 * call, given an answer with every code the endpoint documents, throws "not handled yet" with the
 * code for exactly the codes the fix added and for none that the file handled before.
 */
describe('the code the result-code fixes write', function () {
  this.timeout(60_000);
  const fixedFiles = fs
    .readdirSync(folder)
    .filter((n) => n.includes('.fixed.'))
    .sort()
    .map((n) => path.join(folder, n));
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-fixed-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compiles with tsc --strict', () => {
    const root = path.join(__dirname, '../../..');
    const config = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          allowJs: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          types: ['node'],
          typeRoots: [path.join(root, 'node_modules/@types')],
          paths: { 'jkopay-tools': [path.join(root, 'dist/lib/types/lib/index.d.ts')] },
        },
        files: fixedFiles,
      }),
    );
    const checked = typeCheck(config, { only: (file) => fixedFiles.includes(path.resolve(file)) });
    assert.deepEqual(checked.errors, []);
    assert.equal(checked.program.getSourceFiles().filter((f) => fixedFiles.includes(path.resolve(f.fileName))).length, fixedFiles.length);
  });

  for (const file of fixedFiles) {
    const original = fs.readFileSync(file.replace('.fixed.', '.'), 'utf8');
    const run = /^\/\/ run \((entry|refund|inquiry)\): (.*)$/m.exec(original);
    if (!run) continue;
    it(`${path.basename(file)} fails loudly on each code the fix added, and only on those`, async () => {
      const [, endpoint, call] = run;
      const handledBefore = new Set([...original.matchAll(/(['"])(\d{3})\1/g)].map((m) => m[2]));
      const added = endpointResultRows(endpoint as Endpoint).codes.filter((code) => !handledBefore.has(code));
      assert.ok(added.length > 0, 'the fixture leaves codes to add');
      const program = compiled(fs.readFileSync(file, 'utf8'), call);
      for (const code of endpointResultRows(endpoint as Endpoint).codes) {
        const outcome = await program({
          result: code,
          message: 'm',
          result_object: { payment_url: 'https://pay', debit_amount: '1', transactions: [] },
        }).then(
          () => undefined,
          (error: Error) => error.message,
        );
        if (added.includes(code)) assert.match(String(outcome), new RegExp(`not handled yet \\(.*\\): ${code}$`), `${code}: ${outcome}`);
        else assert.doesNotMatch(String(outcome), /not handled yet/, code);
      }
    });
  }
});

/** The fixed file as CommonJS, with JKOPay (fetch, the library's client) answering `answer`; calls `call`, which may name `answer`. */
function compiled(text: string, call: string): (answer: unknown) => Promise<unknown> {
  const js = ts.transpileModule(`${text}\nexport const __run = async (answer: any) => ${call};\n`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  let answer: unknown;
  const answers = async () => answer;
  const library = { createClient: () => ({ entry: answers, refund: answers, inquiry: answers }) };
  const exports: { __run?: (answer: unknown) => Promise<unknown> } = {};
  const context = vm.createContext({
    exports,
    require: (name: string) => (name === 'jkopay-tools' ? library : assert.fail(`requires ${name}`)),
    fetch: async () => ({ json: answers }),
    process: { env: {} },
  });
  vm.runInContext(js, context);
  return (value) => {
    answer = value;
    return exports.__run!(value);
  };
}
