/**
 * The docs are true: every `jkopay …` command in a fenced shell block of README.md and docs/*.md
 * runs, in the document's order, in a temporary project (the examples, the payload files the docs
 * name, the mock configuration docs/mock.md shows) against a mock on a free port (JKOPAY_MOCK_URL),
 * with a receiver on another free port standing for the backend at 127.0.0.1:3000; and it exits 0.
 * Where a document shows the output (`$ jkopay …` followed by lines), the output must have those
 * lines, digits aside. A comment `→ POST URL` must be a call the receiver got. A usage synopsis
 * (`jkopay <command> [--option …]`) may name only options the command's table has. `jkopay mock`
 * itself runs on a free port until its banner is out. A command that would reach JKOPay itself
 * (`--env sandbox|production`) runs with `--dry-run`: this machine has no way out.
 */
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import MarkdownIt from 'markdown-it';
import { COMMAND_SPECS } from '../../src/cli/help/commandSpecs';

const ROOT = path.join(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const DOCS = [
  'README.md',
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const SHELL = new Set(['sh', 'bash', 'shell', 'console']);
const SECRET = 'mock-secret-key';
const CALLBACK_BODY = '{"platform_order_id":"shop-20261126-0001"}';

interface DocCommand {
  file: string;
  line: number;
  command: string;
  /** The comment after it, in a shell block. */
  comment?: string;
  /** The output the document shows after a `$ ` line. */
  output?: string[];
}

interface DocBlock {
  file: string;
  commands: DocCommand[];
}

/** A line that runs jkopay: `jkopay …`, `npx --no-install jkopay …`, `VAR=… jkopay …`, or a pipe into one. */
const RUNS_JKOPAY = /^(?:(?:npx --no-install )?jkopay (?!\w+:)|(?:[A-Z_]+=\S* )+jkopay |printf .*\| .*jkopay )/;

function docBlocks(file: string): { blocks: DocBlock[]; synopses: DocCommand[] } {
  const tokens = new MarkdownIt().parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), {});
  const blocks: DocBlock[] = [];
  const synopses: DocCommand[] = [];
  for (const token of tokens) {
    if (token.type !== 'fence' || !token.map) continue;
    const lang = token.info.trim();
    const lines = token.content.split('\n');
    const first = token.map[0] + 2;
    const block: DocBlock = { file, commands: [] };
    if (SHELL.has(lang)) {
      if (lines[0].startsWith('#!')) continue; // a script (the README's hook: the packaging test runs it)
      lines.forEach((text, i) => {
        const [, command, comment] = /^(.*?)(?:\s{2,}#\s*(.*))?$/.exec(text.trim())!;
        if (RUNS_JKOPAY.test(command)) block.commands.push({ file, line: first + i, command, comment });
      });
    } else if (lang === '') {
      lines.forEach((text, i) => {
        if (text.startsWith('$ ') && RUNS_JKOPAY.test(text.slice(2)))
          block.commands.push({ file, line: first + i, command: text.slice(2), output: [] });
        else if (block.commands.length && text.trim() !== '') block.commands[block.commands.length - 1].output!.push(text);
        else if (/^jkopay \w+ .*\[/.test(text)) synopses.push({ file, line: first + i, command: text });
      });
    }
    if (block.commands.length) blocks.push(block);
  }
  return { blocks, synopses };
}

/** An output line as a pattern: digits may differ (times, ids, ports), runs of spaces may differ, a trailing `…` stands for the rest. */
function linePattern(line: string): RegExp {
  const escaped = line
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\d+/g, '\\d+')
    .replace(/ *…$/, '\u0000')
    .replace(/ +/g, ' +')
    .replace('\u0000', '.*');
  return new RegExp(escaped);
}

/**
 * A backend at a free port. `good` answers as JKOPay wants (confirm: {"valid": true}; a result with
 * the right digest over the raw body: 200; anything else: 401). `reserializes` is the example backend
 * of docs/callbacks.md's shown run: confirm answers "OK", and a result's digest is checked over
 * JSON.stringify(JSON.parse(body)) instead of the bytes received, an unsigned one refused.
 */
async function startReceiver(mode: 'good' | 'reserializes'): Promise<{ server: Server; port: number; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      calls.push(`${req.method} ${req.url}`);
      const confirm = req.url?.includes('confirm');
      if (mode === 'reserializes') {
        if (confirm) res.writeHead(200).end('OK');
        else {
          let compact = '';
          try {
            compact = JSON.stringify(JSON.parse(body.toString()));
          } catch {
            // not JSON: refused below
          }
          res.writeHead(req.headers.digest === createHmac('sha256', SECRET).update(compact).digest('hex') ? 200 : 401).end();
        }
        return;
      }
      const signed = req.headers.digest === createHmac('sha256', SECRET).update(body).digest('hex');
      if (!signed) res.writeHead(401).end();
      else if (confirm) res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"valid": true}');
      else res.writeHead(200).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, calls };
}

/**
 * Runs a shell command to its end without blocking this process: the receivers the command calls
 * answer from this process's event loop.
 */
async function run(command: string, options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; output: string }> {
  const child = spawn('sh', ['-c', command], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const [status] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { status, output };
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the commands of the docs', function () {
  this.timeout(240_000);
  let project: string;
  let mock: ChildProcess;
  let mockUrl: string;
  let good: Awaited<ReturnType<typeof startReceiver>>;
  let reserializes: Awaited<ReturnType<typeof startReceiver>>;
  const env = () => ({
    ...process.env,
    PATH: `${path.join(project, 'bin')}${path.delimiter}${process.env.PATH}`,
    LANG: 'C',
    LC_ALL: '',
    JKOPAY_MOCK_URL: mockUrl,
    JKOPAY_SECRET_KEY: SECRET,
    // What docs/callbacks.md pipes into jkopay verify: a callback body and its digest header.
    BODY: CALLBACK_BODY,
    DIGEST_HEADER: createHmac('sha256', SECRET).update(CALLBACK_BODY).digest('hex'),
  });
  const all = DOCS.map(docBlocks);

  before(async () => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-docs-'));
    fs.cpSync(path.join(ROOT, 'examples'), path.join(project, 'examples'), { recursive: true, filter: (src) => !src.includes('backend') });
    const example = fs.readFileSync(path.join(ROOT, 'examples/checkout-twd.entry.jkopay.json'), 'utf8');
    fs.writeFileSync(path.join(project, 'order.entry.jkopay.json'), example);
    fs.writeFileSync(
      path.join(project, 'checkout.entry.jkopay.json'),
      example.replace('"https://shop.example.com/jkopay/result"', '"https://shop.example/jkopay/result?src=jko"'),
    );
    for (const dir of ['src', 'payloads']) {
      fs.mkdirSync(path.join(project, dir));
      fs.writeFileSync(path.join(project, dir, 'refund.refund.jkopay.json'), '{ "platform_order_id": "shop-1", "refund_amount": 100 }\n');
    }
    // The configuration docs/mock.md shows, as mock.json.
    const mockDoc = fs.readFileSync(path.join(ROOT, 'docs/mock.md'), 'utf8');
    const config = /## Config file[\s\S]*?```json\n([\s\S]*?)```/.exec(mockDoc)?.[1];
    assert.ok(config, 'docs/mock.md shows a configuration');
    fs.writeFileSync(path.join(project, 'mock.json'), config);
    // `jkopay` on PATH and as the project's installed bin (for npx --no-install) is this build.
    fs.mkdirSync(path.join(project, 'bin'));
    fs.mkdirSync(path.join(project, 'node_modules/.bin'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'shop', private: true }));
    const shim = path.join(project, 'bin/jkopay');
    fs.writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
    fs.symlinkSync(shim, path.join(project, 'node_modules/.bin/jkopay'));
    good = await startReceiver('good');
    reserializes = await startReceiver('reserializes');
    // Its stderr (its "stopped" at the end) is not the test's to show.
    mock = spawn(process.execPath, [CLI, 'mock', '--port', '0', '--quiet', '--forward-callbacks-to', `http://127.0.0.1:${good.port}`], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [first] = (await once(createInterface({ input: mock.stdout! }), 'line')) as [string];
    mockUrl = first.replace('listening on ', '');
  });

  after(async () => {
    mock?.kill('SIGTERM');
    if (mock && mock.exitCode === null) await once(mock, 'exit');
    good?.server.close();
    reserializes?.server.close();
    fs.rmSync(project, { recursive: true, force: true });
  });

  /** The command as it runs here: the docs' ports swapped for this test's, placeholders filled, nothing sent out. */
  async function prepare(c: DocCommand, receiverPort: number): Promise<string> {
    let command = c.command
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${receiverPort}`)
      .replaceAll('127.0.0.1:8917', new URL(mockUrl).host)
      .replace(/=…/g, `=${SECRET}`);
    if (/--port \d+/.test(command)) command = command.replace(/--port \d+/, `--port ${await freePort()}`);
    if (/--env (sandbox|production)\b/.test(command)) command += ' --dry-run';
    return command;
  }

  /** `jkopay mock` (the server): runs until its banner is out, then is stopped; it must start and stop cleanly. */
  async function runServer(command: string): Promise<{ status: number | null; output: string }> {
    // Started directly, not through sh: a signal is then sure to reach the mock itself.
    const args = command.split(/\s+/).slice(1);
    if (!args.includes('--port')) args.push('--port', '0');
    const child = spawn(process.execPath, [CLI, ...args, '--quiet'], { cwd: project, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const lines = createInterface({ input: child.stdout! });
    const exited = once(child, 'exit');
    await new Promise<void>((resolve) => {
      lines.on('line', (line) => {
        output += `${line}\n`;
        if (/^control:/.test(line)) resolve();
      });
      child.once('exit', () => resolve());
    });
    child.kill('SIGTERM');
    const [status] = (await exited) as [number | null];
    return { status, output };
  }

  for (const file of DOCS) {
    it(`${file}: every jkopay command runs and exits 0, and shows what the document shows`, async () => {
      const { blocks } = all[DOCS.indexOf(file)];
      for (const block of blocks) {
        // Each block starts from an empty mock; one that pays the docs' order without sending it first gets it sent.
        const reset = await run('jkopay mock reset', { cwd: project, env: env() });
        assert.equal(reset.status, 0, reset.output);
        const sends = block.commands.findIndex((c) => / send /.test(` ${c.command} `));
        const pays = block.commands.findIndex((c) => /mock pay /.test(c.command));
        if (pays >= 0 && (sends < 0 || sends > pays))
          await run('jkopay send examples/checkout-twd.entry.jkopay.json', { cwd: project, env: env() });
        for (const c of block.commands) {
          const where = `${c.file}:${c.line}: ${c.command}`;
          // docs/callbacks.md's shown run is of a backend that answers "OK" and checks digests over a re-serialization: the second receiver plays it.
          const receiver = c.output && file === 'docs/callbacks.md' ? reserializes : good;
          const command = await prepare(c, receiver.port);
          const before = receiver.calls.length;
          const { status, output } = /^jkopay mock(?! (pay|fail|clock|reset|orders)\b)/.test(command)
            ? await runServer(command)
            : await run(command, { cwd: project, env: env() });
          if (c.output?.length) {
            const lines = output.split('\n');
            let at = 0;
            for (const expected of c.output) {
              const pattern = linePattern(expected.replaceAll('127.0.0.1:3000', `127.0.0.1:${receiver.port}`));
              const found = lines.findIndex((line, i) => i >= at && pattern.test(line));
              assert.ok(found >= 0, `${where}\nthe document shows: ${expected}\nthe command printed:\n${output}`);
              at = found + 1;
            }
          } else assert.equal(status, 0, `${where}\n${output}`);
          const posted = /→ POST (\S+)/.exec(c.comment ?? '')?.[1];
          if (posted) {
            const url = new URL(posted.replace('127.0.0.1:3000', `127.0.0.1:${receiver.port}`));
            assert.ok(
              receiver.calls.slice(before).includes(`POST ${url.pathname}${url.search}`),
              `${where}: ${receiver.calls.slice(before).join(', ')}`,
            );
          }
        }
      }
    });
  }

  it('runs something: the docs hold jkopay commands, and each synopsis names only options the command has', () => {
    const commands = all.flatMap((d) => d.blocks.flatMap((b) => b.commands));
    assert.ok(commands.length >= 25, `${commands.length} commands`);
    for (const synopsis of all.flatMap((d) => d.synopses)) {
      const name = /^jkopay (\w+)/.exec(synopsis.command)![1];
      const specs = COMMAND_SPECS[name];
      assert.ok(specs, `${synopsis.file}:${synopsis.line}: jkopay ${name}`);
      for (const option of synopsis.command.match(/--[\w-]+/g) ?? []) {
        assert.ok(
          specs.some((spec) => option.slice(2) in spec.options),
          `${synopsis.file}:${synopsis.line}: jkopay ${name} has no ${option}`,
        );
      }
    }
  });
});
