/**
 * The last 50 exchanges, kept in the workspace state so that they survive a reload. An entry is
 * built only from what is safe to keep: the request summary has the API key masked, response
 * texts are scrubbed of both keys before they get here, and the secret key is never part of it.
 * The DIGEST is kept: it is a signature of one body, not a key.
 */
import * as vscode from 'vscode';
import type { EnvironmentName } from '../../api/environments';
import type { Credentials, RequestSummary } from '../../api/httpClient';
import { redact } from '../../api/secrets';
import type { WireRequest } from '../../shared/protocol';

export const HISTORY_LIMIT = 50;
const STATE_KEY = 'jkopay.requestHistory';

export interface HistoryEntry {
  id: string;
  /** Epoch ms when the request was sent. */
  time: number;
  env: EnvironmentName;
  /** What is signed and sent, so that a re-send signs the same bytes anew. */
  prepared: WireRequest;
  /** The request as sent, the API key masked. */
  request: RequestSummary;
  status?: number;
  elapsedMs: number;
  /** The response body as received (scrubbed of the keys, cut at 64 KiB). */
  bodyText?: string;
  result?: string;
  message?: string | null;
  error?: string;
  checkerErrors: number;
  /** Where the payload came from, for the list. */
  source?: string;
  /**
   * Why the sandbox or production may have refused the signature, said when it answered 401/403:
   * what the stored credentials show (never the keys themselves), in the display language.
   */
  digestHint?: string;
}

export class RequestHistory {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  /** Newest first. */
  all(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(STATE_KEY, []);
  }

  get(id: string): HistoryEntry | undefined {
    return this.all().find((e) => e.id === id);
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.state.update(STATE_KEY, [entry, ...this.all().filter((e) => e.id !== entry.id)].slice(0, HISTORY_LIMIT));
    this.changed.fire();
  }

  /**
   * Scrubs every kept entry again with the credentials stored now. Entries written by an older
   * version were scrubbed of raw keys only, so a key echoed `\/`-escaped could survive there and
   * show in clear once the panel pretty-printed it. Run once at activation; writes only on a change.
   */
  async rescrub(keysFor: (env: EnvironmentName) => Promise<Credentials | undefined>): Promise<void> {
    const entries = this.all();
    const keys = new Map<EnvironmentName, (string | undefined)[]>();
    let changed = false;
    const scrubbed: HistoryEntry[] = [];
    for (const entry of entries) {
      if (!keys.has(entry.env)) {
        const found = await keysFor(entry.env);
        keys.set(entry.env, [found?.apiKey, found?.secretKey]);
      }
      const secrets = keys.get(entry.env)!;
      const clean = (text: string | undefined) => (text === undefined ? undefined : redact(text, secrets));
      const next: HistoryEntry = {
        ...entry,
        bodyText: clean(entry.bodyText),
        message: entry.message === null ? null : clean(entry.message),
        error: clean(entry.error),
      };
      changed ||= next.bodyText !== entry.bodyText || next.message !== entry.message || next.error !== entry.error;
      scrubbed.push(next);
    }
    if (!changed) return;
    await this.state.update(STATE_KEY, scrubbed);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
