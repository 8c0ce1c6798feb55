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
const QUOTE = 34;

/** The one-character tokens, by character code (0: none). */
const PUNCTUATION = new Uint8Array(128);
PUNCTUATION[123] = SyntaxKind.OpenBraceToken;
PUNCTUATION[125] = SyntaxKind.CloseBraceToken;
PUNCTUATION[91] = SyntaxKind.OpenBracketToken;
PUNCTUATION[93] = SyntaxKind.CloseBracketToken;
PUNCTUATION[58] = SyntaxKind.ColonToken;
PUNCTUATION[44] = SyntaxKind.CommaToken;

/** The keywords, by their first character. */
const KEYWORDS: ({ word: string; token: SyntaxKind } | undefined)[] = [];
KEYWORDS[116] = { word: 'true', token: SyntaxKind.TrueKeyword };
KEYWORDS[102] = { word: 'false', token: SyntaxKind.FalseKeyword };
KEYWORDS[110] = { word: 'null', token: SyntaxKind.NullKeyword };

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
    let token: SyntaxKind = PUNCTUATION[c];
    let end = -1;
    let value = '';
    if (token) {
      end = pos + 1;
    } else if (c === QUOTE) {
      PLAIN_STRING.lastIndex = pos;
      if (PLAIN_STRING.test(text)) {
        token = SyntaxKind.StringLiteral;
        end = PLAIN_STRING.lastIndex;
        value = text.slice(pos + 1, end - 1);
      }
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      PLAIN_NUMBER.lastIndex = pos;
      if (PLAIN_NUMBER.test(text) && endsToken(text.charCodeAt(PLAIN_NUMBER.lastIndex))) {
        token = SyntaxKind.NumericLiteral;
        end = PLAIN_NUMBER.lastIndex;
        value = text.slice(pos, end);
      }
    } else {
      const keyword = KEYWORDS[c];
      if (keyword && text.startsWith(keyword.word, pos) && endsToken(text.charCodeAt(pos + keyword.word.length))) {
        token = keyword.token;
        end = pos + keyword.word.length;
        value = keyword.word;
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
