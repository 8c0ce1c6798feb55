/**
 * The TypeScript/JavaScript front-end: finds the object literals in source code that are JKOPay
 * request payloads and reads them into the payload model. A literal is a payload when an explicit
 * sign says so (a `// @jkopay entry|refund|inquiry` marker, a type that says JKOPay:
 * `explicitSigns.ts`), or, for a literal with JKOPay's field names, on evidence of where it goes
 * (sent to a JKOPay URL, signed as the DIGEST, handed to a JKOPay client, or beyond doubt by
 * itself: `evidence.ts`, `valueFlow.ts`). Keys it acquires later count (`laterKeys.ts`). Anything
 * else gets nothing. Every decision is kept, with its reason, for hovers and `check --explain`.
 *
 * A decision that read only statements an edit did not touch (TypeScript keeps their nodes) is
 * kept after the edit: typing in one function of a large file traces only that function's literals.
 * Pure.
 */
import type * as TS from 'typescript';
import { isSource as isSourceFile, SOURCE_LANGUAGES as LANGUAGES } from '../../data/files';
import type { ObjectNode, Payload, PayloadDocument, PayloadEvidence } from '../model/model';
import { movedCopy } from '../model/shiftNode';
import type { TextChange } from '../model/textChange';
import { topLevelNames } from './declarations';
import { decideByEvidence, type LiteralDecision, usesNoFieldOf } from './evidence';
import { annotatedType, markedLiterals, type SignedLiteral, typedLiterals } from './explicitSigns';
import { laterKeys, withLaterKeys } from './laterKeys';
import { FileStatements, TraceDeps } from './traceDeps';
import { childAt, convertObject, startOf } from './tsParser';
import { typescript } from './typescriptLoader';
import { ValueTracer } from './valueFlow';

/** Which signs make a literal a payload; each can be switched off by a setting. */
export interface SourceDetection {
  markers: boolean;
  types: boolean;
  keys: boolean;
}

export const DEFAULT_DETECTION: SourceDetection = { markers: true, types: true, keys: true };

/** A source document keeps its syntax tree, so that an edit can re-parse incrementally. */
export interface SourceDocument extends PayloadDocument {
  sourceFile: TS.SourceFile | undefined;
  /** Every literal with JKOPay's field names or an explicit sign, checked or not, and why. */
  decisions: LiteralDecision[];
}
/** A cheap test on the raw text: files with none of these are not parsed at all. */
const TRIGGER = /platform_order_ids?|@jkopay|(?:entry|refund|inquiry)\w*(?:request|payload|params|body)/i;

/** Editor language ids of the sources whose literals are checked (defined once, in data/files). */
export const SOURCE_LANGUAGES = LANGUAGES;

/** A TS/JS source, by its editor language or, for files on disk, by its extension. */
export const isSource = isSourceFile;

function scriptKind(uri: string): TS.ScriptKind {
  const ts = typescript();
  const ext = /\.(\w+)$/.exec(uri.split(/[?#]/)[0])?.[1].toLowerCase();
  switch (ext) {
    case 'tsx':
      return ts.ScriptKind.TSX;
    case 'jsx':
      return ts.ScriptKind.JSX;
    case 'js':
    case 'mjs':
    case 'cjs':
      return ts.ScriptKind.JS;
    default:
      // Untitled documents have no extension; TSX parses TS, JS and JSX alike well enough to find literals.
      return ext === 'ts' || ext === 'mts' || ext === 'cts' ? ts.ScriptKind.TS : ts.ScriptKind.TSX;
  }
}

/** Parses a source text, or re-parses it incrementally from the previous tree and the changed span. */
export function parseSourceFile(
  uri: string,
  text: string,
  previous?: { sourceFile: TS.SourceFile; change: TS.TextChangeRange },
): TS.SourceFile {
  const ts = typescript();
  if (previous) return ts.updateSourceFile(previous.sourceFile, text, previous.change);
  return ts.createSourceFile(uri, text, ts.ScriptTarget.Latest, true, scriptKind(uri));
}

/**
 * Re-parses an edited source from its previous parse: the changed span is the text between the
 * longest common prefix and suffix of the two versions, and TypeScript re-uses the rest of the
 * tree. The previous document must not be used afterwards (its tree is taken over).
 */
export function reparseSourceDocument(
  previous: SourceDocument,
  text: string,
  detection: SourceDetection = DEFAULT_DETECTION,
  /** The edit, when the caller knows it (an editor's ranged change): spares comparing the texts. */
  told?: TextChange,
): SourceDocument {
  if (!previous.sourceFile) return parseSourceDocument(previous.uri, text, detection);
  const change = told
    ? { span: { start: told.start, length: told.end - told.start }, newLength: told.newLength }
    : changeBetween(previous.text, text);
  return parseSourceDocument(previous.uri, text, detection, { sourceFile: previous.sourceFile, change });
}

/** The span of `before` that was replaced, and the length of what replaced it. */
export function changeBetween(before: string, after: string): TS.TextChangeRange {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { span: { start, length: before.length - end - start }, newLength: after.length - end - start };
}

export function parseSourceDocument(
  uri: string,
  text: string,
  detection: SourceDetection = DEFAULT_DETECTION,
  previous?: { sourceFile: TS.SourceFile; change: TS.TextChangeRange },
): SourceDocument {
  const doc: SourceDocument = { uri, text, root: undefined, payloads: [], problems: [], sourceFile: undefined, decisions: [] };
  if (!previous && !TRIGGER.test(text)) return doc;
  const sourceFile = parseSourceFile(uri, text, previous);
  doc.sourceFile = sourceFile;
  const found = findPayloads(sourceFile, detection);
  doc.payloads = found.payloads;
  doc.decisions = found.decisions;
  return doc;
}

/**
 * Finds the payload literals: those an explicit sign names, and those with JKOPay's field names
 * that the evidence rule takes. The texts are searched for what makes a candidate (a marker, a
 * type name, a trigger key) and the tree descended only to each hit, instead of visiting every
 * node of the file: on a large source that visit alone costs a good part of the parse.
 */
export function findPayloads(sourceFile: TS.SourceFile, detection: SourceDetection): { payloads: Payload[]; decisions: LiteralDecision[] } {
  const ts = typescript();
  const decisions = new Map<TS.ObjectLiteralExpression, { decision: LiteralDecision; evidence?: PayloadEvidence }>();
  const nodes = new Map<TS.ObjectLiteralExpression, ObjectNode>();
  /** The literal's node with the keys it acquires later, read once per parse. */
  const nodeOf = (literal: TS.ObjectLiteralExpression) => {
    let node = nodes.get(literal);
    if (!node)
      nodes.set(literal, (node = withLaterKeys(convertOnce(literal, sourceFile), laterKeys(literal, sourceFile, new TraceDeps()))));
    return node;
  };
  // Earlier signs win: a marker over a type, a type over the evidence.
  const explicit = (signed: SignedLiteral, kind: 'marker' | 'type') => {
    if (decisions.has(signed.literal)) return;
    const evidence: PayloadEvidence = { kind, offset: signed.offset, length: signed.length, detail: signed.detail };
    // A branded type none of whose fields the literal uses is the app's own type (`platformOrderId`), not the wire format.
    if (kind === 'type' && usesNoFieldOf(nodeOf(signed.literal), signed.kind)) {
      const skip = { reason: 'own-type' as const, at: signed.literal, detail: signed.detail };
      decisions.set(signed.literal, { decision: { literal: signed.literal, kind: undefined, skip } });
      return;
    }
    decisions.set(signed.literal, { decision: { literal: signed.literal, kind: signed.kind }, evidence });
  };
  if (detection.markers) for (const signed of markedLiterals(sourceFile)) explicit(signed, 'marker');
  if (detection.types) for (const signed of typedLiterals(sourceFile)) explicit(signed, 'type');
  if (detection.keys) {
    const file = new FileStatements(sourceFile, topLevelNames);
    let tracer: ValueTracer | undefined;
    for (const m of sourceFile.text.matchAll(TRIGGER_KEY_GLOBAL)) {
      const name = nodeAt(sourceFile, m.index);
      const property = name?.parent;
      if (!property || !(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) || property.name !== name)
        continue;
      const literal = property.parent;
      if (decisions.has(literal)) continue;
      const cached = traced.get(literal);
      let decision: LiteralDecision;
      if (cached && cached.keys === detection.keys && cached.deps.standIn(file)) {
        decision = cached.decision;
        // Keys acquired later: none last time, and nothing it read has changed.
        if (!cached.later) nodes.set(literal, convertOnce(literal, sourceFile));
      } else {
        tracer ??= new ValueTracer(sourceFile);
        const { outcomes, deps } = tracer.trace(literal);
        const later = laterKeys(literal, sourceFile, deps);
        const node = withLaterKeys(convertOnce(literal, sourceFile), later);
        nodes.set(literal, node);
        decision = decideByEvidence(literal, node, outcomes, annotatedType(literal, sourceFile));
        traced.set(literal, { keys: detection.keys, decision, deps, later: later !== undefined });
      }
      // A client known by its name may complete the body (its store, its currency): no field is missing.
      // The fields of literals it was spread into on its way are present, and may name its currency.
      if (decision.open || decision.acquired) nodes.set(literal, completed(nodeOf(literal), decision));
      decisions.set(literal, { decision, evidence: decision.evidence && spanOf(decision.evidence, sourceFile) });
    }
  }
  // A payload nested in another (a product that happens to look like one) is part of the outer one.
  const checked = (literal: TS.ObjectLiteralExpression) => decisions.get(literal)?.decision.kind !== undefined;
  const payloads: Payload[] = [];
  const all: LiteralDecision[] = [];
  for (const [literal, { decision, evidence }] of decisions) {
    all.push(decision);
    if (!decision.kind || hasPayloadAncestor(literal, checked)) continue;
    const reason = evidence?.kind === 'marker' || evidence?.kind === 'type' ? evidence.kind : 'evidence';
    payloads.push({ kind: decision.kind, kindReason: reason, node: nodeOf(literal), evidence });
  }
  payloads.sort((a, b) => a.node.offset - b.node.offset);
  all.sort((a, b) => a.literal.pos - b.literal.pos);
  return { payloads, decisions: all };
}

/**
 * The decisions of literals found by their keys, with what they read of the file (kept while it
 * stands), and whether they acquire keys later (read again at each parse: their offsets may move apart).
 */
const traced = new WeakMap<TS.ObjectLiteralExpression, { keys: boolean; decision: LiteralDecision; deps: TraceDeps; later: boolean }>();

/**
 * A literal's node with what its evidence adds: keys a client may complete (open), fields acquired on
 * the way. Kept per node and decision, so an unchanged literal keeps one node from parse to parse and
 * its findings are re-used.
 */
function completed(node: ObjectNode, decision: LiteralDecision): ObjectNode {
  const known = completions.get(node);
  if (known?.decision === decision) return known.node;
  const inherited = decision.acquired ? [...(node.inherited ?? []), ...decision.acquired] : node.inherited;
  const result = { ...node, inherited, openKeys: node.openKeys || decision.open === true };
  completions.set(node, { decision, node: result });
  return result;
}
const completions = new WeakMap<ObjectNode, { decision: LiteralDecision; node: ObjectNode }>();

/** A decision's evidence in offsets, as the payload model keeps it. */
function spanOf(evidence: NonNullable<LiteralDecision['evidence']>, sourceFile: TS.SourceFile): PayloadEvidence {
  const offset = startOf(evidence.at, sourceFile.text);
  return { kind: evidence.kind, offset, length: evidence.at.end - offset, detail: evidence.detail, via: evidence.via };
}

const TRIGGER_KEY_GLOBAL = /\bplatform_order_ids?\b/g;

/** The innermost node whose span (leading trivia included) holds `offset`. */
function nodeAt(sourceFile: TS.SourceFile, offset: number): TS.Node | undefined {
  let last: TS.Node | undefined;
  for (let node: TS.Node | undefined = sourceFile; node; node = childAt(node, offset)) last = node;
  return last;
}

function hasPayloadAncestor(node: TS.Node, checked: (literal: TS.ObjectLiteralExpression) => boolean): boolean {
  const ts = typescript();
  for (let p = node.parent; p; p = p.parent) if (ts.isObjectLiteralExpression(p) && checked(p)) return true;
  return false;
}

/**
 * Conversions of literals already read, by syntax node. An incremental re-parse hands back the
 * very nodes of unchanged code (TypeScript re-uses them, moving their positions in place), so
 * after an edit only the edited literal is read again; the others are copied, shifted by how far
 * they moved. Keyed weakly: a tree that is dropped takes its entries with it.
 */
const conversions = new WeakMap<TS.ObjectLiteralExpression, { pos: number; node: ObjectNode }>();

function convertOnce(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile): ObjectNode {
  const cached = conversions.get(literal);
  let node: ObjectNode;
  if (!cached) node = convertObject(literal, sourceFile);
  else if (cached.pos === literal.pos) node = cached.node;
  else node = movedCopy(cached.node, literal.pos - cached.pos);
  conversions.set(literal, { pos: literal.pos, node });
  return node;
}
