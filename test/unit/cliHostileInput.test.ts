/**
 * Hostile files given to the CLI (issue 13): a file the parser cannot read, FIFOs, devices, files
 * that never end, invalid UTF-8. Each gets a clear message or finding, nothing hangs, and one bad
 * file does not stop the others from being checked.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../src/core/languageService';
import { decodeUtf8, FileInputError, firstInvalidUtf8, readRegularFile } from '../../src/cli/fileInput';

const cli = path.join(__dirname, '../../../dist/cli.js');

function jkopay(args: string[], env: NodeJS.ProcessEnv = {}) {
  // A hang is the defect being tested: a timeout turns it into a failure instead of a stuck suite.
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, LANG: 'C', ...env } });
}

const deepSource = (n: number) => `// @jkopay entry\nconst p = { platform_order_id: ${'('.repeat(n)}'a'${')'.repeat(n)} };\n`;

function makeFifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

describe('hostile input to the CLI', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-hostile-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('a file the parser cannot read', () => {
    it('gets a too-complex finding and the other files are still checked (was: exit 2, no findings at all)', () => {
      fs.writeFileSync(path.join(dir, 'deep.ts'), deepSource(3000));
      fs.writeFileSync(path.join(dir, 'other.jkopay.json'), '{"platform_order_ids": "a", "extra": 1}');
      const r = jkopay(['check', '--format', 'json', '--lang', 'en', dir]);
      assert.equal(r.status, 1, r.stderr);
      const records = JSON.parse(r.stdout) as { file: string; code: string; line: number; column: number; message: string }[];
      const deep = records.filter((x) => x.file.endsWith('deep.ts'));
      assert.deepEqual(
        deep.map((x) => [x.code, x.line, x.column]),
        [['too-complex', 1, 1]],
      );
      assert.match(deep[0].message, /too complex to check/);
      assert.ok(records.some((x) => x.file.endsWith('other.jkopay.json') && x.code === 'unknown-field'));
    });

    it('gives the language server the same finding instead of silence, and parses without throwing', () => {
      const service = getLanguageService({ lang: 'zh-TW' });
      const document = TextDocument.create('file:///w/deep.ts', 'typescript', 1, deepSource(3000));
      const doc = service.parseDocument(document);
      assert.deepEqual(doc.payloads, []);
      const diagnostics = service.doValidation(document, doc);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['too-complex'],
      );
      assert.match(String(diagnostics[0].message), /過於複雜/);
      assert.deepEqual(
        service.doValidation(document).map((d) => d.code),
        ['too-complex'],
      );
    });
  });

  describe('files that are not regular files', () => {
    it('refuses a FIFO named on the command line with exit 2 and a message, in check, send, sign and verify (was: hangs for ever)', function () {
      const fifo = path.join(dir, 'pipe.jkopay.json');
      if (!makeFifo(fifo)) this.skip();
      const check = jkopay(['check', fifo]);
      assert.equal(check.status, 2, check.stderr);
      assert.match(check.stderr, /pipe\.jkopay\.json: it is a FIFO \(named pipe\), not a regular file/);
      const send = jkopay(['send', fifo], { JKOPAY_API_KEY: 'k', JKOPAY_SECRET_KEY: 's' });
      assert.equal(send.status, 2, send.stderr);
      assert.match(send.stderr, /cannot read .*FIFO/);
      const sign = jkopay(['sign', '--secret-env', 'JKOPAY_SECRET_KEY', '--body-file', fifo], { JKOPAY_SECRET_KEY: 's' });
      assert.equal(sign.status, 2, sign.stderr);
      assert.match(sign.stderr, /cannot read .*FIFO/);
      const verify = jkopay(['verify', '--secret-env', 'JKOPAY_SECRET_KEY', '--digest', 'a'.repeat(64), '--body-file', fifo], {
        JKOPAY_SECRET_KEY: 's',
      });
      assert.equal(verify.status, 2, verify.stderr);
      assert.match(verify.stderr, /cannot read .*FIFO/);
    });

    it('skips a FIFO met in a folder with a note and checks the rest', function () {
      if (!makeFifo(path.join(dir, 'pipe.jkopay.json'))) this.skip();
      fs.writeFileSync(path.join(dir, 'good.jkopay.json'), '{"platform_order_ids": "a"}');
      const r = jkopay(['check', dir]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /note: skipped .*pipe\.jkopay\.json: it is a FIFO/);
      assert.match(r.stderr, /1 file checked/);
    });

    it('refuses /dev/zero at once (was: read 605 MB before failing)', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const r = jkopay(['check', '/dev/zero']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /\/dev\/zero: it is a device, not a regular file/);
    });

    it('stops reading at the cap whatever stat says', async function () {
      // /proc files report size 0 and still have content.
      if (!fs.existsSync('/proc/self/status')) this.skip();
      await assert.rejects(
        readRegularFile('/proc/self/status', 16),
        (e: unknown) => e instanceof FileInputError && e.problem === 'too-large',
      );
      const file = path.join(dir, 'small.jkopay.json');
      fs.writeFileSync(file, 'x'.repeat(100_000));
      assert.equal((await readRegularFile(file, 100_000)).length, 100_000);
      await assert.rejects(readRegularFile(file, 99_999), /over/);
      await assert.rejects(
        readRegularFile('/dev/zero', 1 << 20),
        (e: unknown) => e instanceof FileInputError && e.problem === 'not-regular',
      );
    });
  });

  describe('unreadable files', () => {
    it('report a file over the 64 MB cap as unreadable and check the others', () => {
      const big = path.join(dir, 'big.jkopay.json');
      fs.closeSync(fs.openSync(big, 'w'));
      fs.truncateSync(big, 65 * 1024 * 1024); // sparse: nothing is written
      fs.writeFileSync(path.join(dir, 'good.jkopay.json'), '{"platform_order_ids": "a"}');
      const r = jkopay(['check', '--format', 'json', dir]);
      assert.equal(r.status, 1, r.stderr);
      const records = JSON.parse(r.stdout) as { file: string; code: string; message: string }[];
      assert.deepEqual(
        records.map((x) => [path.basename(x.file), x.code]),
        [['big.jkopay.json', 'unreadable']],
      );
      assert.match(records[0].message, /cannot be read: it is over 64\.0 MB/);
      const alone = jkopay(['check', big]);
      assert.equal(alone.status, 2, 'no file could be read');
      assert.match(alone.stdout, /big\.jkopay\.json:1:1 error unreadable/);
    });

    it('report an unreadable finding, and the run goes on; exit 2 only when nothing could be read', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads any file
      const locked = path.join(dir, 'locked.jkopay.json');
      fs.writeFileSync(locked, '{}');
      fs.chmodSync(locked, 0);
      fs.writeFileSync(path.join(dir, 'good.jkopay.json'), '{"platform_order_ids": "a"}');
      const r = jkopay(['check', '--format', 'json', dir]);
      assert.equal(r.status, 1, r.stderr);
      const records = JSON.parse(r.stdout) as { file: string; code: string; message: string }[];
      assert.deepEqual(
        records.map((x) => [path.basename(x.file), x.code]),
        [['locked.jkopay.json', 'unreadable']],
      );
      assert.match(records[0].message, /cannot be read: permission denied/);
      assert.equal(jkopay(['check', locked]).status, 2);
    });
  });

  describe('encoding', () => {
    it('reports invalid UTF-8 as invalid-encoding with its byte offset (was: decoded silently to U+FFFD)', () => {
      const file = path.join(dir, 'latin1.jkopay.json');
      // "é" in Latin-1 (0xE9) where UTF-8 needs two bytes; the second line puts the bad byte at line 2.
      fs.writeFileSync(file, Buffer.concat([Buffer.from('{\n  "platform_order_ids": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]));
      const r = jkopay(['check', '--format', 'json', file]);
      assert.equal(r.status, 1, r.stderr);
      const records = JSON.parse(r.stdout) as { code: string; line: number; column: number; message: string }[];
      const bad = records.find((x) => x.code === 'invalid-encoding');
      assert.ok(bad, r.stdout);
      assert.deepEqual([bad.line, bad.column], [2, 29]);
      assert.match(bad.message, /not valid UTF-8 \(first invalid byte at offset 30\)/);
    });

    it('finds the first invalid byte exactly', () => {
      const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
      assert.equal(at(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80), -1); // a é € 😀
      assert.equal(at(0x61, 0xc0, 0x80), 1); // overlong NUL
      assert.equal(at(0xe0, 0x80, 0x80), 0); // overlong
      assert.equal(at(0x61, 0x62, 0xed, 0xa0, 0x80), 2); // UTF-16 surrogate
      assert.equal(at(0xf4, 0x90, 0x80, 0x80), 0); // past U+10FFFF
      assert.equal(at(0x61, 0xe2, 0x82), 1); // truncated
      assert.equal(at(0x80), 0); // lone continuation
      assert.equal(at(0xff), 0);
      const decoded = decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0xf0, 0x9f, 0x98, 0x80, 0xff]));
      assert.deepEqual(decoded.invalid, { byte: 8, offset: 4 }); // BOM kept (1 unit), {, 😀 (2 units)
    });
  });
});

describe('a reader that closes the pipe early', function () {
  this.timeout(30_000);

  it('stops the mock quietly when its log has nowhere to go (was: an unhandled EPIPE with a stack trace)', async () => {
    const child = spawn(process.execPath, [cli, 'mock', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Read up to the start-up line, then close our end of the pipe as `| head -1` does.
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.on('exit', () => reject(new Error(`mock exited before listening: ${stderr}`)));
    });
    child.stdout.destroy();
    // The access-log line of this request is the first write to the closed pipe.
    await fetch(`http://127.0.0.1:${port}/platform/inquiry?platform_order_ids=a`).catch(() => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|at /);
  });
});
