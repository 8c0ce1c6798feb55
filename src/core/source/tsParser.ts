/**
 * The TypeScript/JavaScript front-end's conversion: an object literal of the `typescript`
 * parser's tree becomes the same payload model as a JSON object (offsets, key ranges, string
 * values, numbers' source text), so every rule, hover and quick fix works unchanged. Values
 * that are not literals (identifiers, calls, templates with substitutions, spreads) become
 * `unknown`; a spread or computed key marks the object's keys as open. Pure.
 */
import type * as TS from 'typescript';
import { compare, fitsDouble, readNumber } from '../model/decimal';
import type { ArrayNode, NumberNode, ObjectNode, PropertyNode, ValueNode } from '../model/model';
import { typescript } from './typescriptLoader';

/** Nesting beyond any payload; deeper values are treated as unknown rather than followed. */
const MAX_DEPTH = 64;

/**
 * The syntax kinds this module tests, read from `typescript` once: its namespace object is huge,
 * and looking names up in it (or in `SyntaxKind`) on every node is a measurable part of a check.
 */
function makeKinds() {
  const k = typescript().SyntaxKind;
  return {
    Parenthesized: k.ParenthesizedExpression,
    As: k.AsExpression,
    Satisfies: k.SatisfiesExpression,
    NonNull: k.NonNullExpression,
    TypeAssertion: k.TypeAssertionExpression,
    Identifier: k.Identifier,
    PrivateIdentifier: k.PrivateIdentifier,
    StringLiteral: k.StringLiteral,
    Template: k.NoSubstitutionTemplateLiteral,
    NumericLiteral: k.NumericLiteral,
    ComputedName: k.ComputedPropertyName,
    Spread: k.SpreadAssignment,
    PropertyAssignment: k.PropertyAssignment,
    PrefixUnary: k.PrefixUnaryExpression,
    Minus: k.MinusToken,
    True: k.TrueKeyword,
    False: k.FalseKeyword,
    Null: k.NullKeyword,
    ObjectLiteral: k.ObjectLiteralExpression,
    ArrayLiteral: k.ArrayLiteralExpression,
    SpreadElement: k.SpreadElement,
    Omitted: k.OmittedExpression,
  };
}
let kindsCache: ReturnType<typeof makeKinds> | undefined;
const kinds = () => (kindsCache ??= makeKinds());

/**
 * Where a node's own text starts: its position after the leading whitespace and comments. The
 * same answer as `node.getStart(sourceFile)`, which is several times slower (it also looks for
 * JSDoc) and, called on every node of 5,000 payloads, costs more than converting them.
 */
export function startOf(node: TS.Node, text: string): number {
  let i = node.pos;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else {
      return Math.min(i, node.end);
    }
  }
}

/**
 * The child of `node` whose span (leading trivia included) holds `offset`, if any. Lists (a file's
 * statements, a long array) are binary-searched by position, so descending from the file to any
 * offset costs the depth of the tree times a logarithm, never a scan of every sibling.
 */
export function childAt(node: TS.Node, offset: number): TS.Node | undefined {
  let next: TS.Node | undefined;
  typescript().forEachChild(
    node,
    (child) => (child.pos <= offset && offset < child.end ? (next = child) : undefined),
    (list) => {
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (list[mid].end <= offset) low = mid + 1;
        else if (list[mid].pos > offset) high = mid - 1;
        else return (next = list[mid]);
      }
      return undefined;
    },
  );
  return next;
}

/** Strips wrappers that do not change a value: parentheses, `as const`, `satisfies`, `!`. */
export function unwrap(node: TS.Expression): TS.Expression {
  const K = kinds();
  for (;;) {
    const kind = node.kind;
    if (kind === K.Parenthesized || kind === K.As || kind === K.Satisfies || kind === K.NonNull || kind === K.TypeAssertion) {
      node = (node as TS.ParenthesizedExpression).expression;
    } else {
      return node;
    }
  }
}

/** The name of a property as written, when it is static (`a`, `"a"`, `1`); undefined for computed names. */
export function staticName(name: TS.PropertyName, sourceFile: TS.SourceFile): string | undefined {
  const K = kinds();
  const kind = name.kind;
  if (kind === K.Identifier || kind === K.StringLiteral || kind === K.Template || kind === K.NumericLiteral)
    return (name as TS.Identifier).text;
  if (kind === K.ComputedName) {
    const inner = unwrap((name as TS.ComputedPropertyName).expression);
    if (inner.kind === K.StringLiteral || inner.kind === K.Template) return (inner as TS.StringLiteral).text;
  }
  if (kind === K.PrivateIdentifier) return name.getText(sourceFile);
  return undefined;
}

export function convertObject(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile, depth = 0): ObjectNode {
  const K = kinds();
  const offset = startOf(literal, sourceFile.text);
  const node: ObjectNode = { type: 'object', offset, length: literal.end - offset, properties: [] };
  for (const element of literal.properties) {
    if (element.kind === K.Spread || !element.name) {
      node.openKeys ||= element.kind === K.Spread;
      continue;
    }
    const key = staticName(element.name, sourceFile);
    if (key === undefined) {
      node.openKeys = true;
      continue;
    }
    const keyOffset = startOf(element.name, sourceFile.text);
    const property: PropertyNode = { key, keyOffset, keyLength: element.name.end - keyOffset, value: undefined };
    if (element.kind === K.PropertyAssignment) {
      property.value = convertValue((element as TS.PropertyAssignment).initializer, sourceFile, depth + 1);
    } else {
      // Shorthand `{ amount }`, methods and accessors: present, value unknown.
      property.value = { type: 'unknown', offset: keyOffset, length: element.end - keyOffset };
    }
    node.properties.push(property);
  }
  return node;
}

/** Literals whose text is already what JSON.stringify gives: plain integers below 2^53 without leading zeros. */
const PLAIN_INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;

/**
 * A numeric literal as a JavaScript program sends it: the text `JSON.stringify` gives for the
 * literal's value (`100.0` → `100`, `12.30` → `12.3`, `1_000.50` → `1000.5`, `0x10` → `16`), so
 * that amounts are judged on the bytes on the wire, not on how the code is written. A literal
 * whose value a double does not hold (an unsafe integer, too many digits) keeps its written text,
 * for the unsafe-number rule to report; `written` keeps the source text when it differs.
 */
function numberNode(literal: TS.NumericLiteral, sourceFile: TS.SourceFile, negative: boolean, offset: number, length: number): NumberNode {
  const literalText = sourceFile.text.slice(startOf(literal, sourceFile.text), literal.end);
  const written = negative ? `-${literalText}` : literalText;
  if (PLAIN_INTEGER.test(written)) return { type: 'number', offset, length, text: written };
  let decimalText = literalText.includes('_') ? literalText.replace(/_/g, '') : literalText;
  if (/^0[xob]/i.test(decimalText)) decimalText = String(Number(decimalText));
  if (negative) decimalText = `-${decimalText}`;
  // Legacy octal (`010`) and `08`-style literals: let the value speak, as JavaScript does.
  const value = Number(decimalText);
  const sent = Number.isFinite(value) ? JSON.stringify(value) : undefined;
  const text = sent !== undefined && sameValue(decimalText, sent) ? sent : decimalText;
  return text === written ? { type: 'number', offset, length, text } : { type: 'number', offset, length, text, written };
}

/** True when two decimal texts denote exactly the same number (the written one survives the double). */
function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  if (fitsDouble(a)) return true;
  const x = readNumber(a);
  const y = readNumber(b);
  return x !== undefined && y !== undefined && compare(x, y) === 0;
}

export function convertValue(expression: TS.Expression, sourceFile: TS.SourceFile, depth: number): ValueNode {
  const Kind = kinds();
  const node = unwrap(expression);
  const offset = startOf(node, sourceFile.text);
  const length = node.end - offset;
  if (depth > MAX_DEPTH) return { type: 'unknown', offset, length };
  switch (node.kind) {
    case Kind.StringLiteral:
    case Kind.Template:
      return { type: 'string', offset, length, value: (node as TS.StringLiteral).text };
    case Kind.NumericLiteral:
      return numberNode(node as TS.NumericLiteral, sourceFile, false, offset, length);
    case Kind.PrefixUnary: {
      const { operator, operand } = node as TS.PrefixUnaryExpression;
      if (operator === Kind.Minus && operand.kind === Kind.NumericLiteral) {
        return numberNode(operand as TS.NumericLiteral, sourceFile, true, offset, length);
      }
      return { type: 'unknown', offset, length };
    }
    case Kind.True:
    case Kind.False:
      return { type: 'boolean', offset, length, value: node.kind === Kind.True };
    case Kind.Null:
      return { type: 'null', offset, length };
    case Kind.ObjectLiteral:
      return convertObject(node as TS.ObjectLiteralExpression, sourceFile, depth);
    case Kind.ArrayLiteral: {
      const array: ArrayNode = { type: 'array', offset, length, items: [] };
      for (const element of (node as TS.ArrayLiteralExpression).elements) {
        if (element.kind === Kind.SpreadElement || element.kind === Kind.Omitted) {
          // The items' count and contents are no longer known: treat the whole array as unknown.
          return { type: 'unknown', offset, length };
        }
        array.items.push(convertValue(element, sourceFile, depth + 1));
      }
      return array;
    }
    default:
      return { type: 'unknown', offset, length };
  }
}
