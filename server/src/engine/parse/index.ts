/**
 * parse — Markdown to mdast with offsets (remark, GFM, front matter, bare
 * links), the text builder that maps plain text back to original offsets, and
 * positions (line starts, the one binary search).
 *
 * May import: nothing of the engine but ../types. First stage: every other
 * wing may import it. (Matrix in ARCHITECTURE.md; test/engine/boundaries.test.ts.)
 */
export { parseMarkdown, createParser, type ParsedMarkdown } from './parse';
export { parseInBatches, chunkStarts, scanChunks } from './chunks';
export { readFrontMatter, type FrontMatter, type SpeakerConfig } from './front-matter';
export { lineStartsOf, lineOf, firstIndex } from './positions';
export { TextBuilder, originalRange, OPAQUE, type MappedText } from './text-builder';
export { bareLinkRanges } from './bare-links';
