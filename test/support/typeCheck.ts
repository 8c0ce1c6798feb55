/**
 * `tsc -p` in the test process, through the TypeScript API: the same compiler, options and
 * diagnostics, without starting a new Node and loading the 9 MB compiler for each check.
 * Diagnostics come formatted as tsc prints them (`file.ts(3,7): error TS2322: …`, paths relative
 * to the project's folder).
 */
import * as path from 'node:path';
import * as ts from 'typescript';

export interface TypeCheck {
  program: ts.Program;
  /** tsc's lines for the diagnostics asked for. */
  errors: string[];
}

export interface TypeCheckOptions {
  /**
   * Only these files' diagnostics (and the program's global ones), instead of every file's as tsc
   * reports them: for checking what a package ships without re-checking TypeScript's lib or @types.
   */
  only?: (fileName: string) => boolean;
  /** Write the project's output files, as tsc does when the configuration does not say noEmit. */
  emit?: boolean;
  /** Texts that replace files on disk (by absolute path), with the previous check's program re-used for the rest. */
  replace?: { files: Record<string, string>; previous: ts.Program };
}

export function typeCheck(configFile: string, options: TypeCheckOptions = {}): TypeCheck {
  const dir = path.dirname(path.resolve(configFile));
  const config = ts.getParsedCommandLineOfConfigFile(path.resolve(configFile), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${configFile}`);
  const host = ts.createCompilerHost(config.options);
  const replaced = options.replace?.files ?? {};
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => replaced[path.resolve(fileName)] ?? readFile(fileName);
  const getSourceFile = host.getSourceFile.bind(host);
  const previous = options.replace?.previous;
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = replaced[path.resolve(fileName)];
    if (text !== undefined) return ts.createSourceFile(fileName, text, language);
    // Unchanged files are the previous program's own: not read and parsed again.
    return previous?.getSourceFile(fileName) ?? getSourceFile(fileName, language, onError, shouldCreate);
  };
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    projectReferences: config.projectReferences,
    host,
    oldProgram: previous,
  });
  const only = options.only;
  const diagnostics = only
    ? [
        ...config.errors,
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...program
          .getSourceFiles()
          .filter((f) => only(f.fileName))
          .flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
      ]
    : [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  // The project's own files, which are what tsc writes (emitting the whole program at once costs seconds more here).
  if (options.emit) for (const file of config.fileNames) diagnostics.push(...program.emit(program.getSourceFile(file)).diagnostics);
  const formatHost: ts.FormatDiagnosticsHost = {
    getCurrentDirectory: () => dir,
    getCanonicalFileName: (f) => f,
    getNewLine: () => '\n',
  };
  return { program, errors: diagnostics.map((d) => ts.formatDiagnostic(d, formatHost).trimEnd()) };
}
