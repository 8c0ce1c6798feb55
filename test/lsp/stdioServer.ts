/**
 * Starts `node dist/cli.js lsp --stdio` (or another copy of the CLI, such as an installed package's)
 * as an editor other than VS Code would, and speaks LSP to it over stdio: what the tests of the
 * stand-alone server use.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  type ClientCapabilities,
  createMessageConnection,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Registration,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { InitializationOptions } from '../../src/shared/protocol';

export const ROOT = path.resolve(__dirname, '../../..');

export interface StdioServer {
  connection: MessageConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** Resolves with the first publication for `uri` (at `version`, when given) that arrives from now on or has arrived. */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  /** Resolves with the next publication for `uri` that arrives from now on. */
  nextDiagnostics(uri: string): Promise<Diagnostic[]>;
  /** The registrations the server asked for (client/registerCapability), answered with success. */
  registrations: Registration[];
  stop(): Promise<void>;
}

export async function startStdioServer(
  options: {
    /** The CLI to start (default: this repository's dist/cli.js). */
    cli?: string;
    args?: string[];
    initializationOptions?: InitializationOptions;
    capabilities?: ClientCapabilities;
    rootUri?: string;
    workspaceFolders?: { uri: string; name: string }[];
  } = {},
): Promise<StdioServer> {
  const child = spawn(process.execPath, [options.cli ?? path.join(ROOT, 'dist/cli.js'), 'lsp', '--stdio', ...(options.args ?? [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { match: (p: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const w of waiters.filter((w) => w.match(params))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(params.diagnostics);
    }
  });
  const registrations: Registration[] = [];
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
  });
  connection.listen();
  let initializeResult: InitializeResult;
  try {
    initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions,
    });
  } catch (e) {
    // A server that refused to start must not outlive the test (mocha would wait for it for ever).
    child.kill();
    connection.dispose();
    throw e;
  }
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    initializeResult,
    published,
    registrations,
    nextDiagnostics(uri) {
      return new Promise((resolve) => waiters.push({ match: (p) => p.uri === uri, resolve }));
    },
    diagnostics(uri, version) {
      const match = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
      const done = published.find(match);
      if (done) return Promise.resolve(done.diagnostics);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}
