/**
 * The library's types are generated from src/data (scripts/generateTypes.mjs) and committed: this
 * fails when src/lib/generatedTypes.ts no longer matches the data, and proves the check can fail.
 * And they narrow as a backend needs: `tsc --strict` accepts a callback handler and an inquiry
 * loop that read a paid order's trade number and amount after `if (t.status === 0)`, with no `!`,
 * and the same backend fails against types generated without the status cases.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { typeCheck } from '../support/typeCheck';

const root = path.join(__dirname, '../../..');
const script = path.join(root, 'scripts/generateTypes.mjs');

describe('generated library types', () => {
  it('src/lib/generatedTypes.ts is what the data generates', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('the check fails once the data changes (a new refund code)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-types-'));
    try {
      fs.cpSync(path.join(root, 'src/data'), dir, { recursive: true });
      const tablePath = path.join(dir, 'resultCodes.json');
      const table = JSON.parse(fs.readFileSync(tablePath, 'utf8'));
      const row =
        table.codes.find((r: { id: string }) => r.id === 'refund.111.transaction-closed') ??
        table.codes.find((r: { endpoint: string }) => r.endpoint === 'refund');
      table.codes.push({ ...row, id: 'refund.123.invented', code: '123', message: 'Invented' });
      fs.writeFileSync(tablePath, JSON.stringify(table));
      const stale = spawnSync(process.execPath, [script, '--check', '--data', dir], { cwd: root, encoding: 'utf8' });
      assert.equal(stale.status, 1);
      assert.match(stale.stderr, /is stale/);
      const out = path.join(dir, 'generated.ts');
      spawnSync(process.execPath, [script, '--data', dir, '--out', out], { cwd: root, encoding: 'utf8' });
      assert.match(fs.readFileSync(out, 'utf8'), /\| '123'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A merchant's handlers written the usual way: they read what a paid order carries after checking its status. */
const BACKEND = `import type { Amount, Currency, InquiryResponse, ResultCallback, Transaction } from 'TYPES';

interface Order { id: string; amount: number; currency: Currency; tradeNo?: string; paidAt?: string; state: 'open' | 'paid' | 'failed' }

export function apply(order: Order, t: Transaction): Order {
  if (t.status === 0) {
    const tradeNo: string = t.tradeNo;
    const paidAt: string = t.trans_time;
    const charged: Amount = t.final_price;
    const currency: Currency | undefined = t.currency;
    if (currency !== undefined && currency !== order.currency) return order;
    return charged === '' ? order : { ...order, tradeNo, paidAt, state: 'paid' };
  }
  switch (t.status) {
    case 100:
      return { ...order, state: 'failed' };
    case 101:
    case 102:
      return order;
  }
  const unexpected: never = t;
  return unexpected;
}

export function onResult(body: ResultCallback, order: Order): Order {
  return apply(order, body.transaction);
}

export function paidTradeNumbers(res: InquiryResponse): string[] {
  if (res.result !== '000') return [];
  return res.result_object.transactions.flatMap((t) => (t.status === 0 ? [t.tradeNo] : []));
}
`;

describe('generated library types narrow a backend under tsc --strict', function () {
  this.timeout(60_000);
  let dir: string;
  let strict: ts.Program | undefined;
  const backend = () => path.join(dir, 'backend.ts');
  const generated = path.join(root, 'src/lib/generatedTypes.ts');

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-narrow-'));
    fs.writeFileSync(backend(), BACKEND.replace('TYPES', generated.replace(/\.ts$/, '')));
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'commonjs', types: [] },
        files: ['backend.ts'],
      }),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compiles without a non-null assertion', () => {
    const checked = typeCheck(path.join(dir, 'tsconfig.json'));
    strict = checked.program;
    assert.deepEqual(checked.errors, []);
    const source = checked.program.getSourceFile(backend());
    assert.ok(source);
    let assertions = 0;
    const visit = (node: ts.Node): void => {
      if (ts.isNonNullExpression(node)) assertions++;
      ts.forEachChild(node, visit);
    };
    visit(source);
    assert.equal(assertions, 0);
  });

  it('fails against the same types generated without the status cases (the test can fail)', () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-unnarrowed-'));
    try {
      fs.cpSync(path.join(root, 'src/data'), data, { recursive: true });
      const file = path.join(data, 'responses.json');
      const responses = JSON.parse(fs.readFileSync(file, 'utf8'));
      delete responses.definitions.Transaction['x-jkopay-by-status'];
      fs.writeFileSync(file, JSON.stringify(responses));
      const out = path.join(data, 'generated.ts');
      const run = spawnSync(process.execPath, [script, '--data', data, '--out', out], { cwd: root, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const previous = strict ?? typeCheck(path.join(dir, 'tsconfig.json')).program;
      const loose = typeCheck(path.join(dir, 'tsconfig.json'), {
        replace: { files: { [generated]: fs.readFileSync(out, 'utf8') }, previous },
      });
      const errors = loose.errors.join('\n');
      assert.match(errors, /backend\.ts\(8,11\): error TS2322: Type 'string \| undefined' is not assignable to type 'string'/);
      assert.match(
        errors,
        /backend\.ts\(\d+,\d+\): error TS2322: Type '\(string \| undefined\)\[\]' is not assignable to type 'string\[\]'/,
      );
    } finally {
      fs.rmSync(data, { recursive: true, force: true });
    }
  });
});
