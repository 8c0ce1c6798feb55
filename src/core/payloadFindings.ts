/**
 * A document's findings, re-using each payload's findings from the last check while its node is
 * unchanged: after an edit only the edited payload is checked again, the others' findings are
 * moved to where their payload now is. A payload's findings depend on its node (its own text),
 * its kind, the settings, and the text before it on its first line (a quick fix copies that
 * line's indentation); all are compared before a re-use. Node identity stands for unchanged
 * content: the incremental re-parsers keep a node only when nothing in it changed
 * (incrementalJson.ts moves nodes in place; the TS front-end hands a moved copy to `noteMoved`).
 * Pure: a WeakMap per node, nothing else is kept.
 */
import type { CheckSettings } from './checkContext';
import type { Finding } from './findings';
import type { ObjectNode, Payload, PayloadDocument, PayloadKind } from './model';
import { validatePayload, validatePayloads } from './validation';

interface Checked {
  settings: CheckSettings;
  kind: PayloadKind;
  /** The node's offset when checked: the findings' offsets are relative to it plus this. */
  offset: number;
  /** The text from the start of the node's first line up to the node. */
  linePrefix: string;
  findings: Finding[];
}

const checked = new WeakMap<ObjectNode, Checked>();
/** A node that replaced another with the same content at another place (a TS literal that moved). */
const movedFrom = new WeakMap<ObjectNode, ObjectNode>();

/** Tells the cache that `to` is `from` moved: its findings can be re-used, shifted. */
export function noteMoved(from: ObjectNode, to: ObjectNode): void {
  movedFrom.set(to, movedFrom.get(from) ?? from);
}

/** The same findings as `validatePayloads(doc, settings)`, checking only payloads not checked before. */
export function checkDocument(doc: PayloadDocument, settings: CheckSettings): Finding[] {
  // The document's own findings (syntax, top-level values that are not payloads) are cheap: always anew.
  const findings = validatePayloads({ ...doc, payloads: [] }, settings);
  for (const payload of doc.payloads) {
    for (const f of payloadFindings(doc.text, payload, settings)) findings.push(f);
  }
  // Stable: equal offsets keep the order validatePayloads gives them (document findings first).
  return findings.sort((a, b) => a.offset - b.offset);
}

function payloadFindings(text: string, payload: Payload, settings: CheckSettings): Finding[] {
  const node = payload.node;
  const origin = checked.has(node) ? node : movedFrom.get(node);
  const entry = origin && checked.get(origin);
  if (entry && entry.settings === settings && entry.kind === payload.kind && hasLinePrefix(text, node.offset, entry.linePrefix)) {
    if (entry.offset !== node.offset) {
      entry.findings = entry.findings.map((f) => shiftFinding(f, node.offset - entry.offset));
      entry.offset = node.offset;
    }
    if (origin !== node) checked.set(node, entry);
    return entry.findings;
  }
  const findings = validatePayload(text, payload, settings);
  const linePrefix = text.slice(text.lastIndexOf('\n', node.offset - 1) + 1, node.offset);
  checked.set(node, { settings, kind: payload.kind, offset: node.offset, linePrefix, findings });
  return findings;
}

/** Whether the text from the start of the line holding `offset` up to it is `prefix` (compared in place: this runs for every payload). */
function hasLinePrefix(text: string, offset: number, prefix: string): boolean {
  const start = offset - prefix.length;
  return start >= 0 && (start === 0 || text.charCodeAt(start - 1) === 10) && text.startsWith(prefix, start);
}

function shiftFinding(finding: Finding, delta: number): Finding {
  const moved: Finding = { ...finding, offset: finding.offset + delta };
  if (finding.fixes) {
    moved.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, offset: e.offset + delta })) }));
  }
  return moved;
}
