// Generates the library's TypeScript types (src/lib/generatedTypes.ts) from the data: the request
// schemas, the response shapes (responses.json), the result-code table and the currency table in
// src/data. Nothing in that file is written by hand, so a field, code or message changed in the
// data changes the types on the next build. The file is committed (the compiler and the editor
// need it before any build); `npm run build` rewrites it and test/unit/generatedTypes.test.ts
// fails when the committed file is stale.
// Usage: node scripts/generateTypes.mjs [--check] [--data DIR] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENDPOINTS = ['entry', 'refund', 'inquiry'];
/** The exported names the issue fixes; every other declaration stays module-private. */
const PRIVATE = (name) =>
  !/^(EntryRequest|RefundRequest|InquiryRequest|Product|Currency|Amount|EntryResponse|RefundResponse|InquiryResponse|EntryResultCode|RefundResultCode|Transaction|PaidTransaction|UnpaidTransaction|InquiryStatus|ResultCallback|ConfirmCallback|ConfirmReply)$/.test(
    name,
  );
/** Schema positions that get a name of their own instead of an inline type. */
const NAMED = { 'entry.products.items': 'Product' };

function readJson(dir, relative) {
  return JSON.parse(readFileSync(path.join(dir, relative), 'utf8'));
}

/** The text of a JSDoc comment at `indent`, or '' when there is nothing to say. */
function jsdoc(lines, indent) {
  const body = lines
    .filter((l) => l !== undefined)
    .flatMap((l) => String(l).split('\n'))
    .map((l) => l.replace(/\*\//g, '*\\/'));
  while (body.length && body[body.length - 1] === '') body.pop();
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}

function described(schema) {
  return [schema.description, schema['x-description-zh-tw'] ? '' : undefined, schema['x-description-zh-tw']];
}

const quote = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function generateTypes(dataDir = path.join(root, 'src/data')) {
  const schemas = Object.fromEntries(ENDPOINTS.map((e) => [e, readJson(dataDir, `schemas/${e}.schema.json`)]));
  const responses = readJson(dataDir, 'responses.json');
  const table = readJson(dataDir, 'resultCodes.json');
  const currencies = readJson(dataDir, 'currencies.json').currencies;
  const currencyCodes = currencies.map((c) => c.code);
  const enumCurrency = schemas.entry.properties.currency.enum;
  if (JSON.stringify(enumCurrency) !== JSON.stringify(currencyCodes)) {
    throw new Error(`the entry schema's currency enum ${enumCurrency} differs from currencies.json ${currencyCodes}`);
  }
  const declarations = [];
  const declare = (name, doc, text) => declarations.push(`${doc}${PRIVATE(name) ? '' : 'export '}${text}\n`);

  /** The TypeScript type of a schema, at `where` (for NAMED), objects written at `indent`. */
  const typeOf = (schema, where, indent) => {
    if (NAMED[where]) return NAMED[where];
    if (schema.$ref) return schema.$ref.replace('#/definitions/', '');
    // Answers write amounts as strings padded to the currency's decimals: a type of their own says so
    // (requests send them as numbers, which stay `number`).
    if (schema['x-jkopay-amount'] && schema.type === 'string') return 'Amount';
    if (schema['x-jkopay-currency']) return 'Currency';
    if (schema['x-jkopay-transaction-status']) {
      return table.transactionStatuses
        .filter((s) => s.current)
        .map((s) => String(s.status))
        .join(' | ');
    }
    if (schema.enum) {
      if (JSON.stringify(schema.enum) === JSON.stringify(currencyCodes)) return 'Currency';
      return schema.enum.map((v) => (typeof v === 'string' ? quote(v) : JSON.stringify(v))).join(' | ');
    }
    const types = schema.type === undefined ? [] : [].concat(schema.type);
    if (types.length === 0) return 'unknown';
    return types
      .map((t) => {
        switch (t) {
          case 'string':
            return 'string';
          case 'number':
          case 'integer':
            return 'number';
          case 'boolean':
            return 'boolean';
          case 'null':
            return 'null';
          case 'array': {
            const item = schema.items ? typeOf(schema.items, `${where}.items`, indent) : 'unknown';
            return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
          }
          case 'object':
            return schema.properties ? objectType(schema, where, indent) : 'Record<string, unknown>';
          default:
            throw new Error(`${where}: type ${t} has no TypeScript mapping`);
        }
      })
      .join(' | ');
  };

  /**
   * An object type's members, each with its en + zh-TW description, required ones required.
   * `variant` (a case of `x-jkopay-by-status`) adds required members and fixes some members' types.
   */
  const objectType = (schema, where, indent, variant = { required: [], types: {} }) => {
    const required = new Set([...(schema.required ?? []), ...variant.required]);
    const inner = `${indent}  `;
    const members = Object.entries(schema.properties)
      .filter(([key]) => key !== '$schema')
      .map(([key, property]) => {
        const doc =
          property.$ref && !property.description ? (responses.definitions[property.$ref.replace('#/definitions/', '')] ?? {}) : property;
        const name = KEY.test(key) ? key : quote(key);
        const type = variant.types[key] ?? typeOf(property, `${where}.${key}`, inner);
        return `${jsdoc(described(doc), inner)}${inner}${name}${required.has(key) ? '' : '?'}: ${type};`;
      });
    return `{\n${members.join('\n')}\n${indent}}`;
  };

  declare(
    'Currency',
    jsdoc(
      [
        'An order currency JKOPay accepts (ISO 4217).',
        '',
        '街口接受的訂單幣別（ISO 4217）。',
        '',
        ...currencies.map(
          (c) => `- \`${c.code}\`: ${c.name.en} (${c.name['zh-TW']}), ${c.decimals} decimal place(s), minimum ${c.minimum}`,
        ),
      ],
      '',
    ),
    `type Currency = ${currencyCodes.map(quote).join(' | ')};`,
  );
  declare(
    'Amount',
    jsdoc(
      [
        "An amount in an answer or a callback: a decimal string with exactly the currency's decimal places,",
        '"100" for TWD 100 and "12.50" for USD 12.5 (the mock writes them so; JKOPay\'s samples agree: "50", "1230").',
        "A foreign-currency order's debit_amount is whole TWD. Never compare it with the amount you sent as text",
        '("12.50" !== "12.5") or through Number() (floats): `sameAmount(answer, sent)` of this library compares exactly.',
        '',
        '回應或通知中的金額：小數位數與幣別相同的十進位字串，例如新臺幣 100 為「100」、美元 12.5 為「12.50」',
        '（模擬伺服器如此輸出；街口的範例亦同：「50」、「1230」）。外幣訂單的 debit_amount 為整數新臺幣。',
        '請勿以字串（「12.50」不等於「12.5」）或 Number()（浮點數）與送出的金額比較：',
        '請使用本函式庫的 `sameAmount(answer, sent)` 精確比較。',
      ],
      '',
    ),
    'type Amount = string;',
  );
  declare(
    'Product',
    jsdoc(described(schemas.entry.properties.products.items), ''),
    `interface Product ${objectType(schemas.entry.properties.products.items, 'entry.products.items', '')}`,
  );
  for (const endpoint of ENDPOINTS) {
    const name = `${endpoint[0].toUpperCase()}${endpoint.slice(1)}Request`;
    const schema = schemas[endpoint];
    declare(name, jsdoc([schema.title, '', ...described(schema)], ''), `interface ${name} ${objectType(schema, endpoint, '')}`);
  }
  for (const [name, schema] of Object.entries(responses.definitions)) {
    const doc = jsdoc(described(schema), '');
    if (schema['x-jkopay-by-status']) declareByStatus(name, schema, doc);
    else if (schema.type === 'object') declare(name, doc, `interface ${name} ${objectType(schema, name, '')}`);
    else declare(name, doc, `type ${name} = ${typeOf(schema, name, '')};`);
  }

  /**
   * A union discriminated on `status` (`x-jkopay-by-status`): one interface per case, with the
   * members its statuses guarantee required, so that `if (t.status === 0)` narrows to the case
   * whose `tradeNo` is a string. Every current status is in exactly one case.
   */
  function declareByStatus(name, schema, doc) {
    const cases = schema['x-jkopay-by-status'];
    const current = table.transactionStatuses.filter((s) => s.current).map((s) => s.status);
    const covered = cases.flatMap((c) => c.statuses);
    if (new Set(covered).size !== covered.length || [...current].sort().join() !== [...covered].sort().join())
      throw new Error(`${name}: x-jkopay-by-status covers ${covered}, the current statuses are ${current}`);
    for (const c of cases) {
      const unknown = c.required.filter((key) => !schema.properties[key]);
      if (unknown.length) throw new Error(`${name}: ${c.name} requires ${unknown}, which ${name} does not have`);
      const types = { status: c.statuses.map(String).join(' | ') };
      declare(c.name, jsdoc(described(c), ''), `interface ${c.name} ${objectType(schema, name, '', { required: c.required, types })}`);
    }
    declare(name, doc, `type ${name} = ${cases.map((c) => c.name).join(' | ')};`);
  }

  for (const endpoint of ENDPOINTS) {
    const Name = `${endpoint[0].toUpperCase()}${endpoint.slice(1)}`;
    const spec = responses.endpoints[endpoint];
    const rows = table.codes.filter((r) => r.endpoint === endpoint && r.status === 'current');
    for (const code of spec.alsoAnswers?.codes ?? []) {
      const borrowed = table.codes.filter(
        (r) => r.code === code && r.status === 'current' && r.endpoint !== 'any' && r.endpoint !== endpoint,
      );
      if (borrowed.length === 0) throw new Error(`${endpoint}: alsoAnswers ${code} has no current row on another endpoint`);
      rows.push(borrowed[0]);
    }
    const codes = [...new Set(rows.map((r) => r.code))];
    const lineOf = (r) =>
      `${r.message === null ? (r.messageIsDynamic ? '(a message of the situation)' : '(no message)') : `"${r.message}"`}: ${r.title.en} (${r.title['zh-TW']})`;
    const codeDoc = (code) => rows.filter((r) => r.code === code).map(lineOf);
    const codeType = `${Name}ResultCode`;
    // The issue names no inquiry code type; an unexported one would be an unused local.
    if (!PRIVATE(codeType))
      declare(
        codeType,
        jsdoc(
          [
            `A \`result\` code JKOPay answers on ${schemas[endpoint].title.replace(/^.*\((\w+ [^)]+)\).*$/, '$1')}, with its official messages.`,
            '',
            `街口在此 API 回應的 \`result\` 代碼與官方訊息。`,
            '',
            ...codes.flatMap((code) => codeDoc(code).map((line) => `- \`${code}\` ${line}`)),
          ],
          '',
        ),
        `type ${codeType} =\n${codes.map((code) => `${jsdoc(codeDoc(code), '  ')}  | ${quote(code)}`).join('\n')};`,
      );
    const objectName = `${Name}ResultObject`;
    declare(
      objectName,
      jsdoc(described(spec.success), ''),
      `interface ${objectName} ${objectType(spec.success, `${endpoint}.success`, '')}`,
    );
    const variants = codes.map((code) => {
      const codeRows = rows.filter((r) => r.code === code);
      const failure = spec.failureResultObject?.[code];
      const resultObject = code === '000' ? objectName : failure ? typeOf(failure, `${endpoint}.${code}`, '    ') : 'null';
      const messages = codeRows.map((r) =>
        r.message === null ? (r.messageIsDynamic ? 'a message of the situation' : 'null') : `"${r.message}"`,
      );
      const meaning = codeRows.map((r) => `${r.title.en}: ${r.meaning.en}`);
      const meaningZh = codeRows.map((r) => `${r.title['zh-TW']}：${r.meaning['zh-TW']}`);
      return (
        `  | {\n` +
        `${jsdoc([...meaning, '', ...meaningZh], '      ')}      result: ${quote(code)};\n` +
        `${jsdoc([`The official message${messages.length > 1 ? 's' : ''}: ${messages.join(', ')}.`], '      ')}      message: string | null;\n` +
        `${failure ? jsdoc(described(failure), '      ') : ''}      result_object: ${resultObject};\n` +
        `    }`
      );
    });
    declare(
      `${Name}Response`,
      jsdoc(
        [
          `The answer of ${schemas[endpoint].title.replace(/^JKOPay OnlinePay /, '')}: check \`result\` to narrow it.`,
          '',
          `此 API 的回應：以 \`result\` 判斷後即可取得對應的型別。`,
        ],
        '',
      ),
      `type ${Name}Response =\n${variants.join('\n')};`,
    );
  }

  return (
    '// Generated by scripts/generateTypes.mjs from src/data (request schemas, responses.json, resultCodes.json,\n' +
    '// currencies.json): do not edit. `npm run build` rewrites it; test/unit/generatedTypes.test.ts fails when it is stale.\n' +
    '\n' +
    declarations.join('\n')
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const out = option('--out', path.join(root, 'src/lib/generatedTypes.ts'));
  const text = generateTypes(option('--data', path.join(root, 'src/data')));
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // Absent: written below, or stale under --check.
  }
  if (args.includes('--check')) {
    if (current !== text) {
      console.error(
        `${path.relative(process.cwd(), out)} is stale: run \`node scripts/generateTypes.mjs\` (or npm run build) and commit it.`,
      );
      process.exit(1);
    }
  } else if (current !== text) {
    writeFileSync(out, text);
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
}
