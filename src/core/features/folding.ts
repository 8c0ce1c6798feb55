/**
 * Folding ranges of a payload document: every object and array that spans lines, and block
 * comments. Pure: no LSP connection, no file system.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { PayloadDocument, ValueNode } from '../model/model';

export function getFoldingRanges(document: TextDocument, doc: PayloadDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const line = (offset: number) => document.positionAt(offset).line;

  // The closing bracket's line stays visible, as in VS Code's own JSON folding.
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    const startLine = line(start);
    const endLine = line(end) - (kind ? 0 : 1);
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  const visit = (node: ValueNode | undefined): void => {
    if (!node) return;
    if (node.type === 'object') {
      add(node.offset, node.offset + node.length);
      for (const property of node.properties) visit(property.value);
    } else if (node.type === 'array') {
      add(node.offset, node.offset + node.length);
      node.items.forEach(visit);
    }
  };
  visit(doc.root);

  const scanner = createScanner(doc.text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.BlockCommentTrivia) {
      const start = scanner.getTokenOffset();
      add(start, start + scanner.getTokenLength() - 1, FoldingRangeKind.Comment);
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
