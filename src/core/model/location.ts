/**
 * Where an offset falls in a payload document: which payload, which object and property,
 * whether on a key or a value, and the field spec that governs it. Hover and completion start
 * here. Pure.
 */
import { type FieldSpec, requestSpec } from './fieldSpec';
import type { ArrayNode, ObjectNode, Payload, PayloadDocument, PropertyNode, ValueNode } from './model';

export interface Location {
  payload: Payload | undefined;
  /** The innermost object or array that holds the offset (between its brackets). */
  container: ObjectNode | ArrayNode | undefined;
  /** The spec of `container` (an object's fields, or an array's items). */
  containerSpec: FieldSpec | undefined;
  /** The property of `container` whose key or value holds the offset. */
  property: PropertyNode | undefined;
  propertySpec: FieldSpec | undefined;
  onKey: boolean;
  /** The innermost literal (string, number, …) holding the offset. */
  literal: ValueNode | undefined;
}

function within(node: { offset: number; length: number }, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

/** Strictly between an object's or array's brackets (or anywhere after the opener if it never closes). */
function inside(text: string, node: ObjectNode | ArrayNode, offset: number): boolean {
  const end = node.offset + node.length;
  const closed = text[end - 1] === (node.type === 'object' ? '}' : ']') && node.length > 1;
  return offset > node.offset && (closed ? offset < end : offset <= end);
}

export function findLocation(doc: PayloadDocument, offset: number): Location {
  const location: Location = {
    payload: undefined,
    container: undefined,
    containerSpec: undefined,
    property: undefined,
    propertySpec: undefined,
    onKey: false,
    literal: undefined,
  };
  // A JSON file starts from its root; a source file from the payload literal around the offset.
  let node: ValueNode | undefined = doc.root ?? doc.payloads.find((p) => inside(doc.text, p.node, offset))?.node;
  let spec: FieldSpec | undefined;
  while (node) {
    if (node.type !== 'object' && node.type !== 'array') {
      if (within(node, offset)) location.literal = node;
      break;
    }
    if (!inside(doc.text, node, offset)) break;
    if (node.type === 'object' && !location.payload) {
      const payload = doc.payloads.find((p) => p.node === node);
      if (payload) {
        location.payload = payload;
        spec = payload.kind === 'response' ? undefined : requestSpec(payload.kind);
      }
    }
    location.container = node;
    location.containerSpec = spec;
    location.property = undefined;
    location.propertySpec = undefined;
    location.onKey = false;
    let next: ValueNode | undefined;
    if (node.type === 'object') {
      for (const property of node.properties) {
        if (offset >= property.keyOffset && offset <= property.keyOffset + property.keyLength) {
          location.property = property;
          location.onKey = true;
          break;
        }
        if (property.value && within(property.value, offset)) {
          location.property = property;
          next = property.value;
          break;
        }
      }
      location.propertySpec = location.property ? spec?.properties?.get(location.property.key) : undefined;
      spec = location.propertySpec;
    } else {
      next = node.items.find((item) => within(item, offset));
      spec = spec?.items;
    }
    node = next;
  }
  return location;
}

/** The nearest non-blank character before `offset` (to tell a key position from a value position). */
export function previousSignificantChar(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return c;
  }
  return undefined;
}
