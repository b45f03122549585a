/**
 * The server's one converter between engine offsets (0-based UTF-16 code
 * units) and LSP positions. Everything else in `lsp/` goes through here.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';

export function offsetToPosition(doc: TextDocument, offset: number): Position {
  return doc.positionAt(offset);
}

export function positionToOffset(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

export function offsetsToRange(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** For files that are not open documents (config files read from disk). */
export function textToDocument(uri: string, text: string): TextDocument {
  return TextDocument.create(uri, 'plaintext', 0, text);
}
