/**
 * Hovers for payload documents: field documentation on keys and values, result-code and
 * message explanations in saved responses (a `result` key's `"000"`–`"999"` value, documented
 * `message` strings, transaction `status`), currency facts on `currency` values. Pure.
 */
import { allCurrencies, findCurrency } from '../../data';
import type { Endpoint, Lang } from '../../data/types';
import type { FieldSpec } from '../model/fieldSpec';
import { localize } from '../texts/localize';
import { findLocation } from '../model/location';
import { msg } from '../texts/messages';
import { getProperty, type PayloadDocument, type PayloadKind } from '../model/model';
import { kindFromFileName } from '../model/payloadKind';
import { explainCodeMarkdown, explainMessageMarkdown, explainStatusMarkdown, RESULT_CODE } from '../texts/resultCodeDocs';

export interface HoverResult {
  markdown: string;
  offset: number;
  length: number;
}

function endpointOf(kind: PayloadKind | undefined, uri: string): Endpoint | undefined {
  if (kind && kind !== 'response') return kind;
  const fromName = kindFromFileName(uri);
  return fromName && fromName !== 'response' ? fromName : undefined;
}

export function fieldMarkdown(spec: FieldSpec, lang: Lang, currencyCode?: string): string {
  const schema = spec.schema;
  const facts: string[] = [msg(lang, spec.required ? 'hover-required' : 'hover-optional')];
  if (spec.types) facts.push(spec.types.join(' | '));
  if (schema.maxLength !== undefined) facts.push(msg(lang, 'hover-max-length', { max: schema.maxLength }));
  if (schema.enum) facts.push(msg(lang, 'hover-allowed', { values: schema.enum.join(', ') }));
  const description = lang === 'zh-TW' ? (schema['x-description-zh-tw'] ?? schema.description) : schema.description;
  const lines = [`**${spec.name}** · ${facts.join(' · ')}`, '', description ?? ''];
  if (schema['x-jkopay-amount']) {
    const currency = currencyCode ? findCurrency(currencyCode) : undefined;
    lines.push(
      '',
      currency
        ? msg(lang, 'hover-amount', { currency: currency.code, decimals: currency.decimals, minimum: currency.minimum })
        : msg(lang, 'hover-amount-any', {
            table: allCurrencies()
              .map((c) => `${c.code} ${c.decimals} / ${c.minimum}`)
              .join(', '),
          }),
    );
  }
  return lines.join('\n');
}

export function doHover(doc: PayloadDocument, offset: number, lang: Lang, defaultCurrency: string): HoverResult | undefined {
  const loc = findLocation(doc, offset);
  const property = loc.property;
  if (!property) return undefined;
  const endpoint = endpointOf(loc.payload?.kind, doc.uri);
  const value = property.value;

  if (!loc.onKey && value) {
    const at = { offset: value.offset, length: value.length };
    if (value.type === 'string' && property.key === 'result' && RESULT_CODE.test(value.value)) {
      const sibling = loc.container?.type === 'object' ? getProperty(loc.container, 'message')?.value : undefined;
      const message = sibling?.type === 'string' ? sibling.value : undefined;
      return { markdown: explainCodeMarkdown(value.value, lang, endpoint, message), ...at };
    }
    if (value.type === 'string' && property.key === 'message') {
      const markdown = explainMessageMarkdown(value.value, lang, endpoint);
      if (markdown) return { markdown, ...at };
    }
    if (value.type === 'number' && property.key === 'status' && loc.payload?.kind === 'response') {
      const markdown = explainStatusMarkdown(Number(value.text), lang);
      if (markdown) return { markdown, ...at };
    }
    if (value.type === 'string' && property.key === 'currency') {
      const currency = findCurrency(value.value.toUpperCase());
      if (currency) {
        const markdown = msg(lang, 'hover-currency', {
          name: `${currency.code} ${localize(currency.name, lang)}`,
          decimals: currency.decimals,
          minimum: currency.minimum,
        });
        return { markdown: `${markdown}\n\n${localize(currency.note, lang)}`, ...at };
      }
    }
  }
  if (!loc.propertySpec) return undefined;
  const payloadNode = loc.payload?.node;
  const currencyValue = payloadNode ? getProperty(payloadNode, 'currency')?.value : undefined;
  const currencyCode =
    endpoint === 'refund' ? defaultCurrency : currencyValue?.type === 'string' ? currencyValue.value.toUpperCase() : undefined;
  const at =
    loc.onKey || !value ? { offset: property.keyOffset, length: property.keyLength } : { offset: value.offset, length: value.length };
  let markdown = fieldMarkdown(loc.propertySpec, lang, currencyCode);
  // In code, the bytes sent come from the number's value: say so where the spelling differs.
  if (value?.type === 'number' && value.written !== undefined)
    markdown += `\n\n${msg(lang, 'hover-sent-as', { written: value.written, sent: value.text })}`;
  return { markdown, ...at };
}
