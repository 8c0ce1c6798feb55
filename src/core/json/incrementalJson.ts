/**
 * Re-parses a payload file after an edit by re-reading only the payload the edit falls in: in a
 * file of thousands of payloads, typing in one must not cost a read of all of them. The payloads
 * after it are moved in place (their nodes keep their identity, so their findings are re-used:
 * see payloadFindings.ts). Whatever cannot be proved local falls back to a full parse: an edit
 * outside every payload or across two, one that touches a payload's braces, an edited payload that
 * had a syntax problem or no longer reads as exactly one well-formed object, or a document with so
 * many problems that some were dropped. Problems elsewhere in the file stay where they are: the
 * parser's state before the payload is the same, and after its closing brace it is again.
 * Pure: depends on the parser and the model only.
 */
import { MAX_DEPTH, MAX_PROBLEMS, parseJson } from './jsonParser';
import { type ArrayNode, nodeEnd, type ObjectNode, type Payload, type PayloadDocument } from '../model/model';
import { resolvePayload } from '../model/payloadKind';
import { shifted } from '../model/shiftNode';
import { changeDelta, type TextChange } from '../model/textChange';

/**
 * The document after `change`, or undefined when the edit is not provably inside one payload (the
 * caller then parses in full). On success `previous` is taken over: its nodes are moved in place
 * and it must not be used again.
 */
export function reparseJsonDocument(previous: PayloadDocument, text: string, change: TextChange): PayloadDocument | undefined {
  const root = previous.root;
  const delta = changeDelta(change);
  // Past MAX_PROBLEMS the parser drops problems: which ones depends on the whole file.
  if (root?.type !== 'array' || previous.problems.length >= MAX_PROBLEMS || text.length !== previous.text.length + delta) return undefined;
  const index = payloadIndexAround(previous.payloads, change);
  if (index < 0) return undefined;
  const old = previous.payloads[index].node;
  const oldEnd = nodeEnd(old);
  // Strictly inside the braces: an edit of a brace changes the structure.
  if (change.start <= old.offset || change.end >= oldEnd) return undefined;
  // A problem in the payload (or at its end: closed by the end of the file) means the parser may
  // have recovered into or out of it: its effect on what follows is not known.
  if (previous.problems.some((p) => p.offset >= old.offset && p.offset <= oldEnd)) return undefined;

  const slice = ownCopy(text.slice(old.offset, nodeEnd(old) + delta));
  // Read on its own, the payload must be one object spanning the whole slice with no problem: then
  // a full parse reads the same tokens (the scanner keeps no state between tokens, and the slice
  // starts at the same `{` and ends at its `}`) and meets the same structure around it.
  const read = parseJson(slice, { maxDepth: MAX_DEPTH - 1 });
  if (read.problems.length || read.root?.type !== 'object' || read.root.offset !== 0 || read.root.length !== slice.length) return undefined;
  const node = shifted(read.root, old.offset);

  const itemIndex = itemIndexOf(root, old);
  if (itemIndex < 0) return undefined;
  root.items[itemIndex] = node;
  for (let i = itemIndex + 1; i < root.items.length; i++) moveInPlace(root.items[i], delta);
  root.length += delta;

  const payloads: Payload[] = previous.payloads.slice();
  payloads[index] = resolvePayload(node, previous.uri);
  // A payload starting on the line the edited one ends on has that line's indentation, which the
  // edit may have changed (its quick fixes copy it): it gets a new identity, so it is checked anew.
  const lineEnd = text.indexOf('\n', nodeEnd(node));
  for (let j = index + 1; j < payloads.length && (lineEnd < 0 || payloads[j].node.offset < lineEnd); j++) {
    const copy: ObjectNode = { ...payloads[j].node };
    root.items[itemIndexOf(root, payloads[j].node)] = copy;
    payloads[j] = { ...payloads[j], node: copy };
  }
  const problems = previous.problems.map((p) => (p.offset > oldEnd ? { ...p, offset: p.offset + delta } : p));
  return { uri: previous.uri, text, root, payloads, problems };
}

/** The payload whose span holds the whole change, by binary search (payloads are in offset order). */
function payloadIndexAround(payloads: readonly Payload[], change: TextChange): number {
  let low = 0;
  let high = payloads.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const node = payloads[mid].node;
    if (nodeEnd(node) < change.start) low = mid + 1;
    else if (node.offset > change.start) high = mid - 1;
    else return change.end <= nodeEnd(node) ? mid : -1;
  }
  return -1;
}

function itemIndexOf(root: ArrayNode, node: ObjectNode): number {
  let low = 0;
  let high = root.items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = root.items[mid];
    if (item === node) return mid;
    if (item.offset < node.offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Moves a node and everything in it by `delta`, in place (iteratively: nesting can be deep). */
function moveInPlace(node: ArrayNode['items'][number], delta: number): void {
  if (delta === 0) return;
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    n.offset += delta;
    if (n.type === 'object') {
      for (const p of n.properties) {
        p.keyOffset += delta;
        if (p.value) stack.push(p.value);
      }
    } else if (n.type === 'array') {
      for (const item of n.items) stack.push(item);
    }
  }
}

/**
 * The string's characters in a string of their own. A slice of a string is a view that keeps the
 * whole string alive, and the parser's strings are slices of what it reads: without the copy every
 * re-read payload would keep its whole version of a multi-megabyte file in memory. Flattening a
 * concatenation copies its characters; slicing that copy keeps only the copy alive.
 */
function ownCopy(s: string): string {
  return ` ${s}`.slice(1);
}
