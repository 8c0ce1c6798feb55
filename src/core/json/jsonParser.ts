/**
 * The JSON-with-comments front-end: reads a `.jkopay.json` text into the payload model. Tolerant (a
 * syntax error is a problem in the result, never an exception), iterative (100,000 nested brackets
 * cannot overflow the stack) and single-pass, because it runs on every keystroke and on
 * multi-megabyte files. Plain tokens (see `jsonTokens.ts`) are read in the main loop itself, and
 * keys, colons, commas and plain values are handled there too, in local variables: on a cold
 * start a function call or a property write per token costs more than the parse. Containers,
 * keywords, comments and syntax errors, a few tokens per payload, go through `ParseState`.
 * Pure: depends on jsonc-parser, the tokens and the model only.
 */
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import { endsToken, isValueStart, PLAIN_NUMBER, PLAIN_STRING, PUNCTUATION, ScannerTokens, Token } from './jsonTokens';
import type { ArrayNode, ObjectNode, ParseProblem, PropertyNode, SyntaxProblemId, ValueNode } from '../model/model';

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
  isObject: boolean;
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
   * Called with each value of the root array that is no object (no payload), as soon as it is read;
   * with `dropPayloads` it is left out of the items too: `[1,1,1,…]` in 30 MB kept fifteen million
   * nodes only to be reported as not payloads, past a 1 GB heap.
   */
  onOtherItem?: (node: ValueNode) => void;
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
  return readJson(text, options, true);
}

/**
 * The parse, with `plainTokens` false reading every token with the scanner: exported for the test
 * that proves the plain-token path changes nothing.
 */
export function readJson(text: string, options: JsonParseOptions, plainTokens: boolean): JsonParseResult {
  const { onPayload, dropPayloads = false, maxDepth = MAX_DEPTH, onOtherItem } = options;
  const state = new ParseState(onPayload, dropPayloads, maxDepth, new ScannerTokens(text), onOtherItem);
  // A byte-order mark is not content; editors and Windows tools write one.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** End of the last token read: whatever follows it at the end is trivia (blank space and comments). */
  let lastEnd = 0;
  // The innermost container and its state, kept in locals while plain tokens are read, and written
  // back to its frame before anything else.
  let frame: Frame | undefined;
  let expect = Expect.Value;
  let property: PropertyNode | undefined;
  let inObject = false;
  let attached = false;

  for (;;) {
    let c = text.charCodeAt(pos);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++pos);
    let token = Token.None;
    let offset = pos;
    let end = -1;
    let value = '';
    if (plainTokens) {
      token = c < 128 ? (PUNCTUATION[c] as Token) : Token.None;
      if (token !== Token.None) {
        end = pos + 1;
      } else if (c === 34 /* " */) {
        PLAIN_STRING.lastIndex = pos;
        if (PLAIN_STRING.test(text)) {
          token = Token.String;
          end = PLAIN_STRING.lastIndex;
          value = text.slice(pos + 1, end - 1);
        }
      } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
        PLAIN_NUMBER.lastIndex = pos;
        if (PLAIN_NUMBER.test(text) && endsToken(text.charCodeAt(PLAIN_NUMBER.lastIndex))) {
          token = Token.Number;
          end = PLAIN_NUMBER.lastIndex;
          value = text.slice(pos, end);
        }
      } else if (c === 116 /* t */ && text.startsWith('true', pos) && endsToken(text.charCodeAt(pos + 4))) {
        token = Token.True;
        end = pos + 4;
      } else if (c === 102 /* f */ && text.startsWith('false', pos) && endsToken(text.charCodeAt(pos + 5))) {
        token = Token.False;
        end = pos + 5;
      } else if (c === 110 /* n */ && text.startsWith('null', pos) && endsToken(text.charCodeAt(pos + 4))) {
        token = Token.Null;
        end = pos + 4;
      }
    }
    let length: number;
    if (end >= 0) {
      length = end - pos;
      pos = end;
    } else {
      const scanner = state.scanner;
      token = scanner.read(pos);
      offset = scanner.offset;
      length = scanner.length;
      value = scanner.value;
      pos = scanner.end;
      if (scanner.error !== ScanError.None) state.problem(SCAN_ERRORS[scanner.error] ?? 'invalid-character', offset, length);
      if (token === Token.EOF) break;
    }
    lastEnd = offset + length;

    if (frame !== undefined) {
      // The common tokens, each where it belongs: a key, a colon, a string or number value, a comma.
      switch (token) {
        case Token.String:
        case Token.Number:
          if (expect === Expect.Key && token === Token.String) {
            property = { key: value, keyOffset: offset, keyLength: length, value: undefined };
            if (attached) (frame.node as ObjectNode).properties.push(property);
            expect = Expect.Colon;
            continue;
          }
          if (expect === Expect.Value) {
            expect = Expect.Comma;
            if (!attached) continue;
            const node: ValueNode =
              token === Token.String ? { type: 'string', offset, length, value } : { type: 'number', offset, length, text: value };
            if (inObject) {
              if (property) property.value = node;
            } else if (onOtherItem && state.stack.length === 1) {
              // A plain value in the root array is no payload: reported now and, when payloads are dropped, dropped too.
              onOtherItem(node);
              if (!dropPayloads) (frame.node as ArrayNode).items.push(node);
            } else (frame.node as ArrayNode).items.push(node);
            continue;
          }
          break;
        case Token.Colon:
          if (expect === Expect.Colon) {
            expect = Expect.Value;
            continue;
          }
          break;
        case Token.Comma:
          if (expect === Expect.Comma) {
            expect = inObject ? Expect.Key : Expect.Value;
            continue;
          }
          break;
      }
      frame.expect = expect;
      frame.property = property;
    }

    frame = state.otherToken(frame, token, offset, length, value);
    if (state.resumeAt >= 0) {
      pos = state.resumeAt;
      state.resumeAt = -1;
    }
    if (frame) {
      expect = frame.expect;
      property = frame.property;
      inObject = frame.isObject;
      attached = frame.attached;
    }
  }

  if (frame) {
    frame.expect = expect;
    frame.property = property;
  }
  return state.finish(text, lastEnd);
}

/** What the parse keeps beyond the innermost container, and the tokens that are not the common ones. */
class ParseState {
  readonly problems: ParseProblem[] = [];
  /** The open containers, innermost last. */
  readonly stack: Frame[] = [];
  root: ValueNode | undefined = undefined;
  rootSeen = false;
  endReported = false;
  /** Where reading goes on after a too-deep container was skipped; -1: after the token. */
  resumeAt = -1;

  constructor(
    readonly onPayload: ((node: ObjectNode) => void) | undefined,
    readonly dropPayloads: boolean,
    readonly maxDepth: number,
    readonly scanner: ScannerTokens,
    readonly onOtherItem?: (node: ValueNode) => void,
  ) {}

  problem(id: SyntaxProblemId, offset: number, length: number): void {
    const problems = this.problems;
    if (problems.length < MAX_PROBLEMS) problems.push({ offset, length, id });
    else if (problems.length === MAX_PROBLEMS) problems.push({ offset, length, id: 'too-many-errors' });
  }

  /**
   * Every token the main loop does not handle itself: containers, keywords, the root value, what
   * follows it, and the recovery from syntax errors. Returns the innermost container afterwards.
   */
  otherToken(frame: Frame | undefined, token: Token, offset: number, length: number, value: string): Frame | undefined {
    const stack = this.stack;
    if (!frame) {
      if (!this.rootSeen && isValueStart(token)) {
        this.rootSeen = true;
        return this.readValue(token, offset, length, value, true);
      }
      if (!this.endReported) {
        this.endReported = true;
        this.problem(this.rootSeen ? 'end-expected' : 'value-expected', offset, length);
      }
      return undefined;
    }

    const isObject = frame.isObject;
    if (token === Token.CloseBrace || token === Token.CloseBracket) {
      const matches = isObject === (token === Token.CloseBrace);
      if (!matches) {
        // A stray closer: close the frames up to one it matches, if any; else ignore it.
        const target = stack.findLastIndex((f) => f.isObject === (token === Token.CloseBrace));
        this.problem(isObject ? 'close-brace-expected' : 'close-bracket-expected', offset, length);
        if (target < 0) return frame;
        while (stack.length - 1 > target) this.close(offset);
      } else if (frame.expect === Expect.Colon) {
        this.problem('colon-expected', offset, length);
      } else if (frame.expect === Expect.Value && isObject) {
        this.problem('value-expected', offset, length);
      }
      return this.close(offset + length);
    }

    switch (frame.expect) {
      case Expect.Key:
        if (token === Token.String) {
          this.startProperty(frame, value, offset, length);
        } else {
          this.problem('property-expected', offset, length);
          if (token === Token.OpenBrace || token === Token.OpenBracket) return this.readValue(token, offset, length, value, false);
        }
        break;
      case Expect.Colon:
        if (token === Token.Colon) {
          frame.expect = Expect.Value;
        } else {
          this.problem('colon-expected', offset, length);
          if (token === Token.Comma) frame.expect = Expect.Key;
          else if (isValueStart(token)) return this.readValue(token, offset, length, value, frame.attached);
        }
        break;
      case Expect.Value:
        if (isValueStart(token)) return this.readValue(token, offset, length, value, frame.attached);
        this.problem('value-expected', offset, length);
        break;
      case Expect.Comma:
        if (token === Token.Comma) {
          frame.expect = isObject ? Expect.Key : Expect.Value;
        } else {
          this.problem('comma-expected', offset, length);
          if (isObject && token === Token.String) this.startProperty(frame, value, offset, length);
          else if (!isObject && isValueStart(token)) return this.readValue(token, offset, length, value, frame.attached);
        }
        break;
    }
    return frame;
  }

  /** Reads a value starting at the current token: a container is opened, a literal attached. Returns the innermost container. */
  private readValue(token: Token, offset: number, length: number, value: string, attached: boolean): Frame | undefined {
    const stack = this.stack;
    if (token === Token.OpenBrace || token === Token.OpenBracket) {
      if (stack.length >= this.maxDepth) {
        this.skipNested(offset, attached);
      } else {
        const isObject = token === Token.OpenBrace;
        const node: ObjectNode | ArrayNode = isObject
          ? { type: 'object', offset, length: 1, properties: [] }
          : { type: 'array', offset, length: 1, items: [] };
        stack.push({ node, isObject, expect: isObject ? Expect.Key : Expect.Value, property: undefined, attached });
      }
    } else if (attached) {
      if (token === Token.String) this.attach({ type: 'string', offset, length, value });
      else if (token === Token.Number) this.attach({ type: 'number', offset, length, text: value });
      else if (token === Token.Null) this.attach({ type: 'null', offset, length });
      else this.attach({ type: 'boolean', offset, length, value: token === Token.True });
    } else {
      // A value read for the container that is not attached itself: it is not kept, but it was read.
      stack[stack.length - 1].expect = Expect.Comma;
    }
    return stack[stack.length - 1];
  }

  /** Puts a finished value where the innermost container expects it. */
  private attach(value: ValueNode): void {
    const stack = this.stack;
    const frame = stack[stack.length - 1];
    if (!frame) {
      this.root = value;
      if (value.type === 'object') this.onPayload?.(value);
      return;
    }
    frame.expect = Expect.Comma;
    if (!frame.attached) return;
    if (!frame.isObject) {
      const isPayload = value.type === 'object' && stack.length === 1;
      if (isPayload) this.onPayload?.(value);
      else if (stack.length === 1 && this.onOtherItem) {
        this.onOtherItem(value);
        if (this.dropPayloads) return;
      }
      if (!(isPayload && this.dropPayloads)) (frame.node as ArrayNode).items.push(value);
    } else if (frame.property) {
      frame.property.value = value;
    }
  }

  /** Closes the innermost container; returns the one around it. */
  private close(end: number): Frame | undefined {
    const stack = this.stack;
    const frame = stack.pop()!;
    frame.node.length = end - frame.node.offset;
    if (frame.attached) this.attach(frame.node);
    else if (stack.length) stack[stack.length - 1].expect = Expect.Comma;
    return stack[stack.length - 1];
  }

  /** The current string token is a key: a new property whose value comes next. */
  private startProperty(frame: Frame, key: string, offset: number, length: number): void {
    const property: PropertyNode = { key, keyOffset: offset, keyLength: length, value: undefined };
    if (frame.attached) (frame.node as ObjectNode).properties.push(property);
    frame.property = property;
    frame.expect = Expect.Colon;
  }

  /** Skips a too-deep container with the scanner, counting brackets, and models it as unknown. */
  private skipNested(offset: number, attached: boolean): void {
    this.problem('too-deep', offset, 1);
    const scanner = this.scanner;
    let pos = offset + 1;
    let depth = 1;
    let token: Token;
    do {
      token = scanner.read(pos);
      pos = scanner.end;
      if (token === Token.OpenBrace || token === Token.OpenBracket) depth++;
      else if (token === Token.CloseBrace || token === Token.CloseBracket) depth--;
    } while (depth > 0 && token !== Token.EOF);
    this.resumeAt = pos;
    const skipped: ValueNode = { type: 'unknown', offset, length: scanner.offset + scanner.length - offset };
    if (attached) this.attach(skipped);
    else if (this.stack.length) this.stack[this.stack.length - 1].expect = Expect.Comma;
  }

  /** At the end of the text: closes what is still open, and reports what the text lacks. */
  finish(text: string, lastEnd: number): JsonParseResult {
    unterminatedComment(text, lastEnd, this);
    while (this.stack.length) {
      const frame = this.stack[this.stack.length - 1];
      this.problem(frame.isObject ? 'close-brace-expected' : 'close-bracket-expected', text.length, 0);
      this.close(text.length);
    }
    if (!this.rootSeen) this.problem('empty-document', 0, 0);
    return { root: this.root, problems: this.problems };
  }
}

/**
 * Reports an unterminated block comment. The scanner that skips trivia drops the comment's scan error
 * (the EOF token after it overwrites it), and an unterminated comment always runs to the end of the
 * text, so only the trivia after the last token needs a second look, with a scanner that keeps it.
 */
function unterminatedComment(text: string, from: number, state: ParseState): void {
  if (text.indexOf('/*', from) < 0) return;
  const trivia = createScanner(text, false);
  trivia.setPosition(from);
  for (let token = trivia.scan(); token !== SyntaxKind.EOF; token = trivia.scan()) {
    if (token === SyntaxKind.BlockCommentTrivia && trivia.getTokenError() === ScanError.UnexpectedEndOfComment) {
      state.problem('unterminated-comment', trivia.getTokenOffset(), trivia.getTokenLength());
    }
  }
}
