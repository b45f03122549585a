import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

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
  return { tree: processor.parse(base ? text.slice(1) : text) as Root, base };
}
