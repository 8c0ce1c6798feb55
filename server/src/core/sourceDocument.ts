/**
 * The TypeScript/JavaScript front-end: finds the object literals in source code that are JKOPay
 * request payloads and reads them into the payload model. A literal is a payload when a
 * `// @jkopay entry|refund|inquiry` comment precedes it or its statement, when its type (by
 * `satisfies`, `as`, or a variable/parameter annotation) is named like `JkoPayEntryRequest`, or
 * by its keys. Anything else gets nothing: no false positives on ordinary code. Pure.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../data/types';
import type { Payload, PayloadDocument } from './model';
import { convertObject, staticName } from './tsParser';
import { typescript } from './typescriptLoader';

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
}

const SOURCE_FILE = /\.(tsx?|jsx?|mts|cts|mjs|cjs)$/i;
const MARKER = /@jkopay\s+(entry|refund|inquiry)\b/i;
/** A cheap test on the raw text: files with none of these are not parsed at all. */
const TRIGGER = /platform_order_ids?|@jkopay|(?:entry|refund|inquiry)\w*(?:request|payload|params|body)/i;
const TYPE_WORD = /[A-Za-z_$][\w$]*/g;

export function isSourceUri(uri: string): boolean {
  return SOURCE_FILE.test(uri.split(/[?#]/)[0]);
}

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
      return ts.ScriptKind.TS;
  }
}

/** Parses a source text, or re-parses it incrementally from the previous tree and the changed span. */
export function parseSourceFile(uri: string, text: string, previous?: { sourceFile: TS.SourceFile; change: TS.TextChangeRange }): TS.SourceFile {
  const ts = typescript();
  if (previous) return ts.updateSourceFile(previous.sourceFile, text, previous.change);
  return ts.createSourceFile(uri, text, ts.ScriptTarget.Latest, true, scriptKind(uri));
}

export function parseSourceDocument(
  uri: string,
  text: string,
  detection: SourceDetection = DEFAULT_DETECTION,
  previous?: { sourceFile: TS.SourceFile; change: TS.TextChangeRange },
): SourceDocument {
  const doc: SourceDocument = { uri, text, root: undefined, payloads: [], problems: [], sourceFile: undefined };
  if (!previous && !TRIGGER.test(text)) return doc;
  const sourceFile = parseSourceFile(uri, text, previous);
  doc.sourceFile = sourceFile;
  doc.payloads = findPayloads(sourceFile, detection);
  return doc;
}

export function findPayloads(sourceFile: TS.SourceFile, detection: SourceDetection): Payload[] {
  const ts = typescript();
  const payloads: Payload[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const found = classify(node, sourceFile, detection);
      if (found) {
        payloads.push({ kind: found.kind, kindReason: found.reason, node: convertObject(node, sourceFile) });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return payloads;
}

function classify(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile, detection: SourceDetection): { kind: Endpoint; reason: Payload['kindReason'] } | undefined {
  if (detection.markers) {
    const kind = markerKind(literal, sourceFile);
    if (kind) return { kind, reason: 'marker' };
  }
  if (detection.types) {
    const kind = typeKind(literal, sourceFile);
    if (kind) return { kind, reason: 'type' };
  }
  if (detection.keys) {
    const kind = keysKind(literal, sourceFile);
    if (kind) return { kind, reason: 'fields' };
  }
  return undefined;
}

/** `// @jkopay entry` on the line just before the literal, or before the statement that holds it. */
function markerKind(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile): Endpoint | undefined {
  const ts = typescript();
  const text = sourceFile.text;
  const lineOf = (pos: number) => sourceFile.getLineAndCharacterOfPosition(pos).line;
  const candidates: TS.Node[] = [literal];
  let statement: TS.Node = literal;
  while (statement.parent && !ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent) && !ts.isModuleBlock(statement.parent) && !ts.isCaseClause(statement.parent) && !ts.isDefaultClause(statement.parent)) {
    statement = statement.parent;
    // Stop at a function boundary: a marker above a function does not mark the literals inside it.
    if (ts.isFunctionLike(statement) || ts.isClassLike(statement)) return undefined;
  }
  if (statement !== literal) candidates.push(statement);
  for (const node of candidates) {
    const start = node.getStart(sourceFile);
    for (const comment of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
      const match = MARKER.exec(text.slice(comment.pos, comment.end));
      if (match && lineOf(start) - lineOf(comment.end) <= 1) return match[1].toLowerCase() as Endpoint;
    }
  }
  return undefined;
}

/** The endpoint a type's name announces: a word holding Entry/Refund/Inquiry and Request/Payload/Params/Body. */
export function kindFromTypeName(typeText: string): Endpoint | undefined {
  for (const [word] of typeText.matchAll(TYPE_WORD)) {
    const endpoint = /entry|refund|inquiry/i.exec(word);
    if (endpoint && /request|payload|params|body/i.test(word)) return endpoint[0].toLowerCase() as Endpoint;
  }
  return undefined;
}

function typeKind(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile): Endpoint | undefined {
  const ts = typescript();
  let node: TS.Node = literal;
  // Walk out through wrappers; each `satisfies`/`as` on the way names a type.
  while (node.parent) {
    const parent: TS.Node = node.parent;
    if (ts.isSatisfiesExpression(parent) || ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)) {
      const kind = kindFromTypeName(parent.type.getText(sourceFile));
      if (kind) return kind;
      node = parent;
    } else if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) {
      node = parent;
    } else if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node && parent.type) {
      return kindFromTypeName(parent.type.getText(sourceFile));
    } else {
      return undefined;
    }
  }
  return undefined;
}

function keysKind(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile): Endpoint | undefined {
  const ts = typescript();
  const keys = new Set<string>();
  for (const element of literal.properties) {
    if (ts.isSpreadAssignment(element) || !element.name) continue;
    const name = staticName(element.name, sourceFile);
    if (name !== undefined) keys.add(name);
  }
  if (keys.has('platform_order_ids')) return 'inquiry';
  if (!keys.has('platform_order_id')) return undefined;
  if (keys.has('refund_amount')) return 'refund';
  if (keys.has('store_id') || keys.has('total_price') || keys.has('final_price')) return 'entry';
  return undefined;
}
