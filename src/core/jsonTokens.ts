/**
 * The token source of the JSON front-end: jsonc-parser's scanner, with a fast path for the tokens
 * nearly every payload file is made of (blank space, punctuation, strings without escapes, plain
 * numbers, `true`/`false`/`null`). Those are read with sticky regular expressions and string
 * comparisons, which V8 runs as native code from the first call: that matters most on a cold start
 * (`jkopay check` in CI), where the scanner's per-character loop still runs unoptimized.
 * Everything else (comments, escapes, control characters, malformed numbers, unknown words, the
 * end of the text) is handed to the scanner at the same position, so tokens, values and scan errors
 * are always the scanner's own: `test/unit/jsonTokens.test.ts` compares the two on random texts.
 * Pure: depends on jsonc-parser only.
 */
import { createScanner, type JSONScanner, ScanError, SyntaxKind } from 'jsonc-parser';

/** A string with no escape and no control character (the scanner reports those). */
const PLAIN_STRING = /"[^"\\\u0000-\u001f]*"/y;
/** A JSON number as the scanner reads it without error. */
const PLAIN_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

/** Where the scanner, too, ends a number or keyword and starts the next token (NaN: the end of the text). */
function endsToken(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB || c === 44 /* , */ || c === 125 /* } */ || c === 93 /* ] */ || c !== c;
}

export class JsonTokens {
  /** The current token's offset, length and scan error, as the scanner's getters give them. */
  offset = 0;
  length = 0;
  error: ScanError = ScanError.None;
  private readonly scanner: JSONScanner;
  private pos: number;
  /** The current token's value when the fast path read it ('' for punctuation, as the scanner has it); undefined when the scanner did. */
  private fastValue: string | undefined;

  constructor(
    private readonly text: string,
    start = 0,
  ) {
    this.scanner = createScanner(text, true);
    this.pos = start;
  }

  /** Reads the next token, skipping blank space and comments. */
  next(): SyntaxKind {
    const text = this.text;
    let pos = this.pos;
    let c = text.charCodeAt(pos);
    while (c === SPACE || c === LF || c === CR || c === TAB) c = text.charCodeAt(++pos);
    // The fast path: the token's kind and end, and its value ('' for punctuation, as the scanner has it).
    let token = SyntaxKind.Unknown;
    let end = -1;
    let value = '';
    switch (c) {
      case 123:
        token = SyntaxKind.OpenBraceToken;
        end = pos + 1;
        break;
      case 125:
        token = SyntaxKind.CloseBraceToken;
        end = pos + 1;
        break;
      case 91:
        token = SyntaxKind.OpenBracketToken;
        end = pos + 1;
        break;
      case 93:
        token = SyntaxKind.CloseBracketToken;
        end = pos + 1;
        break;
      case 58:
        token = SyntaxKind.ColonToken;
        end = pos + 1;
        break;
      case 44:
        token = SyntaxKind.CommaToken;
        end = pos + 1;
        break;
      case 34:
        PLAIN_STRING.lastIndex = pos;
        if (PLAIN_STRING.test(text)) {
          token = SyntaxKind.StringLiteral;
          end = PLAIN_STRING.lastIndex;
          value = text.slice(pos + 1, end - 1);
        }
        break;
      case 116:
        if (text.startsWith('true', pos) && endsToken(text.charCodeAt(pos + 4))) {
          token = SyntaxKind.TrueKeyword;
          end = pos + 4;
          value = 'true';
        }
        break;
      case 102:
        if (text.startsWith('false', pos) && endsToken(text.charCodeAt(pos + 5))) {
          token = SyntaxKind.FalseKeyword;
          end = pos + 5;
          value = 'false';
        }
        break;
      case 110:
        if (text.startsWith('null', pos) && endsToken(text.charCodeAt(pos + 4))) {
          token = SyntaxKind.NullKeyword;
          end = pos + 4;
          value = 'null';
        }
        break;
      default:
        if (c === 45 || (c >= 48 && c <= 57)) {
          PLAIN_NUMBER.lastIndex = pos;
          if (PLAIN_NUMBER.test(text) && endsToken(text.charCodeAt(PLAIN_NUMBER.lastIndex))) {
            token = SyntaxKind.NumericLiteral;
            end = PLAIN_NUMBER.lastIndex;
            value = text.slice(pos, end);
          }
        }
    }
    if (end >= 0) {
      this.offset = pos;
      this.length = end - pos;
      this.error = ScanError.None;
      this.fastValue = value;
      this.pos = end;
      return token;
    }
    const scanner = this.scanner;
    scanner.setPosition(pos);
    const scanned = scanner.scan();
    this.offset = scanner.getTokenOffset();
    this.length = scanner.getTokenLength();
    this.error = scanner.getTokenError();
    this.fastValue = undefined;
    this.pos = scanner.getPosition();
    return scanned;
  }

  /** The current token's value: a string's content (escapes resolved), a number's text, a keyword. */
  value(): string {
    return this.fastValue ?? this.scanner.getTokenValue();
  }
}
