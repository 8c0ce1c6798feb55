/**
 * Field checks of a request body, by the core's own rules — the same ones the editor shows — so
 * the mock and the checker never disagree. Errors only (a warning such as a loopback callback
 * URL passes, as it would at JKOPay). Each error is tied to the field it is about, for the
 * `result_object` of a "Bad request" answer, and the answer is picked by the rule's documented
 * JKOPay answer: decimal places → "Invalid number of digits…", minimum → "Order price below
 * limit…", anything else → "Bad request".
 */
import type { FieldSpec } from '../../core/fieldSpec';
import { requestSpec } from '../../core/fieldSpec';
import { msg } from '../../core/messages';
import { getProperty, propertyEnd, nodeEnd, type ObjectNode, type ValueNode } from '../../core/model';
import { getRule } from '../../core/ruleTable';
import { validatePayload } from '../../core/validation';
import type { Endpoint } from '../../data/types';

export type FieldAnswer = 'bad-request' | 'digits' | 'below-minimum';

export interface FieldProblems {
  /** Undefined when the body passes every error-level check. */
  answer: FieldAnswer | undefined;
  /** Field path (`total_price`, `products[0].name`, `(body)`) → what is wrong with it. */
  fields: Record<string, string>;
}

const ROOT = '(body)';

export function checkFields(endpoint: Endpoint, text: string, root: ObjectNode, defaultCurrency: string): FieldProblems {
  const findings = validatePayload(text, { kind: endpoint, kindReason: 'type', node: root }, { lang: 'en', defaultCurrency });
  const fields: Record<string, string> = {};
  const note = (path: string, message: string) => {
    fields[path] = fields[path] ? `${fields[path]} ${message}` : message;
  };
  let badRequest = false;
  let digits = false;
  let belowMinimum = false;
  const missingDone = new Set<number>();
  for (const finding of findings) {
    if ((finding.severity ?? getRule(finding.code).severity) !== 'error') continue;
    if (finding.code === 'currency-precision') digits = true;
    else if (finding.code === 'below-minimum') belowMinimum = true;
    else badRequest = true;
    const message = withoutAnswerSuffix(finding.code, finding.message, endpoint);
    const at = locate(root, requestSpec(endpoint), finding.offset, '');
    if (finding.code === 'missing-field' && at.node?.type === 'object' && at.node.offset === finding.offset) {
      // One finding per missing key, all at the object's brace: name each key once.
      if (missingDone.has(finding.offset)) continue;
      missingDone.add(finding.offset);
      const object = at.node;
      for (const key of at.spec?.requiredKeys ?? []) {
        if (!getProperty(object, key)) note(join(at.path, key), `Missing required field "${key}".`);
      }
      continue;
    }
    note(at.path || ROOT, message);
  }
  const answer: FieldAnswer | undefined = badRequest ? 'bad-request' : digits ? 'digits' : belowMinimum ? 'below-minimum' : undefined;
  return { answer, fields };
}

/** The core appends what JKOPay answers (`JKOPay answers 200 "Bad request".`); inside that very answer it is noise. */
function withoutAnswerSuffix(code: Parameters<typeof getRule>[0], message: string, endpoint: Endpoint): string {
  const answer = getRule(code).answers?.[endpoint];
  if (!answer) return message;
  const suffix = msg('en', 'jkopay-answers', answer);
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}

interface Located {
  path: string;
  node: ValueNode | undefined;
  spec: FieldSpec | undefined;
}

/** The deepest field whose key or value covers `offset`, with its spec. */
function locate(node: ValueNode, spec: FieldSpec | undefined, offset: number, path: string): Located {
  if (node.type === 'object') {
    for (const property of node.properties) {
      if (offset < property.keyOffset || offset >= propertyEnd(property)) continue;
      const childPath = join(path, property.key);
      const childSpec = spec?.properties?.get(property.key);
      const value = property.value;
      if (value && offset >= value.offset && offset < nodeEnd(value)) return locate(value, childSpec, offset, childPath);
      return { path: childPath, node: value, spec: childSpec };
    }
  } else if (node.type === 'array') {
    for (const [i, item] of node.items.entries()) {
      if (offset >= item.offset && offset < nodeEnd(item)) return locate(item, spec?.items, offset, `${path}[${i}]`);
    }
  }
  return { path, node, spec };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
