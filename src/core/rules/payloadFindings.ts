/**
 * A document's findings, re-using each payload's findings from the last check while its node is
 * unchanged: after an edit only the edited payload is checked again, the others' findings are
 * moved to where their payload now is. A payload's findings depend on its node (its own text),
 * its kind, the settings, and the indentation of the line it starts on (a quick fix copies it).
 * Node identity stands for unchanged content: the incremental re-parsers keep a node only when
 * nothing in it changed. incrementalJson.ts moves nodes in place, and gives a new identity to the
 * payloads whose first line the edit reached; the TS front-end makes moved copies (`movedCopy`),
 * and since TypeScript may keep a literal whose line changed before it, a source's payloads have
 * their line's indentation compared too.
 * Pure: a WeakMap per node, nothing else is kept.
 */
import type { CheckSettings } from './checkContext';
import type { Finding, Fix } from './findings';
import type { ObjectNode, Payload, PayloadDocument, PayloadKind } from '../model/model';
import { originOf } from '../model/shiftNode';
import { withCheckReason } from './checkReason';
import { LineIndex } from '../model/textUtil';
import type { FindingsBudget } from './findingsBudget';
import { validatePayload, validatePayloads } from './validation';

interface Checked {
  settings: CheckSettings;
  kind: PayloadKind;
  /** The node's offset when checked: the findings are moved by how far it moved since. */
  offset: number;
  /** The indentation of the node's first line, where it is compared (sources). */
  indent: string | undefined;
  findings: Finding[];
  /** The findings with the related information that says why the literal is checked, while it stays the same. */
  explained?: { message: string; offset: number; length: number; findings: Finding[] };
}

const checked = new WeakMap<ObjectNode, Checked>();

/**
 * The same findings as `validatePayloads(doc, settings)`, checking only payloads not checked before.
 * Given a budget, the findings go to it as they are found and the answer is empty; once the budget
 * is spent, payloads are still checked (their findings are counted) but their findings are not kept
 * for the next check: what a document holds stays within what it shows.
 */
export function checkDocument(doc: PayloadDocument, settings: CheckSettings, budget?: FindingsBudget): Finding[] {
  // The document's own findings (syntax, top-level values that are not payloads) are cheap: always anew.
  const findings = validatePayloads({ ...doc, payloads: [] }, settings, budget);
  const take = budget ? (f: Finding) => budget.offer(f) : (f: Finding) => void findings.push(f);
  if (budget) for (const f of findings.splice(0)) budget.offer(f);
  // Made on first need: finding line starts costs a pass over the text up to the offset asked.
  let lines: LineIndex | undefined;
  const lineIndex = () => (lines ??= new LineIndex(doc.text));
  const indentOf = 'sourceFile' in doc ? (node: ObjectNode) => lineIndex().indentationAt(node.offset) : undefined;
  for (const payload of doc.payloads) {
    for (const f of payloadFindings(doc.text, payload, settings, lineIndex, indentOf, budget)) take(f);
  }
  // (payloadFindings gives TS/JS findings their related information: why the literal is checked.)
  // Stable: equal offsets keep the order validatePayloads gives them (document findings first).
  return findings.sort((a, b) => a.offset - b.offset);
}

function payloadFindings(
  text: string,
  payload: Payload,
  settings: CheckSettings,
  lines: () => LineIndex,
  indentOf: ((node: ObjectNode) => string) | undefined,
  /** The document's budget: once it is spent, findings checked now are only counted, and not kept for the next check. */
  budget?: FindingsBudget,
): Finding[] {
  const node = payload.node;
  const origin = checked.has(node) ? node : originOf(node);
  const entry = origin && checked.get(origin);
  const indent = indentOf?.(node);
  let found: Checked;
  if (entry && entry.settings === settings && entry.kind === payload.kind && entry.indent === indent) {
    if (entry.offset !== node.offset) {
      entry.findings = shiftFindings(entry.findings, node.offset - entry.offset);
      entry.offset = node.offset;
      entry.explained = undefined;
    }
    if (origin !== node) checked.set(node, entry);
    found = entry;
  } else {
    const offered = budget?.offers ?? 0;
    const findings = validatePayload(text, payload, settings, lines(), budget);
    // A payload whose findings went to the budget as they were found (past what it had left) has none collected to keep.
    if (budget && budget.offers !== offered) return findings;
    found = { settings, kind: payload.kind, offset: node.offset, indent, findings };
    checked.set(node, found);
  }
  return explained(found, payload, settings, lines);
}

/** A TS/JS payload's findings with their related information (`withCheckReason`), kept while it stays the same. */
function explained(entry: Checked, payload: Payload, settings: CheckSettings, lines: () => LineIndex): Finding[] {
  const evidence = payload.evidence;
  if (!evidence || payload.kind === 'response' || entry.findings.length === 0) return entry.findings;
  const known = entry.explained;
  const findings = withCheckReason(entry.findings, payload, settings.lang, lines());
  const message = findings[0].related!.message;
  if (known?.message === message && known.offset === evidence.offset && known.length === evidence.length) return known.findings;
  entry.explained = { message, offset: evidence.offset, length: evidence.length, findings };
  return findings;
}
function shiftFindings(findings: readonly Finding[], delta: number): Finding[] {
  // A fix shared by several findings (every missing field of an object) stays shared.
  const fixes = new Map<Fix, Fix>();
  const shiftFix = (fix: Fix) => {
    let moved = fixes.get(fix);
    if (!moved) fixes.set(fix, (moved = { ...fix, edits: fix.edits.map((e) => ({ ...e, offset: e.offset + delta })) }));
    return moved;
  };
  return findings.map((f) =>
    f.fixes ? { ...f, offset: f.offset + delta, fixes: f.fixes.map(shiftFix) } : { ...f, offset: f.offset + delta },
  );
}
