/**
 * Output injection (issue 13): control and bidi characters from files and servers are escaped in
 * every human-readable output by one function; JSON output keeps its exact meaning.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { escapeControl, escapingChannel } from '../../src/shared/displayText';
import { startHttp } from './api/localServers';

const cli = path.join(__dirname, '../../../dist/cli.js');
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('escaping control characters in output', () => {
  it('escapes C0, DEL, C1 and bidi controls, line breaks only when asked', () => {
    assert.equal(escapeControl('a\u001b[31mb\u0007'), 'a\\u001b[31mb\\u0007');
    assert.equal(escapeControl('x\u007fy\u0085z\u009b'), 'x\\u007fy\\u0085z\\u009b');
    assert.equal(escapeControl('abc\u202edcba\u2066\u200f'), 'abc\\u202edcba\\u2066\\u200f');
    assert.equal(escapeControl('one\ntwo\r\nthree\tfour'), 'one\\ntwo\\r\\nthree\\tfour');
    assert.equal(escapeControl('one\ntwo\r\nthree\tfour\rfive\u001b', { lines: true }), 'one\ntwo\r\nthree\tfour\\rfive\\u001b');
    assert.equal(escapeControl('街口支付 café 😀'), '街口支付 café 😀');
    // Escaped JSON still parses to the same value.
    const json = JSON.stringify({ m: 'a\u202eb\u0085' });
    assert.deepEqual(JSON.parse(escapeControl(json, { lines: true })), { m: 'a\u202eb\u0085' });
  });

  it('escapes what an output channel is given, whatever the method', () => {
    const seen: unknown[] = [];
    const channel = {
      name: 'JKOPay',
      info: (m: string) => seen.push(m),
      appendLine: (m: string) => seen.push(m),
      error: (m: string | Error) => seen.push(m),
      show() {
        return this.name;
      },
    };
    const wrapped = escapingChannel(Object.freeze(channel));
    wrapped.info('GET /\u001b]0;owned\u0007 → 200');
    wrapped.appendLine('line one\nline two\u202e');
    wrapped.error(new Error('bad \u001b[2J'));
    assert.equal(wrapped.name, 'JKOPay');
    assert.equal(wrapped.show(), 'JKOPay');
    assert.equal(seen[0], 'GET /\\u001b]0;owned\\u0007 → 200');
    assert.equal(seen[1], 'line one\nline two\\u202e');
    assert.match(String(seen[2]), /^Error: bad \\u001b\[2J/);
  });

  describe('through the jkopay command', function () {
    this.timeout(30_000);
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkopay-escape-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('check: a key with a line break or an escape sequence cannot forge a line or reach the terminal (was printed raw)', () => {
      const file = path.join(dir, 'forge.jkopay.json');
      fs.writeFileSync(file, '{"platform_order_ids": "a", "x\\nforged.jkopay.json:1:1 error missing-field Forged\\u001b[2J\\u202e": 1}');
      const r = spawnSync(process.execPath, [cli, 'check', '--lang', 'en', file], { encoding: 'utf8' });
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stdout);
      assert.match(lines[0], /warning unknown-field "x\\nforged\.jkopay\.json:1:1 error missing-field Forged\\u001b\[2J\\u202e"/);
      assert.doesNotMatch(r.stdout + r.stderr, RAW_CONTROL);
      // JSON output stays exact: the key comes back as written.
      const json = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--lang', 'en', file], { encoding: 'utf8' });
      const records = JSON.parse(json.stdout) as { message: string }[];
      assert.ok(records[0].message.includes('x\nforged.jkopay.json:1:1 error missing-field Forged\u001b[2J\u202e'));
      const sarif = spawnSync(process.execPath, [cli, 'check', '--format', 'sarif', '--lang', 'en', file], { encoding: 'utf8' });
      const results = (JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string } }[] }[] }).runs[0].results;
      assert.ok(results[0].message.text.includes('x\nforged.jkopay.json:1:1 error missing-field Forged\u001b[2J\u202e'));
      assert.doesNotMatch(json.stdout + sarif.stdout, /[\u001b\u202e]/, 'the raw characters travel as JSON escapes');
    });

    it('send: a server answer with ESC/OSC sequences is shown escaped (was printed raw)', async () => {
      const file = path.join(dir, 'send.entry.jkopay.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          platform_order_id: 'esc-1',
          store_id: '35f12dff-1581-11e9-a054-00505684fd45',
          currency: 'TWD',
          total_price: 100,
          final_price: 100,
          unredeem: 0,
          confirm_url: 'https://example.com/confirm',
          result_url: 'https://example.com/result',
        }),
      );
      const server = await startHttp((req, res) => {
        req.resume();
        res.setHeader('Content-Type', 'application/json');
        res.end('{"result":"999","message":"\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eevil","result_object":null}');
      });
      try {
        const env = { ...process.env, LANG: 'C', JKOPAY_API_KEY: 'esc-key-1234567890', JKOPAY_SECRET_KEY: 'esc-secret-1234567890' };
        const child = spawn(process.execPath, [cli, 'send', file, '--env', 'sandbox', '--base-url', server.url, '--lang', 'en'], { env });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        await new Promise((resolve) => child.on('close', resolve));
        assert.match(output, /\\u001b\]0;owned\\u0007\\u001b\[2J\\u009b31m\\u202eevil/);
        assert.doesNotMatch(output, RAW_CONTROL);
      } finally {
        await server.close();
      }
    });

    // Issue 23: a line break in a mock error line (a config key, the mock's refusal quoting an id) forged a line.
    it('mock: an error quoting a config key or an order id is one line (was printed raw)', async () => {
      const config = path.join(dir, 'forge-mock.json');
      fs.writeFileSync(config, JSON.stringify({ 'x\njkopay mock: listening on http://evil': 1 }));
      const bad = spawnSync(process.execPath, [cli, 'mock', '--port', '0', '--config', config], { encoding: 'utf8' });
      assert.equal(bad.status, 2);
      assert.equal(bad.stderr.trimEnd().split('\n').length, 1, bad.stderr);
      assert.match(bad.stderr, /"x\\njkopay mock: listening on http:\/\/evil" is not a config key/);
      const mock = spawn(process.execPath, [cli, 'mock', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        let started = '';
        mock.stdout.on('data', (d) => (started += d));
        mock.stderr.on('data', (d) => (started += d));
        const url = await new Promise<string>((resolve) => {
          const poll = setInterval(() => {
            const found = /http:\/\/127\.0\.0\.1:\d+/.exec(started);
            if (found) {
              clearInterval(poll);
              resolve(found[0]);
            }
          }, 20);
        });
        const pay = spawnSync(process.execPath, [cli, 'mock', 'pay', 'a\nforged line', '--url', url], { encoding: 'utf8' });
        assert.equal(pay.status, 1);
        assert.equal(pay.stderr.trimEnd().split('\n').length, 1, pay.stderr);
        assert.match(pay.stderr, /the mock refused: no order "a\\nforged line"/);
      } finally {
        mock.kill();
      }
    });
  });
});
