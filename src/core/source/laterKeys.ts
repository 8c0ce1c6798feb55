/**
 * The keys a request literal acquires on its way, for classifying and checking it as sent:
 *
 * - the builder pattern, a literal bound to a variable and completed later where the variable is
 *   visible (`const body = { … }; if (x) body.unredeem = x;`): `body.x = …`, `body['x'] = …`,
 *   `Object.assign(body, { … })`. Assignments under a condition count too: the check cannot know
 *   the condition, and a false alarm costs more than a miss (the keys of a new literal the body is
 *   spread into on its way to JKOPay are the trail's: see `valueFlow.ts`);
 * - spreads of const object literals of the file into the literal (`{ ...JKO_BASE, total_price }`
 *   with `const JKO_BASE = { store_id, currency: 'TWD', unredeem: 0 }`, or `Object.freeze` of one):
 *   their fields are present and their currency is the literal's. A spread of anything else leaves
 *   the key set open.
 *
 * Uses are found by name in the variable's scope (`identifierUses.ts`), leaving out those of a
 * variable of the same name declared in a nested block or function. Pure.
 */
import type * as TS from 'typescript';
import type { ObjectNode, PropertyNode } from '../model/model';
import { declarationOfVariable, shadowed } from './declarations';
import { identifiersNamed } from './identifierUses';
import { constObject } from './staticText';
import type { TraceDeps } from './traceDeps';
import { convertObject, convertValue, startOf, staticName, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

/** What the code adds to a literal after it is written, or what its spreads bring. */
export interface LaterKeys {
  /** Properties assigned with a key known statically: checked like the literal's own. */
  assigned: PropertyNode[];
  /** Properties of the const literals spread into it: present, and read for the currency. */
  inherited: PropertyNode[];
  /** A key or an object that cannot be known statically was added: the key set is open. */
  open: boolean;
  /** Whether the literal's own keys are all known: every spread resolved, no computed key. */
  keysKnown: boolean;
}

/** The variable a literal initializes (`const body = { … }`, through parentheses and `as`/`satisfies`). */
export function boundVariable(literal: TS.ObjectLiteralExpression): TS.VariableDeclaration | undefined {
  const ts = typescript();
  let node: TS.Node = literal;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))
    node = node.parent;
  const parent = node.parent;
  return ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name) ? parent : undefined;
}

/** The keys added to a literal later, and those its spreads of consts bring; undefined when none. */
export function laterKeys(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile, deps: TraceDeps): LaterKeys | undefined {
  const later: LaterKeys = { assigned: [], inherited: [], open: false, keysKnown: true };
  inheritSpreads(literal, sourceFile, deps, later);
  const declaration = boundVariable(literal);
  if (declaration) addAssignments(declaration, sourceFile, deps, later);
  const any = later.assigned.length || later.inherited.length || later.open;
  return any ? later : undefined;
}

/** The properties of each `...CONST` in the literal; a spread that is not a const literal of the file leaves it open. */
function inheritSpreads(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile, deps: TraceDeps, later: LaterKeys): void {
  const ts = typescript();
  for (const element of literal.properties) {
    if (!ts.isSpreadAssignment(element)) {
      if (element.name && staticName(element.name, sourceFile) === undefined) later.keysKnown = false;
      continue;
    }
    const base = constObject(element.expression, deps);
    if (!base || base === literal) {
      later.keysKnown = false;
      continue;
    }
    const converted = convertObject(base, sourceFile, 1);
    for (const property of converted.properties) later.inherited.push(property);
    if (converted.openKeys) later.keysKnown = false;
  }
}

function addAssignments(declaration: TS.VariableDeclaration, sourceFile: TS.SourceFile, deps: TraceDeps, later: LaterKeys): void {
  const ts = typescript();
  const name = (declaration.name as TS.Identifier).text;
  const found = declarationOfVariable(declaration as TS.VariableDeclaration & { name: TS.Identifier }, deps);
  deps.touch(found.scope);
  const text = sourceFile.text;
  for (const id of identifiersNamed(found.scope, name, sourceFile)) {
    if (id.pos < declaration.end || shadowed(id, found)) continue;
    const parent = id.parent;
    // body.x = …, body['x'] = …
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === id) {
      const assignment = parent.parent;
      if (!ts.isBinaryExpression(assignment) || assignment.left !== parent || !isAssignmentOperator(assignment.operatorToken.kind))
        continue;
      let keyNode: TS.Node;
      let key: string | undefined;
      if (ts.isPropertyAccessExpression(parent)) {
        keyNode = parent.name;
        key = parent.name.text;
      } else {
        keyNode = unwrap(parent.argumentExpression);
        key = ts.isStringLiteral(keyNode) || ts.isNoSubstitutionTemplateLiteral(keyNode) ? keyNode.text : undefined;
      }
      if (key === undefined) {
        later.open = true;
        continue;
      }
      const keyOffset = startOf(keyNode, text);
      later.assigned.push({ key, keyOffset, keyLength: keyNode.end - keyOffset, value: convertValue(assignment.right, sourceFile, 1) });
      continue;
    }
    // Object.assign(body, { … })
    const call = parent;
    if (ts.isCallExpression(call) && call.arguments[0] === id && isObjectAssign(call.expression)) {
      for (const argument of call.arguments.slice(1)) {
        const value = unwrap(argument);
        if (ts.isObjectLiteralExpression(value)) {
          const converted = convertObject(value, sourceFile, 1);
          later.assigned.push(...converted.properties);
          later.open ||= converted.openKeys === true;
        } else {
          later.open = true;
        }
      }
    }
  }
}

function isObjectAssign(callee: TS.Expression): boolean {
  const ts = typescript();
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Object' &&
    callee.name.text === 'assign'
  );
}

function isAssignmentOperator(kind: TS.SyntaxKind): boolean {
  const k = typescript().SyntaxKind;
  return (
    kind === k.EqualsToken ||
    kind === k.QuestionQuestionEqualsToken ||
    kind === k.BarBarEqualsToken ||
    kind === k.AmpersandAmpersandEqualsToken
  );
}

/** The literal's converted node with what it acquires: a shallow copy, so cached conversions stay as read. */
export function withLaterKeys(node: ObjectNode, later: LaterKeys | undefined): ObjectNode {
  if (!later) return node;
  return {
    ...node,
    assigned: later.assigned.length ? later.assigned : undefined,
    inherited: later.inherited.length ? later.inherited : undefined,
    // A literal whose every spread is a const of the file has a known key set again.
    openKeys: later.open || (node.openKeys === true && !later.keysKnown),
  };
}
