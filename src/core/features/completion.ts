/**
 * Completion in payload documents: the endpoint's field names (with their docs) at key
 * positions, allowed values (currencies, payment types, booleans) at value positions, and
 * whole-payload snippets where a payload may start. Pure.
 */
import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import { allCurrencies } from '../../data';
import type { Endpoint, Lang } from '../../data/types';
import type { FieldSpec } from '../model/fieldSpec';
import { fieldMarkdown } from './hover';
import { localize } from '../texts/localize';
import { findLocation, previousSignificantChar } from '../model/location';
import { msg } from '../texts/messages';
import type { ObjectNode, PayloadDocument } from '../model/model';
import { PAYLOAD_SNIPPETS } from '../../data/payloadSnippets';

/** A completion proposal with its replace range in offsets (converted to positions by the caller). */
export interface Completion {
  item: CompletionItem;
  offset: number;
  length: number;
}

export function doComplete(doc: PayloadDocument, offset: number, lang: Lang): Completion[] {
  const loc = findLocation(doc, offset);
  const container = loc.container;
  const prev = previousSignificantChar(doc.text, loc.literal ? loc.literal.offset : offset);

  if (!container || (container === doc.root && container.type === 'array' && !loc.literal)) {
    // Whole payloads start an empty payload file or an element of its top-level array (never in source code).
    const isSource = 'sourceFile' in doc;
    if (!isSource && (!doc.root || (container?.type === 'array' && (prev === '[' || prev === ',')))) return payloadSnippets(lang, offset);
    return [];
  }
  if (container.type !== 'object') return [];

  // On a key being typed, or where a key may start.
  if (loc.onKey || (!loc.property && (prev === '{' || prev === ','))) {
    if (!loc.containerSpec?.properties) return [];
    const property = loc.onKey ? loc.property : undefined;
    const range = property ? { offset: property.keyOffset, length: property.keyLength } : { offset, length: 0 };
    const hasValue = property !== undefined && (property.value !== undefined || /^\s*:/.test(doc.text.slice(range.offset + range.length)));
    return keyCompletions(container, loc.containerSpec.properties, lang, range, hasValue, property?.key);
  }

  // At a value: the property whose value holds the offset, or the one just before a colon.
  const property = loc.property ?? (prev === ':' ? lastPropertyBefore(container, offset) : undefined);
  if (!property) return [];
  const spec = loc.property ? loc.propertySpec : loc.containerSpec?.properties?.get(property.key);
  if (!spec) return [];
  const range = loc.literal ? { offset: loc.literal.offset, length: loc.literal.length } : { offset, length: 0 };
  return valueCompletions(spec, lang, range);
}

function lastPropertyBefore(node: ObjectNode, offset: number) {
  let found;
  for (const p of node.properties) if (p.keyOffset < offset) found = p;
  return found;
}

function keyCompletions(
  node: ObjectNode,
  fields: Map<string, FieldSpec>,
  lang: Lang,
  range: { offset: number; length: number },
  hasValue: boolean,
  typing: string | undefined,
): Completion[] {
  const present = new Set(node.properties.map((p) => p.key));
  const result: Completion[] = [];
  for (const [name, spec] of fields) {
    if (present.has(name) && name !== typing) continue;
    const key = JSON.stringify(name);
    result.push({
      item: {
        label: name,
        kind: CompletionItemKind.Property,
        documentation: { kind: MarkupKind.Markdown, value: fieldMarkdown(spec, lang) },
        insertTextFormat: InsertTextFormat.Snippet,
        insertText: hasValue ? key : `${key}: ${valueSnippet(spec)}`,
        filterText: key,
        // Required fields first, then the schema's order.
        sortText: `${spec.required ? 0 : 1}${String(result.length).padStart(3, '0')}`,
      },
      ...range,
    });
  }
  return result;
}

function valueSnippet(spec: FieldSpec): string {
  const schema = spec.schema;
  if (schema.enum) return `"\${1|${schema.enum.join(',')}|}"`;
  switch (spec.types?.[0]) {
    case 'string':
      return '"$1"';
    case 'boolean':
      return '${1|false,true|}';
    case 'array':
      return spec.items?.types?.[0] === 'object' ? '[\n\t{\n\t\t$1\n\t}\n]' : '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '$1';
  }
}

function valueCompletions(spec: FieldSpec, lang: Lang, range: { offset: number; length: number }): Completion[] {
  const values: { label: string; detail?: string }[] = [];
  if (spec.name === 'currency') {
    for (const c of allCurrencies()) {
      values.push({ label: c.code, detail: `${localize(c.name, lang)} · ${c.decimals} / ${c.minimum}` });
    }
  } else if (spec.schema.enum) {
    for (const v of spec.schema.enum) values.push({ label: String(v) });
  } else if (spec.types?.includes('boolean')) {
    values.push({ label: 'false' }, { label: 'true' });
  }
  return values.map(({ label, detail }, i) => {
    const text = spec.types?.includes('string') ? JSON.stringify(label) : label;
    return {
      item: {
        label: text,
        kind: CompletionItemKind.Value,
        detail,
        insertText: text,
        filterText: text,
        sortText: String(i).padStart(3, '0'),
      },
      ...range,
    };
  });
}

function payloadSnippets(lang: Lang, offset: number): Completion[] {
  return (Object.keys(PAYLOAD_SNIPPETS) as Endpoint[]).map((endpoint) => ({
    item: {
      label: `jkopay-${endpoint}`,
      kind: CompletionItemKind.Snippet,
      detail: msg(lang, `snippet-${endpoint}`),
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: PAYLOAD_SNIPPETS[endpoint],
    },
    offset,
    length: 0,
  }));
}
