/**
 * The error the library throws when it is called wrongly (a parsed object where the raw body
 * bytes belong, a missing secret): a TypeError, so a caller's `catch (e instanceof TypeError)`
 * still holds, whose message says what to pass instead. Node's own `ERR_INVALID_ARG_TYPE` names
 * only the type it wanted, and TypeScript cannot catch these calls where frameworks type
 * `req.body` as `any`. A message never holds the value it was given: it may be a key.
 */
export class JkoPayUsageError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'JkoPayUsageError';
  }
}

/** How a wrong argument is named in a message: its kind, never its value. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof ArrayBuffer) return 'an ArrayBuffer';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
