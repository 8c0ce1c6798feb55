/**
 * Which JKOPay request a payload object is: named by its `$schema`, else by the file name
 * (`*.entry.jkopay.json`…), else guessed from its fields. Saved responses are recognised by
 * their fields before the file name, so that they get hovers and no request checks. Pure.
 */
import type { Payload, PayloadKind, ObjectNode } from './model';
import { getProperty } from './model';
import { SCHEMA_KEY } from './fieldSpec';

const ENDPOINT_NAME = /(entry|refund|inquiry)/i;
const FILE_KIND = /\.(entry|refund|inquiry)\.jkopay\.json$/i;

function lastSegment(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The kind a `$schema` value names, e.g. `./schemas/entry.schema.json` → entry. */
export function kindFromSchemaUri(uri: string): PayloadKind | undefined {
  const match = ENDPOINT_NAME.exec(lastSegment(uri));
  return match ? (match[1].toLowerCase() as PayloadKind) : undefined;
}

/** The last name asked about, and its kind: every payload of a file asks with the same name. */
let lastFileName: string | undefined;
let lastFileKind: PayloadKind | undefined;

export function kindFromFileName(uri: string): PayloadKind | undefined {
  if (uri !== lastFileName) {
    const match = FILE_KIND.exec(uri.split(/[?#]/)[0]);
    lastFileKind = match ? (match[1].toLowerCase() as PayloadKind) : undefined;
    lastFileName = uri;
  }
  return lastFileKind;
}

/**
 * The one key-based classifier, for payload files and TS/JS literals alike: what an object's
 * keys say it is, or undefined when they say nothing. A saved response has `result` with
 * `message` or `result_object` (keys no request has); a refund names `refund_amount` or
 * `refund_order_id`; an inquiry `platform_order_ids`; an entry `platform_order_id` with one of
 * `store_id`, `total_price`, `final_price`.
 */
export function kindFromKeys(has: (key: string) => boolean): PayloadKind | undefined {
  if (has('result') && (has('message') || has('result_object'))) return 'response';
  if (has('refund_amount') || has('refund_order_id')) return 'refund';
  if (has('platform_order_ids')) return 'inquiry';
  if (has('platform_order_id') && (has('store_id') || has('total_price') || has('final_price'))) return 'entry';
  return undefined;
}

export function resolvePayload(node: ObjectNode, uri: string): Payload {
  const schema = getProperty(node, SCHEMA_KEY)?.value;
  if (schema?.type === 'string') {
    const kind = kindFromSchemaUri(schema.value);
    if (kind) return { kind, kindReason: 'schema', node };
  }
  const byKeys = kindFromKeys((key) => getProperty(node, key) !== undefined);
  // A response saved as `order.refund.jkopay.json` is still a response (its hovers use the name's endpoint).
  if (byKeys === 'response') return { kind: 'response', kindReason: 'fields', node };
  const fileKind = kindFromFileName(uri);
  if (fileKind) return { kind: fileKind, kindReason: 'fileName', node };
  // A payload file's object is a request whatever it holds: without other signs, an entry (the most common).
  return { kind: byKeys ?? 'entry', kindReason: 'fields', node };
}
