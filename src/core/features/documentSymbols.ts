/**
 * The outline of a payload document: one symbol per payload (named by its kind and order id),
 * with its fields nested below. Pure: no LSP connection, no file system.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { getProperty, type PayloadDocument, type PropertyNode, propertyEnd, type ValueNode } from '../model/model';

const VALUE_KINDS: Record<ValueNode['type'], SymbolKind> = {
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
  unknown: SymbolKind.Variable,
};

/** Outline entries are for finding one's way, not for dumping data: long values are cut. */
const MAX_DETAIL = 40;

export function getDocumentSymbols(document: TextDocument, doc: PayloadDocument): DocumentSymbol[] {
  const range = (offset: number, end: number) => ({ start: document.positionAt(offset), end: document.positionAt(end) });

  function detailOf(value: ValueNode | undefined): string {
    if (!value || value.type === 'object' || value.type === 'array') return '';
    const text = value.type === 'string' ? value.value : doc.text.slice(value.offset, value.offset + value.length);
    return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
  }

  function childrenOf(value: ValueNode | undefined): DocumentSymbol[] | undefined {
    if (value?.type === 'object') return value.properties.map(propertySymbol);
    if (value?.type === 'array') {
      return value.items.map((item, i) => ({
        name: `[${i}]`,
        kind: VALUE_KINDS[item.type],
        detail: detailOf(item),
        range: range(item.offset, item.offset + item.length),
        selectionRange: range(item.offset, item.offset + item.length),
        children: childrenOf(item),
      }));
    }
    return undefined;
  }

  function propertySymbol(property: PropertyNode): DocumentSymbol {
    return {
      name: property.key || '""',
      kind: property.value ? VALUE_KINDS[property.value.type] : SymbolKind.Property,
      detail: detailOf(property.value),
      range: range(property.keyOffset, propertyEnd(property)),
      selectionRange: range(property.keyOffset, property.keyOffset + property.keyLength),
      children: childrenOf(property.value),
    };
  }

  return doc.payloads.map(({ kind, node }) => {
    const orderId = getProperty(node, 'platform_order_id')?.value;
    const start = { offset: node.offset, end: Math.min(node.offset + 1, node.offset + node.length) };
    return {
      name: kind,
      kind: SymbolKind.Object,
      detail: orderId?.type === 'string' ? orderId.value : '',
      range: range(node.offset, node.offset + node.length),
      selectionRange: range(start.offset, start.end),
      children: node.properties.map(propertySymbol),
    };
  });
}
