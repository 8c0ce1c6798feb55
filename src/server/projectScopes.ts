/**
 * What each workspace folder's documents are checked under: the editor's settings over that
 * folder's own jkopay.config.json (or package.json `jkopay` key), with a language service of
 * their own. In a multi-root workspace every folder keeps its configuration, as `jkopay check`
 * run in that folder would. A document belongs to the innermost folder holding it; one outside
 * every folder (or not a file: an untitled document) to the first folder, as before there were several.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileSystemWatcher } from 'vscode-languageserver';
import { getLanguageService, type LanguageService, CONFIG_FILE, type FileReader, type LoadedConfig } from '../core';
import type { Lang } from '../data/types';
import { excludeMatcher, loadProjectConfig } from './projectConfigFile';
import { type ServerSettings, toServerSettings } from './settings';

export interface ProjectScope {
  /** The workspace folder, or undefined when there is none. */
  root: string | undefined;
  project: LoadedConfig | undefined;
  settings: ServerSettings;
  service: LanguageService;
  excluded: (file: string) => boolean;
}

/** The files a folder's configuration can come from (`loadProjectConfig(dir, false)` reads them). */
const CONFIG_NAMES = [CONFIG_FILE, 'package.json'];

export class ProjectScopes {
  private folders: string[] = [];
  /** Innermost first. */
  private scopes: ProjectScope[] = [];
  /** The first folder's, for the documents outside every folder (the settings alone when there is none). */
  private fallback!: ProjectScope;
  /** What the scopes were made from (folders, settings, configurations), to tell a reload that changes nothing. */
  private made: string | undefined;

  constructor(
    /** What the editor is: its display language, and whether it takes snippet edits. */
    private readonly editor: () => { lang: Lang; snippetEdits: boolean },
    /** Told of each wrong entry of a configuration (it is ignored) and of a file that cannot be read. */
    private readonly warn: (message: string) => void,
    /** Reads the workspace's other files for the checks that follow imports (workspaceFiles.ts). */
    private readonly readFile: FileReader = () => undefined,
  ) {
    this.load(undefined);
  }

  /** The workspace folders' paths. */
  folderPaths(): readonly string[] {
    return this.folders;
  }

  /** The workspace folders (file: URIs; others are left out), read again at the next `load`. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(filePath).filter((folder): folder is string => folder !== undefined);
  }

  /**
   * Reads every folder's configuration again and puts the editor's `raw` settings over each. False
   * when that changes nothing the checks depend on: the scopes and their language services stay,
   * and what was parsed and checked under them still holds. VS Code sends the same settings at
   * start-up more than once; on a big file each needless reload cost a parse of seconds.
   */
  load(raw: unknown): boolean {
    const scope = (root: string | undefined): ProjectScope => {
      let project: LoadedConfig | undefined;
      try {
        project = root ? loadProjectConfig(root, false) : undefined;
      } catch (e) {
        this.warn(`${root}: the configuration cannot be read: ${(e as Error).message}`);
      }
      for (const problem of project?.problems ?? []) this.warn(`${project!.file}: ${problem} (ignored)`);
      const settings = toServerSettings(raw, project?.config);
      return {
        root,
        project,
        settings,
        service: getLanguageService({ ...this.editor(), ...settings.language, readFile: this.readFile }),
        excluded: excludeMatcher(project),
      };
    };
    const scopes = this.folders.map(scope);
    const fallback = scopes[0] ?? scope(undefined);
    const made = JSON.stringify([
      this.editor(),
      [fallback, ...scopes].map((s) => [s.root, s.settings, s.project?.root, s.project?.config]),
    ]);
    if (made === this.made) return false;
    this.made = made;
    this.fallback = fallback;
    // Innermost first: a nested folder's documents are its own.
    this.scopes = scopes.sort((a, b) => b.root!.length - a.root!.length);
    return true;
  }

  /** The scope of the document at `uri`. */
  of(uri: string): ProjectScope {
    const file = filePath(uri);
    if (file === undefined) return this.fallback;
    return this.scopes.find((s) => file.startsWith(s.root! + path.sep)) ?? this.fallback;
  }

  /** True when `uri` is one of the files a folder's configuration comes from. */
  isConfigFile(uri: string): boolean {
    const file = filePath(uri);
    return file !== undefined && this.folders.some((folder) => CONFIG_NAMES.some((name) => file === path.join(folder, name)));
  }

  /**
   * What the editor should watch for the server to notice a configuration change: those files of
   * each folder, relative to it where the client can (so it is not told of every package.json
   * under node_modules), else by name anywhere (and `isConfigFile` keeps the folders' own).
   */
  watchers(relativePatterns: boolean): FileSystemWatcher[] {
    if (!relativePatterns) return CONFIG_NAMES.map((name) => ({ globPattern: `**/${name}` }));
    return this.folders.map((folder) => ({ globPattern: { baseUri: pathToFileURL(folder).href, pattern: `{${CONFIG_NAMES.join(',')}}` } }));
  }
}

/** The path of a file: URI; undefined for other schemes and for file URIs this platform cannot map (`file://host/…` on Linux). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
