/**
 * The JKOPay language server on one LSP connection: documents, settings, and thin handlers that
 * look a document up in the cache, call the pure core and return its answer. Diagnostics are
 * pulled where the client supports it (VS Code) and pushed otherwise. The transport (IPC for
 * VS Code, stdio for `jkopay lsp --stdio`) is chosen by whoever creates the connection.
 */
import {
  CodeActionKind,
  type Connection,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DidChangeWatchedFilesNotification,
  type FormattingOptions,
  MessageType,
  type Range,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isSource, loadSourceParser, toLang, mergeChanges, type TextChange } from '../core';
import type { Lang } from '../data/types';
import { DiagnosticsBudget } from './diagnosticsBudget';
import { ImportDependents } from './importDependents';
import { workspaceFileReader } from './workspaceFiles';
import { DocumentCache } from './documentCache';
import { HandlerGuard } from './guard';
import { type InitializationOptions, PAYLOAD_KINDS_REQUEST, type PayloadKindsParams, type PayloadKindsResult } from '../shared/protocol';
import { PushDiagnostics } from './pushDiagnostics';
import { registerRunnerRequests } from './runnerRequests';
import { filePath, type ProjectScope, ProjectScopes } from './projectScopes';

/**
 * Push clients only: the quiet time after an edit before a document is checked and published. A
 * push client cannot cancel a check it no longer wants, so without it every keystroke of a word
 * would be checked and sent. Pull clients get no delay: VS Code cancels a stale pull itself when
 * the document changes again, and answers are asked for only when it wants them.
 */
export const PUSH_DIAGNOSTICS_DELAY = 150;

/**
 * Pull clients only: the quiet time after an edit of a module other documents import before the
 * client is asked to pull again (a refresh makes it pull every visible document; one per burst).
 */
const DEPENDENTS_REFRESH_DELAY = 300;

declare const JKOPAY_VERSION: string;

export interface StartOptions {
  /** Display language forced by the command line (`jkopay lsp --lang`); wins over the client's locale. */
  lang?: Lang;
}

export function startServer(connection: Connection, options: StartOptions = {}): void {
  let lang: Lang = 'en';
  /** The client takes snippet edits in code actions (LSP 3.18): quick fixes get tab stops. */
  let snippetEdits = false;
  /** The client started the server for an open TS/JS document (InitializationOptions.sourceDocumentOpen). */
  let sourceDocumentOpen = false;
  /** Each workspace folder's configuration under the editor's settings, with its language service. */
  /** The files each open document's check read (a handler's imported client module), to check it again when they change. */
  const dependents = new ImportDependents();
  const scopes: ProjectScopes = new ProjectScopes(
    () => ({ lang, snippetEdits }),
    (message) => connection.console.warn(message),
    dependents.reader(
      workspaceFileReader(
        (uri) => documents.get(uri),
        () => scopes.folderPaths(),
      ),
    ),
  );
  const cache = new DocumentCache((document, previous, change) =>
    scopes.of(document.uri).service.parseDocument(document, previous, change),
  );
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    // Applies the client's changes one by one, telling the cache each edit's span in offsets, so
    // that the next parse re-reads only what changed (see DocumentCache).
    update(document, changes, version) {
      const from = document.version;
      let merged: TextChange | undefined;
      for (const change of changes) {
        const [a, b] =
          'range' in change ? [document.offsetAt(change.range.start), document.offsetAt(change.range.end)] : [0, document.getText().length];
        merged = mergeChanges(merged, { start: Math.min(a, b), end: Math.max(a, b), newLength: change.text.length });
        document = TextDocument.update(document, [change], version);
      }
      if (merged) cache.noteChange(document.uri, from, version, merged);
      return document;
    },
  });
  const guard = new HandlerGuard((message) => connection.console.error(message));

  /** Bumped on every settings change: part of each pull result id, so that a change re-checks. */
  let settingsGeneration = 0;
  let pullDiagnostics = false;
  let refreshSupport = false;
  let configurationRequests = false;
  let dynamicFormatting = false;
  let watchedFilesRegistration = false;
  let relativePatterns = false;
  let workspaceFolderEvents = false;
  /** The workspace folders, as the client named them at start and since. */
  let folderUris: string[] = [];
  /** The settings the client sent last (at start, or with didChangeConfiguration), for a reload the client did not start. */
  let pushedSettings: unknown;
  let sendCodeLens = false;
  let settingsLoaded: Promise<void> = Promise.resolve();
  /** The registration of the configuration files' watchers, replaced when the folders change. */
  let configWatch: Promise<{ dispose(): void }> | undefined;

  const budget = new DiagnosticsBudget((message) => connection.console.warn(message));
  const isExcluded = (scope: ProjectScope, uri: string) => {
    const file = filePath(uri);
    return file !== undefined && scope.excluded(file);
  };
  const validate = (document: TextDocument) => {
    const scope = scopes.of(document.uri);
    if (!scope.settings.diagnosticsEnabled || isExcluded(scope, document.uri)) return [];
    if (budget.tooLarge(document)) return budget.tooLargeNotice(document, lang);
    return budget.cap(
      document.uri,
      dependents.record(document.uri, () => scope.service.doValidation(document, cache.get(document))),
      lang,
    );
  };

  const push = new PushDiagnostics(
    {
      current: (uri) => documents.get(uri),
      validate(document) {
        try {
          return validate(document);
        } catch (e) {
          guard.report('diagnostics', e);
          return [];
        }
      },
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    },
    PUSH_DIAGNOSTICS_DELAY,
  );

  /** A timer that asks a pull client to pull again, once for a burst of edits of an imported module. */
  let refreshTimer: NodeJS.Timeout | undefined;
  /** The documents whose check read the file at `uri` are checked again: pushed anew, or pulled again at the client's request. */
  function checkDependentsAgain(uri: string): void {
    const stale = dependents.changed(uri);
    if (stale.length === 0) return;
    if (!pullDiagnostics) for (const dependent of stale) push.schedule(dependent);
    else if (refreshSupport && !refreshTimer)
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        connection.languages.diagnostics.refresh().catch((e) => guard.report('refresh', e));
      }, DEPENDENTS_REFRESH_DELAY);
  }

  /** The workspace folders' configurations, read again, under the editor's `raw` settings; false when nothing changed. */
  function applySettings(raw: unknown): boolean {
    if (!scopes.load(raw)) return false;
    // What a source's parse holds depends on the detection switches: nothing parsed before may stand.
    cache.clear();
    settingsGeneration++;
    return true;
  }

  /** Asks the client to watch the folders' configuration files (again, when the folders changed). */
  function watchConfigFiles(): void {
    if (!watchedFilesRegistration) return;
    void configWatch?.then((registration) => registration.dispose()).catch(() => undefined);
    configWatch = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: scopes.watchers(relativePatterns) });
    configWatch.catch((e) => guard.report('settings', e));
  }

  async function reloadSettings(pushed: unknown): Promise<void> {
    pushedSettings = pushed;
    // The same settings again (VS Code sends them at start-up, then on every unrelated change): no re-check, no refresh,
    // which would make the client drop a pull in flight and ask again.
    if (!applySettings(configurationRequests ? await connection.workspace.getConfiguration('jkopay') : pushed)) return;
    if (!pullDiagnostics) for (const document of documents.all()) push.schedule(document.uri);
    else if (refreshSupport) await connection.languages.diagnostics.refresh();
  }

  connection.onInitialize((params) => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    lang = options.lang ?? toLang(init.locale ?? params.locale);
    sendCodeLens = init.sendCodeLens === true;
    folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    scopes.setFolders(folderUris);
    const capabilities = params.capabilities;
    snippetEdits =
      capabilities.workspace?.workspaceEdit?.snippetEditSupport === true && capabilities.workspace?.workspaceEdit?.documentChanges === true;
    pushedSettings = init.settings;
    applySettings(init.settings);
    sourceDocumentOpen = init.sourceDocumentOpen === true;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    configurationRequests = capabilities.workspace?.configuration === true;
    dynamicFormatting =
      capabilities.textDocument?.formatting?.dynamicRegistration === true &&
      capabilities.textDocument?.rangeFormatting?.dynamicRegistration === true;
    watchedFilesRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    relativePatterns = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        // Where the client can, formatting is registered for payload files only (below), so that it
        // never stands beside the TS/JS formatters of the user's choice.
        documentFormattingProvider: !dynamicFormatting,
        documentRangeFormattingProvider: !dynamicFormatting,
        foldingRangeProvider: true,
        documentSymbolProvider: true,
        // The Send lenses run a command of the VS Code extension: offered to the clients that have it.
        ...(sendCodeLens ? { codeLensProvider: { resolveProvider: false } } : {}),
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        // Told when folders are added to or removed from the workspace: each has its own configuration.
        ...(workspaceFolderEvents ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'jkopay-language-server', version: typeof JKOPAY_VERSION === 'string' ? JKOPAY_VERSION : 'dev' },
    };
  });

  // Clients announce setting changes with didChangeConfiguration (VS Code's through `synchronize`).
  connection.onInitialized(() => {
    if (dynamicFormatting) {
      const payloadFiles = { documentSelector: [{ language: 'jkopay' }, { pattern: '**/*.jkopay.json' }] };
      void connection.client.register(DocumentFormattingRequest.type, payloadFiles);
      void connection.client.register(DocumentRangeFormattingRequest.type, payloadFiles);
    }
    if (configurationRequests) {
      settingsLoaded = reloadSettings(undefined).catch((e) => guard.report('settings', e));
    }
    // The folders' configurations are read again when they change on disk: the client watches their files for us.
    watchConfigFiles();
    // Opened for a TS/JS document: its parser (about half a second to load) loads now, after the answer to initialize
    // and the requests above are out, while the client finishes its own start and sends the document.
    if (sourceDocumentOpen)
      setImmediate(() => {
        try {
          loadSourceParser();
        } catch (e) {
          guard.report('parser', e);
        }
      });
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        folderUris = [...folderUris.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
        scopes.setFolders(folderUris);
        watchConfigFiles();
        settingsLoaded = reloadSettings(pushedSettings).catch((e) => guard.report('settings', e));
      });
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((change) => scopes.isConfigFile(change.uri))) return;
    settingsLoaded = reloadSettings(pushedSettings).catch((e) => guard.report('settings', e));
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as { jkopay?: unknown } | null)?.jkopay ?? params.settings;
    settingsLoaded = reloadSettings(pushed).catch((e) => guard.report('settings', e));
  });

  documents.onDidChangeContent(({ document }) => {
    if (!pullDiagnostics) push.schedule(document.uri);
    checkDependentsAgain(document.uri);
  });
  // A document opened again (with no close between, or a version number used before) starts anew:
  // nothing parsed from an earlier opening may stand for it. It is parsed at once, in the time VS Code
  // takes to show it and ask for its diagnostics (its pull comes when the editor is visible, seconds
  // later for a big file); a request that arrives first finds it parsed. Files that mention nothing
  // of JKOPay's cost a text search.
  documents.onDidOpen(({ document }) => {
    cache.delete(document.uri);
    setImmediate(() => {
      const current = documents.get(document.uri);
      if (current?.version !== document.version || budget.tooLarge(current) || isExcluded(scopes.of(current.uri), current.uri)) return;
      try {
        cache.get(current);
      } catch (e) {
        guard.report('parse', e);
      }
    });
  });
  documents.onDidClose(({ document }) => {
    cache.delete(document.uri);
    budget.forget(document.uri);
    dependents.forget(document.uri);
    // Its dependents now read the file on disk, which may differ from the editor's text.
    checkDependentsAgain(document.uri);
    if (!pullDiagnostics) push.close(document.uri);
  });

  const emptyReport: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  connection.languages.diagnostics.on(
    guard.wrap('diagnostics', emptyReport, async (params, token) => {
      await settingsLoaded;
      // No wait here: the client cancels a pull the user has typed past, and asks again.
      if (token.isCancellationRequested) return emptyReport;
      const document = documents.get(params.textDocument.uri);
      if (!document) return emptyReport;
      const resultId = `${settingsGeneration}:${document.version}:${dependents.stamp(document.uri)}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: validate(document) };
    }),
  );

  /** Runs `fn` on an open document, or answers `fallback` for a document the server does not hold. */
  const withDocument =
    <P extends { textDocument: { uri: string } }, R>(fallback: R, fn: (document: TextDocument, params: P) => R) =>
    (params: P) => {
      const document = documents.get(params.textDocument.uri);
      // A document too large to parse gets the safe default, as one the server does not hold.
      return document && !budget.tooLarge(document) ? fn(document, params) : fallback;
    };

  connection.onHover(
    guard.wrap(
      'hover',
      null,
      withDocument(null, (d, p) => scopes.of(d.uri).service.doHover(d, cache.get(d), p.position)),
    ),
  );
  connection.onCompletion(
    guard.wrap(
      'completion',
      { isIncomplete: false, items: [] },
      withDocument({ isIncomplete: false, items: [] }, (d, p) => scopes.of(d.uri).service.doComplete(d, cache.get(d), p.position)),
    ),
  );
  connection.onCodeAction(
    guard.wrap(
      'codeActions',
      [],
      withDocument([], (d, p) => scopes.of(d.uri).service.doCodeActions(d, p.context.diagnostics)),
    ),
  );
  // Formatting, folding and the outline are for payload files: TS/JS sources have their own.
  const payloadFile = (d: TextDocument) => !isSource(d.uri, d.languageId);
  // A document too deep or too large to format is refused with a message (the formatter has no limits of its own).
  const format = (d: TextDocument, options: FormattingOptions, range?: Range) => {
    if (!payloadFile(d)) return [];
    const { edits, refused } = scopes.of(d.uri).service.format(d, options, range);
    if (refused) {
      connection.console.warn(`jkopay: ${d.uri}: ${refused}`);
      // A notification: showWarningMessage is a request, whose rejection by a client without it would end the server.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: refused });
    }
    return edits;
  };
  connection.onDocumentFormatting(
    guard.wrap(
      'formatting',
      [],
      withDocument([], (d, p) => format(d, p.options)),
    ),
  );
  connection.onDocumentRangeFormatting(
    guard.wrap(
      'rangeFormatting',
      [],
      withDocument([], (d, p) => format(d, p.options, p.range)),
    ),
  );
  connection.onFoldingRanges(
    guard.wrap(
      'foldingRanges',
      [],
      withDocument([], (d) => (payloadFile(d) ? scopes.of(d.uri).service.getFoldingRanges(d, cache.get(d)) : [])),
    ),
  );
  connection.onDocumentSymbol(
    guard.wrap(
      'documentSymbols',
      [],
      withDocument([], (d) => (payloadFile(d) ? scopes.of(d.uri).service.getDocumentSymbols(d, cache.get(d)) : [])),
    ),
  );
  connection.onRequest(
    PAYLOAD_KINDS_REQUEST,
    guard.wrap<PayloadKindsParams, PayloadKindsResult>('payloadKinds', { kinds: [] }, ({ uri }) => {
      const document = documents.get(uri);
      return { kinds: document && !budget.tooLarge(document) ? cache.get(document).payloads.map((p) => p.kind) : [] };
    }),
  );

  registerRunnerRequests(connection, guard, {
    documents,
    // A document too large to parse holds, for the runner, no payload to send.
    parsed: (document) =>
      budget.tooLarge(document)
        ? { uri: document.uri, text: document.getText(), root: undefined, payloads: [], problems: [] }
        : cache.get(document),
    diagnostics: validate,
    lang: () => lang,
    sendCodeLens: () => sendCodeLens,
    service: (document) => scopes.of(document.uri).service,
  });

  documents.listen(connection);
  connection.listen();
}
