/**
 * Which declaration a name refers to, seen from a place in the file: the nearest enclosing block,
 * function or file that declares it (a variable, a parameter, a function, a class or an import).
 * Without a type checker this is the whole of name resolution: enough to follow a value from a
 * variable to its uses, to read a const's string, and to know which function a call runs. The
 * names each block declares are listed once per block and kept while its node lives, so a file of
 * thousands of statements is not searched once per lookup. Pure.
 */
import type * as TS from 'typescript';
import { type TraceDeps, traceWork } from './traceDeps';
import { typescript } from './typescriptLoader';

export interface Declaration {
  /** The declared identifier. */
  name: TS.Identifier;
  /** The declaring node: a VariableDeclaration, ParameterDeclaration, FunctionDeclaration, ClassDeclaration or import. */
  node: TS.Node;
  kind: 'variable' | 'parameter' | 'function' | 'class' | 'enum' | 'import';
  /** Where its uses can be: the function (or file) that holds it. */
  scope: TS.Node;
  /** A variable's initializer. */
  initializer?: TS.Expression;
  /** An import's module (`'jkopay-tools'`) and the name it exports (`createClient`; `*` for a namespace). */
  module?: string;
  importedName?: string;
}

/** The names declared directly in each block, function or file. */
const declared = new WeakMap<TS.Node, Map<string, Declaration>>();

/** The function, class static block or file a node lives in. */
export function functionScopeOf(node: TS.Node): TS.Node {
  const ts = typescript();
  let scope = node.parent;
  while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope) && !ts.isClassStaticBlockDeclaration(scope)) scope = scope.parent;
  return scope ?? node.getSourceFile();
}

export function findDeclaration(name: string, from: TS.Node, deps: TraceDeps): Declaration | undefined {
  for (let node: TS.Node | undefined = from; node; node = node.parent) {
    traceWork.count++;
    if (!holdsDeclarations(node)) continue;
    const found = declarationsOf(node).get(name);
    if (found) {
      deps.touch(found.node);
      return found;
    }
    if (!node.parent) deps.missed(name);
  }
  return undefined;
}

/**
 * The declaration a variable's own declaring node makes: what `findDeclaration` would answer from
 * inside its scope, without listing the scope's other names (a function body's map is then built
 * only when a name must be looked up there).
 */
export function declarationOfVariable(declaration: TS.VariableDeclaration & { name: TS.Identifier }, deps: TraceDeps): Declaration {
  let container: TS.Node = declaration.parent;
  while (!holdsDeclarations(container)) container = container.parent;
  deps.touch(declaration);
  return { name: declaration.name, node: declaration, kind: 'variable', scope: container, initializer: declaration.initializer };
}

/**
 * True when a use of a declaration's name is inside a block or function, nested in the declaration's
 * scope, that declares the name again: the use is of that inner one (`const body = …` in a callback).
 */
export function shadowed(use: TS.Identifier, declaration: Declaration): boolean {
  for (let node: TS.Node = use.parent; node && node !== declaration.scope; node = node.parent) {
    if (!holdsDeclarations(node)) continue;
    const inner = declarationsOf(node).get(use.text);
    if (inner && inner.node !== declaration.node) return true;
  }
  return false;
}

let containerKinds: Set<TS.SyntaxKind> | undefined;

function holdsDeclarations(node: TS.Node): boolean {
  const ts = typescript();
  const k = ts.SyntaxKind;
  containerKinds ??= new Set([
    k.SourceFile,
    k.Block,
    k.ModuleBlock,
    k.CaseClause,
    k.DefaultClause,
    k.ForStatement,
    k.ForOfStatement,
    k.ForInStatement,
    k.CatchClause,
  ]);
  return containerKinds.has(node.kind) || ts.isFunctionLike(node);
}

function declarationsOf(container: TS.Node): Map<string, Declaration> {
  let map = declared.get(container);
  if (map) return map;
  map = new Map();
  const ts = typescript();
  // Uses are searched where the name is visible: the block, function or file that declares it.
  const scope = container;
  const add = (declaration: Declaration) => {
    if (!map!.has(declaration.name.text)) map!.set(declaration.name.text, declaration);
  };
  const addVariables = (list: TS.VariableDeclarationList) => {
    for (const declaration of list.declarations) {
      if (ts.isIdentifier(declaration.name))
        add({ name: declaration.name, node: declaration, kind: 'variable', scope, initializer: declaration.initializer });
      else addBindingNames(declaration.name, declaration, scope, add);
    }
  };
  if (ts.isFunctionLike(container)) {
    for (const parameter of container.parameters) {
      if (ts.isIdentifier(parameter.name)) add({ name: parameter.name, node: parameter, kind: 'parameter', scope: container });
      else addBindingNames(parameter.name, parameter, container, add);
    }
    // A named function expression sees its own name.
    if ((ts.isFunctionExpression(container) || ts.isClassExpression(container)) && container.name)
      add({ name: container.name, node: container, kind: 'function', scope: functionScopeOf(container) });
  } else if (ts.isForStatement(container) || ts.isForOfStatement(container) || ts.isForInStatement(container)) {
    const init = container.initializer;
    if (init && ts.isVariableDeclarationList(init)) addVariables(init);
  } else if (ts.isCatchClause(container)) {
    const variable = container.variableDeclaration;
    if (variable && ts.isIdentifier(variable.name)) add({ name: variable.name, node: variable, kind: 'variable', scope });
  } else {
    const statements = (container as TS.Block).statements ?? [];
    for (const statement of statements) {
      if (ts.isVariableStatement(statement)) addVariables(statement.declarationList);
      else if (ts.isFunctionDeclaration(statement) && statement.name)
        add({ name: statement.name, node: statement, kind: 'function', scope });
      else if (ts.isClassDeclaration(statement) && statement.name) add({ name: statement.name, node: statement, kind: 'class', scope });
      else if (ts.isEnumDeclaration(statement)) add({ name: statement.name, node: statement, kind: 'enum', scope });
      else if (ts.isImportDeclaration(statement)) addImports(statement, scope, add);
      else if (ts.isImportEqualsDeclaration(statement)) add({ name: statement.name, node: statement, kind: 'import', scope });
    }
  }
  declared.set(container, map);
  return map;
}

function addBindingNames(pattern: TS.BindingName, node: TS.Node, scope: TS.Node, add: (d: Declaration) => void): void {
  const ts = typescript();
  if (ts.isIdentifier(pattern)) {
    add({ name: pattern, node, kind: ts.isParameter(node) ? 'parameter' : 'variable', scope });
    return;
  }
  for (const element of pattern.elements) if (!ts.isOmittedExpression(element)) addBindingNames(element.name, node, scope, add);
}

function addImports(statement: TS.ImportDeclaration, scope: TS.Node, add: (d: Declaration) => void): void {
  const ts = typescript();
  const clause = statement.importClause;
  const module = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
  if (!clause) return;
  if (clause.name) add({ name: clause.name, node: clause, kind: 'import', scope, module, importedName: 'default' });
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) add({ name: bindings.name, node: bindings, kind: 'import', scope, module, importedName: '*' });
  else
    for (const element of bindings.elements)
      add({ name: element.name, node: element, kind: 'import', scope, module, importedName: (element.propertyName ?? element.name).text });
}

/** A name's declaration at the file's top level (an import, usually), without looking in the scopes between. */
export function topLevelDeclaration(name: string, sourceFile: TS.SourceFile, deps: TraceDeps): Declaration | undefined {
  const found = declarationsOf(sourceFile).get(name);
  if (found) deps.touch(found.node);
  else deps.missed(name);
  return found;
}

/** The names a file declares at its top level (for `TraceDeps.standIn`). */
export function topLevelNames(sourceFile: TS.SourceFile): Set<string> {
  return new Set(declarationsOf(sourceFile).keys());
}

/**
 * `require('x')` bound to a name (`const { createClient } = require('jkopay-tools')`,
 * `const jk = require('jkopay-tools')`): the module the variable's initializer requires.
 */
export function requiredModule(declaration: Declaration): string | undefined {
  const ts = typescript();
  const init = declaration.initializer ?? (ts.isVariableDeclaration(declaration.node) ? declaration.node.initializer : undefined);
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') return undefined;
  const argument = init.arguments[0];
  return argument && ts.isStringLiteral(argument) ? argument.text : undefined;
}

/**
 * The function of the file a call runs: a declared function, a const arrow or function expression,
 * or a method (or arrow property) of the class the call is in (`this.sign(…)`). Undefined for
 * anything else: an import, a parameter, another object's method.
 */
export function calledFunction(callee: TS.Expression, deps: TraceDeps): { node: TS.SignatureDeclaration; name: string } | undefined {
  const ts = typescript();
  if (ts.isIdentifier(callee)) {
    const declaration = findDeclaration(callee.text, callee, deps);
    if (!declaration) return undefined;
    if (declaration.kind === 'function' && ts.isFunctionDeclaration(declaration.node) && declaration.node.body)
      return { node: declaration.node, name: callee.text };
    const init = declaration.initializer;
    if (declaration.kind === 'variable' && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
      return { node: init, name: callee.text };
    return undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const method = classMember(callee, callee.name.text);
    if (method) {
      deps.touch(method);
      return { node: method, name: callee.name.text };
    }
  }
  return undefined;
}

/** The method or arrow property `name` of the class that holds `node`. */
function classMember(node: TS.Node, name: string): TS.SignatureDeclaration | undefined {
  const ts = typescript();
  let cls: TS.Node | undefined = node.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return undefined;
  for (const member of (cls as TS.ClassLikeDeclaration).members) {
    if (!member.name || !ts.isIdentifier(member.name) || member.name.text !== name) continue;
    if (ts.isMethodDeclaration(member) && member.body) return member;
    if (
      ts.isPropertyDeclaration(member) &&
      member.initializer &&
      (ts.isArrowFunction(member.initializer) || ts.isFunctionExpression(member.initializer))
    )
      return member.initializer;
  }
  return undefined;
}
