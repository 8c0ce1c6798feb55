/**
 * Turns a payload file's text into a PayloadDocument: the parsed tree plus the payload
 * objects it holds (one object, or each object of a top-level array), each with its kind.
 * Pure.
 */
import { parseJson } from './jsonParser';
import type { Payload, PayloadDocument } from '../model/model';
import { resolvePayload } from '../model/payloadKind';

export function parseJsonDocument(uri: string, text: string): PayloadDocument {
  const { root, problems } = parseJson(text);
  const payloads: Payload[] = [];
  if (root?.type === 'object') payloads.push(resolvePayload(root, uri));
  else if (root?.type === 'array') {
    for (const item of root.items) if (item.type === 'object') payloads.push(resolvePayload(item, uri));
  }
  return { uri, text, root, payloads, problems };
}
