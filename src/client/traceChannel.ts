/**
 * Where the language client writes the LSP trace: the JKOPay log, at the level `jkopay.trace.server`
 * asks for. vscode-languageclient traces only while its trace channel's level is Trace and writes
 * with `trace()`, which a log channel at its default level (Info) drops; so the setting alone wrote
 * nothing. This channel reports the Trace level whenever the setting is `messages` or `verbose`
 * (and the log's own level otherwise, so that VS Code's Set Log Level… → Trace works too), tells the
 * client when either changes, and writes a trace line that the log's level would drop as an info
 * line. Everything else goes to the JKOPay log unchanged.
 */
import * as vscode from 'vscode';

const SETTING = 'jkopay.trace.server';

function traceSetting(): string {
  return vscode.workspace.getConfiguration().get<string>(SETTING, 'off');
}

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly changed = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [
      log.onDidChangeLogLevel(() => this.changed.fire(this.logLevel)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTING)) this.changed.fire(this.logLevel);
      }),
      this.changed,
    ];
  }

  get name(): string {
    return this.log.name;
  }

  /** Trace while the setting asks for a trace, whatever the log's own level. */
  get logLevel(): vscode.LogLevel {
    return traceSetting() !== 'off' ? vscode.LogLevel.Trace : this.log.logLevel;
  }

  trace(message: string, ...args: unknown[]): void {
    if (this.log.logLevel === vscode.LogLevel.Trace || traceSetting() === 'off') this.log.trace(message, ...args);
    else this.log.info(message, ...args);
  }

  debug(message: string, ...args: unknown[]): void {
    this.log.debug(message, ...args);
  }

  info(message: string, ...args: unknown[]): void {
    this.log.info(message, ...args);
  }

  warn(message: string, ...args: unknown[]): void {
    this.log.warn(message, ...args);
  }

  error(error: string | Error, ...args: unknown[]): void {
    this.log.error(error, ...args);
  }

  append(value: string): void {
    this.log.append(value);
  }

  appendLine(value: string): void {
    this.log.appendLine(value);
  }

  replace(value: string): void {
    this.log.replace(value);
  }

  clear(): void {
    this.log.clear();
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) this.log.show(columnOrPreserveFocus);
    else this.log.show(columnOrPreserveFocus, preserveFocus);
  }

  hide(): void {
    this.log.hide();
  }

  /** Stops listening; the JKOPay log itself belongs to the extension. */
  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
