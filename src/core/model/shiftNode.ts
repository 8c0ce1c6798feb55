/**
 * A copy of a payload model node with every offset moved by the same amount: how a payload read
 * before an edit is re-used after it, when only its position in the file changed. Each copy remembers
 * the node it was made from (`originOf`), so that what was computed for the original (its findings)
 * can be re-used for the copy. Pure: a WeakMap, nothing else is kept.
 */
import type { ObjectNode, ValueNode } from './model';

export function shifted<T extends ValueNode>(node: T, delta: number): T;
export function shifted(node: ValueNode, delta: number): ValueNode {
  const offset = node.offset + delta;
  switch (node.type) {
    case 'object':
      return {
        ...node,
        offset,
        properties: node.properties.map((p) => ({
          key: p.key,
          keyOffset: p.keyOffset + delta,
          keyLength: p.keyLength,
          value: p.value && shifted(p.value, delta),
        })),
      } satisfies ObjectNode;
    case 'array':
      return { ...node, offset, items: node.items.map((item) => shifted(item, delta)) };
    default:
      return { ...node, offset };
  }
}

/** A node that replaced another with the same content at another place, and the node it came from. */
const origins = new WeakMap<ObjectNode, ObjectNode>();

/** `node` moved by `delta`, remembered as a move of `node` (see `originOf`). */
export function movedCopy(node: ObjectNode, delta: number): ObjectNode {
  const copy = shifted(node, delta);
  origins.set(copy, origins.get(node) ?? node);
  return copy;
}

/** The node a moved copy was first made from; undefined for a node that is no copy. */
export function originOf(node: ObjectNode): ObjectNode | undefined {
  return origins.get(node);
}
