/**
 * incremental — what the editor re-lints on a keystroke: a DocumentLinter per
 * edited document keeps the parse of unchanged chunks and the results of
 * unchanged segments; its result equals a fresh lintText.
 *
 * May import: parse, read, ../lint, ../types. Imported by: the server only.
 * (Matrix in ARCHITECTURE.md; test/engine/boundaries.test.ts.)
 */
export { DocumentLinter } from './incremental';
