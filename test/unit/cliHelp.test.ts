/**
 * Every command's table (src/cli/help/*Spec.ts) explains every option in both languages, and the
 * command line shows it: `jkopay help <command>` lists each option with its sentence in English and
 * in Traditional Chinese, `--lang` works before and after the command, usage errors follow it, and
 * the parsers read the same tables (each table's options parse; an option no table has is refused).
 * Also the mock's control URL from JKOPAY_MOCK_URL, and the mock's banner naming `--url` on another port.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { ALL_SPECS, COMMAND_SPECS } from '../../src/cli/help/commandSpecs';
import { parseCommand } from '../../src/cli/help/commandSpec';
import { optionLabel } from '../../src/cli/help/renderHelp';
import { USAGE_TEXTS } from '../../src/cli/help/usageError';

const cli = path.join(__dirname, '../../../dist/cli.js');
const CJK = /[\u4e00-\u9fff]/;

function jkopay(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', ...env } });
}

/** Help text without its wrapping (a Chinese line breaks between two characters, with no space), so that a sentence can be looked for whole. */
const unwrap = (text: string) => text.replace(/\s+/g, '');

describe('the help of every command', function () {
  this.timeout(60_000);

  it('has a sentence in English and in Traditional Chinese for every command and option', () => {
    for (const spec of ALL_SPECS) {
      for (const [what, text] of Object.entries({ summary: spec.summary, ...(spec.exit ? { exit: spec.exit } : {}) })) {
        assert.ok(text.en.trim().length > 10, `${spec.name}: ${what} in English`);
        assert.match(text['zh-TW'] ?? '', CJK, `${spec.name}: ${what} in Traditional Chinese`);
      }
      for (const [name, option] of Object.entries(spec.options)) {
        assert.match(option.text.en, /^\S.{9,}\.$/s, `${spec.name} --${name}: an English sentence`);
        assert.match(option.text['zh-TW'] ?? '', /。$/, `${spec.name} --${name}: a Chinese sentence`);
        assert.match(option.text['zh-TW'] ?? '', CJK, `${spec.name} --${name}: in Traditional Chinese`);
        assert.equal(
          option.type === 'string',
          option.arg !== undefined,
          `${spec.name} --${name}: an argument in help exactly when it takes one`,
        );
      }
    }
  });

  it('the parser takes every option of the table, and refuses one the table lacks', () => {
    for (const spec of ALL_SPECS) {
      for (const [name, option] of Object.entries(spec.options)) {
        const args = option.type === 'string' ? [`--${name}`, 'x'] : [`--${name}`];
        assert.doesNotThrow(() => parseCommand(spec, args), `${spec.name} --${name}`);
      }
      assert.throws(() => parseCommand(spec, ['--no-such-option']), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    }
  });

  for (const lang of ['en', 'zh-TW'] as const) {
    it(`jkopay help <command> shows every option with its sentence (${lang})`, () => {
      for (const [command, specs] of Object.entries(COMMAND_SPECS)) {
        const r = jkopay(['help', command, '--lang', lang]);
        assert.equal(r.status, 0, `${command}: ${r.stderr}`);
        const shown = unwrap(r.stdout);
        for (const spec of specs) {
          for (const [name, option] of Object.entries(spec.options)) {
            assert.ok(shown.includes(unwrap(optionLabel(name, option))), `${command}: ${optionLabel(name, option)}`);
            assert.ok(shown.includes(unwrap(option.text[lang] ?? '')), `${command} --${name}: its sentence in ${lang}`);
          }
        }
        assert.equal(jkopay([command, '--help', '--lang', lang]).stdout, r.stdout, `${command} --help is help ${command}`);
      }
    });
  }

  it('--lang works before the command and after it, for help, errors and output', () => {
    const before = jkopay(['--lang', 'zh-TW', 'help', 'send']);
    assert.equal(before.status, 0, before.stderr);
    assert.match(before.stdout, /^用法：jkopay send/);
    assert.equal(jkopay(['help', 'send', '--lang', 'zh-TW']).stdout, before.stdout);
    assert.match(jkopay(['--lang=zh-TW']).stdout, /^用法：jkopay/);
    const explained = jkopay(['--lang', 'zh-TW', 'explain', '922', '--endpoint', 'refund']);
    assert.equal(explained.status, 0, explained.stderr);
    assert.match(explained.stdout, /退款/);
    // The command's own --lang, later on the line, wins.
    assert.match(jkopay(['--lang', 'zh-TW', 'help', 'send', '--lang', 'en']).stdout, /^Usage: jkopay send/);
  });

  it('says usage errors in the language asked for, with the command usage line', () => {
    const unknown = jkopay(['--lang', 'zh-TW', 'send', '--bogus', 'x.jkopay.json']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^jkopay send: 未知的選項 --bogus\n\n用法：jkopay send /);
    const english = jkopay(['send', '--bogus', 'x.jkopay.json']);
    assert.match(english.stderr, /^jkopay send: unknown option --bogus\n\nUsage: jkopay send /);
    const locale = jkopay(['mock', 'clock', '--advance-days', 'x'], { LC_ALL: 'zh_TW.UTF-8' });
    assert.equal(locale.status, 2);
    assert.match(locale.stderr, /--advance-days 必須是天數/);
    const noPath = jkopay(['check']);
    assert.equal(noPath.status, 2);
    assert.match(noPath.stderr, /^jkopay check: check needs at least one file or folder/);
    assert.match(noPath.stderr, /Usage: jkopay check \[options\]/);
    assert.doesNotMatch(noPath.stderr, /Commands:/);
    const command = jkopay(['--lang', 'zh-TW', 'frobnicate']);
    assert.match(command.stderr, /未知的指令「frobnicate」/);
    for (const [id, text] of Object.entries(USAGE_TEXTS)) assert.match(text['zh-TW'], CJK, `usage text ${id} in Traditional Chinese`);
  });

  it('drives the mock at JKOPAY_MOCK_URL, which its banner names when the port is not the default', async () => {
    const mock = spawn(process.execPath, [cli, 'mock', '--port', '0', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'C' },
    });
    try {
      const lines = createInterface({ input: mock.stdout! });
      const banner: string[] = [];
      lines.on('line', (line) => banner.push(line));
      await once(lines, 'line');
      const url = banner[0].replace('listening on ', '');
      while (!banner.some((line) => line.includes('JKOPAY_MOCK_URL'))) await once(lines, 'line');
      assert.ok(
        banner.some((line) => line.includes(`--url ${url}`) && line.includes(`export JKOPAY_MOCK_URL=${url}`)),
        banner.join('\n'),
      );
      const reset = spawnSync(process.execPath, [cli, 'mock', 'reset'], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C', JKOPAY_MOCK_URL: url },
      });
      assert.equal(reset.status, 0, reset.stderr);
      assert.match(reset.stdout, /Mock reset/);
    } finally {
      mock.kill('SIGTERM');
      await once(mock, 'exit');
    }
  });
});
