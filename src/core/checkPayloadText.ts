/**
 * The one check of a single request body given as text, for everything outside the editor that
 * holds one: the library's `checkPayload`, the mock (which answers JKOPay's way from the same
 * findings) and the CLI. The text is read as the JSON a request is (`json/jsonParser`), and its
 * object checked as the `kind` request by the same rules as the editor's. Pure.
 */
import type { Endpoint } from '../data/types';
import type { ObjectNode } from './model/model';
import { parseJson } from './json/jsonParser';
import type { CheckSettings } from './rules/checkContext';
import type { Finding } from './rules/findings';
import { validatePayload } from './rules/validation';
import { msg } from './texts/messages';

export interface PayloadTextCheck {
  /** The body's object, when the text holds one (also when it has syntax errors around it). */
  root: ObjectNode | undefined;
  /** Syntax errors, a body that is not an object, then every rule's findings, in reading order. */
  findings: Finding[];
}

export function checkPayloadText(kind: Endpoint, text: string, settings: CheckSettings): PayloadTextCheck {
  const { root, problems } = parseJson(text);
  const findings: Finding[] = problems.map((p) => ({
    code: 'syntax-error',
    offset: p.offset,
    length: p.length,
    message: msg(settings.lang, p.id),
  }));
  if (root?.type === 'object') {
    for (const f of validatePayload(text, { kind, kindReason: 'schema', node: root }, settings)) findings.push(f);
    return { root, findings: findings.sort((a, b) => a.offset - b.offset) };
  }
  if (problems.length === 0)
    findings.push({ code: 'wrong-type', offset: 0, length: text.length, message: msg(settings.lang, 'request-not-object', { kind }) });
  return { root: undefined, findings };
}
