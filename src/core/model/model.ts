/**
 * The payload model: one node shape for every front-end (JSON files now, TypeScript object
 * literals later), so that every rule, hover, completion and quick fix is written once.
 * Offsets are UTF-16 offsets into the document text, as in LSP.
 * Pure data: no imports beyond this folder.
 */

export type PayloadKind = 'entry' | 'refund' | 'inquiry' | 'response';

interface NodeBase {
  /** Offset of the node's first character in the document. */
  offset: number;
  /** Length of the node's source text. */
  length: number;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
  /**
   * True when the object's key set is not fully known (a TS spread or computed key):
   * no missing-field report is made for it.
   */
  openKeys?: boolean;
  /**
   * TS/JS: properties the code assigns after the literal (`body.x = …`, `Object.assign`), in the
   * same function. They count as present and are checked like the literal's own; their offsets
   * lie outside the literal.
   */
  assigned?: PropertyNode[];
  /**
   * TS/JS: the properties of const literals spread into this one (`{ ...JKO_BASE, … }`): present, and
   * read for the currency; their values are checked where they are written, not here.
   */
  inherited?: PropertyNode[];
}

export interface PropertyNode {
  key: string;
  keyOffset: number;
  /** Length of the key's source text, quotes included. */
  keyLength: number;
  /** Undefined while the user is still typing (`"currency":` with no value yet). */
  value: ValueNode | undefined;
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: ValueNode[];
}

export interface StringNode extends NodeBase {
  type: 'string';
  value: string;
}

export interface NumberNode extends NodeBase {
  type: 'number';
  /**
   * The number amounts are judged on, as exact decimal text, never a float: in a payload file as
   * written (`100.50`, `1e2`: the file's bytes are sent); in TS/JS source what JSON.stringify sends.
   */
  text: string;
  /** In TS/JS source, the literal as written when that differs from `text` (`100.0` sends `100`). */
  written?: string;
}

export interface BooleanNode extends NodeBase {
  type: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  type: 'null';
}

/** A value whose content is not known statically (a TS identifier, call, template with substitutions). */
export interface UnknownNode extends NodeBase {
  type: 'unknown';
}

export type ValueNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode | UnknownNode;

/** A problem found while reading the source (syntax), before any payload rule runs. */
export interface ParseProblem {
  offset: number;
  length: number;
  /** A message id of `syntaxMessages.ts`, localized when reported. */
  id: SyntaxProblemId;
}

export type SyntaxProblemId =
  | 'empty-document'
  | 'value-expected'
  | 'property-expected'
  | 'colon-expected'
  | 'comma-expected'
  | 'close-brace-expected'
  | 'close-bracket-expected'
  | 'end-expected'
  | 'unexpected-token'
  | 'unterminated-string'
  | 'unterminated-comment'
  | 'invalid-number'
  | 'invalid-escape'
  | 'invalid-character'
  | 'too-deep'
  /** The whole document could not be parsed (the TypeScript parser ran out of stack): reported as `too-complex`. */
  | 'too-complex'
  | 'too-many-errors';

/** One payload object found in a document, with the kind it was resolved to. */
export interface Payload {
  kind: PayloadKind;
  /** Why the kind was chosen (`$schema`, file name, fields, a TS marker or type, the evidence of where a TS literal goes). */
  kindReason: 'schema' | 'fileName' | 'fields' | 'marker' | 'type' | 'evidence';
  node: ObjectNode;
  /** TS/JS: why the literal is checked, and where that is written. */
  evidence?: PayloadEvidence;
}

/** Why a TS/JS literal is checked as a request: a sign on it, or where its value goes. */
export interface PayloadEvidence {
  /**
   * `marker` (a `// @jkopay kind` comment), `type` (a type that says JKOPay), `sent` (to a JKOPay
   * URL), `signed` (the DIGEST's message), `client` (handed to a JKOPay client), `complete` (holds
   * every field of an entry, by itself).
   */
  kind: 'marker' | 'type' | 'sent' | 'signed' | 'client' | 'complete';
  /** Where the evidence is written: the marker, the type, the URL, the call. */
  offset: number;
  length: number;
  /** What it says: the path or URL, the type's name, the client call. */
  detail: string;
  /** The file's own function the value went through on its way (`sendRefund`). */
  via?: string;
}

/** A parsed document: what every core feature takes. */
export interface PayloadDocument {
  uri: string;
  text: string;
  /** The top-level value (JSON files); undefined for an empty file or a TS source. */
  root: ValueNode | undefined;
  payloads: Payload[];
  problems: ParseProblem[];
}

export function nodeEnd(node: { offset: number; length: number }): number {
  return node.offset + node.length;
}

/** Offset just past a property: its value's end, or its key's end while it has no value. */
export function propertyEnd(property: PropertyNode): number {
  return property.value ? nodeEnd(property.value) : property.keyOffset + property.keyLength;
}

export function getProperty(node: ObjectNode, key: string): PropertyNode | undefined {
  // Last one wins, as in JSON.parse (duplicates are reported separately).
  for (let i = node.properties.length - 1; i >= 0; i--) {
    if (node.properties[i].key === key) return node.properties[i];
  }
  return undefined;
}
