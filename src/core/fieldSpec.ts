/**
 * The request schemas turned into lookup tables: for each endpoint, a tree of field specs
 * keyed by name, built once, so that checking a property is a map lookup, not a schema walk.
 * Pure: reads the data provider only.
 */
import { type Endpoint, type JsonSchema, requestSchemas } from '../data';

export interface FieldSpec {
  name: string;
  schema: JsonSchema;
  /** JSON Schema types allowed; undefined when any type is accepted. */
  types: readonly string[] | undefined;
  required: boolean;
  /** For objects (and arrays of objects, through `items`): the known child fields. */
  properties?: Map<string, FieldSpec>;
  requiredKeys?: readonly string[];
  items?: FieldSpec;
  /**
   * Scratch mark of the validator: the stamp of the object in which this field was last met
   * (see checkObject). Checking is synchronous, so one run never sees another's marks.
   */
  seenIn?: number;
}

function compile(name: string, schema: JsonSchema, required: boolean): FieldSpec {
  const spec: FieldSpec = {
    name,
    schema,
    types: schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type],
    required,
  };
  if (schema.properties) {
    const requiredKeys = schema.required ?? [];
    spec.requiredKeys = requiredKeys;
    spec.properties = new Map(
      Object.entries(schema.properties).map(([key, child]) => [key, compile(key, child, requiredKeys.includes(key))]),
    );
  }
  if (schema.items) spec.items = compile(name, schema.items, false);
  return spec;
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
