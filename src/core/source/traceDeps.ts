/**
 * What a payload decision read of the file, so that it can be kept after an edit that did not
 * touch it: the top-level statements it looked into, the names it looked for at the top level and
 * did not find (a declaration added later must be seen), or the whole file (a search of every use
 * of a top-level name). TypeScript's incremental parser keeps the node of every statement the edit
 * did not reach, so a decision whose statements are all still in the new tree stands. Pure.
 */
import type * as TS from 'typescript';

/**
 * The work the payload rule has done so far (characters scanned, nodes descended, steps followed):
 * what the growth tests compare, so that a busy machine cannot fail them.
 */
export const traceWork = { count: 0 };

export class TraceDeps {
  /** Made on first need: most trails read one statement or two. */
  private statementSet: Set<TS.Node> | undefined;
  private unresolvedSet: Set<string> | undefined;
  fileWide = false;

  /** Records the top-level statement that holds `node` (nothing for the file itself: see `fileWide`). */
  touch(node: TS.Node): void {
    let n = node;
    while (n.parent && n.parent.parent) n = n.parent;
    if (n.parent) (this.statementSet ??= new Set()).add(n);
    else this.fileWide = true;
  }

  /** Records a name looked up at the top level without finding its declaration. */
  missed(name: string): void {
    (this.unresolvedSet ??= new Set()).add(name);
  }

  merge(other: TraceDeps): void {
    if (other.statementSet) for (const s of other.statementSet) (this.statementSet ??= new Set()).add(s);
    if (other.unresolvedSet) for (const u of other.unresolvedSet) (this.unresolvedSet ??= new Set()).add(u);
    this.fileWide ||= other.fileWide;
  }

  /** True when every statement read is still in `file`, and no name looked for in vain is declared there now. */
  standIn(file: FileStatements): boolean {
    if (this.fileWide) return false;
    if (this.statementSet) for (const s of this.statementSet) if (!file.statements.has(s)) return false;
    if (this.unresolvedSet) for (const name of this.unresolvedSet) if (file.declaredNames().has(name)) return false;
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
