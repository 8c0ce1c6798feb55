/**
 * What of a TS/JS payload is known only when the program runs: a value that is no literal (a
 * variable, a call, a template with substitutions), fields the literal takes from a spread, or a
 * property the code assigns after it. The request runner sends what the literal itself holds, so
 * such a payload cannot be sent from the editor: the api refuses to build its request, the server
 * offers no Send lens above it, and the hover on its braces says what the runner needs. One
 * answer for all three, so that they cannot disagree. Pure: no imports beyond the model.
 */
import type { ObjectNode, ValueNode } from './model';

export type RuntimePart =
  /** `field` (a path: `products[0].unit_price`) has a value that is no literal. */
  | { kind: 'value'; field: string }
  /** Some fields come from a spread (`{ ...base, … }`). */
  | { kind: 'spread' }
  /** `field` is assigned after the literal (`body.field = …`, `Object.assign(body, …)`). */
  | { kind: 'assigned'; field: string };

/** The first part of the payload's object that only the running program knows, or undefined when every value is written. */
export function runtimePart(node: ObjectNode): RuntimePart | undefined {
  if (node.assigned?.length) return { kind: 'assigned', field: node.assigned[0].key };
  return objectPart(node, '');
}

function objectPart(node: ObjectNode, path: string): RuntimePart | undefined {
  if (node.openKeys || node.inherited?.length) return { kind: 'spread' };
  for (const property of node.properties) {
    const found = property.value && valuePart(property.value, path ? `${path}.${property.key}` : property.key);
    if (found) return found;
  }
  return undefined;
}

function valuePart(node: ValueNode, path: string): RuntimePart | undefined {
  switch (node.type) {
    case 'unknown':
      return { kind: 'value', field: path };
    case 'object':
      return objectPart(node, path);
    case 'array':
      for (let i = 0; i < node.items.length; i++) {
        const found = valuePart(node.items[i], `${path}[${i}]`);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}
