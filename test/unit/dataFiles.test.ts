/**
 * Checks the data files in src/data against their own schemas in meta/, and against facts
 * typed in from the official response-code page ("代碼意義 API Response Code", revision of
 * 2026-02-06), so that an edit which drifts from JKOPay's exact texts fails here.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { CurrencyTable, ResultCodeTable } from '../../src/data/types';

// The compiled test sits in out/test/unit/: the repository root is three levels up.
const dataDir = path.join(__dirname, '../../../src/data');

function readJson<T = unknown>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(dataDir, relative), 'utf8')) as T;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is not a dependency; declare the two formats the request schemas use.
  ajv.addFormat('uri', (s: string) => {
    try {
      new URL(s);
      return /^[a-z][a-z0-9+.-]*:/i.test(s);
    } catch {
      return false;
    }
  });
  ajv.addFormat('jkopay-datetime', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  return ajv;
}

function validate(schema: object, data: unknown): string {
  const ajv = newAjv();
  const check = ajv.compile(schema);
  return check(data) ? '' : ajv.errorsText(check.errors, { separator: '\n' });
}

type Row = [endpoint: string, code: string, message: string | null, dynamic: boolean];

/** Every row of the official page, in page order, messages exactly as JKOPay sends them. */
const OFFICIAL_ROWS: Row[] = [
  ['entry', '000', null, false],
  ['entry', '101', 'Order is paid', false],
  ['entry', '200', 'Bad request', false],
  ['entry', '200', 'Store not found', false],
  ['entry', '200', 'Using the currency unsupported by the Store', false],
  ['entry', '200', 'Entry of this store needs identity verification', false],
  ['entry', '200', 'Order has been used as entry but they do not match with each others', false],
  ['entry', '200', 'Invalid number of digits for the order currency amount', false],
  ['entry', '200', 'Order price below limit for this currency', false],
  ['entry', '999', 'Internal Error', false],
  ['refund', '000', null, false],
  ['refund', '100', 'Invaid Order ID', false],
  ['refund', '102', 'Order has excessed 180 days cannot be refunded', false],
  ['refund', '105', 'Inconsistent remain amount', false],
  ['refund', '105', 'Inconsistent refund amount', false],
  ['refund', '111', 'Transaction has been closed', false],
  ['refund', '113', 'Refund reject due to refund amount exceeds total unreimbursed amount.', false],
  ['refund', '116', 'JKOPAY coupon reimbursement failed, please contact JKOPAY for assistance in refund', false],
  ['refund', '117', 'JKOPAY Coupon is used in this transaction, and we will only accept full refund', false],
  ['refund', '200', 'Invalid number of digits for the order currency amount', false],
  ['refund', '922', 'Refund amount exceeds order final price', false],
  ['refund', '922', null, true],
  ['refund', '978', "Closed account can't use JKOPay's service, please contact the JKOPay's customer service.", false],
  ['refund', '999', 'Internal Error', false],
  ['inquiry', '000', null, false],
];

const AUTHPAY_ONLY = ['104', '110', '115', '121', '301', '302', '303', '304', '305', '306', '307'];

describe('data files', () => {
  const resultCodes = readJson<ResultCodeTable>('resultCodes.json');
  const currencies = readJson<CurrencyTable>('currencies.json');
  const requestSchemas = ['entry', 'refund', 'inquiry'].map((name) => ({
    name,
    schema: readJson<Record<string, unknown>>(`schemas/${name}.schema.json`),
  }));

  describe('meta schemas', () => {
    for (const name of ['resultCodes', 'currencies', 'requestSchema']) {
      it(`meta/${name}.schema.json is a valid draft-07 schema`, () => {
        const ajv = newAjv();
        const schema = readJson<object>(`meta/${name}.schema.json`);
        assert.equal(ajv.validateSchema(schema), true, ajv.errorsText(ajv.errors));
        ajv.compile(schema);
      });
    }
  });

  describe('resultCodes.json', () => {
    it('satisfies meta/resultCodes.schema.json', () => {
      assert.equal(validate(readJson('meta/resultCodes.schema.json'), resultCodes), '');
    });

    it('has unique ids of the form <endpoint>.<code>.<slug>', () => {
      const ids = resultCodes.codes.map((c) => c.id);
      assert.deepEqual(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        [],
      );
      for (const c of resultCodes.codes) {
        assert.ok(c.id.startsWith(`${c.endpoint}.${c.code}.`), c.id);
      }
    });

    it('holds exactly the rows of the official page as current rows (10 entry, 14 refund, 1 inquiry)', () => {
      const current = resultCodes.codes.filter((c) => c.status === 'current');
      const count = (endpoint: string) => current.filter((c) => c.endpoint === endpoint).length;
      assert.equal(count('entry'), 10);
      assert.equal(count('refund'), 14);
      assert.equal(count('inquiry'), 1);
      const rows: Row[] = current.map((c) => [c.endpoint, c.code, c.message, c.messageIsDynamic]);
      assert.deepEqual(rows, OFFICIAL_ROWS);
    });

    it('keeps the odd spellings and punctuation of the official messages', () => {
      const messages = new Set(resultCodes.codes.map((c) => c.message));
      assert.ok(messages.has('Invaid Order ID'));
      assert.ok(messages.has('Order has excessed 180 days cannot be refunded'));
      const code113 = resultCodes.codes.find((c) => c.endpoint === 'refund' && c.code === '113');
      assert.ok(code113?.message?.endsWith('amount.'));
    });

    it('marks only current rows with a message and the AuthPay codes as a wrong module', () => {
      for (const c of resultCodes.codes.filter((r) => r.status !== 'current')) {
        assert.equal(c.message, null, c.id);
        assert.equal(c.endpoint, 'any', c.id);
      }
      const authpay = resultCodes.codes.filter((c) => c.status === 'authpay-only');
      assert.deepEqual(authpay.map((c) => c.code).sort(), AUTHPAY_ONLY);
      for (const c of authpay) {
        assert.match(c.meaning.en, /Authorized Payment/, c.id);
        assert.match(c.meaning['zh-TW'], /授權扣款/, c.id);
      }
    });

    it('has legacy rows for the older codes 103, 108 and 201', () => {
      const legacy = new Set(resultCodes.codes.filter((c) => c.status === 'legacy').map((c) => c.code));
      for (const code of ['103', '108', '201']) assert.ok(legacy.has(code), code);
    });

    it('warns that inquiry "000" also comes back for unknown orders', () => {
      const inquiry = resultCodes.codes.find((c) => c.id === 'inquiry.000.success');
      assert.ok(inquiry);
      assert.match(inquiry.meaning.en + inquiry.action.en, /status/);
      assert.match(inquiry.meaning.en, /do not exist/);
    });

    it('lists the transaction statuses 0, 1, 100, 101, 102 with only 1 outdated', () => {
      const statuses = resultCodes.transactionStatuses;
      assert.deepEqual(
        statuses.map((s) => s.status),
        [0, 1, 100, 101, 102],
      );
      assert.deepEqual(
        statuses.filter((s) => !s.current).map((s) => s.status),
        [1],
      );
    });

    it('only cites source keys of the research notes', () => {
      const known = new Set([
        'O-ENTRY',
        'O-REFUND',
        'O-INQ',
        'O-CODES',
        'O-SIGN',
        'O-AP-SIGN',
        'O-AP-CB',
        'O-AP-TXN',
        'O-AP-CODES',
        'O-AP-BIND',
        'MOKSA',
        'WIXTAR',
        'HOHO',
        'KURORIDO',
        'T108',
        'LOUIS',
        'GOPAY',
        'RUBY',
        'KERRY',
        'BANDI',
        'YS',
        'NOCLAF',
      ]);
      for (const c of resultCodes.codes) {
        for (const s of c.sources) assert.ok(known.has(s), `${c.id}: ${s}`);
      }
    });
  });

  describe('currencies.json', () => {
    it('satisfies meta/currencies.schema.json', () => {
      assert.equal(validate(readJson('meta/currencies.schema.json'), currencies), '');
    });

    it('has the figures of the official page and the inferred TWD/JPY/USD/CNY/HKD decimals', () => {
      const table = Object.fromEntries(currencies.currencies.map((c) => [c.code, [c.decimals, c.minimum]]));
      assert.deepEqual(table, {
        TWD: [0, '1'],
        JPY: [0, '5'],
        USD: [2, '0.02'],
        CNY: [2, '0.11'],
        HKD: [2, '0.13'],
      });
    });

    it('gives every minimum no more decimal places than the currency allows', () => {
      for (const c of currencies.currencies) {
        const places = c.minimum.includes('.') ? c.minimum.split('.')[1].length : 0;
        assert.ok(places <= c.decimals, `${c.code} minimum ${c.minimum} has ${places} decimals`);
        assert.ok(Number(c.minimum) > 0, c.code);
      }
    });

    it('matches the currency enum of the entry schema', () => {
      const entry = requestSchemas.find((s) => s.name === 'entry')!.schema as {
        properties: { currency: { enum: string[] } };
      };
      assert.deepEqual([...entry.properties.currency.enum].sort(), currencies.currencies.map((c) => c.code).sort());
    });
  });

  describe('request schemas', () => {
    const meta = readJson<object>('meta/requestSchema.schema.json');

    for (const { name, schema } of requestSchemas) {
      it(`schemas/${name}.schema.json is a valid draft-07 schema`, () => {
        const ajv = newAjv();
        assert.equal(ajv.validateSchema(schema), true, ajv.errorsText(ajv.errors));
        ajv.compile(schema);
      });

      it(`schemas/${name}.schema.json follows meta/requestSchema.schema.json`, () => {
        assert.equal(validate(meta, schema), '');
      });

      it(`schemas/${name}.schema.json allows an optional $schema property`, () => {
        const s = schema as { properties: Record<string, { type?: unknown }>; required: string[] };
        assert.equal(s.properties.$schema?.type, 'string');
        assert.ok(!s.required.includes('$schema'));
      });
    }

    it('the meta schema rejects an undocumented property and a misspelt keyword', () => {
      const bad = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 't',
        description: 'd',
        'x-description-zh-tw': 'd',
        type: 'object',
        properties: {
          a: { description: 'a', type: 'string' },
          b: { description: 'b', 'x-description-zh-tw': 'b', type: 'string', maxlength: 3 },
        },
        required: [],
        additionalProperties: false,
      };
      const errors = validate(meta, bad);
      assert.match(errors, /x-description-zh-tw/);
      assert.match(errors, /additional properties/);
    });

    const schemaOf = (name: string) => requestSchemas.find((s) => s.name === name)!.schema;

    it('entry requires the fields of the official table, unredeem included', () => {
      assert.deepEqual([...(schemaOf('entry').required as string[])].sort(), [
        'currency',
        'final_price',
        'platform_order_id',
        'store_id',
        'total_price',
        'unredeem',
      ]);
    });

    it('marks every amount field with x-jkopay-amount', () => {
      const entry = schemaOf('entry') as { properties: Record<string, Record<string, unknown>> };
      const products = entry.properties.products.items as { properties: Record<string, Record<string, unknown>> };
      const refund = schemaOf('refund') as { properties: Record<string, Record<string, unknown>> };
      const amounts = [
        entry.properties.total_price,
        entry.properties.final_price,
        entry.properties.unredeem,
        products.properties.unit_price,
        products.properties.unit_final_price,
        refund.properties.refund_amount,
      ];
      for (const a of amounts) {
        assert.equal(a['x-jkopay-amount'], true);
        assert.equal(a.type, 'number');
      }
    });

    it('accepts the signed entry body of the official signature page', () => {
      const body = JSON.parse(
        '{"platform_order_id":"demo-order-001","store_id":"35f12dff-1581-11e9-a054-00505684fd45","currency": "TWD",' +
          '"total_price":10,"final_price":10,"unredeem":10,"result_display_url":"https://display.com",' +
          '"result_url":"https://result-callback.xxx/xxx"}',
      );
      assert.equal(validate(schemaOf('entry'), body), '');
    });

    it('rejects broken entry payloads', () => {
      const good = {
        platform_order_id: 'A-1',
        store_id: '35f12dff-1581-11e9-a054-00505684fd45',
        currency: 'TWD',
        total_price: 100,
        final_price: 100,
        unredeem: 0,
        valid_time: '2025-01-15 14:30:00',
        products: [{ name: 'Tea', unit_count: 1, unit_price: 100, unit_final_price: 100 }],
      };
      const entry = schemaOf('entry');
      assert.equal(validate(entry, good), '');
      const without = (key: string) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));
      assert.notEqual(validate(entry, without('unredeem')), '');
      assert.notEqual(validate(entry, { ...good, total_price: 0 }), '');
      assert.notEqual(validate(entry, { ...good, unredeem: -1 }), '');
      assert.notEqual(validate(entry, { ...good, currency: 'EUR' }), '');
      assert.notEqual(validate(entry, { ...good, valid_time: '2025-01-15T14:30:00' }), '');
      assert.notEqual(validate(entry, { ...good, platform_order_id: 'x'.repeat(61) }), '');
      assert.notEqual(validate(entry, { ...good, products: [{ name: 'Tea', unit_count: 0, unit_price: 1, unit_final_price: 1 }] }), '');
      assert.notEqual(validate(entry, { ...good, products: [{ name: 'Tea', unit_price: 1, unit_final_price: 1 }] }), '');
      assert.notEqual(validate(entry, { ...good, transaction_currency: 'TWD' }), '');
    });

    it('accepts refund and inquiry payloads of the official examples and rejects broken ones', () => {
      const refund = schemaOf('refund');
      assert.equal(validate(refund, { platform_order_id: 'Kt12345', refund_amount: 100 }), '');
      assert.notEqual(validate(refund, { platform_order_id: 87, refund_amount: 100 }), '');
      assert.notEqual(validate(refund, { platform_order_id: 'Kt12345' }), '');

      const inquiry = schemaOf('inquiry');
      assert.equal(validate(inquiry, { platform_order_ids: ['87', '88'] }), '');
      assert.equal(validate(inquiry, { platform_order_ids: '87,88' }), '');
      const ids = Array.from({ length: 21 }, (_, i) => `order-${i}`);
      assert.notEqual(validate(inquiry, { platform_order_ids: ids }), '');
      assert.notEqual(validate(inquiry, { platform_order_ids: [] }), '');
    });
  });
});
