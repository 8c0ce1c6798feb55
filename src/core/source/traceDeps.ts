/**
 * What a payload decision read of the file, so that it can be kept after an edit that did not
 * touch it: the top-level statements it looked into, the names it looked for at the top level and
 * did not find (a declaration added later must be seen), or the whole file (a search of every use
 * of a top-level name). TypeScript's incremental parser keeps the node of every statement the edit
 * did not reach, so a decision whose statements are all still in the new tree stands. Pure.
 */
import type * as TS from 'typescript';
import type { ImportedBindings } from './importedBindings';

/**
 * The work the payload rule has done so far (characters scanned, nodes descended, steps followed):
 * what the growth tests compare, so that a busy machine cannot fail them.
 */
export const traceWork = { count: 0 };

export class TraceDeps {
  /**
   * Lists, not sets: a trail reads a statement or two, often the same one again, and a list of a
   * few entries costs less to fill and to check than a set (this runs for every literal of a file).
   * The last entry is not repeated.
   */
  private readonly statements: TS.Node[] = [];
  private readonly unresolved: string[] = [];
  fileWide = false;
  /**
   * Where a trail may read the workspace's other files (the answer analysis follows a client
   * imported from another module); undefined for the payload rule, which reads one file.
   */
  imports?: { bindings: ImportedBindings; fromUri: string };

  /** Records the top-level statement that holds `node` (nothing for the file itself: see `fileWide`). */
  touch(node: TS.Node): void {
    let n = node;
    while (n.parent && n.parent.parent) n = n.parent;
    if (!n.parent) this.fileWide = true;
    else if (this.statements[this.statements.length - 1] !== n) this.statements.push(n);
  }

  /** Records a name looked up at the top level without finding its declaration. */
  missed(name: string): void {
    this.unresolved.push(name);
  }

  merge(other: TraceDeps): void {
    for (const s of other.statements) if (this.statements[this.statements.length - 1] !== s) this.statements.push(s);
    for (const u of other.unresolved) this.unresolved.push(u);
    this.fileWide ||= other.fileWide;
  }

  /** True when every statement read is still in `file`, and no name looked for in vain is declared there now. */
  standIn(file: FileStatements): boolean {
    if (this.fileWide) return false;
    for (const s of this.statements) if (!file.statements.has(s)) return false;
    for (const name of this.unresolved) if (file.declaredNames().has(name)) return false;
    return true;
  }
}

/** A parse's top-level statements, and the names they declare (computed on first need). */
export class FileStatements {
  readonly statements: Set<TS.Node>;
  private names: Set<string> | undefined;

  constructor(
    private readonly sourceFile: TS.SourceFile,
    private readonly collectNames: (sourceFile: TS.SourceFile) => Set<string>,
  ) {
    this.statements = new Set(sourceFile.statements);
  }

  declaredNames(): Set<string> {
    return (this.names ??= this.collectNames(this.sourceFile));
  }
}
