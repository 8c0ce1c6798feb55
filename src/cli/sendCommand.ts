/**
 * `jkopay send <file> [--env mock|sandbox|production] [--base-url URL] [--index N] [--lang L]`:
 * checks a `.jkopay.json` payload with the core (errors refuse the send unless --force), builds
 * the exact request bytes once, signs and sends them, and prints the request (API key masked),
 * the DIGEST, the exact body, then the answer with its result code explained. With --env mock
 * (the default) and nothing listening at the mock URL, the built-in mock is started in-process
 * for this one call. Exit 0: answered "000"; 1: refused, failed or answered another code; 2: bad
 * usage or unreadable input.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { EnvironmentError, type EnvironmentName, isEnvironmentName, resolveBaseUrl } from '../api/environments';
import { MAX_REQUEST_TIMEOUT_MS } from '../api/durations';
import { MAX_ANSWER_DEPTH, nestedDeeperThan } from '../api/envelope';
import { type Credentials, describeRequest, type SendResult, sendRequest } from '../api/httpClient';
import { DEFAULT_TIMEOUT_MS } from '../api/httpExchange';
import { DEFAULT_MOCK_CONFIG } from '../api/mock/mockConfig';
import { type RunningMockServer, startMockServer } from '../api/mock/mockServer';
import { isListening } from '../api/probe';
import { type PreparedRequest, prepareRequest, RequestBuildError } from '../api/requestBody';
import { getLanguageService, type Payload, payloadDiagnostics, payloadErrors } from '../core';
import type { Lang } from '../data/types';
import { type CommandIO, langOption, usageError, withUsage } from './cliSupport';
import { parseCommand } from './help/commandSpec';
import { SEND_SPEC } from './help/sendSpec';
import { decodeUtf8, FileInputError, readRegularFile } from './fileInput';
import { renderRows, renderStatus } from './explainCommand';

const MAX_PAYLOAD_FILE = 8 * 1024 * 1024;
/** Shown bodies are cut here: a hostile server must not flood the terminal. */
const MAX_SHOWN = 8000;

export interface SendCommandOptions {
  env?: NodeJS.ProcessEnv;
  /** Where --env mock looks for a running mock (tests point it at a free port); else $JKOPAY_MOCK_URL, else the default. */
  mockUrl?: string;
  signal?: AbortSignal;
}

export function runSend(args: string[], io: CommandIO, options: SendCommandOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const body = async (): Promise<number> => {
    const { values, positionals } = parseCommand(SEND_SPEC, args);
    const lang = langOption(values.lang, env);
    if (positionals.length !== 1) throw usageError('send-one-file');
    if (!isEnvironmentName(values.env))
      throw usageError('one-of', { option: '--env', allowed: 'mock, sandbox or production', value: values.env });
    const envName: EnvironmentName = values.env;
    const timeoutMs = values.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(values.timeout);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_REQUEST_TIMEOUT_MS) {
      throw usageError('timeout-ms', { max: MAX_REQUEST_TIMEOUT_MS, value: values.timeout ?? '' });
    }
    const index = values.index === undefined ? undefined : Number(values.index);
    if (index !== undefined && (!Number.isInteger(index) || index < 0)) throw usageError('index', { value: values.index ?? '' });

    // 1. Read and check the payload.
    const file = positionals[0];
    let text: string;
    try {
      const decoded = decodeUtf8(await readRegularFile(file, MAX_PAYLOAD_FILE));
      if (decoded.invalid) {
        io.err(`jkopay send: ${file} is not valid UTF-8 (first invalid byte at offset ${decoded.invalid.byte}); JKOPay expects UTF-8 JSON`);
        return 2;
      }
      text = decoded.text;
    } catch (e) {
      io.err(`jkopay send: cannot read ${file}: ${e instanceof FileInputError ? e.message : (e as Error).message}`);
      return 2;
    }
    const service = getLanguageService({ lang, defaultCurrency: values.currency.toUpperCase() });
    const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'jkopay', 1, text);
    const doc = service.parseDocument(document);
    const diagnostics = service.doValidation(document, doc);
    if (doc.payloads.length === 0) {
      reportDiagnostics(io, file, diagnostics.filter(isError));
      io.err(`jkopay send: ${file} holds no payload object to send`);
      return 1;
    }
    let payload: Payload;
    if (index !== undefined) {
      if (index >= doc.payloads.length) {
        io.err(
          `jkopay send: --index ${index}, but ${file} holds ${doc.payloads.length} payload(s): ${listPayloads(document, doc.payloads)}`,
        );
        return 1;
      }
      payload = doc.payloads[index];
    } else if (doc.payloads.length > 1) {
      io.err(
        `jkopay send: ${file} holds ${doc.payloads.length} payloads; choose one with --index N: ${listPayloads(document, doc.payloads)}`,
      );
      return 1;
    } else payload = doc.payloads[0];
    if (payload.kind === 'response') {
      io.err(`jkopay send: ${file} is a saved JKOPay response, not a request: there is nothing to send`);
      return 1;
    }
    const blocking = payloadErrors(document, diagnostics, payload);
    // Warnings never stop a send, but the user should read them before the answer scrolls them away.
    reportDiagnostics(
      io,
      file,
      payloadDiagnostics(document, diagnostics, payload).filter((d) => d.severity === DiagnosticSeverity.Warning),
    );
    if (blocking.length) {
      reportDiagnostics(io, file, blocking);
      if (!values.force) {
        io.err(
          `jkopay send: not sent: the ${payload.kind} payload has ${blocking.length} error(s) (fix them, or --force to send anyway and see the answer)`,
        );
        return 1;
      }
      io.err('jkopay send: --force: sending despite the errors above');
    }
    let prepared: PreparedRequest;
    try {
      prepared = prepareRequest(payload);
    } catch (e) {
      if (e instanceof RequestBuildError) {
        io.err(`jkopay send: cannot build the request: ${e.messageIn(lang)}`);
        return 1;
      }
      throw e;
    }

    // 2. Where to and with which keys.
    let baseUrl: string;
    try {
      baseUrl = resolveBaseUrl({
        env: envName,
        baseUrl: values['base-url'] ?? (envName === 'mock' ? (options.mockUrl ?? (env.JKOPAY_MOCK_URL || undefined)) : undefined),
        allowProduction: values['allow-production'],
      });
    } catch (e) {
      if (e instanceof EnvironmentError) {
        io.err(`jkopay send: ${e.message}${envName === 'production' ? ' (on the command line: --allow-production)' : ''}`);
        return 2;
      }
      throw e;
    }
    const credentials = readCredentials(envName, env);
    if (typeof credentials === 'string') {
      io.err(`jkopay send: ${credentials}`);
      return 2;
    }
    if (values['dry-run']) {
      const extraHeaders = values['mock-result'] ? { 'X-Mock-Result': values['mock-result'] } : undefined;
      const request = describeRequest(prepared, { baseUrl, credentials, extraHeaders });
      // The DIGEST is among the headers printed: once is enough.
      printExchange(io, { ok: false, request, elapsedMs: 0, explanation: [] }, lang);
      io.err('jkopay send: --dry-run: nothing was sent');
      return 0;
    }

    // 3. The built-in mock, when --env mock finds nothing listening at the default mock URL.
    let ownMock: RunningMockServer | undefined;
    if (envName === 'mock' && values['base-url'] === undefined && !(await isListening(baseUrl))) {
      ownMock = await startMockServer({});
      io.err(
        `jkopay send: nothing listens at ${baseUrl}; started the built-in mock at ${ownMock.url} for this call (its orders end with it: run \`jkopay mock\` to keep them)`,
      );
      baseUrl = ownMock.url;
    }

    // 4. Send, cancellable with Ctrl-C.
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    options.signal?.addEventListener('abort', onSigint, { once: true });
    let result: SendResult;
    try {
      const extraHeaders = values['mock-result'] ? { 'X-Mock-Result': values['mock-result'] } : undefined;
      result = await sendRequest(prepared, { baseUrl, credentials, timeoutMs, signal: controller.signal, extraHeaders });
    } finally {
      process.off('SIGINT', onSigint);
      await ownMock?.close();
    }
    printExchange(io, result, lang);
    if (result.error) {
      io.err(`jkopay send: ${result.error.message}`);
      return 1;
    }
    return result.envelope?.result === '000' ? 0 : 1;
  };
  return withUsage(SEND_SPEC, args, io, body, env);
}

/** JKOPAY_API_KEY / JKOPAY_SECRET_KEY; for the mock, its well-known defaults when unset. */
function readCredentials(envName: EnvironmentName, env: NodeJS.ProcessEnv): Credentials | string {
  const apiKey = env.JKOPAY_API_KEY || (envName === 'mock' ? DEFAULT_MOCK_CONFIG.apiKey : undefined);
  const secretKey = env.JKOPAY_SECRET_KEY || (envName === 'mock' ? DEFAULT_MOCK_CONFIG.secretKey : undefined);
  if (!apiKey || !secretKey) {
    const missing = [!apiKey && 'JKOPAY_API_KEY', !secretKey && 'JKOPAY_SECRET_KEY'].filter(Boolean).join(' and ');
    return `--env ${envName} needs the ${envName} credentials in ${missing}`;
  }
  return { apiKey, secretKey };
}

function printExchange(io: CommandIO, result: SendResult, lang: Lang): void {
  const req = result.request;
  io.out(`→ ${req.method} ${req.url}`);
  for (const [name, value] of Object.entries(req.headers)) io.out(`  ${name}: ${value}`);
  if (req.body !== undefined) {
    io.out(`  (DIGEST over the body: ${Buffer.byteLength(req.body)} bytes, exactly as below)`);
    io.out(req.body);
  } else io.out(`  (DIGEST over the query string: ${req.signedText})`);
  if (result.status === undefined) return;
  io.out('');
  io.out(`← HTTP ${result.status} (${result.elapsedMs} ms)`);
  io.out(showBody(result.bodyText ?? ''));
  const envelope = result.envelope;
  if (!envelope) return;
  io.out('');
  if (result.explanation.length) io.out(renderRows(result.explanation, lang));
  else
    io.out(
      `result ${envelope.result}: not a JKOPay code${isMockOnly(envelope.result_object) ? ' (an answer of the mock itself; see message)' : ''}`,
    );
  const transactions = (envelope.result_object as { transactions?: unknown } | null)?.transactions;
  if (Array.isArray(transactions)) {
    for (const t of transactions as { platform_order_id?: unknown; status?: unknown }[]) {
      if (typeof t?.status === 'number') io.out(`  ${String(t.platform_order_id)}: ${renderStatus(t.status, lang)}`);
    }
  }
}

function isMockOnly(resultObject: unknown): boolean {
  return typeof resultObject === 'object' && resultObject !== null && (resultObject as { mock?: unknown }).mock === true;
}

function showBody(text: string): string {
  let shown = text;
  try {
    const parsed: unknown = JSON.parse(text);
    // Indented, an answer nested n deep grows as n² (2,000 levels: 8 MB): one deeper than any JKOPay answer is shown as received.
    if (!nestedDeeperThan(parsed, MAX_ANSWER_DEPTH)) shown = JSON.stringify(parsed, null, 2);
  } catch {
    // Not JSON: shown as received (cut below).
  }
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}\n… (${shown.length - MAX_SHOWN} more characters not shown)` : shown;
}

function isError(d: Diagnostic): boolean {
  return d.severity === DiagnosticSeverity.Error;
}

function reportDiagnostics(io: CommandIO, file: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const severity = d.severity === DiagnosticSeverity.Error ? 'error' : 'warning';
    io.err(
      `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${String(d.code)} ${typeof d.message === 'string' ? d.message : ''}`,
    );
  }
}

function listPayloads(document: TextDocument, payloads: readonly Payload[]): string {
  return payloads.map((p, i) => `[${i}] ${p.kind} at line ${document.positionAt(p.node.offset).line + 1}`).join(', ');
}
