/**
 * The built-in mock JKOPay server, run inside the extension host so that "Send to mock" works
 * with nothing else installed. It accepts the mock environment's credentials (the stored ones, or
 * the well-known defaults) and restarts when they change. If the user already runs `jkopay mock`
 * on the default port, sends go there instead and nothing is started.
 */
import * as vscode from 'vscode';
import { DEFAULT_MOCK_PORT, DEFAULT_MOCK_URL } from '../../api/environments';
import { mockConfig } from '../../api/mock/mockConfig';
import { type RunningMockServer, startMockServer } from '../../api/mock/mockServer';
import { isListening } from '../../api/probe';
import type { CredentialStore } from './credentialStore';

export class MockHost implements vscode.Disposable {
  private server: RunningMockServer | undefined;
  private starting: Promise<RunningMockServer> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the in-host mock starts or stops. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** A restart in progress: sends wait for it, or they could reach the old server with the old keys. */
  private restarting: Promise<void> = Promise.resolve();

  constructor(
    private readonly credentials: CredentialStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // Its keys are the mock credentials: a change must reach the running server.
    this.subscription = credentials.onDidChange((env) => {
      if (env === 'mock' && this.server) this.restarting = this.restart().catch((e) => this.log.error(`Mock server restart failed: ${(e as Error).message}`));
    });
  }

  /** The URL of the in-host mock while it runs. */
  get url(): string | undefined {
    return this.server?.url;
  }

  /** Starts the in-host mock (on the default port when free, else any free port). */
  async start(): Promise<RunningMockServer> {
    if (this.server) return this.server;
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async launch(): Promise<RunningMockServer> {
    const keys = await this.credentials.forSending('mock');
    const config = mockConfig(keys ? { apiKey: keys.apiKey, secretKey: keys.secretKey } : {});
    const onError = (error: unknown) => this.log.error(`Mock server: ${(error as Error)?.message ?? String(error)}`);
    const onRequest = (e: { method: string; path: string; status: number; result?: string; elapsedMs: number }) =>
      this.log.info(`Mock: ${e.method} ${e.path} → HTTP ${e.status}${e.result ? ` result ${e.result}` : ''} (${e.elapsedMs} ms)`);
    let server: RunningMockServer;
    try {
      server = await startMockServer({ config, port: DEFAULT_MOCK_PORT, onError, onRequest });
    } catch {
      // The default port is taken by something that is not a mock we can use: any free port will do.
      server = await startMockServer({ config, port: 0, onError, onRequest });
    }
    this.server = server;
    this.log.info(`Mock JKOPay server started at ${server.url}.`);
    this.changed.fire();
    return server;
  }

  async stop(): Promise<boolean> {
    const server = this.server ?? (await this.starting?.catch(() => undefined));
    if (!server) return false;
    this.server = undefined;
    await server.close();
    this.log.info(`Mock JKOPay server at ${server.url} stopped.`);
    this.changed.fire();
    return true;
  }

  private async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /**
   * Where a mock send goes: the in-host mock if it runs, else a `jkopay mock` the user runs on
   * the default port, else the in-host mock, started now.
   */
  async urlForSending(): Promise<string> {
    await this.restarting;
    if (this.server) return this.server.url;
    if (!this.starting && (await isListening(DEFAULT_MOCK_URL, 300))) return DEFAULT_MOCK_URL;
    return (await this.start()).url;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    void this.stop();
  }
}
