/**
 * A copy of a payload model node with every offset moved by the same amount: how a payload read
 * before an edit is re-used after it, when only its position in the file changed. Pure.
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
