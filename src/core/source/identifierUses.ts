/**
 * The identifiers of one name within a scope (a function, a class, the file), for following a
 * value from the variable that holds it to every place that uses it. Without a type checker,
 * names are matched as written: a shadowing variable of the same name is taken for the same one.
 *
 * The text is searched, not the tree: the spans that hold the name are found by `indexOf` (small
 * scopes) or by one index of every word of the scope, built once and kept while the tree lives
 * (large scopes, so that a thousand variables of one file-wide scope cost one pass over it, not a
 * thousand). Each hit is confirmed by descending the tree to it, never by a walk of every node.
 * Pure; it counts the characters it scans and the nodes it descends in `traceWork`.
 */
import type * as TS from 'typescript';
import { traceWork } from './traceDeps';
import { childAt, startOf } from './tsParser';
import { typescript } from './typescriptLoader';

/** Scopes longer than this get a word index instead of a search per name. */
const INDEXED_SCOPE_CHARS = 8 * 1024;

const WORD = /[A-Za-z_$][\w$]*/g;

/** Every word of a large scope, by name: offsets in increasing order. */
const wordIndexes = new WeakMap<TS.Node, Map<string, number[]>>();

function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

/** Offsets where `name` stands as a whole word within `scope`'s text. */
function wordOffsets(scope: TS.Node, name: string, text: string): number[] {
  const start = scope.pos;
  const end = scope.end;
  if (end - start > INDEXED_SCOPE_CHARS) {
    let index = wordIndexes.get(scope);
    if (!index) {
      index = new Map();
      traceWork.count += end - start;
      WORD.lastIndex = start;
      for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
        if (m.index > 0 && isIdentifierChar(text.charCodeAt(m.index - 1))) continue;
        const list = index.get(m[0]);
        if (list) list.push(m.index);
        else index.set(m[0], [m.index]);
      }
      wordIndexes.set(scope, index);
    }
    return index.get(name) ?? [];
  }
  traceWork.count += end - start;
  const found: number[] = [];
  for (let at = text.indexOf(name, start); at >= 0 && at + name.length <= end; at = text.indexOf(name, at + name.length)) {
    if (at > 0 && isIdentifierChar(text.charCodeAt(at - 1))) continue;
    if (isIdentifierChar(text.charCodeAt(at + name.length))) continue;
    found.push(at);
  }
  return found;
}

/** The identifier that starts exactly at `offset`, found by descending from `scope`. */
export function identifierAt(scope: TS.Node, offset: number, text: string): TS.Identifier | undefined {
  const ts = typescript();
  let node: TS.Node | undefined = scope;
  while (node) {
    traceWork.count++;
    if (ts.isIdentifier(node)) return startOf(node, text) === offset ? node : undefined;
    node = childAt(node, offset);
  }
  return undefined;
}

/**
 * The identifiers of each name found in a scope so far. A scope's node stands for unchanged text
 * (TypeScript's incremental parser keeps the nodes of what an edit did not reach, moving them), so
 * its identifiers are found once, not again at every keystroke elsewhere in the file.
 */
const found = new WeakMap<TS.Node, Map<string, TS.Identifier[]>>();

/** The identifiers named `name` inside `scope`, in order (in code, not in strings or comments). */
export function identifiersNamed(scope: TS.Node, name: string, sourceFile: TS.SourceFile): TS.Identifier[] {
  let byName = found.get(scope);
  if (!byName) found.set(scope, (byName = new Map()));
  let ids = byName.get(name);
  if (ids) return ids;
  const text = sourceFile.text;
  ids = [];
  for (const at of wordOffsets(scope, name, text)) {
    const id = identifierAt(scope, at, text);
    if (id && id.text === name) ids.push(id);
  }
  byName.set(name, ids);
  return ids;
}
