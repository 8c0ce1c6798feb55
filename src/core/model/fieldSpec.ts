/**
 * The request schemas turned into lookup tables: for each endpoint, a tree of field specs
 * keyed by name, built once, so that checking a property is a map lookup, not a schema walk.
 * Pure: reads the data provider only.
 */
import { type Endpoint, type JsonSchema, requestSchemas } from '../../data';

export interface FieldSpec {
  name: string;
  schema: JsonSchema;
  /** JSON Schema types allowed; undefined when any type is accepted. */
  types: readonly string[] | undefined;
  required: boolean;
  /** For objects (and arrays of objects, through `items`): the known child fields. */
  properties: Map<string, FieldSpec> | undefined;
  requiredKeys: readonly string[] | undefined;
  items: FieldSpec | undefined;
  // The schema's rules, read out once. Every spec has these same fields, so the validator's reads
  // of them meet one object shape, where the schemas' own objects have a shape per field: on a cold
  // `jkopay check` (what CI runs) that made checking the fields a tenth slower.
  /** `x-jkopay-amount`: a decimal amount, judged against the currency. */
  amount: boolean;
  /** `x-jkopay-https`: a URL JKOPay calls, which must be https. */
  https: boolean;
  /** `x-jkopay-comma-list`: an array that may also be one comma-joined string. */
  commaList: boolean;
  enum: readonly unknown[] | undefined;
  maxLength: number | undefined;
  minLength: number | undefined;
  format: string | undefined;
  minimum: number | undefined;
  exclusiveMinimum: number | undefined;
  maxItems: number | undefined;
  /**
   * Scratch mark of the validator: the stamp of the object in which this field was last met
   * (see checkObject). Checking is synchronous, so one run never sees another's marks.
   */
  seenIn: number;
}

function compile(name: string, schema: JsonSchema, required: boolean): FieldSpec {
  const requiredKeys = schema.properties ? (schema.required ?? []) : undefined;
  return {
    name,
    schema,
    types: schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type],
    required,
    properties: schema.properties
      ? new Map(Object.entries(schema.properties).map(([key, child]) => [key, compile(key, child, requiredKeys!.includes(key))]))
      : undefined,
    requiredKeys,
    items: schema.items ? compile(name, schema.items, false) : undefined,
    amount: schema['x-jkopay-amount'] === true,
    https: schema['x-jkopay-https'] === true,
    commaList: schema['x-jkopay-comma-list'] === true,
    enum: schema.enum,
    maxLength: schema.maxLength,
    minLength: schema.minLength,
    format: schema.format,
    minimum: schema.minimum,
    exclusiveMinimum: schema.exclusiveMinimum,
    maxItems: schema.maxItems,
    seenIn: 0,
  };
}

const specs = new Map<Endpoint, FieldSpec>();

/** The root spec of an endpoint's request body. */
export function requestSpec(endpoint: Endpoint): FieldSpec {
  let spec = specs.get(endpoint);
  if (!spec) {
    spec = compile(endpoint, requestSchemas[endpoint], true);
    specs.set(endpoint, spec);
  }
  return spec;
}

/** Key written in a payload that is for editors only and never sent. */
export const SCHEMA_KEY = '$schema';
