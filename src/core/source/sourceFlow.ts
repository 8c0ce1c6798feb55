/**
 * The builder pattern: a request literal bound to a variable and completed later in the same
 * function, as SDKs do (`const body = { … }; if (x) body.unredeem = x;`). Properties added later
 * count as present: `body.x = …`, `body['x'] = …`, `Object.assign(body, { … })`, and the keys of
 * a new literal the body is spread into (`{ ...body, x }`). Assignments under a condition count
 * too: the check cannot know the condition, and a false alarm costs more than a miss.
 *
 * The candidates are found by three regular expressions over the text, once per parse, and each
 * is confirmed on the syntax tree: no walk of every node. Names are matched without a type
 * checker, so a shadowing variable of the same name in the same function is taken for the same.
 * Pure.
 */
import type * as TS from 'typescript';
import type { ObjectNode, PropertyNode } from '../model/model';
import { childAt, convertObject, convertValue, startOf, staticName, unwrap } from './tsParser';
import { typescript } from './typescriptLoader';

/** What the code does to a variable after its declaration. */
export interface LaterKeys {
  /** Properties assigned with a key known statically: checked like the literal's own. */
  assigned: PropertyNode[];
  /** Keys added where the value is checked elsewhere (the other keys of a literal the body is spread into). */
  present: string[];
  /** A key or an object that cannot be known statically was added: the key set is open. */
  open: boolean;
}

/** Offsets of the candidate uses of each name, found once per text. */
export interface FlowIndex {
  members: Map<string, number[]>;
  assigns: Map<string, number[]>;
  spreads: Map<string, number[]>;
}

const OBJECT_ASSIGN = /Object\s*\.\s*assign\s*\(\s*([A-Za-z_$][\w$]*)/dg;
const SPREAD = /\.\.\.\s*([A-Za-z_$][\w$]*)/dg;

/**
 * The candidate uses of each name. Member assignments are found from their `=` signs, read
 * backwards (`name.key =`, `name[…] =`): a scan by `indexOf`, several times faster on a large file
 * than a regular expression tried at every identifier.
 */
export function indexFlow(text: string): FlowIndex {
  const collect = (re: RegExp) => {
    const map = new Map<string, number[]>();
    for (const m of text.matchAll(re)) add(map, m[1], m.indices![1]![0]);
    return map;
  };
  return { members: memberAssignments(text), assigns: collect(OBJECT_ASSIGN), spreads: collect(SPREAD) };
}

function add(map: Map<string, number[]>, name: string, at: number): void {
  const list = map.get(name);
  if (list) list.push(at);
  else map.set(name, [at]);
}

function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function memberAssignments(text: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
    const after = text.charCodeAt(eq + 1);
    if (after === 61 || after === 62) {
      eq++; // `==`, `===`, `=>`
      continue;
    }
    let j = eq - 1;
    const before = text.charCodeAt(j);
    // `??=`, `||=`, `&&=` assign; `<=`, `>=`, `!=`, `+=`… do not add a key (or compare).
    if ((before === 63 || before === 124 || before === 38) && text.charCodeAt(j - 1) === before) j -= 2;
    else if (!isSpace(before) && !isIdentifierChar(before) && before !== 93) continue;
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
    if (text.charCodeAt(j) === 93) {
      // `name[…] =`: the bracket opened on the same line, not too far back.
      const open = text.lastIndexOf('[', j);
      if (open < 0 || j - open > 200 || text.slice(open, j).includes('\n')) continue;
      j = open - 1;
    } else {
      if (!isIdentifierChar(text.charCodeAt(j))) continue;
      while (j >= 0 && isIdentifierChar(text.charCodeAt(j))) j--;
      while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
      if (text.charCodeAt(j) !== 46 || text.charCodeAt(j - 1) === 46) continue; // `.`, not `...`
      j--;
    }
    while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
    const end = j + 1;
    while (j >= 0 && isIdentifierChar(text.charCodeAt(j))) j--;
    const start = j + 1;
    if (start === end || text.charCodeAt(j) === 46 || (text.charCodeAt(start) >= 48 && text.charCodeAt(start) <= 57)) continue;
    add(map, text.slice(start, end), start);
  }
  return map;
}

/** The variable a literal initializes (`const body = { … }`, through parentheses and `as`/`satisfies`). */
/** Syntax kinds read once: looking names up in the huge `typescript` namespace per call is measurable. */
let kindsCache: { Parenthesized: number; As: number; Satisfies: number; Variable: number; Identifier: number } | undefined;
function kinds() {
  if (!kindsCache) {
    const k = typescript().SyntaxKind;
    kindsCache = {
      Parenthesized: k.ParenthesizedExpression,
      As: k.AsExpression,
      Satisfies: k.SatisfiesExpression,
      Variable: k.VariableDeclaration,
      Identifier: k.Identifier,
    };
  }
  return kindsCache;
}

export function boundVariable(literal: TS.ObjectLiteralExpression): TS.VariableDeclaration | undefined {
  const k = kinds();
  let node: TS.Node = literal;
  let parent = node.parent;
  while (parent && (parent.kind === k.Parenthesized || parent.kind === k.As || parent.kind === k.Satisfies)) {
    node = parent;
    parent = parent.parent;
  }
  if (!parent || parent.kind !== k.Variable) return undefined;
  const declaration = parent as TS.VariableDeclaration;
  return declaration.initializer === node && declaration.name.kind === k.Identifier ? declaration : undefined;
}

/** The function (or file) a declaration lives in: later uses are searched up to its end. */
function scopeOf(node: TS.Node): TS.Node {
  const ts = typescript();
  let scope = node.parent;
  while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope) && !ts.isClassStaticBlockDeclaration(scope)) scope = scope.parent;
  return scope ?? node.getSourceFile();
}

/** The innermost identifier starting exactly at `offset`, found by descending from the scope. */
function identifierAt(scope: TS.Node, offset: number, text: string): TS.Identifier | undefined {
  const ts = typescript();
  let node: TS.Node | undefined = scope;
  while (node) {
    if (ts.isIdentifier(node)) return startOf(node, text) === offset ? node : undefined;
    node = childAt(node, offset);
  }
  return undefined;
}

/** The keys added to the variable a literal initializes, after the declaration, in the same function; undefined when none. */
export function laterKeys(literal: TS.ObjectLiteralExpression, sourceFile: TS.SourceFile, index: FlowIndex): LaterKeys | undefined {
  const declaration = boundVariable(literal);
  if (!declaration) return undefined;
  const name = (declaration.name as TS.Identifier).text;
  const members = index.members.get(name);
  const assigns = index.assigns.get(name);
  const spreads = index.spreads.get(name);
  if (!members && !assigns && !spreads) return undefined;
  const ts = typescript();
  const text = sourceFile.text;
  const scope = scopeOf(declaration);
  const from = declaration.end;
  const to = scope.end;
  const later: LaterKeys = { assigned: [], present: [], open: false };
  const inRange = (list: number[] | undefined) => (list ?? []).filter((at) => at >= from && at < to);

  for (const at of inRange(members)) {
    const id = identifierAt(scope, at, text);
    const access = id?.parent;
    if (!access || !(ts.isPropertyAccessExpression(access) || ts.isElementAccessExpression(access)) || access.expression !== id) continue;
    const assignment = access.parent;
    if (!ts.isBinaryExpression(assignment) || assignment.left !== access || !isAssignmentOperator(assignment.operatorToken.kind)) continue;
    let keyNode: TS.Node;
    let key: string | undefined;
    if (ts.isPropertyAccessExpression(access)) {
      keyNode = access.name;
      key = access.name.text;
    } else {
      keyNode = unwrap(access.argumentExpression);
      key = ts.isStringLiteral(keyNode) || ts.isNoSubstitutionTemplateLiteral(keyNode) ? keyNode.text : undefined;
    }
    if (key === undefined) {
      later.open = true;
      continue;
    }
    const keyOffset = startOf(keyNode, text);
    later.assigned.push({ key, keyOffset, keyLength: keyNode.end - keyOffset, value: convertValue(assignment.right, sourceFile, 1) });
  }

  for (const at of inRange(assigns)) {
    const id = identifierAt(scope, at, text);
    const call = id?.parent;
    if (!call || !ts.isCallExpression(call) || call.arguments[0] !== id) continue;
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

  for (const at of inRange(spreads)) {
    const id = identifierAt(scope, at, text);
    const spread = id?.parent;
    if (!spread || !ts.isSpreadAssignment(spread) || spread.expression !== id) continue;
    for (const element of spread.parent.properties) {
      if (element === spread) continue;
      const key = element.name ? staticName(element.name, sourceFile) : undefined;
      if (key !== undefined) later.present.push(key);
      else later.open = true;
    }
  }
  return later.assigned.length || later.present.length || later.open ? later : undefined;
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

/** The literal's converted node with what is added later: a shallow copy, so cached conversions stay as read. */
export function withLaterKeys(node: ObjectNode, later: LaterKeys | undefined): ObjectNode {
  if (!later) return node;
  return { ...node, assigned: later.assigned, presentKeys: later.present, openKeys: node.openKeys || later.open };
}
