/**
 * The JSON-with-comments front-end: reads a `.jkopay.json` text into the payload model with
 * jsonc-parser's scanner (through `JsonTokens`, its fast path for common tokens). Tolerant (a
 * syntax error is a problem in the result, never an exception), iterative (100,000 nested brackets
 * cannot overflow the stack) and single-pass, because it runs on every keystroke and on
 * multi-megabyte files. Pure: depends on jsonc-parser, the token source and the model only.
 */
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import { JsonTokens } from './jsonTokens';
import type { ArrayNode, ObjectNode, ParseProblem, PropertyNode, SyntaxProblemId, ValueNode } from './model';

/** Nesting deeper than any payload; past it a value is skipped (and reported) instead of modelled. */
export const MAX_DEPTH = 256;
/** After this many syntax problems the rest are dropped: random bytes would give one per byte. */
export const MAX_PROBLEMS = 100;

const enum Expect {
  Key,
  Colon,
  Value,
  Comma,
}

interface Frame {
  node: ObjectNode | ArrayNode;
  expect: Expect;
  /** The property whose value is being read (objects only). */
  property: PropertyNode | undefined;
  /** False for a container found where no value belongs: it is parsed but not attached. */
  attached: boolean;
}

export interface JsonParseOptions {
  /** Called with each payload object (the root object, or an object directly in the root array) as soon as it closes. */
  onPayload?: (node: ObjectNode) => void;
  /**
   * Leave payload objects out of the root array's items once `onPayload` has seen them. Checking a
   * large file this way keeps each payload's nodes short-lived, which the garbage collector frees
   * almost for free; keeping 5,000 payload trees alive costs several times the parse itself.
   */
  dropPayloads?: boolean;
  /**
   * Nesting allowed before a container is skipped as too deep (default MAX_DEPTH). Re-reading one
   * payload of a root array on its own passes MAX_DEPTH - 1: in the whole file it sits one level down.
   */
  maxDepth?: number;
}

export interface JsonParseResult {
  root: ValueNode | undefined;
  problems: ParseProblem[];
}

const SCAN_ERRORS: Partial<Record<ScanError, SyntaxProblemId>> = {
  [ScanError.UnexpectedEndOfComment]: 'unterminated-comment',
  [ScanError.UnexpectedEndOfString]: 'unterminated-string',
  [ScanError.UnexpectedEndOfNumber]: 'invalid-number',
  [ScanError.InvalidUnicode]: 'invalid-escape',
  [ScanError.InvalidEscapeCharacter]: 'invalid-escape',
  [ScanError.InvalidCharacter]: 'invalid-character',
};

export function parseJson(text: string, options: JsonParseOptions = {}): JsonParseResult {
  const { onPayload, dropPayloads = false, maxDepth = MAX_DEPTH } = options;
  // A byte-order mark is not content; editors and Windows tools write one.
  const tokens = new JsonTokens(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);

  const problems: ParseProblem[] = [];
  const stack: Frame[] = [];
  let root: ValueNode | undefined;
  let rootSeen = false;
  let endReported = false;

  const problem = (id: SyntaxProblemId, offset: number, length: number) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ offset, length, id });
    else if (problems.length === MAX_PROBLEMS) problems.push({ offset, length, id: 'too-many-errors' });
  };

  /** Puts a finished value where the innermost container expects it. */
  const attach = (value: ValueNode) => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      root = value;
      rootSeen = true;
      if (value.type === 'object') onPayload?.(value);
      return;
    }
    frame.expect = Expect.Comma;
    if (!frame.attached) return;
    if (frame.node.type === 'array') {
      const isPayload = value.type === 'object' && stack.length === 1;
      if (isPayload) onPayload?.(value);
      if (!(isPayload && dropPayloads)) frame.node.items.push(value);
    } else if (frame.property) {
      frame.property.value = value;
    }
  };

  const close = (end: number) => {
    const frame = stack.pop()!;
    frame.node.length = end - frame.node.offset;
    if (frame.attached) attach(frame.node);
    else if (stack.length) stack[stack.length - 1].expect = Expect.Comma;
  };

  /** Skips a too-deep container iteratively, counting brackets, and models it as unknown. */
  const skipNested = (offset: number) => {
    problem('too-deep', offset, 1);
    let depth = 1;
    let token: SyntaxKind;
    do {
      token = tokens.next();
      if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
      else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
    } while (depth > 0 && token !== SyntaxKind.EOF);
    const end = tokens.offset + tokens.length;
    return { type: 'unknown', offset, length: end - offset } as ValueNode;
  };

  /** The current string token is a key: a new property whose value comes next. */
  const startProperty = (frame: Frame, offset: number, length: number) => {
    const property: PropertyNode = { key: tokens.value(), keyOffset: offset, keyLength: length, value: undefined };
    if (frame.attached) (frame.node as ObjectNode).properties.push(property);
    frame.property = property;
    frame.expect = Expect.Colon;
  };

  /** Reads a value starting at the current token; containers are pushed, literals attached. */
  const readValue = (token: SyntaxKind, offset: number, length: number, attached: boolean) => {
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        if (stack.length >= maxDepth) {
          const skipped = skipNested(offset);
          if (attached) attach(skipped);
          return;
        }
        const node: ObjectNode | ArrayNode =
          token === SyntaxKind.OpenBraceToken
            ? { type: 'object', offset, length: 1, properties: [] }
            : { type: 'array', offset, length: 1, items: [] };
        stack.push({ node, expect: node.type === 'object' ? Expect.Key : Expect.Value, property: undefined, attached });
        return;
      }
      case SyntaxKind.StringLiteral:
        if (attached) attach({ type: 'string', offset, length, value: tokens.value() });
        return;
      case SyntaxKind.NumericLiteral:
        if (attached) attach({ type: 'number', offset, length, text: tokens.value() });
        return;
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
        if (attached) attach({ type: 'boolean', offset, length, value: token === SyntaxKind.TrueKeyword });
        return;
      case SyntaxKind.NullKeyword:
        if (attached) attach({ type: 'null', offset, length });
        return;
    }
  };

  /** End of the last token read: whatever follows it at the end is trivia (blank space and comments). */
  let lastEnd = 0;
  for (;;) {
    const token = tokens.next();
    const offset = tokens.offset;
    const length = tokens.length;
    const scanError = tokens.error;
    if (scanError !== ScanError.None) problem(SCAN_ERRORS[scanError] ?? 'invalid-character', offset, length);
    if (token === SyntaxKind.EOF) {
      unterminatedComment(text, lastEnd, problem);
      break;
    }
    lastEnd = offset + length;

    const frame = stack[stack.length - 1];
    const isValueStart =
      token === SyntaxKind.OpenBraceToken ||
      token === SyntaxKind.OpenBracketToken ||
      token === SyntaxKind.StringLiteral ||
      token === SyntaxKind.NumericLiteral ||
      token === SyntaxKind.TrueKeyword ||
      token === SyntaxKind.FalseKeyword ||
      token === SyntaxKind.NullKeyword;

    if (!frame) {
      if (!rootSeen && isValueStart) {
        rootSeen = true;
        readValue(token, offset, length, true);
      } else if (!endReported) {
        endReported = true;
        problem(rootSeen ? 'end-expected' : 'value-expected', offset, length);
      }
      continue;
    }

    const isObject = frame.node.type === 'object';
    if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      const matches = isObject === (token === SyntaxKind.CloseBraceToken);
      if (!matches) {
        // A stray closer: close the frames up to one it matches, if any; else ignore it.
        const target = stack.findLastIndex((f) => (f.node.type === 'object') === (token === SyntaxKind.CloseBraceToken));
        problem(isObject ? 'close-brace-expected' : 'close-bracket-expected', offset, length);
        if (target < 0) continue;
        while (stack.length - 1 > target) close(offset);
      } else if (frame.expect === Expect.Colon) {
        problem('colon-expected', offset, length);
      } else if (frame.expect === Expect.Value && isObject) {
        problem('value-expected', offset, length);
      }
      close(offset + length);
      continue;
    }

    switch (frame.expect) {
      case Expect.Key:
        if (token === SyntaxKind.StringLiteral) {
          startProperty(frame, offset, length);
        } else {
          problem('property-expected', offset, length);
          if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) readValue(token, offset, length, false);
        }
        break;
      case Expect.Colon:
        if (token === SyntaxKind.ColonToken) {
          frame.expect = Expect.Value;
        } else {
          problem('colon-expected', offset, length);
          if (token === SyntaxKind.CommaToken) frame.expect = Expect.Key;
          else if (isValueStart) readValue(token, offset, length, frame.attached);
        }
        break;
      case Expect.Value:
        if (isValueStart) readValue(token, offset, length, frame.attached);
        else problem('value-expected', offset, length);
        break;
      case Expect.Comma:
        if (token === SyntaxKind.CommaToken) {
          frame.expect = isObject ? Expect.Key : Expect.Value;
        } else {
          problem('comma-expected', offset, length);
          if (isObject && token === SyntaxKind.StringLiteral) {
            startProperty(frame, offset, length);
          } else if (!isObject && isValueStart) {
            readValue(token, offset, length, frame.attached);
          }
        }
        break;
    }
  }

  while (stack.length) {
    const frame = stack[stack.length - 1];
    problem(frame.node.type === 'object' ? 'close-brace-expected' : 'close-bracket-expected', text.length, 0);
    close(text.length);
  }
  if (!rootSeen) problem('empty-document', 0, 0);
  return { root, problems };
}

/**
 * Reports an unterminated block comment. The scanner that skips trivia drops the comment's scan error
 * (the EOF token after it overwrites it), and an unterminated comment always runs to the end of the
 * text, so only the trivia after the last token needs a second look, with a scanner that keeps it.
 */
function unterminatedComment(text: string, from: number, problem: (id: SyntaxProblemId, offset: number, length: number) => void): void {
  if (text.indexOf('/*', from) < 0) return;
  const trivia = createScanner(text, false);
  trivia.setPosition(from);
  for (let token = trivia.scan(); token !== SyntaxKind.EOF; token = trivia.scan()) {
    if (token === SyntaxKind.BlockCommentTrivia && trivia.getTokenError() === ScanError.UnexpectedEndOfComment) {
      problem('unterminated-comment', trivia.getTokenOffset(), trivia.getTokenLength());
    }
  }
}
