/**
 * The explicit signs that make a TS/JS literal a payload, whatever its keys: a marker comment
 * (`// @jkopay entry|refund|inquiry` above the literal or its statement) and a type that says
 * JKOPay (`satisfies`, `as`, or an annotation naming `JkoPayEntryRequest`, or this package's
 * `EntryRequest` imported from `jkopay-tools`). Both are found by searching the text for them and
 * descending the tree only to each hit, never by visiting every node. Pure.
 */
import type * as TS from 'typescript';
import type { Endpoint } from '../../data/types';
import { LIBRARY } from './sinks';
import { childAt, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

// Not `@jkopay entry-response`: that marks an answer (resultCodeCoverage.ts), not a payload.
const MARKER = /@jkopay\s+(entry|refund|inquiry)\b(?!-)/i;
const MARKER_GLOBAL = new RegExp(MARKER.source, 'gi');
const ENDPOINT_GLOBAL = /entry|refund|inquiry/gi;
const TYPE_WORD = /[A-Za-z_$][\w$]*/g;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** A literal an explicit sign names, the endpoint, and where the sign is written. */
export interface SignedLiteral {
  literal: TS.ObjectLiteralExpression;
  kind: Endpoint;
  /** The marker comment, or the type's name. */
  offset: number;
  length: number;
  detail: string;
}

/** The literals marked by `// @jkopay kind` comments, in the text's order. */
export function markedLiterals(sourceFile: TS.SourceFile): SignedLiteral[] {
  const text = sourceFile.text;
  const trivia = new TriviaSkipper(text);
  const comments = new CommentEnds(text);
  const found: SignedLiteral[] = [];
  for (const m of text.matchAll(MARKER_GLOBAL)) {
    const [literal, kind] = markedLiteral(sourceFile, m.index, trivia, comments);
    if (literal && kind) found.push({ literal, kind, offset: m.index, length: m[0].length, detail: m[0] });
  }
  return found;
}

/** The literals given a type that says JKOPay, in the text's order. */
export function typedLiterals(sourceFile: TS.SourceFile): SignedLiteral[] {
  const text = sourceFile.text;
  const libraryTypes = libraryTypeNames(sourceFile);
  const found: SignedLiteral[] = [];
  let wordEnd = -1;
  for (const m of text.matchAll(ENDPOINT_GLOBAL)) {
    if (m.index < wordEnd) continue;
    // Widen the hit to its whole word: `JkoPayEntryRequest`.
    let start = m.index;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    wordEnd = m.index + m[0].length;
    while (wordEnd < text.length && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
    if (!kindFromTypeName(text.slice(start, wordEnd))) continue;
    const [literal, kind, type] = typedLiteral(sourceFile, start, libraryTypes);
    if (literal && kind && type) {
      const offset = type.getStart(sourceFile);
      found.push({ literal, kind, offset, length: type.end - offset, detail: type.getText(sourceFile).replace(/\s+/g, '') });
    }
  }
  return found;
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
): [TS.ObjectLiteralExpression | undefined, Endpoint | undefined, TS.TypeNode | undefined] {
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
    return [literal && ts.isObjectLiteralExpression(literal) ? literal : undefined, kind, node as TS.TypeNode];
  }
  return [undefined, undefined, undefined];
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
    if (statement.moduleSpecifier.text !== LIBRARY) continue;
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

/** The endpoint a type's name announces: a word holding Entry/Refund/Inquiry, and Request/Payload/Params/Body or the brand. */
export function kindFromTypeName(typeText: string): Endpoint | undefined {
  for (const [word] of typeText.matchAll(TYPE_WORD)) {
    const endpoint = /entry|refund|inquiry/i.exec(word);
    // A branded name needs no more (`JkoRefund`); another needs to say it is a request (`EntryRequest`).
    if (endpoint && (/request|payload|params|body/i.test(word) || JKOPAY_BRAND.test(word))) return endpoint[0].toLowerCase() as Endpoint;
  }
  return undefined;
}

/**
 * The type a literal is given, as written (`OrderForm`, `Partial<Draft>`), when it is a name: a
 * variable's or a parameter's annotation, `as` or `satisfies`. Keywords (`any`, `object`) and
 * object types say nothing of whose data it is.
 */
export function annotatedType(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile): string | undefined {
  const ts = typescript();
  let node: TS.Node = literal;
  let type: TS.TypeNode | undefined;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (ts.isParenthesizedExpression(parent)) continue;
    if (ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) {
      type ??= parent.type;
      continue;
    }
    if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node)
      type ??= parent.type;
    break;
  }
  return type && ts.isTypeReferenceNode(type) && type.typeName.getText(sourceFile) !== 'const' ? type.getText(sourceFile) : undefined;
}
