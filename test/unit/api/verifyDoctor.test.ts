/**
 * `jkopay verify` names the slip behind a mismatch: every case of the DIGEST doctor's table, given
 * as a user gives it (the body in a file, the query with --query, the API key and the previous body
 * through --api-key-env and --previous-body-file), in English and Traditional Chinese, with
 * neither the secret nor a valid DIGEST in what it prints; a DIGEST in another form is a mismatch,
 * not bad usage.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { slipFound } from '../../../src/api/digestSlipTexts';
import { runVerify } from '../../../src/cli/verifyCommand';
import { capture } from './captureIo';
import { API_KEY, BODY, forbiddenIn, slipCases } from './digestSlipCases';

describe('cli: verify names the slip', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jkopay-verify-slips-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  for (const c of slipCases()) {
    it(`names ${c.slip}`, async () => {
      const env = { JKO_SECRET: c.secret, JKO_API_KEY: API_KEY };
      const args = ['--secret-env', 'JKO_SECRET', '--api-key-env', 'JKO_API_KEY', '--digest', c.digest];
      if (c.kind === 'query') args.push('--query', c.sent);
      else {
        const file = path.join(dir, `${c.slip}.json`);
        await fs.writeFile(file, c.sent);
        args.push('--body-file', file);
      }
      if (c.previous !== undefined) {
        const file = path.join(dir, `${c.slip}.previous.json`);
        await fs.writeFile(file, c.previous);
        args.push('--previous-body-file', file);
      }
      for (const lang of ['en', 'zh-TW'] as const) {
        const out = capture();
        assert.equal(await runVerify([...args, '--lang', lang], out.io, { env }), 1, out.errors());
        assert.match(out.text(), lang === 'en' ? /^mismatch/ : /^不相符/);
        assert.ok(out.errors().includes(slipFound(lang, c.slip)), out.errors());
        assert.doesNotMatch(out.errors(), /\n./, 'one line');
        const printed = out.text() + out.errors();
        for (const secret of [...forbiddenIn(c.secret, c.sent), API_KEY])
          assert.ok(!printed.includes(secret), `${c.slip} prints ${secret}`);
      }
    });
  }

  it('still answers a match with exit 0, and bad usage with exit 2', async () => {
    const file = path.join(dir, 'body.json');
    await fs.writeFile(file, BODY);
    const env = { K: 'mock-secret-key' };
    const right = slipCases()
      .find((c) => c.slip === 'digest-upper-hex')!
      .digest.toLowerCase();
    const ok = capture();
    assert.equal(await runVerify(['--secret-env', 'K', '--digest', right, '--body-file', file], ok.io, { env }), 0);
    assert.match(ok.text(), /^match/);
    assert.equal(ok.errors(), '');
    for (const args of [
      ['--secret-env', 'K', '--digest', '', '--body-file', file],
      ['--secret-env', 'K', '--digest', 'a b', '--body-file', file],
      ['--secret-env', 'K', '--digest', 'a'.repeat(257), '--body-file', file],
      ['--secret-env', 'K', '--digest', right, '--body-file', file, '--api-key-env', 'UNSET'],
      ['--secret-env', 'K', '--digest', right, '--body-file', file, '--previous-body-file', path.join(dir, 'missing')],
    ]) {
      const c = capture();
      assert.equal(await runVerify(args, c.io, { env }), 2, args.join(' '));
    }
  });
});
