/**
 * fixes — fixes built from rule data (fix templates), snippets and the
 * document's placeholder style, and applying edits (sorted, overlaps dropped).
 *
 * May import: parse, read, rules (types only: FixTemplate), ../types.
 * Imported by: rules (kinds build their fixes), lint.ts, index.ts.
 * (Matrix in ARCHITECTURE.md; test/engine/boundaries.test.ts.)
 */
export { buildFixes, type FixSite } from './fix-builder';
export { applyEdits, applyFixList, safeFixes } from './apply-fixes';
export { isSnippet, snippetToPlainText, escapeSnippet, toPlaceholderStyle } from './snippets';
