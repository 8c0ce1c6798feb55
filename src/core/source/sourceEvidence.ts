/**
 * When an object literal that merely uses JKOPay's field names is not a request. Markers and
 * type names are explicit; keys alone are not: an integrator's code is full of objects with the
 * same names (row mappers, ajv schemas, ledgers, callback fixtures, ORM calls, test
 * expectations). A literal found by its keys is taken as a request only when nothing about it
 * contradicts that:
 *
 * - every key is a field of the endpoint, save one near-miss of a real field (`finel_price`);
 * - every literal value has a type the field allows (no `{ type: 'string' }` where a string is
 *   due, no `'total_amount'` where an amount is, no `true` of a `select`);
 * - it is not inside an answer or callback shape (`transaction`, `transactions`,
 *   `result_object`, `result`/`message` envelopes, an object with `result` or `transaction`);
 * - it is not an argument of an assertion, storage or validation call (`expect`, `toEqual`,
 *   `deepStrictEqual`, `create`, `insert`, `where`, `update`, `validate`, `parse`…), whose
 *   objects describe data, not a request;
 * - an id list holds ids, not prose (`'Missing query parameter "platform_order_ids".'`).
 *
 * A literal passed to a function of the file's own (a bare call of a function declared or
 * imported there: `entryBody({ currency: 'JPY' })`) may be completed by it: its keys are open,
 * so no field is reported missing (`partialArgument`).
 *
 * The rule is documented in docs/editor.md. Pure: reads the syntax tree and the payload model.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../../data/types';
import { type FieldSpec, requestSpec, SCHEMA_KEY } from '../model/fieldSpec';
import type { ObjectNode, PropertyNode, ValueNode } from '../model/model';
import { closest } from '../model/textUtil';
import { staticName, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

/** Keys under which JKOPay's answers and callbacks nest order data. */
const ANSWER_KEYS = new Set(['transaction', 'transactions', 'result_object', 'result', 'message', 'response', 'callback']);

/** Keys of an object whose presence says it is an answer or a callback body, not a request. */
const ANSWER_MARKS = ['result', 'result_object', 'transaction', 'transactions'];

/**
 * Calls whose object arguments describe data rather than build a request: assertions of test
 * frameworks (node:assert, chai, jest/vitest, sinon) and the query/storage methods of ORMs and
 * query builders (Prisma, TypeORM, Sequelize, Knex, Mongoose, Drizzle).
 */
const DATA_CALLS = new Set([
  'expect',
  'assert',
  'equal',
  'deepEqual',
  'deepStrictEqual',
  'strictEqual',
  'notDeepEqual',
  'partialDeepStrictEqual',
  'eql',
  'include',
  'toEqual',
  'toStrictEqual',
  'toMatchObject',
  'toBe',
  'toContainEqual',
  'toHaveProperty',
  'toHaveBeenCalledWith',
  'toHaveBeenLastCalledWith',
  'toHaveBeenNthCalledWith',
  'toMatchInlineSnapshot',
  'objectContaining',
  'calledWith',
  'calledWithMatch',
  'match',
  'create',
  'createMany',
  'insert',
  'insertOne',
  'insertMany',
  'update',
  'updateOne',
  'updateMany',
  'upsert',
  'save',
  'where',
  'andWhere',
  'orWhere',
  'find',
  'findOne',
  'findFirst',
  'findMany',
  'findUnique',
  'findAll',
  'findOneAndUpdate',
  'findBy',
  'findOneBy',
  'count',
  'delete',
  'deleteOne',
  'deleteMany',
  'destroy',
  'set',
  'values',
  'merge',
  'select',
  'aggregate',
  'bulkCreate',
  'bulkWrite',
  // Validators (ajv, zod, joi, yup): their input is data under test, often wrong on purpose.
  'validate',
  'validateSync',
  'isValid',
  'parse',
  'safeParse',
  'parseAsync',
  'assertValid',
]);

/** The field names of each endpoint, for the near-miss test. */
const fieldNames = new Map<Endpoint, string[]>();

function namesOf(endpoint: Endpoint): string[] {
  let names = fieldNames.get(endpoint);
  if (!names) {
    names = [...(requestSpec(endpoint).properties?.keys() ?? [])];
    fieldNames.set(endpoint, names);
  }
  return names;
}

/** True when the keys and values of a literal found by its keys are consistent with a request of `endpoint`. */
export function keysAndValuesFit(node: ObjectNode, endpoint: Endpoint, assigned?: readonly PropertyNode[]): boolean {
  const known = requestSpec(endpoint).properties;
  if (!known) return false;
  const misses = { count: 0 };
  return propertiesFit(node.properties, known, endpoint, misses) && (!assigned || propertiesFit(assigned, known, endpoint, misses));
}

function propertiesFit(
  properties: readonly PropertyNode[],
  known: Map<string, FieldSpec>,
  endpoint: Endpoint,
  misses: { count: number },
): boolean {
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i];
    const spec = known.get(property.key);
    if (!spec) {
      if (property.key === SCHEMA_KEY) continue;
      if (++misses.count > 1 || closest(property.key, namesOf(endpoint)) === undefined) return false;
      continue;
    }
    if (property.value && !valueFits(property.value, spec)) return false;
  }
  return true;
}

/** A literal value of a type the field allows; values only known at run time always fit. */
function valueFits(value: ValueNode, spec: FieldSpec): boolean {
  const type = value.type;
  const types = spec.types;
  // A sentence where order ids are due is a message about them: ids hold no spaces but after a comma.
  if (type === 'string' && spec.commaList && /\S\s+\S/.test(value.value.replace(/,\s+/g, ','))) return false;
  if (!types || type === 'unknown' || types[0] === type) return true;
  if (type === 'number') return types.includes('number') || (types.includes('integer') && /^-?\d+$/.test(value.text));
  return types.includes(type);
}

/** True when the literal's place in the code says it is data, not a request (see the header). */
export function inDataContext(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile): boolean {
  const K = kinds();
  let node: TS.Node = literal;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    const kind = parent.kind;
    if (kind === K.Parenthesized || kind === K.As || kind === K.Satisfies || kind === K.ArrayLiteral) continue;
    if (kind === K.PropertyAssignment) {
      const assignment = parent as TS.PropertyAssignment;
      if (assignment.initializer !== node) return false;
      const key = staticName(assignment.name, sourceFile);
      if (key !== undefined && ANSWER_KEYS.has(key)) return true;
      continue;
    }
    if (kind === K.ObjectLiteral) {
      if (parent !== literal && hasAnswerMark(parent as TS.ObjectLiteralExpression, sourceFile)) return true;
      continue;
    }
    if (kind === K.Call || kind === K.New) {
      const callee = (parent as TS.CallExpression).expression;
      if (callee === node) return false;
      return DATA_CALLS.has(calleeName(callee) ?? '') || isAssertionChain(callee);
    }
    return false;
  }
  return false;
}

function makeKinds() {
  const k = typescript().SyntaxKind;
  return {
    Parenthesized: k.ParenthesizedExpression,
    As: k.AsExpression,
    Satisfies: k.SatisfiesExpression,
    ArrayLiteral: k.ArrayLiteralExpression,
    PropertyAssignment: k.PropertyAssignment,
    ObjectLiteral: k.ObjectLiteralExpression,
    Call: k.CallExpression,
    New: k.NewExpression,
    Identifier: k.Identifier,
  };
}
let kindsCache: ReturnType<typeof makeKinds> | undefined;
const kinds = () => (kindsCache ??= makeKinds());

function hasAnswerMark(object: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile): boolean {
  for (const element of object.properties) {
    const key = element.name ? staticName(element.name, sourceFile) : undefined;
    if (key !== undefined && ANSWER_MARKS.includes(key)) return true;
  }
  return false;
}

function calleeName(callee: TS.Expression): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** `expect(x).resolves.toEqual(…)`, `assert.deepEqual(…)`: any call chained off `expect(…)` or `assert`. */
function isAssertionChain(callee: TS.Expression): boolean {
  const ts = typescript();
  for (let e: TS.Expression = callee; ;) {
    if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e)) e = e.expression;
    else return ts.isIdentifier(e) && (e.text === 'expect' || e.text === 'assert' || e.text === 'should');
  }
}

/**
 * True when the literal is an argument of a bare call to a function the file declares or imports
 * (`entryBody({ currency: 'JPY' })`): such helpers commonly merge the object into defaults.
 * `functions` is computed once per file by `fileFunctions`.
 */
export function partialArgument(literal: TS.ObjectLiteralExpression, functions: () => ReadonlySet<string>): boolean {
  const K = kinds();
  let node: TS.Node = literal;
  let parent = node.parent;
  while (parent && (parent.kind === K.Parenthesized || parent.kind === K.As || parent.kind === K.Satisfies)) {
    node = parent;
    parent = parent.parent;
  }
  if (!parent || parent.kind !== K.Call) return false;
  const callee = (parent as TS.CallExpression).expression;
  return callee !== node && callee.kind === K.Identifier && functions().has((callee as TS.Identifier).text);
}

/** Names of the functions a file declares at its top level or imports. */
export function fileFunctions(sourceFile: TS.SourceFile): Set<string> {
  const ts = typescript();
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer && unwrap(declaration.initializer);
        if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          names.add(declaration.name.text);
      }
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
    }
  }
  return names;
}
