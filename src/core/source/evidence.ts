/**
 * The payload rule for a literal found by its keys (`platform_order_id`, `platform_order_ids`):
 * it is a JKOPay request only on evidence of where it goes, never because its keys look right and
 * no known exception applies. In order:
 *
 * 1. **Sent** to a JKOPay URL (a send to another URL is evidence against, and beats 2–4);
 * 2. **handed to a JKOPay client**, or 3. **signed** as the request's DIGEST;
 * 4. **beyond doubt by itself**: a standalone literal (a variable's initializer, an export, a named
 *    function's return value) that holds every required field of an entry, only entry fields (one
 *    near-miss at most: `finel_price`), values of the wire's types, is no blank form
 *    (`platform_order_id: ''`, `total_price: 0`) and is handed to nobody else. A refund's or an
 *    inquiry's fields are too few and too common to be beyond doubt.
 *
 * Anything else is someone else's data (a logger's, a queue's, a form's, a schema's). The kind is
 * the endpoint the evidence names (a URL's path, a client's method), else what the keys say with
 * those the object acquires later. Each decision keeps the node that is its evidence, or why the
 * literal was skipped, for hovers, related information and `jkopay check --explain`. Pure.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../../data/types';
import { type FieldSpec, requestSpec, SCHEMA_KEY } from '../model/fieldSpec';
import type { ObjectNode, PropertyNode, ValueNode } from '../model/model';
import { kindFromKeys } from '../model/payloadKind';
import { closest } from '../model/textUtil';
import { typescript } from './typescriptLoader';
import type { DropReason, Outcome } from './valueFlow';

/** Why a literal is checked. */
export type EvidenceKind = 'marker' | 'type' | 'sent' | 'signed' | 'client' | 'complete';

/** Why a literal with JKOPay's field names is not checked. */
export type SkipReason =
  | DropReason
  /** Sent to a URL that is not JKOPay's. */
  | 'elsewhere'
  /** Given a JKOPay-branded type none of whose fields it uses: the app's own type. */
  | 'own-type'
  /** Given a type that is not JKOPay's. */
  | 'other-type'
  /** Its keys are an answer's or a callback's (`result`, `status`, `tradeNo`). */
  | 'not-request'
  /** It reaches JKOPay, but neither the evidence nor its keys say which request it is. */
  | 'no-kind'
  /** Handed to something named for JKOPay, or signed, with keys mostly not a request's: the app's own parameters. */
  | 'not-request-keys';

/** A decision, keeping syntax nodes (their positions move with the text after an edit). */
export interface LiteralDecision {
  literal: TS.ObjectLiteralExpression;
  kind: Endpoint | undefined;
  evidence?: { kind: EvidenceKind; at: TS.Node; detail: string; via?: string };
  /** The evidence is a client known by its name, which may complete the body: no field is reported missing. */
  open?: boolean;
  /** The fields of the literals it was spread into on its way to JKOPay: present, and read for the currency. */
  acquired?: PropertyNode[];
  skip?: { reason: SkipReason; at: TS.Node; detail: string };
}

/**
 * Evidence by strength: a send to JKOPay's URL, a JKOPay client, then (unless the value is also sent
 * somewhere else, which says the signature is another service's) a signature.
 */
const EVIDENCE_ORDER: Outcome['type'][] = ['sent', 'client', 'elsewhere', 'signed'];

/** Keys that only answers and callbacks have (`status`, `tradeNo` of a transaction). */
const ANSWER_ONLY_KEYS = ['status', 'tradeNo'];

/**
 * Decides a literal found by its keys from where its value goes (`outcomes`) and the keys it has,
 * own and acquired later (`node`, with `assigned` and `inherited`).
 */
export function decideByEvidence(
  literal: TS.ObjectLiteralExpression,
  node: ObjectNode,
  outcomes: readonly Outcome[],
  /** The type the literal is given, when it is a name (`OrderForm`): someone's data, not beyond doubt a request. */
  typeName: string | undefined,
): LiteralDecision {
  // Its own keys and those written into it later say what it is; a copy made with more keys (`{ ...req, status }`) does not.
  const keys = keySet(node);
  const keysKind = kindFromKeys((key) => keys.has(key));
  if (keysKind === 'response' || ANSWER_ONLY_KEYS.some((key) => keys.has(key)))
    return { literal, kind: undefined, skip: { reason: 'not-request', at: literal, detail: '' } };

  for (const type of EVIDENCE_ORDER) {
    const found = best(outcomes, type);
    if (!found || found.type === 'dropped') continue;
    if (found.type === 'elsewhere') return { literal, kind: undefined, skip: { reason: 'elsewhere', at: found.at, detail: found.detail } };
    // What it is sent as has the fields it acquired on the way (`{ store_id, currency, ...partial }`).
    if (found.acquired) for (const p of found.acquired) keys.add(p.key);
    const kind = found.endpoint ?? (kindFromKeys((key) => keys.has(key)) as Endpoint | undefined);
    if (!kind) return { literal, kind, skip: { reason: 'no-kind', at: found.at, detail: found.detail } };
    if (found.weak && !requestKeys(node, kind))
      return { literal, kind: undefined, skip: { reason: 'not-request-keys', at: found.at, detail: found.detail } };
    const evidence = { kind: found.type as EvidenceKind, at: found.at, detail: found.detail, via: found.via };
    const decision: LiteralDecision = { literal, kind, evidence };
    // A client may complete an object it is given, not text already serialized (`callJkopay({ payload: JSON.stringify(body) })`).
    if (found.open && !found.serialized) decision.open = true;
    if (found.acquired) decision.acquired = found.acquired;
    return decision;
  }
  const handedOn = outcomes.some((o) => o.type !== 'dropped' || !HARMLESS_ENDS.has(o.reason));
  if (isStandalone(literal) && !handedOn && completeEntry(node)) {
    if (typeName !== undefined) return { literal, kind: undefined, skip: { reason: 'other-type', at: literal, detail: typeName } };
    return { literal, kind: 'entry', evidence: { kind: 'complete', at: literal, detail: '' } };
  }
  const end = mostTelling(outcomes);
  return { literal, kind: undefined, skip: { reason: end?.reason ?? 'unused', at: end?.at ?? literal, detail: end?.detail ?? '' } };
}

/** The first outcome of a type, preferring one that names its endpoint. */
function best(outcomes: readonly Outcome[], type: Outcome['type']): Outcome | undefined {
  let found: Outcome | undefined;
  for (const o of outcomes) {
    if (o.type !== type) continue;
    if (o.type !== 'dropped' && o.endpoint) return o;
    found ??= o;
  }
  return found;
}

/** Ends that do not hand the value to anyone: unused, returned to nobody, only read. */
const HARMLESS_ENDS = new Set<string>(['unused', 'returned', 'other']);

/** The end that says most about why a literal is not a request: a call or an object that took it. */
function mostTelling(outcomes: readonly Outcome[]): Extract<Outcome, { type: 'dropped' }> | undefined {
  const dropped = outcomes.filter((o): o is Extract<Outcome, { type: 'dropped' }> => o.type === 'dropped');
  return dropped.find((o) => !HARMLESS_ENDS.has(o.reason)) ?? dropped[0];
}

/** The keys the literal has: its own, those assigned to it later, and those of the consts it spreads. */
function keySet(node: ObjectNode): Set<string> {
  const keys = new Set<string>();
  for (const p of node.properties) keys.add(p.key);
  for (const p of node.assigned ?? []) keys.add(p.key);
  for (const p of node.inherited ?? []) keys.add(p.key);
  return keys;
}

/** A literal that stands by itself: a variable's initializer, an export, a return value, an arrow's result. */
function isStandalone(literal: TS.ObjectLiteralExpression): boolean {
  const ts = typescript();
  let node: TS.Node = literal;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))
    node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent)) return parent.initializer === node;
  if (ts.isExportAssignment(parent) || ts.isReturnStatement(parent)) return true;
  return ts.isArrowFunction(parent) && parent.body === node && !ts.isCallExpression(parent.parent);
}

/** Every required entry field, only entry fields (one near-miss at most), values of the wire's types, no blank form. */
function completeEntry(node: ObjectNode): boolean {
  const spec = requestSpec('entry');
  const known = spec.properties!;
  const present = keySet(node);
  if (node.openKeys || !spec.requiredKeys!.every((key) => present.has(key))) return false;
  const misses = { count: 0 };
  if (!propertiesFit(node.properties, known, misses) || !propertiesFit(node.assigned ?? [], known, misses)) return false;
  const value = (key: string) => [...node.properties, ...(node.assigned ?? [])].reverse().find((p) => p.key === key)?.value;
  const id = value('platform_order_id');
  const total = value('total_price');
  if (id?.type === 'string' && id.value === '') return false;
  if (total?.type === 'number' && Number(total.text) === 0) return false;
  return true;
}

/**
 * Mostly the request's field names: more of its keys are fields of the request (or near-misses of
 * one: `finel_price`) than not. A request with a stray field (`reason`, `notify_url`) still is one,
 * and that field is reported; an app's own parameters (`{ platform_order_id, amount, description }`)
 * are not.
 */
function requestKeys(node: ObjectNode, kind: Endpoint): boolean {
  const known = requestSpec(kind).properties!;
  let fields = 0;
  let others = 0;
  for (const property of [...node.properties, ...(node.assigned ?? [])]) {
    if (property.key === SCHEMA_KEY) continue;
    if (known.has(property.key) || closest(property.key, known.keys()) !== undefined) fields++;
    else others++;
  }
  return fields > others;
}

/** Entry field names, save one near-miss of a real field, with values of the types the fields allow. */
function propertiesFit(properties: readonly PropertyNode[], known: Map<string, FieldSpec>, misses: { count: number }): boolean {
  for (const property of properties) {
    const spec = known.get(property.key);
    if (!spec) {
      if (property.key === SCHEMA_KEY) continue;
      if (++misses.count > 1 || closest(property.key, known.keys()) === undefined) return false;
      continue;
    }
    if (property.value && !valueFits(property.value, spec)) return false;
  }
  return true;
}

/** A literal value of a type the field allows; values only known at run time always fit. */
function valueFits(value: ValueNode, spec: FieldSpec): boolean {
  const types = spec.types;
  if (!types || value.type === 'unknown' || types[0] === value.type) return true;
  if (value.type === 'number') return types.includes('number') || (types.includes('integer') && /^-?\d+$/.test(value.text));
  return types.includes(value.type);
}

/** Whether a literal typed with a JKOPay-branded type uses none of the endpoint's fields: then the type is the app's own. */
export function usesNoFieldOf(node: ObjectNode, endpoint: Endpoint): boolean {
  const known = requestSpec(endpoint).properties!;
  if (node.properties.length === 0) return false;
  return node.properties.every((p) => !known.has(p.key));
}
