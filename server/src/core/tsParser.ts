/**
 * The TypeScript/JavaScript front-end's conversion: an object literal of the `typescript`
 * parser's tree becomes the same payload model as a JSON object (offsets, key ranges, string
 * values, numbers' source text), so every rule, hover and quick fix works unchanged. Values
 * that are not literals (identifiers, calls, templates with substitutions, spreads) become
 * `unknown`; a spread or computed key marks the object's keys as open. Pure.
 */
import type * as TS from 'typescript';
import type { ArrayNode, ObjectNode, PropertyNode, ValueNode } from './model';
import { typescript } from './typescriptLoader';

/** Nesting beyond any payload; deeper values are treated as unknown rather than followed. */
const MAX_DEPTH = 64;

/** Strips wrappers that do not change a value: parentheses, `as const`, `satisfies`, `!`. */
export function unwrap(node: TS.Expression): TS.Expression {
  const ts = typescript();
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
      node = node.expression;
    } else {
      return node;
    }
  }
}

/** The name of a property as written, when it is static (`a`, `"a"`, `1`); undefined for computed names. */
export function staticName(name: TS.PropertyName, sourceFile: TS.SourceFile): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const inner = unwrap(name.expression);
    if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
  }
  if (ts.isPrivateIdentifier(name)) return name.getText(sourceFile);
  return undefined;
}

export function convertObject(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile, depth = 0): ObjectNode {
  const ts = typescript();
  const offset = literal.getStart(sourceFile);
  const node: ObjectNode = { type: 'object', offset, length: literal.end - offset, properties: [] };
  for (const element of literal.properties) {
    if (ts.isSpreadAssignment(element)) {
      node.openKeys = true;
      continue;
    }
    if (!element.name) continue;
    const key = staticName(element.name, sourceFile);
    if (key === undefined) {
      node.openKeys = true;
      continue;
    }
    const keyOffset = element.name.getStart(sourceFile);
    const property: PropertyNode = { key, keyOffset, keyLength: element.name.end - keyOffset, value: undefined };
    if (ts.isPropertyAssignment(element)) {
      property.value = convertValue(element.initializer, sourceFile, depth + 1);
    } else {
      // Shorthand `{ amount }`, methods and accessors: present, value unknown.
      property.value = { type: 'unknown', offset: keyOffset, length: element.end - keyOffset };
    }
    node.properties.push(property);
  }
  return node;
}

/** A numeric literal's text as a JSON number would carry it: separators dropped; non-decimal forms as their value. */
function numberText(literal: TS.NumericLiteral, sourceFile: TS.SourceFile, negative: boolean): string {
  let text = sourceFile.text.slice(literal.getStart(sourceFile), literal.end);
  if (text.includes('_')) text = text.replace(/_/g, '');
  if (/^0[xob]/i.test(text)) text = String(Number(text));
  return negative ? `-${text}` : text;
}

export function convertValue(expression: TS.Expression, sourceFile: TS.SourceFile, depth: number): ValueNode {
  const ts = typescript();
  const Kind = ts.SyntaxKind;
  const node = unwrap(expression);
  const offset = node.getStart(sourceFile);
  const length = node.end - offset;
  if (depth > MAX_DEPTH) return { type: 'unknown', offset, length };
  switch (node.kind) {
    case Kind.StringLiteral:
    case Kind.NoSubstitutionTemplateLiteral:
      return { type: 'string', offset, length, value: (node as TS.StringLiteral).text };
    case Kind.NumericLiteral:
      return { type: 'number', offset, length, text: numberText(node as TS.NumericLiteral, sourceFile, false) };
    case Kind.PrefixUnaryExpression: {
      const { operator, operand } = node as TS.PrefixUnaryExpression;
      if (operator === Kind.MinusToken && operand.kind === Kind.NumericLiteral) {
        return { type: 'number', offset, length, text: numberText(operand as TS.NumericLiteral, sourceFile, true) };
      }
      return { type: 'unknown', offset, length };
    }
    case Kind.TrueKeyword:
    case Kind.FalseKeyword:
      return { type: 'boolean', offset, length, value: node.kind === Kind.TrueKeyword };
    case Kind.NullKeyword:
      return { type: 'null', offset, length };
    case Kind.ObjectLiteralExpression:
      return convertObject(node as TS.ObjectLiteralExpression, sourceFile, depth);
    case Kind.ArrayLiteralExpression: {
      const array: ArrayNode = { type: 'array', offset, length, items: [] };
      for (const element of (node as TS.ArrayLiteralExpression).elements) {
        if (element.kind === Kind.SpreadElement || element.kind === Kind.OmittedExpression) {
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
