/** The playbook's sections as a nested outline (`textDocument/documentSymbol`). */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Section } from '../engine';
import { offsetsToRange } from './conversions';

export function sectionsToSymbols(doc: TextDocument, sections: readonly Section[]): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ depth: number; symbol: DocumentSymbol }> = [];
  for (const s of sections) {
    // The preamble (text before the first heading) has no title and is not a section of the outline.
    if (s.title === null) continue;
    const symbol: DocumentSymbol = {
      name: s.title || '(untitled)',
      ...(s.tags.length > 0 ? { detail: s.tags.join(' · ') } : {}),
      kind: SymbolKind.String,
      range: offsetsToRange(doc, s.start, s.end),
      selectionRange: offsetsToRange(doc, s.headingStart, s.headingEnd),
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].depth >= s.depth) stack.pop();
    const parent = stack[stack.length - 1]?.symbol;
    if (parent) {
      parent.children!.push(symbol);
      parent.kind = SymbolKind.Namespace;
    } else roots.push(symbol);
    stack.push({ depth: s.depth, symbol });
  }
  return roots;
}
