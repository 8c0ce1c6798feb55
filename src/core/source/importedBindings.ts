/**
 * What another file of the workspace exports, for the one question the answer analysis asks across
 * files: what an imported name was made by (`export const jkopay = createClient(…)` in `./jkopay`).
 * Only relative imports are followed, one file deep (no re-exports), and files are read through the
 * host the caller gives (the language server's open documents and disk, or the CLI's disk), so the
 * core itself reads nothing. Pure.
 */
import type * as TS from 'typescript';
import type { Declaration } from './declarations';
import { typescript } from './typescriptLoader';

/** Reads a file of the workspace by its `file:` URI; undefined when it does not exist or may not be read. */
export type FileReader = (uri: string) => string | undefined;

/** Files larger than this are not read for an import: a client's module is small. */
const MAX_IMPORTED_CHARS = 1024 * 1024;

/** How an import names a file: tried as written, with each source extension, and as a folder's index. */
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.js'];

export class ImportedBindings {
  private readonly parsed = new Map<string, TS.SourceFile | null>();

  constructor(private readonly read: FileReader) {}

  /**
   * The expression an imported name stands for in its module (`createClient(…)` for
   * `import { jkopay } from './jkopay'`), when the module is a file of the workspace that declares it.
   */
  initializerOf(declaration: Declaration, fromUri: string): TS.Expression | undefined {
    const ts = typescript();
    if (declaration.kind !== 'import' || !declaration.module?.startsWith('.')) return undefined;
    const file = this.module(declaration.module, fromUri);
    if (!file) return undefined;
    const name = declaration.importedName ?? declaration.name.text;
    for (const statement of file.statements) {
      if (name === 'default' && ts.isExportAssignment(statement)) return statement.expression;
      if (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer;
      }
    }
    // `export { client as jkopay }` of a const declared in the module.
    for (const statement of file.statements) {
      if (
        !ts.isExportDeclaration(statement) ||
        statement.moduleSpecifier ||
        !statement.exportClause ||
        !ts.isNamedExports(statement.exportClause)
      )
        continue;
      const element = statement.exportClause.elements.find((e) => e.name.text === name);
      const local = element && (element.propertyName ?? element.name).text;
      if (!local) continue;
      for (const s of file.statements)
        if (ts.isVariableStatement(s))
          for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === local) return d.initializer;
    }
    return undefined;
  }

  /** The module a relative specifier names, parsed once. */
  private module(specifier: string, fromUri: string): TS.SourceFile | undefined {
    const ts = typescript();
    let base: URL;
    try {
      base = new URL(specifier.replace(/\.(m|c)?js$/, ''), fromUri);
    } catch {
      return undefined;
    }
    if (base.protocol !== 'file:') return undefined;
    for (const extension of EXTENSIONS) {
      const uri = `${base.href}${extension}`;
      let file = this.parsed.get(uri);
      if (file === undefined) {
        const text = this.read(uri);
        file = text === undefined || text.length > MAX_IMPORTED_CHARS ? null : ts.createSourceFile(uri, text, ts.ScriptTarget.Latest, true);
        this.parsed.set(uri, file);
      }
      if (file) return file;
    }
    return undefined;
  }
}
