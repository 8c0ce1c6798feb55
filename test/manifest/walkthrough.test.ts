/**
 * The walkthrough in package.json (`contributes.walkthroughs`) holds together: every step has a
 * button that runs the command its completion waits for (in English and in Traditional Chinese),
 * a command the extension contributes or VS Code has; an image for the light and for the dark
 * theme that exists and is packed (the `files` list); and the command that opens it names it.
 * The real VS Code shows it in test/integration/e2e/workbench.e2e.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const manifest = readJson('package.json');
const nls: Record<string, Record<string, string>> = { en: readJson('package.nls.json'), 'zh-TW': readJson('package.nls.zh-tw.json') };

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image: { light: string; dark: string; hc: string; hcLight?: string }; altText: string };
  completionEvents: string[];
}

/** VS Code's own commands a step may run. */
const BUILT_IN = ['workbench.actions.view.problems'];

describe('the walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: Step[] }[];
  const contributed = new Set((manifest.contributes.commands as { command: string }[]).map((c) => c.command));
  const text = (lang: string, key: string) => nls[lang][key.replace(/^%|%$/g, '')];

  it('is the one the Get Started command opens', () => {
    // The client's module needs VS Code to load: its text names the walkthrough.
    const client = fs.readFileSync(path.join(ROOT, 'src/client/walkthrough.ts'), 'utf8');
    assert.ok(client.includes(`'${manifest.publisher}.${manifest.name}#${walkthrough.id}'`));
    assert.ok(contributed.has('jkopay.openWalkthrough'));
  });

  it('leads from a payload to a payment, the callbacks, the code and the sandbox', () => {
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['payload', 'send', 'pay', 'callbacks', 'check', 'credentials'],
    );
  });

  for (const lang of ['en', 'zh-TW']) {
    it(`gives each step a button that runs the command it completes on (${lang})`, () => {
      for (const step of walkthrough.steps) {
        assert.ok(text(lang, step.title), `${step.id}: title`);
        assert.ok(text(lang, step.media.altText), `${step.id}: alt text`);
        const description = text(lang, step.description);
        const buttons = [...description.matchAll(/^\[[^\]]+\]\(command:([\w.]+)[^)]*\)$/gm)].map((m) => m[1]);
        assert.ok(step.completionEvents.length > 0, step.id);
        for (const event of step.completionEvents) {
          const command = event.replace(/^onCommand:/, '');
          assert.ok(contributed.has(command) || BUILT_IN.includes(command), `${step.id}: ${command} exists`);
          assert.ok(buttons.includes(command), `${step.id}: a button runs ${command}`);
        }
        for (const command of buttons) assert.ok(contributed.has(command) || BUILT_IN.includes(command), `${step.id}: ${command}`);
      }
    });
  }

  it('has an image for the light, the dark and the high-contrast theme of each step, packed with the extension', () => {
    const files: string[] = manifest.files;
    for (const step of walkthrough.steps) {
      const { light, dark, hc } = step.media.image;
      assert.notEqual(light, dark, step.id);
      // VS Code 1.100 reads `hc` whenever the image is given per theme, and drops the whole walkthrough without it.
      assert.ok(hc, `${step.id}: an image for the high-contrast theme`);
      for (const image of [light, dark]) {
        assert.match(fs.readFileSync(path.join(ROOT, image), 'utf8'), /^<svg [^>]*viewBox/, image);
        assert.ok(
          files.some((entry) => image.startsWith(entry)),
          `${image} is in the files list`,
        );
      }
    }
  });
});
