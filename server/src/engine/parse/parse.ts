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
  const tree = parser.parse(body) as Root;
  unsetextSignOffs(tree, body);
  return { tree, base };
}

/** A sign-off or a name: "Best regards,", "Tom Hale", "Cheers, Tom". */
const SIGN_OFF_LINE = /^(?:(?:best|kind|warm|many)? ?(?:regards|wishes|thanks)|best|cheers|thanks(?: again)?|thank you|sincerely|talk soon|speak soon|all the best)\b[^\n]{0,30}$|^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2},?$/iu;
/** What opens the next pasted email: its header lines or its greeting. */
const OPENS_EMAIL = /^(?:subject|from|to|date|sent)\s*:|^(?:hi|hiya|hello|hey|dear)\b/i;

/**
 * Emails pasted one after another with "---" between them: CommonMark reads the
 * sign-off right above a "---" as a setext heading ("Tom" becomes a section),
 * and a short email written without blank lines, from its Subject: line or
 * greeting down to its signature, as one heading.
 * When the line after the "---" opens another email (a Subject: or From: line,
 * a greeting), or the heading is a whole email and a blank line or the end
 * follows, the writer meant the email, then a break; the tree says so.
 * Only the heading and the line right after it are read, both inside one
 * parse chunk (chunks start after a blank line), so the editor's parse agrees.
 */
function unsetextSignOffs(tree: Root, body: string): void {
  const kids = tree.children;
  for (let i = 0; i < kids.length; i++) {
    const h = kids[i];
    if (h.type !== 'heading' || h.depth !== 2 || !h.position) continue;
    const end = h.position.end.offset!;
    const underlineStart = body.lastIndexOf('\n', end - 1) + 1;
    if (underlineStart <= h.position.start.offset! || !/^ {0,3}-+[ \t]*$/.test(body.slice(underlineStart, end))) continue;
    const lines = body.slice(h.position.start.offset!, underlineStart).trim().split(/\r?\n/);
    // The sign-off alone, or a whole short email run together from its header or greeting down to the name.
    const signOff = lines.every((l) => SIGN_OFF_LINE.test(l.trim()));
    const wholeEmail = lines.length > 1 && OPENS_EMAIL.test(lines[0].trim());
    if (!signOff && !wholeEmail) continue;
    const nextStart = body.indexOf('\n', end) + 1;
    const next = nextStart === 0 ? '' : body.slice(nextStart, body.indexOf('\n', nextStart) >>> 0);
    // A whole email is never meant as a heading, whatever follows; a lone name is, unless another email follows.
    if (!OPENS_EMAIL.test(next) && !(wholeEmail && next.trim() === '')) continue;
    const contentEnd = body.slice(0, underlineStart).trimEnd().length;
    const endLine = h.position.end.line;
    const lastLineStart = body.lastIndexOf('\n', contentEnd - 1) + 1;
    kids.splice(
      i,
      1,
      { type: 'paragraph', children: h.children, position: { start: h.position.start, end: { line: endLine - 1, column: contentEnd - lastLineStart + 1, offset: contentEnd } } },
      { type: 'thematicBreak', position: { start: { line: endLine, column: 1, offset: underlineStart }, end: h.position.end } },
    );
    i++;
  }
}
