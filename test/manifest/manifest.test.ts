/**
 * The extension manifest and its static files agree with the code: every %key% is translated,
 * every client string has its zh-TW text, the snippet files hold the core's payload snippets, the
 * severity setting lists exactly the rule codes, and the grammar knows every schema field.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PAYLOAD_SNIPPETS } from '../../src/data/payloadSnippets';
import { RULES } from '../../src/core/rules/ruleTable';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const manifest = readJson('package.json');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('extension manifest', () => {
  it('activates on the payload language and is usable in untrusted workspaces', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:jkopay'));
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.contributes.languages[0].extensions, ['.jkopay.json']);
  });

  it('translates every %key% into English and Traditional Chinese', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]).sort();
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-tw.json');
    assert.deepEqual([...new Set(keys)], Object.keys(en).sort());
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });

  it('has a zh-TW text for every string the client shows', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-tw.json');
    const used = new Set<string>();
    for (const file of filesUnder('src/client')) {
      // Single or double quotes: Prettier picks double quotes for a text that holds an apostrophe.
      for (const m of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/l10n\.t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g))
        used.add(m[2].replace(/\\(.)/g, '$1'));
    }
    assert.ok(used.size >= 3, 'the client strings were found');
    assert.deepEqual([...used].sort(), Object.keys(bundle).sort());
  });

  it('ships the core payload snippets as the JSON snippet file', () => {
    const snippets = readJson('snippets/jkopay.code-snippets');
    for (const [endpoint, body] of Object.entries(PAYLOAD_SNIPPETS)) {
      assert.equal(snippets[`JKOPay ${endpoint}`].body.join('\n'), body, endpoint);
    }
  });

  it('lists exactly the rule codes in jkopay.diagnostics.severity', () => {
    const setting = manifest.contributes.configuration.properties['jkopay.diagnostics.severity'];
    assert.deepEqual(Object.keys(setting.properties).sort(), Object.keys(RULES).sort());
  });

  it('highlights every field of the request schemas as a known field', () => {
    const grammar = readJson('syntaxes/jkopay.tmLanguage.json');
    const known = new RegExp(`^${grammar.repository.objectkey.patterns[0].match}$`);
    const fields = new Set<string>();
    const collect = (schema: { properties?: Record<string, object>; items?: object }) => {
      for (const [name, sub] of Object.entries(schema.properties ?? {})) {
        if (name !== '$schema') fields.add(name);
        collect(sub);
      }
      if (schema.items) collect(schema.items);
    };
    for (const endpoint of ['entry', 'refund', 'inquiry']) collect(readJson(`src/data/schemas/${endpoint}.schema.json`));
    assert.ok(fields.has('unredeem'));
    for (const field of fields) assert.match(`"${field}"`, known, field);
  });
});
