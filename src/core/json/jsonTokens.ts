/**
 * The tokens of the JSON front-end: their kinds, the patterns of the plain tokens nearly every
 * payload file is made of (blank space, punctuation, strings without escapes, plain numbers,
 * `true`/`false`/`null`), and jsonc-parser's scanner for everything else (comments, escapes,
 * control characters, malformed numbers, unknown words, the end of the text). The parser reads the
 * plain tokens itself, in its own loop: on a cold start (`jkopay check` in CI) a call per token is
 * a large part of the parse. `test/unit/jsonTokens.test.ts` proves the two readings give the same
 * parse on random texts. Pure: depends on jsonc-parser only.
 */
import { createScanner, type JSONScanner, ScanError } from 'jsonc-parser';

/**
 * Token kinds, with jsonc-parser's `SyntaxKind` numbers. Its enum is a `const enum` in a .d.ts,
 * which the bundler cannot inline: every use would be a property read, on every token.
 */
export const enum Token {
  None = 0,
  OpenBrace = 1,
  CloseBrace = 2,
  OpenBracket = 3,
  CloseBracket = 4,
  Comma = 5,
  Colon = 6,
  Null = 7,
  True = 8,
  False = 9,
  String = 10,
  Number = 11,
  EOF = 17,
}

/** A string with no escape and no control character (the scanner reports those). */
export const PLAIN_STRING = /"[^"\\\u0000-\u001f]*"/y;
/** A JSON number as the scanner reads it without error. */
export const PLAIN_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** The one-character tokens, by character code (Token.None: none). */
export const PUNCTUATION = new Uint8Array(128);
PUNCTUATION[123] = Token.OpenBrace;
PUNCTUATION[125] = Token.CloseBrace;
PUNCTUATION[91] = Token.OpenBracket;
PUNCTUATION[93] = Token.CloseBracket;
PUNCTUATION[58] = Token.Colon;
PUNCTUATION[44] = Token.Comma;

/** Where the scanner, too, ends a number or keyword and starts the next token (NaN: the end of the text). */
export function endsToken(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 44 /* , */ || c === 125 /* } */ || c === 93 /* ] */ || c !== c;
}

export function isValueStart(token: Token): boolean {
  return (token >= Token.Null && token <= Token.Number) || token === Token.OpenBrace || token === Token.OpenBracket;
}

/** jsonc-parser's scanner, reading the token at a position: what the plain-token path leaves to it. */
export class ScannerTokens {
  /** The token read last: offset, length, scan error, value (a string's content with escapes resolved), and where it ends. */
  offset = 0;
  length = 0;
  error: ScanError = ScanError.None;
  value = '';
  end = 0;
  private readonly scanner: JSONScanner;

  constructor(text: string) {
    this.scanner = createScanner(text, true);
  }

  /** Reads the token at `pos`, skipping blank space and comments first. */
  read(pos: number): Token {
    const scanner = this.scanner;
    scanner.setPosition(pos);
    const token = scanner.scan() as number as Token;
    this.offset = scanner.getTokenOffset();
    this.length = scanner.getTokenLength();
    this.error = scanner.getTokenError();
    this.value = scanner.getTokenValue();
    this.end = scanner.getPosition();
    return token;
  }
}
