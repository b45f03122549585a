/**
 * Markdown → mdast: CommonMark, front matter, and the GFM constructs the
 * rules read — tables, strikethrough, task lists and footnotes.
 *
 * Parsing is most of the linter's time, so two GFM costs are avoided:
 * - Bare URLs and emails (autolink literals) are not parsed: that extension
 *   tries a construct at almost every character, and the model needs them only
 *   to keep rules out of them (see bare-links.ts).
 * - Each other extension is enabled only for a text where its construct can
 *   start (a table needs `|` or an aligned delimiter cell, a footnote `[^`,
 *   strikethrough `~`, a task item `[ ]`/`[x]`). Without its trigger an
 *   extension cannot match, so the tree is the one all of them would give
 *   (checked by test/engine/parse.test.ts).
 */
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

interface GfmPart {
  name: string;
  /** False only when the construct cannot occur in the text. */
  canOccur: (text: string) => boolean;
  micromark: ReturnType<typeof gfmTable>;
  fromMarkdown: ReturnType<typeof gfmTableFromMarkdown>;
}

/** In remark-gfm's order (autolink literals left out), so shared trigger characters try constructs in the same order. */
export const GFM_PARTS: readonly GfmPart[] = [
  { name: 'footnote', canOccur: (t) => t.includes('[^'), micromark: gfmFootnote(), fromMarkdown: gfmFootnoteFromMarkdown() },
  { name: 'strikethrough', canOccur: (t) => t.includes('~'), micromark: gfmStrikethrough(), fromMarkdown: gfmStrikethroughFromMarkdown() },
  // A delimiter row needs a `|` or an alignment colon next to a dash.
  { name: 'table', canOccur: (t) => t.includes('|') || t.includes(':-') || t.includes('-:'), micromark: gfmTable(), fromMarkdown: gfmTableFromMarkdown() },
  { name: 'task-list-item', canOccur: (t) => /\[(?:\r\n|[\s xX])\]/.test(t), micromark: gfmTaskListItem(), fromMarkdown: gfmTaskListItemFromMarkdown() },
];

/** A processor with the GFM parts whose bits are set in `mask`. */
export function createParser(mask: number): Processor<Root> {
  const parts = GFM_PARTS.filter((_, i) => mask & (1 << i));
  return unified()
    .use(remarkParse)
    .use(function gfmParts(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(...parts.map((p) => p.micromark));
      (data.fromMarkdownExtensions ??= []).push(...parts.map((p) => p.fromMarkdown));
    })
    .use(remarkFrontmatter, ['yaml', 'toml']) as unknown as Processor<Root>;
}

const parsers = new Map<number, Processor<Root>>();

export interface ParsedMarkdown {
  tree: Root;
  /**
   * micromark drops a leading BOM, so its offsets are relative to the text
   * without it. Add `base` to every mdast offset to get an offset into the
   * original text.
   */
  base: number;
  /**
   * Per top-level node, what to add instead of `base` to the offsets of that
   * node and its descendants (a tree spliced from blocks parsed separately).
   */
  bases?: number[];
}

export function parseMarkdown(text: string): ParsedMarkdown {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = base ? text.slice(1) : text;
  let mask = 0;
  for (let i = 0; i < GFM_PARTS.length; i++) if (GFM_PARTS[i].canOccur(body)) mask |= 1 << i;
  let parser = parsers.get(mask);
  if (!parser) parsers.set(mask, (parser = createParser(mask)));
  return { tree: parser.parse(body) as Root, base };
}
