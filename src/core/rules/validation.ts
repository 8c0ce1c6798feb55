/**
 * Checks every payload of a document against its endpoint's schema and JKOPay's rules: shape
 * (missing, unknown, duplicate fields, types, lengths, allowed values, formats) here; amounts
 * and currencies in `amountRules.ts`. Produces findings with their quick fixes. Pure.
 */
import type { Lang } from '../../data/types';
import { findCurrency, type CurrencyEntry } from '../../data';
import { CheckContext, COUNTED_FIX, type CheckSettings } from './checkContext';
import { withCheckReason } from './checkReason';
import type { FindingsBudget } from './findingsBudget';
import { checkAmount, checkCrossFields, checkNumberSafety } from './amountRules';
import { type FieldSpec, requestSpec, SCHEMA_KEY } from '../model/fieldSpec';
import { type Finding, type Fix, ruleMessage } from './findings';
import { msg, type MessageId } from '../texts/messages';
import { parseJson } from '../json/jsonParser';
import {
  getProperty,
  type ArrayNode,
  type ObjectNode,
  type ParseProblem,
  type Payload,
  type PayloadDocument,
  type PropertyNode,
  type StringNode,
  type ValueNode,
} from '../model/model';
import { resolvePayload } from '../model/payloadKind';
import { closest, codePointLength, hasLoneSurrogate, hasUrlUnsafeChar, LineIndex, requote } from '../model/textUtil';

/** `budget`: the document's findings budget, for the findings that do not fit in what it has left (see validatePayload). */
export function validatePayloads(doc: PayloadDocument, settings: CheckSettings, budget?: FindingsBudget): Finding[] {
  const findings = documentFindings(doc.text, doc.root, doc.problems, settings, budget);
  const lines = new LineIndex(doc.text);
  for (const payload of doc.payloads)
    for (const f of withCheckReason(validatePayload(doc.text, payload, settings, lines), payload, settings.lang, lines)) findings.push(f);
  return inReadingOrder(findings);
}

/**
 * The same findings as `parseJsonDocument` + `validatePayloads`, in one streaming pass that checks
 * each payload as soon as it is read and keeps no tree: the path for whole-file checks (CLI,
 * diagnostics), where large files are common. Given a budget (findingsBudget.ts), each finding goes
 * to it as soon as it is found, nothing is collected, and the answer is empty: the budget keeps what
 * is shown and counts the rest.
 */
export function validateJsonText(
  uri: string,
  text: string,
  settings: CheckSettings,
  lines = new LineIndex(text),
  budget?: FindingsBudget,
): Finding[] {
  const payloadFindings: Finding[] = [];
  const offer = budget && ((f: Finding) => budget.offer(f));
  const take = offer ?? ((f: Finding) => void payloadFindings.push(f));
  const { root, problems } = parseJson(text, {
    dropPayloads: true,
    onPayload: (node) => {
      for (const f of validatePayload(text, resolvePayload(node, uri), settings, lines, budget)) take(f);
    },
    // Reported as soon as read and dropped, as payloads are: the root array keeps no item.
    onOtherItem: (node) => {
      for (const f of notPayloadFindings(text, [node], settings, budget)) take(f);
    },
  });
  const findings = documentFindings(text, root, problems, settings);
  if (offer) {
    for (const f of findings) offer(f);
    return [];
  }
  for (const f of payloadFindings) findings.push(f);
  return inReadingOrder(findings);
}

/** Syntax problems, and top-level values that are not payload objects. */
function documentFindings(
  text: string,
  root: ValueNode | undefined,
  problems: readonly ParseProblem[],
  settings: CheckSettings,
  budget?: FindingsBudget,
): Finding[] {
  const findings: Finding[] = problems.map((p) =>
    p.id === 'too-complex'
      ? { code: 'too-complex' as const, offset: p.offset, length: p.length, message: ruleMessage('too-complex', settings.lang, {}) }
      : { code: 'syntax-error' as const, offset: p.offset, length: p.length, message: msg(settings.lang, p.id) },
  );
  const topLevel = root?.type === 'array' ? root.items : root ? [root] : [];
  for (const f of notPayloadFindings(text, topLevel, settings, budget)) findings.push(f);
  return findings;
}

/** A `wrong-type` finding for each top-level value that is no payload object (past a spent budget, only counted). */
function notPayloadFindings(text: string, nodes: readonly ValueNode[], settings: CheckSettings, budget?: FindingsBudget): Finding[] {
  const shape = new CheckContext(text, settings, undefined, undefined, budget);
  for (const node of nodes) {
    if (node.type === 'object' || node.type === 'unknown') continue;
    shape.reportDetail('wrong-type', node, 'not-a-payload', { actual: typeName(settings.lang, node) });
  }
  return shape.findings;
}

/** Reading order, as a compiler prints them (the sort is stable, so equal offsets keep rule order). */
function inReadingOrder(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.offset - b.offset);
}

/**
 * `lines`: the document's line index, when several payloads of one text are checked (keeps the fixes' indentation linear).
 * `budget`: the document's findings budget; the findings that do not fit in what it has left go to it as they are found
 * (and are not in the answer), and once it is spent they are only counted, without messages or fixes.
 */
export function validatePayload(
  text: string,
  payload: Payload,
  settings: CheckSettings,
  lines?: LineIndex,
  budget?: FindingsBudget,
): Finding[] {
  if (payload.kind === 'response') return [];
  const ctx = new CheckContext(text, settings, payload.kind, lines, budget);
  const spec = requestSpec(payload.kind);
  const currency = payloadCurrency(payload, settings);
  checkObject(ctx, payload.node, spec, currency);
  if (payload.kind === 'entry') checkCrossFields(ctx, payload.node);
  return ctx.findings;
}

/**
 * The currency amounts are judged in: the entry's own (case-insensitively, so `twd` still gets
 * amount checks) — written in the literal, assigned later, or brought by a const it spreads — or the
 * default for refunds.
 */
function payloadCurrency(payload: Payload, settings: CheckSettings): CurrencyEntry | undefined {
  if (payload.kind === 'refund') return findCurrency(settings.defaultCurrency);
  const node = payload.node;
  const last = (list: readonly PropertyNode[] | undefined) => list && [...list].reverse().find((p) => p.key === 'currency');
  const value = (getProperty(node, 'currency') ?? last(node.assigned) ?? last(node.inherited))?.value;
  return value?.type === 'string' ? (findCurrency(value.value) ?? findCurrency(value.value.toUpperCase())) : undefined;
}

/** Stamps the field specs met in the object being checked: a second meeting is a duplicate key. */
let objectStamp = 0;

function checkObject(ctx: CheckContext, node: ObjectNode, spec: FieldSpec, currency: CurrencyEntry | undefined): void {
  const known = spec.properties;
  const properties = node.properties;
  const stamp = ++objectStamp;
  let requiredSeen = 0;
  // Unknown keys met so far, for duplicates among them (a set: 100,000 unknown keys must stay linear).
  let unknownSeen: Set<string> | undefined;
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i];
    const child = known?.get(property.key);
    ctx.path.push(property.key);
    if (child) {
      // Known keys are found duplicated by their spec's stamp, with no string comparisons.
      if (child.seenIn === stamp) ctx.report('duplicate-field', keyRange(property), { field: property.key });
      else if (child.required) requiredSeen++;
      child.seenIn = stamp;
      if (property.value) checkValue(ctx, property.value, child, currency);
    } else {
      unknownSeen ??= new Set();
      if (unknownSeen.has(property.key)) ctx.report('duplicate-field', keyRange(property), { field: property.key });
      else unknownSeen.add(property.key);
      if (property.key !== SCHEMA_KEY) reportUnknownField(ctx, property, known);
    }
    ctx.path.pop();
  }
  // Keys the code adds later (TS builder pattern): present, and checked like the literal's own.
  // A later assignment overwrites, so it is no duplicate.
  if (node.assigned) {
    for (const property of node.assigned) {
      const child = known?.get(property.key);
      ctx.path.push(property.key);
      if (child) {
        if (child.required && child.seenIn !== stamp) requiredSeen++;
        child.seenIn = stamp;
        if (property.value) checkValue(ctx, property.value, child, currency);
      } else if (property.key !== SCHEMA_KEY) {
        reportUnknownField(ctx, property, known);
      }
      ctx.path.pop();
    }
  }
  if (node.inherited) {
    for (const { key } of node.inherited) {
      const child = known?.get(key);
      if (!child) continue;
      if (child.required && child.seenIn !== stamp) requiredSeen++;
      child.seenIn = stamp;
    }
  }
  if (!node.openKeys && spec.requiredKeys && requiredSeen < spec.requiredKeys.length) {
    const missing = spec.requiredKeys.filter((key) => known!.get(key)!.seenIn !== stamp);
    // Only counted past the budget: no fix is made for a finding nobody sees.
    const fix = ctx.counting ? COUNTED_FIX : addMissingFix(ctx, node, missing, known!, currency);
    const brace = { offset: node.offset, length: 1 };
    for (const field of missing) {
      ctx.path.push(field);
      ctx.report('missing-field', brace, { field }, { fixes: [fix] });
      ctx.path.pop();
    }
  }
}

function keyRange(property: PropertyNode) {
  return { offset: property.keyOffset, length: property.keyLength };
}

function reportUnknownField(ctx: CheckContext, property: PropertyNode, known: Map<string, FieldSpec> | undefined): void {
  const suggestion = known ? closest(property.key, known.keys()) : undefined;
  const range = keyRange(property);
  const raw = ctx.text.substr(property.keyOffset, property.keyLength);
  ctx.report(
    'unknown-field',
    range,
    { field: property.key, endpoint: ctx.endpoint ?? '', suggestion: suggestion ? msg(ctx.lang, 'did-you-mean', { suggestion }) : '' },
    suggestion
      ? { fixes: [ctx.replaceFix(msg(ctx.lang, 'fix-rename', { value: suggestion }), range, requote(raw, suggestion))] }
      : undefined,
  );
}

function checkValue(ctx: CheckContext, node: ValueNode, spec: FieldSpec, currency: CurrencyEntry | undefined): void {
  if (node.type === 'unknown') return;
  if (spec.types && !typeMatches(node, spec.types)) {
    ctx.report('wrong-type', node, {
      field: spec.name,
      expected: spec.types.map((t) => msg(ctx.lang, `type-${t}` as MessageId)).join(msg(ctx.lang, 'type-or')),
      actual: typeName(ctx.lang, node),
    });
    return;
  }
  switch (node.type) {
    case 'string':
      if (spec.commaList && spec.items) return checkOrderIds(ctx, node, spec);
      return checkString(ctx, node, spec);
    case 'number': {
      let reported = false;
      if (spec.amount) reported = checkAmount(ctx, node, spec, currency);
      else if (spec.minimum !== undefined && Number(node.text) < spec.minimum) {
        ctx.reportDetail('invalid-value', node, 'integer-too-small', { field: spec.name, minimum: spec.minimum });
        reported = true;
      }
      if (!reported) checkNumberSafety(ctx, node);
      return;
    }
    case 'array':
      if (spec.commaList && spec.items) return checkOrderIds(ctx, node, spec);
      if (spec.maxItems !== undefined && node.items.length > spec.maxItems) {
        ctx.report('too-many-order-ids', node, { count: node.items.length });
      }
      if (spec.items) {
        for (let i = 0; i < node.items.length; i++) {
          ctx.path.push(`[${i}]`);
          checkValue(ctx, node.items[i], spec.items, currency);
          ctx.path.pop();
        }
      }
      return;
    case 'object':
      return checkObject(ctx, node, spec, currency);
  }
}

function typeMatches(node: ValueNode, types: readonly string[]): boolean {
  switch (node.type) {
    case 'number':
      return types.includes('number') || (types.includes('integer') && /^-?\d+$/.test(node.text));
    case 'unknown':
      return true;
    default:
      return types.includes(node.type);
  }
}

function typeName(lang: Lang, node: ValueNode): string {
  if (node.type === 'unknown') return '?';
  return msg(lang, `type-${node.type}` as MessageId);
}

function checkString(ctx: CheckContext, node: StringNode, spec: FieldSpec): void {
  const value = node.value;
  const field = spec.name;
  if (spec.enum && !spec.enum.includes(value)) {
    const match = spec.enum.find((v) => typeof v === 'string' && v.toLowerCase() === value.toLowerCase()) as string | undefined;
    const raw = ctx.text.substr(node.offset, node.length);
    if (match) {
      ctx.reportDetail(
        'invalid-value',
        node,
        'wrong-case-value',
        { value, expected: match },
        {
          fixes: [ctx.replaceFix(msg(ctx.lang, 'fix-case', { value: match }), node, requote(raw, match))],
        },
      );
    } else {
      ctx.reportDetail('invalid-value', node, 'not-allowed-value', { value, field, allowed: spec.enum.join(', ') });
    }
    return;
  }
  // An empty id is as good as none: JKOPay cannot find a store or an order by it.
  if (spec.minLength !== undefined && value.length < spec.minLength) {
    ctx.reportDetail('invalid-value', node, 'empty-value', { field });
    return;
  }
  if (spec.maxLength !== undefined) {
    // A string is never more code points than UTF-16 units: count only when it could be too long.
    const length = value.length > spec.maxLength ? codePointLength(value) : 0;
    if (length > spec.maxLength) {
      ctx.report('too-long', node, { field, length, max: spec.maxLength });
      return;
    }
  }
  if (spec.format === 'jkopay-datetime' && !isJkopayDateTime(value)) {
    ctx.reportDetail('invalid-format', node, 'bad-datetime', { field });
  } else if (spec.format === 'uri') {
    checkUrl(ctx, node, spec);
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `length` digits at `start`, or -1 when one of them is no digit. */
function digitsAt(value: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** `YYYY-mm-dd HH:MM:SS` naming a real calendar time (no 2026-02-30, no 24:00:00). Read by hand: it runs on every payload. */
export function isJkopayDateTime(value: string): boolean {
  if (value.length !== 19 || value[4] !== '-' || value[7] !== '-' || value[10] !== ' ' || value[13] !== ':' || value[16] !== ':')
    return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The common shape of a callback URL: https, a plain host name, an ordinary path. Anything else gets the full URL parser. */
const PLAIN_HTTPS_URL = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?(\/[\w\-./~%]*)?$/;

function checkUrl(ctx: CheckContext, node: StringNode, spec: FieldSpec): void {
  if (PLAIN_HTTPS_URL.test(node.value)) return;
  const field = spec.name;
  // Before parsing: the URL parser drops tab, CR and LF, and would accept what JKOPay (and a redirect) cannot use.
  if (hasUrlUnsafeChar(node.value)) {
    ctx.reportDetail('invalid-format', node, 'url-unsafe-char', { field });
    return;
  }
  let url: URL;
  try {
    url = new URL(node.value);
  } catch {
    ctx.reportDetail('invalid-format', node, 'bad-url', { field });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.reportDetail('invalid-format', node, 'bad-url', { field });
    return;
  }
  if (!spec.https || url.protocol === 'https:') return;
  if (LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith('127.')) {
    ctx.reportDetail('insecure-url', node, 'loopback-url', { field, host: url.hostname }, { severity: 'warning', answer: undefined });
    return;
  }
  const raw = ctx.text.substr(node.offset, node.length);
  const fixes = /^["']http:\/\//i.test(raw)
    ? [{ title: msg(ctx.lang, 'fix-https'), edits: [{ offset: node.offset + 1, length: 4, newText: 'https' }] }]
    : undefined;
  ctx.report('insecure-url', node, { field }, { fixes });
}

/**
 * Inquiry ids, as an array or as the one comma-joined string that goes into the query and the
 * DIGEST: 1 to 20 ids, none empty, none with a space (or, in the array form, a comma, which would
 * split it), none over 60 characters. Each bad id is reported where it is written.
 */
function checkOrderIds(ctx: CheckContext, node: StringNode | ArrayNode, spec: FieldSpec): void {
  const maxItems = spec.maxItems;
  const maxLength = spec.items?.maxLength;
  const field = spec.name;
  const count = node.type === 'array' ? node.items.length : node.value === '' ? 0 : node.value.split(',').length;
  if (count === 0) {
    ctx.reportDetail('invalid-value', node, 'no-order-ids', { field });
    return;
  }
  if (maxItems !== undefined && count > maxItems) ctx.report('too-many-order-ids', node, { count });
  const checkId = (id: string, at: { offset: number; length: number }, inArray: boolean) => {
    let detail: MessageId | undefined;
    if (id === '') detail = 'order-id-empty';
    else if (/\s/.test(id)) detail = 'order-id-space';
    else if (inArray && id.includes(',')) detail = 'order-id-comma';
    else if (hasLoneSurrogate(id)) detail = 'order-id-lone-surrogate';
    else if (maxLength !== undefined && id.length > maxLength && codePointLength(id) > maxLength) detail = 'order-id-too-long';
    if (detail) ctx.reportDetail('invalid-format', at, detail, { id, length: codePointLength(id), max: maxLength ?? 60 });
  };
  if (node.type === 'array') {
    node.items.forEach((item, i) => {
      ctx.path.push(`[${i}]`);
      if (item.type === 'string') checkId(item.value, item, true);
      else if (spec.items) checkValue(ctx, item, spec.items, undefined);
      ctx.path.pop();
    });
    return;
  }
  // Ranges inside the string where it is written without escapes; else the whole string.
  const raw = ctx.text.substr(node.offset, node.length);
  const plain = raw.length === node.value.length + 2;
  let start = 0;
  for (const id of node.value.split(',')) {
    checkId(id, plain && id !== '' ? { offset: node.offset + 1 + start, length: id.length } : node, false);
    start += id.length + 1;
  }
}

/** One fix that inserts every missing required field with a placeholder that passes the checks where it can. */
/**
 * "Add missing required fields": placeholders that keep the payload failing until they are filled
 * (an empty id is `invalid-value`, a zero price `non-positive-amount`), never values that would pass
 * for a real order (`final_price: 1` on a 1,280 TWD order made it an order for 1 TWD). `final_price`
 * takes `total_price` where that is written; `currency` the default currency; `unredeem` 0, which
 * JKOPay accepts. Written in the literal's own style (unquoted keys and single quotes in code), and
 * with a tab stop on each value where the editor takes snippets.
 */
function addMissingFix(
  ctx: CheckContext,
  node: ObjectNode,
  missing: readonly string[],
  known: Map<string, FieldSpec>,
  currency: CurrencyEntry | undefined,
): Fix {
  const style = literalStyle(ctx.text, node);
  const values = missing.map((key) => placeholder(known.get(key)!, node, ctx.settings.defaultCurrency, currency, style.quote));
  const entries = missing.map((key, i) => `${style.key(key)}: ${values[i].text}`);
  const snippets = missing.map((key, i) => `${style.key(key)}: ${values[i].snippet(i + 1)}`);
  const title = msg(ctx.lang, 'fix-add-missing', { fields: missing.join(', ') });
  const first = node.properties[0];
  if (first) {
    const indent = ctx.lines.indentationAt(first.keyOffset);
    const sameLine = ctx.lines.lineStartAt(first.keyOffset) <= node.offset;
    const separator = sameLine ? ' ' : `\n${indent}`;
    const join = (list: string[]) => list.map((e) => `${e},${separator}`).join('');
    return { title, edits: [{ offset: first.keyOffset, length: 0, newText: join(entries), snippet: join(snippets) }] };
  }
  const braceIndent = ctx.lines.indentationAt(node.offset);
  const inner = `${braceIndent}  `;
  const body = (list: string[]) => `${list.map((e) => `\n${inner}${e}`).join(',')}\n${braceIndent}`;
  // Replace whatever blank space sits between the braces.
  const closeAt = node.offset + node.length - 1;
  const hasClose = ctx.text[closeAt] === '}' && closeAt > node.offset;
  const length = hasClose ? closeAt - node.offset - 1 : 0;
  return { title, edits: [{ offset: node.offset + 1, length, newText: body(entries), snippet: body(snippets) }] };
}

/** How a literal writes its keys and strings: as its first key and string are written (JSON's `"` by default). */
function literalStyle(text: string, node: ObjectNode): { key: (name: string) => string; quote: string } {
  const firstKey = node.properties[0] && text[node.properties[0].keyOffset];
  const keyQuote = firstKey === '"' || firstKey === "'" ? firstKey : firstKey === undefined ? '"' : '';
  const firstString = node.properties.find((p) => p.value?.type === 'string')?.value;
  const valueQuote = firstString ? text[firstString.offset] : keyQuote;
  const quote = valueQuote === "'" || valueQuote === '`' ? valueQuote : '"';
  return { key: (name) => (keyQuote ? `${keyQuote}${name}${keyQuote}` : name), quote };
}

/** A value to insert for a missing field, as text and as a snippet tab stop. */
interface Placeholder {
  text: string;
  snippet: (stop: number) => string;
}

function placeholder(
  spec: FieldSpec,
  node: ObjectNode,
  defaultCurrency: string,
  currency: CurrencyEntry | undefined,
  quote: string,
): Placeholder {
  const literal = (text: string): Placeholder => ({ text, snippet: (stop) => `\${${stop}:${escapeSnippet(text)}}` });
  const string = (value: string): Placeholder => ({
    text: quote + value + quote,
    snippet: (stop) => `${quote}\${${stop}${value ? `:${escapeSnippet(value)}` : ''}}${quote}`,
  });
  if (spec.name === 'currency') return string((currency?.code ?? defaultCurrency).toUpperCase());
  if (spec.amount) {
    // The price paid, where the original price is written: the usual case of an order without discount.
    const total = getProperty(node, 'total_price')?.value;
    if (spec.name === 'final_price' && total?.type === 'number') return literal(total.text);
    return literal('0');
  }
  switch (spec.types?.[0]) {
    case 'string':
      return string('');
    case 'integer':
    case 'number':
      return literal('0');
    case 'boolean':
      return literal('false');
    case 'array':
      return literal('[]');
    case 'object':
      return literal('{}');
    default:
      return literal('null');
  }
}

/** Text inside a snippet placeholder: `$`, `}` and `\\` are the snippet syntax's own. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
