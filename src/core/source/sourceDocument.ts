/**
 * The TypeScript/JavaScript front-end: finds the object literals in source code that are JKOPay
 * request payloads and reads them into the payload model. A literal is a payload when a
 * `// @jkopay entry|refund|inquiry` comment precedes it or its statement, when its type (by
 * `satisfies`, `as`, or a variable/parameter annotation) is named like `JkoPayEntryRequest`, or
 * by its keys when nothing about it contradicts a request (`sourceEvidence.ts`). Keys the code
 * adds later to the same variable count as present (`sourceFlow.ts`). Anything else gets
 * nothing: no false positives on ordinary code. Pure.
 */
import type * as TS from 'typescript';
import { isSource as isSourceFile, SOURCE_LANGUAGES as LANGUAGES } from '../../data/files';
import type { Endpoint } from '../../data/types';
import type { ObjectNode, Payload, PayloadDocument } from '../model/model';
import { movedCopy } from '../model/shiftNode';
import type { TextChange } from '../model/textChange';
import { kindFromKeys } from '../model/payloadKind';
import { fileFunctions, inDataContext, keysAndValuesFit, partialArgument } from './sourceEvidence';
import { type FlowIndex, indexFlow, laterKeys, withLaterKeys } from './sourceFlow';
import { childAt, convertObject, staticName, unwrap } from './tsParser';
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

// Not `@jkopay entry-response`: that marks an answer (resultCodeCoverage.ts), not a payload.
const MARKER = /@jkopay\s+(entry|refund|inquiry)\b(?!-)/i;
/** A cheap test on the raw text: files with none of these are not parsed at all. */
const TRIGGER = /platform_order_ids?|@jkopay|(?:entry|refund|inquiry)\w*(?:request|payload|params|body)/i;
const TYPE_WORD = /[A-Za-z_$][\w$]*/g;

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
  const doc: SourceDocument = { uri, text, root: undefined, payloads: [], problems: [], sourceFile: undefined };
  if (!previous && !TRIGGER.test(text)) return doc;
  const sourceFile = parseSourceFile(uri, text, previous);
  doc.sourceFile = sourceFile;
  doc.payloads = findPayloads(sourceFile, detection);
  return doc;
}

/**
 * Finds the payload literals by searching the text for what makes one (a marker, a type name,
 * a trigger key) and walking the tree only down to each hit, instead of visiting every node of
 * the file: on a large source that visit alone costs a good part of the parse.
 */
export function findPayloads(sourceFile: TS.SourceFile, detection: SourceDetection): Payload[] {
  const ts = typescript();
  const text = sourceFile.text;
  const found = new Map<TS.ObjectLiteralExpression, { kind: Endpoint; reason: Payload['kindReason'] }>();
  // (byKeys, below: the literals found by their keys only, which must pass the evidence rule.)
  // Earlier signs win: a marker over a type, a type over the keys.
  const add = (literal: TS.ObjectLiteralExpression | undefined, kind: Endpoint | undefined, reason: Payload['kindReason']) => {
    if (literal && kind && !found.has(literal)) found.set(literal, { kind, reason });
  };
  if (detection.markers) {
    const trivia = new TriviaSkipper(text);
    const comments = new CommentEnds(text);
    for (const m of text.matchAll(MARKER_GLOBAL)) add(...markedLiteral(sourceFile, m.index, trivia, comments), 'marker');
  }
  if (detection.types) {
    const libraryTypes = libraryTypeNames(sourceFile);
    let wordEnd = -1;
    for (const m of text.matchAll(ENDPOINT_GLOBAL)) {
      if (m.index < wordEnd) continue;
      // Widen the hit to its whole word: `JkoPayEntryRequest`.
      let start = m.index;
      while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
      wordEnd = m.index + m[0].length;
      while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
      if (kindFromTypeName(text.slice(start, wordEnd))) add(...typedLiteral(sourceFile, start, libraryTypes), 'type');
    }
  }
  const byKeys = new Set<TS.ObjectLiteralExpression>();
  if (detection.keys) {
    for (const m of text.matchAll(TRIGGER_KEY_GLOBAL)) {
      const path = pathTo(sourceFile, m.index);
      const name = path[path.length - 1];
      const property = name?.parent;
      if (property && (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && property.name === name) {
        const literal = property.parent as TS.ObjectLiteralExpression;
        if (found.has(literal)) continue;
        add(literal, keysKind(literal, sourceFile), 'fields');
        if (found.has(literal)) byKeys.add(literal);
      }
    }
  }
  // A payload nested in another (a product that happens to look like one) is part of the outer one.
  const literals = [...found.keys()].filter((literal) => !hasPayloadAncestor(literal, found));
  literals.sort((x, y) => x.pos - y.pos);
  let flow: FlowIndex | undefined;
  let functions: Set<string> | undefined;
  const payloads: Payload[] = [];
  for (const literal of literals) {
    const { kind, reason } = found.get(literal)!;
    const converted = convertOnce(literal, sourceFile);
    flow ??= indexFlow(text);
    const later = laterKeys(literal, sourceFile, flow);
    // Keys alone are weak evidence: a literal whose keys, values or place contradict a request is data.
    let node = withLaterKeys(converted, later);
    if (byKeys.has(literal)) {
      if (!keysAndValuesFit(converted, kind, later?.assigned) || inDataContext(literal, sourceFile)) continue;
      if (!node.openKeys && partialArgument(literal, () => (functions ??= fileFunctions(sourceFile)))) node = { ...node, openKeys: true };
    }
    payloads.push({ kind, kindReason: reason, node });
  }
  return payloads;
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

const MARKER_GLOBAL = new RegExp(MARKER.source, 'gi');
const ENDPOINT_GLOBAL = /entry|refund|inquiry/gi;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
const TRIGGER_KEY_GLOBAL = /\bplatform_order_ids?\b/g;

function hasPayloadAncestor(node: TS.Node, found: Map<TS.ObjectLiteralExpression, unknown>): boolean {
  for (let p = node.parent; p; p = p.parent) if (found.has(p as TS.ObjectLiteralExpression)) return true;
  return false;
}

/** The nodes from the file down to the innermost one whose span (leading trivia included) holds `offset`. */
function pathTo(sourceFile: TS.SourceFile, offset: number): TS.Node[] {
  const path: TS.Node[] = [];
  for (let node: TS.Node | undefined = sourceFile; node; node = childAt(node, offset)) path.push(node);
  return path;
}

/**
 * Skips whitespace and comments from a position to the next token, remembering where each comment
 * leads: a run of many comments (20,000 marker lines in a row) is then crossed once in all, not
 * once per marker.
 */
class TriviaSkipper {
  private readonly next = new Map<number, number>();
  constructor(private readonly text: string) {}

  tokenAfter(pos: number): number {
    const text = this.text;
    const comments: number[] = [];
    let i = pos;
    let result: number | undefined;
    while (result === undefined) {
      const c = text.charCodeAt(i);
      if (
        c === 32 ||
        c === 9 ||
        c === 10 ||
        c === 13 ||
        c === 11 ||
        c === 12 ||
        c === 0xa0 ||
        c === 0xfeff ||
        c === 0x2028 ||
        c === 0x2029
      ) {
        i++;
      } else if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
        const known = this.next.get(i);
        if (known !== undefined) {
          result = known;
          break;
        }
        comments.push(i);
        if (text.charCodeAt(i + 1) === 47) {
          while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        } else {
          const close = text.indexOf('*/', i + 2);
          i = close < 0 ? text.length : close + 2;
        }
      } else {
        result = Math.min(i, text.length);
      }
    }
    for (const comment of comments) this.next.set(comment, result);
    return result;
  }
}

/**
 * Ends of the comments that hold the markers, asked in increasing order of offset. The comment's
 * opener is found by reading back from the marker, never further than the previous marker (no
 * opener in between: the same comment), so that every character is read a bounded number of
 * times, whatever the layout (one line of 20,000 `/* @jkopay entry *\/` literals, one huge comment).
 */
class CommentEnds {
  private previousOffset = -1;
  private previousEnd = 0;
  constructor(private readonly text: string) {}

  endOf(offset: number): number {
    const text = this.text;
    let i = offset - 1;
    let opener = -1;
    for (; i >= 0 && i > this.previousOffset; i--) {
      if (text.charCodeAt(i) === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
        opener = i;
        break;
      }
    }
    if (opener < 0 && this.previousOffset >= 0) {
      this.previousOffset = offset;
      return this.previousEnd;
    }
    let end: number;
    if (opener >= 0 && text.charCodeAt(opener + 1) === 42) {
      const close = text.indexOf('*/', offset);
      end = close < 0 ? text.length : close + 2;
    } else {
      end = offset;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    }
    this.previousOffset = offset;
    this.previousEnd = end;
    return end;
  }
}

/**
 * The literal a `// @jkopay kind` comment at `offset` marks: the one just below it, or the first
 * in the statement below it. One descent to the comment, and trivia crossed through the skipper:
 * linear in the file however many markers it holds.
 */
function markedLiteral(
  sourceFile: TS.SourceFile,
  offset: number,
  trivia: TriviaSkipper,
  comments: CommentEnds,
): [TS.ObjectLiteralExpression | undefined, Endpoint | undefined] {
  const ts = typescript();
  const text = sourceFile.text;
  // The outermost node whose leading trivia holds the comment is what the comment stands above.
  const target = pathTo(sourceFile, offset).find((n) => n.kind !== ts.SyntaxKind.SourceFile && trivia.tokenAfter(n.pos) > offset);
  if (!target) return [undefined, undefined];
  const start = trivia.tokenAfter(target.pos);
  const lineOf = (pos: number) => sourceFile.getLineAndCharacterOfPosition(pos).line;
  if (lineOf(start) - lineOf(comments.endOf(offset)) > 1) return [undefined, undefined];
  const kind = MARKER.exec(text.slice(offset, offset + 40))?.[1].toLowerCase() as Endpoint | undefined;
  return [firstLiteral(target), kind];
}

/** The node itself when it is an object literal, else the first one inside it (not inside a nested function). */
function firstLiteral(node: TS.Node): TS.ObjectLiteralExpression | undefined {
  const ts = typescript();
  if (ts.isObjectLiteralExpression(node)) return node;
  let found: TS.ObjectLiteralExpression | undefined;
  const visit = (child: TS.Node): boolean => {
    if (ts.isObjectLiteralExpression(child)) found = child;
    else if (!ts.isFunctionLike(child) && !ts.isClassLike(child)) ts.forEachChild(child, visit);
    return found !== undefined;
  };
  ts.forEachChild(node, visit);
  return found;
}

/**
 * The literal a type name at `offset` is given to by `satisfies`, `as`, or a variable/parameter/property
 * annotation, with the endpoint the type names, when the type says JKOPay: its name carries the brand
 * (`JkoPayEntryRequest`, `JKOPayRefundBody`) or it is one of this library's request types
 * (`libraryTypes`). Other payment SDKs name their types with the same words (Stripe's
 * `RefundCreateParams`, LINE Pay's `RefundRequestBody`): such a name alone says nothing, and the
 * literal is a payload only if its keys say so.
 */
function typedLiteral(
  sourceFile: TS.SourceFile,
  offset: number,
  libraryTypes: ReadonlySet<string>,
): [TS.ObjectLiteralExpression | undefined, Endpoint | undefined] {
  const ts = typescript();
  const path = pathTo(sourceFile, offset);
  for (let i = path.length - 1; i > 0; i--) {
    const node = path[i];
    const parent = path[i - 1];
    const annotated =
      ((ts.isSatisfiesExpression(parent) || ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)) && parent.type === node) ||
      ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent)) && parent.type === node);
    if (!annotated) continue;
    const value =
      ts.isSatisfiesExpression(parent) || ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)
        ? parent.expression
        : (parent as TS.VariableDeclaration).initializer;
    const literal = value && unwrap(value);
    const typeText = node.getText(sourceFile);
    const says = JKOPAY_BRAND.test(typeText) || libraryTypes.has(typeText.replace(/\s+/g, ''));
    const kind = says ? kindFromTypeName(typeText) : undefined;
    return [literal && ts.isObjectLiteralExpression(literal) ? literal : undefined, kind];
  }
  return [undefined, undefined];
}

/** A type name that says JKOPay: `Jko…`, `JKOPay…`, `jkopay…`. */
const JKOPAY_BRAND = /jko/i;

/** The request types this package's library exports. */
const LIBRARY_REQUEST_TYPES = ['EntryRequest', 'RefundRequest', 'InquiryRequest'];

/**
 * How the file names the library's request types: `EntryRequest` (or its alias) when imported from
 * `jkopay-tools`, `jk.EntryRequest` under a namespace import of it.
 */
function libraryTypeNames(sourceFile: TS.SourceFile): Set<string> {
  const ts = typescript();
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== 'jkopay-tools') continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      for (const type of LIBRARY_REQUEST_TYPES) names.add(`${bindings.name.text}.${type}`);
    } else if (bindings) {
      for (const element of bindings.elements) {
        if (LIBRARY_REQUEST_TYPES.includes((element.propertyName ?? element.name).text)) names.add(element.name.text);
      }
    }
  }
  return names;
}

/** The endpoint a type's name announces: a word holding Entry/Refund/Inquiry and Request/Payload/Params/Body. */
export function kindFromTypeName(typeText: string): Endpoint | undefined {
  for (const [word] of typeText.matchAll(TYPE_WORD)) {
    const endpoint = /entry|refund|inquiry/i.exec(word);
    if (endpoint && /request|payload|params|body/i.test(word)) return endpoint[0].toLowerCase() as Endpoint;
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
  // A transaction (inquiry answers, the result_url callback) has these; no request does.
  if (keys.has('status') || keys.has('tradeNo')) return undefined;
  const kind = kindFromKeys((key) => keys.has(key));
  return kind === 'response' ? undefined : kind;
}
