/**
 * The built-in mock JKOPay server, run inside the extension host so that "Send to mock" works
 * with nothing else installed. It accepts the mock environment's credentials (the stored ones, or
 * the well-known defaults) and restarts when they change. If the user already runs `jkopay mock`
 * on the `jkopay.mock.port` port (8917 by default), sends go there instead and nothing is started;
 * with port 0 it always runs its own, on a free port. Its access log and every
 * callback attempt (or skip) go to the JKOPay output channel; its callbacks go only to loopback
 * hosts unless a forwarding origin is set ("JKOPay: Forward Mock Callbacks To…"). A new forwarding
 * origin restarts it with its orders moved into the new server (callbacks that were still being
 * retried, which a restart cancels, are named); new mock keys restart it empty, as another merchant's
 * account would be.
 */
import * as vscode from 'vscode';
import { mockConfig } from '../../api/mock/mockConfig';
import { accessLine, callbackLine } from '../../api/mock/mockLogLines';
import { type RunningMockServer, startMockServer } from '../../api/mock/mockServer';
import { type CutCallback, cutCallbacks } from './mockCarryOver';
import { isListening } from '../../api/probe';
import type { CredentialStore } from './credentialStore';
import { mockPort } from './runnerSettings';

/** What a restart kept and what it cut off. */
export interface MockRestart {
  /** The orders moved into the new server. */
  orders: number;
  /** Callbacks whose retries the restart cancelled. */
  cut: CutCallback[];
}

export class MockHost implements vscode.Disposable {
  private server: RunningMockServer | undefined;
  private starting: Promise<RunningMockServer> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the in-host mock starts or stops. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** A restart in progress: sends wait for it, or they could reach the old server with the old keys. */
  private restarting: Promise<unknown> = Promise.resolve();
  /** Where the mock's callbacks go instead of their own hosts (path and query kept); none by default. */
  private forwardTo: string | undefined;

  constructor(
    private readonly credentials: CredentialStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // Its keys are the mock credentials: a change must reach the running server.
    this.subscription = credentials.onDidChange((env) => {
      if (env === 'mock' && this.server)
        this.restarting = this.restart(false).catch((e) => this.log.error(`Mock server restart failed: ${(e as Error).message}`));
    });
  }

  get forwardCallbacksTo(): string | undefined {
    return this.forwardTo;
  }

  /**
   * Sets (or, with undefined, clears) the forwarding origin. A running mock restarts with it, its
   * orders moved across; what the restart cut off is answered (undefined when no mock ran).
   */
  async setForwarding(origin: string | undefined): Promise<MockRestart | undefined> {
    this.forwardTo = origin;
    if (!this.server) return undefined;
    const restart = this.restart(true);
    this.restarting = restart;
    return restart;
  }

  /** The URL of the in-host mock while it runs. */
  get url(): string | undefined {
    return this.server?.url;
  }

  /** Starts the in-host mock (on the `jkopay.mock.port` port when free, else any free port). */
  async start(): Promise<RunningMockServer> {
    if (this.server) return this.server;
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async launch(): Promise<RunningMockServer> {
    const keys = await this.credentials.forSending('mock');
    const config = mockConfig({ ...(keys ? { apiKey: keys.apiKey, secretKey: keys.secretKey } : {}), forwardCallbacksTo: this.forwardTo });
    const onError = (error: unknown) => this.log.error(`Mock server: ${(error as Error)?.message ?? String(error)}`);
    const onRequest = (e: Parameters<typeof accessLine>[0]) => this.log.info(`Mock: ${accessLine(e)}`);
    const onCallback = (e: Parameters<typeof callbackLine>[0]) =>
      e.ok ? this.log.info(`Mock: ${callbackLine(e)}`) : this.log.warn(`Mock: ${callbackLine(e)}`);
    const port = mockPort();
    let server: RunningMockServer;
    try {
      server = await startMockServer({ config, port, onError, onRequest, onCallback });
    } catch (e) {
      if (port === 0) throw e;
      // The port is taken by something that is not a mock we can use: any free port will do.
      server = await startMockServer({ config, port: 0, onError, onRequest, onCallback });
    }
    this.server = server;
    this.log.info(
      `Mock JKOPay server started at ${server.url}; callbacks ${this.forwardTo ? `forwarded to ${this.forwardTo}` : 'to loopback hosts only (others are skipped)'}.`,
    );
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

  /** Stops the mock and starts it again with the current keys and forwarding; with `carry`, its orders move into the new server. */
  private async restart(carry: boolean): Promise<MockRestart> {
    const old = this.server;
    await this.stop();
    const server = await this.start();
    if (!old || !carry) return { orders: 0, cut: [] };
    // Read once the old server is closed: its in-flight callbacks have settled and are in the records.
    const data = old.state.toJSON();
    server.state.restore(data);
    const cut = cutCallbacks(data, old.config.callbacks);
    this.log.info(`Mock JKOPay server: ${data.orders.length === 1 ? '1 order' : `${data.orders.length} orders`} kept across the restart.`);
    for (const c of cut)
      this.log.warn(
        `Mock JKOPay server: the restart stopped the ${c.kind} calls of order ${c.platform_order_id}, which were still being retried.`,
      );
    return { orders: data.orders.length, cut };
  }

  /**
   * Where a mock send goes: the in-host mock if it runs, else a `jkopay mock` the user runs on
   * the `jkopay.mock.port` port, else the in-host mock, started now.
   */
  async urlForSending(): Promise<string> {
    await this.restarting;
    if (this.server) return this.server.url;
    const port = mockPort();
    const theirs = `http://127.0.0.1:${port}`;
    if (port !== 0 && !this.starting && (await isListening(theirs, 300))) return theirs;
    return (await this.start()).url;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    void this.stop();
  }
}
