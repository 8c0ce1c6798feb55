/**
 * The state file under failure: an unwritable --state is refused at start (exit 2), a change
 * whose save fails is undone (the request answers 999 and a retry starts afresh and is saved), and
 * the temporary files a killed mock left behind are removed at start.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startMockServer } from '../../../src/api/mock/mockServer';
import { MockStateError } from '../../../src/api/mock/mockState';
import { runMock } from '../../../src/cli/mockCommand';
import { control, signedPost } from './localServers';

const ROOT = path.join(__dirname, '../../../..');
const STORE = '00000000-0000-4000-8000-000000000001';
const entryBody = (id: string) =>
  JSON.stringify({ platform_order_id: id, store_id: STORE, currency: 'TWD', total_price: 100, final_price: 100, unredeem: 0 });

describe('mock: state file safety', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-state-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('refuses at start a --state that cannot be written (exit 2, a clear message)', async () => {
    const missingFolder = path.join(dir, 'no-such-folder', 'state.json');
    await assert.rejects(
      startMockServer({ stateFile: missingFolder }),
      (e: unknown) => e instanceof MockStateError && /cannot/.test(e.message),
    );
    const err: string[] = [];
    const code = await runMock(
      ['--port', '0', '--quiet', '--state', missingFolder],
      { out: () => undefined, err: (t) => err.push(t) },
      { stop: Promise.resolve() },
    );
    assert.equal(code, 2);
    assert.match(err.join('\n'), /state file .*no-such-folder/);
    if (process.getuid?.() !== 0) {
      const readOnly = path.join(dir, 'ro');
      await fs.mkdir(readOnly, 0o500);
      await assert.rejects(startMockServer({ stateFile: path.join(readOnly, 'state.json') }), /cannot write the state file/);
    }
  });

  // Issue 23: a clock moved out of range was saved, and every payment after a restart got NaN-NaN-NaN times.
  it('refuses a state file whose clock is out of range, and leaves the file as it was', async () => {
    const file = path.join(dir, 'state.json');
    const text = JSON.stringify({ version: 1, clock_offset_ms: 1e8 * 86_400_000, seq: 0, orders: [] });
    await fs.writeFile(file, text);
    await assert.rejects(
      startMockServer({ stateFile: file }),
      (e: unknown) =>
        e instanceof MockStateError && /clock_offset_ms.*out of its range, 0001-01-01 00:00:00 to 9999-12-31 23:59:59/.test(e.message),
    );
    assert.equal(await fs.readFile(file, 'utf8'), text);
  });

  // Issue 23: a FIFO hung the mock for good (through the library, even process.exit() could not end the runner),
  // and a device was replaced by a regular file (`--state /dev/null` as root would replace /dev/null). Both run in a
  // child process with a deadline, so that a regression fails this test instead of hanging the whole run.
  describe('a --state that is not a regular file', () => {
    const cli = path.join(ROOT, 'dist/cli.js');
    const lib = path.join(ROOT, 'dist/lib/index.cjs');
    const mockCli = (state: string) =>
      spawnSync(process.execPath, [cli, 'mock', '--port', '0', '--quiet', '--state', state], { encoding: 'utf8', timeout: 10_000 });
    const mockLib = (state: string) =>
      spawnSync(
        process.execPath,
        [
          '-e',
          `require(${JSON.stringify(lib)}).startMockServer({ port: 0, stateFile: process.argv[1] })` +
            '.then((m) => m.close().then(() => console.log("started")), (e) => console.log("rejected: " + e.message))',
          state,
        ],
        { encoding: 'utf8', timeout: 10_000 },
      );

    it('refuses a FIFO at once, in the CLI (exit 2) and the library (a rejected promise)', function () {
      const fifo = path.join(dir, 'state.fifo');
      if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
      const run = mockCli(fifo);
      assert.equal(run.signal, null, 'the mock hung on the FIFO');
      assert.equal(run.status, 2);
      assert.match(run.stderr, /state file .*state\.fifo: it is a FIFO \(named pipe\), not a regular file/);
      const library = mockLib(fifo);
      assert.equal(library.signal, null, 'startMockServer hung on the FIFO');
      assert.match(library.stdout, /^rejected: .*it is a FIFO/);
    });

    it('refuses a device and leaves it as it was', async function () {
      const device = path.join(dir, 'null-device');
      // A device of our own in the temporary folder (root only): never the system's /dev/null.
      if (spawnSync('mknod', [device, 'c', '1', '3']).status !== 0) this.skip();
      const run = mockCli(device);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /it is a device, not a regular file/);
      assert.match(mockLib(device).stdout, /^rejected: .*it is a device/);
      assert.ok((await fs.lstat(device)).isCharacterDevice(), 'the device was replaced');
    });

    it('refuses a symbolic link (to a device or anything else) without following it', async () => {
      const link = path.join(dir, 'link.json');
      await fs.symlink('/dev/null', link);
      const run = mockCli(link);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /it is a symbolic link/);
      assert.ok((await fs.lstat(link)).isSymbolicLink(), 'the link was replaced');
    });
  });

  it('undoes a change whose save fails: 999, no order, and a retry is applied and saved', async () => {
    const file = path.join(dir, 'state.json');
    const mock = await startMockServer({ stateFile: file, onError: () => undefined });
    try {
      // Make every save fail: a folder where the file should be (rename over a folder fails, root or not).
      await fs.rm(file, { force: true });
      await fs.mkdir(file);
      const failed = await signedPost(mock.url, '/platform/entry', entryBody('s1'));
      assert.equal(failed.json.result, '999');
      assert.equal(mock.state.orders.size, 0, 'the order was undone');
      assert.deepEqual((await control(mock.url, 'orders')).json.orders, []);
      const reset = await control(mock.url, 'clock', { advance_days: 1 });
      assert.equal(reset.status, 500);
      // A control answer, as `jkopay mock` prints it: not a JKOPay envelope.
      assert.equal(reset.json.ok, false);
      assert.match(String(reset.json.error), /state file .* could not be written .*; the change was undone/);
      assert.equal(mock.state.clockOffsetMs, 0, 'the clock change was undone');
      const leftovers = (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));
      assert.deepEqual(leftovers, [], 'no temporary file left');

      await fs.rmdir(file);
      const retried = await signedPost(mock.url, '/platform/entry', entryBody('s1'));
      assert.equal(retried.json.result, '000');
      const saved = JSON.parse(await fs.readFile(file, 'utf8'));
      assert.deepEqual(
        saved.orders.map((o: { platform_order_id: string }) => o.platform_order_id),
        ['s1'],
        'the retry is on disk',
      );
    } finally {
      await mock.close();
    }
  });

  it('removes the temporary files a killed mock left, and keeps other files', async () => {
    const file = path.join(dir, 'state.json');
    // 4194305 is above Linux's largest pid: no process has it.
    const leftover = path.join(dir, '.state.json.4194305.3.tmp');
    const other = path.join(dir, '.other.json.4194305.3.tmp');
    await fs.writeFile(leftover, '{"half');
    await fs.writeFile(other, 'x');
    const mock = await startMockServer({ stateFile: file });
    try {
      assert.deepEqual((await fs.readdir(dir)).sort(), ['.other.json.4194305.3.tmp']);
    } finally {
      await mock.close();
    }
  });

  // The doc-test stops each `jkopay mock` as soon as its banner is out: under load one was killed by the default
  // SIGTERM action (exit status null), its handlers not yet installed after the banner; its state would not be saved.
  it('stops cleanly on a SIGTERM sent the moment its first line is out', async function () {
    this.timeout(60_000);
    for (let run = 0; run < 10; run++) {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'dist/cli.js'), 'mock', '--port', '0', '--state', path.join(dir, 'state.json')],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', () => child.kill('SIGTERM'));
      const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
      assert.deepEqual({ code, signal }, { code: 0, signal: null }, `run ${run}: ${stderr}`);
      assert.match(stderr, /stopped/);
    }
  });
});
