/**
 * Where a Markdown text can be cut into pieces that parse on their own: a
 * blank line, then a line at the margin, outside fences, raw HTML blocks and
 * front matter, and not right after indented code. The editor keeps its parse
 * per such chunk (incremental/); a long text is parsed in batches of chunks
 * (`parseInBatches`), which is faster than one parse of the whole: micromark
 * slows down on long texts.
 *
 * The scanner reads lines, not containers, so it can be wrong about where a
 * fence or raw HTML block ends (inside a list item or a `<div>` block): the
 * parse has the last word, and a piece whose last block was left open is
 * joined with the pieces up to the line that closes it (`openBlockAtEnd`).
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown, type ParsedMarkdown } from './parse';

export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
export const RAW_HTML_OPEN = /^ {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[\s>]|$))/i;

/** What ends a raw HTML block opened by `line` (one that matches `RAW_HTML_OPEN`): a line that contains it. */
export function htmlCloseOf(line: string): RegExp {
  return /^ {0,3}<!--/.test(line) ? /-->/ : /^ {0,3}<\?/.test(line) ? /\?>/ : /^ {0,3}<!\[CDATA\[/.test(line) ? /\]\]>/ : /^ {0,3}<![A-Za-z]/.test(line) ? />/ : /<\/(?:script|pre|style|textarea)>/i;
}

/** The opening line after its opener (`<!--`, `<?`, `<tag`…): where the closing marker may already be. */
export function htmlOpenerRest(line: string): string {
  return line.replace(/^ {0,3}<(?:!--|\?|!\[CDATA\[|!|[a-z]+)/i, '');
}

/**
 * Chunk start offsets: 0, then every line start that follows a blank line,
 * begins with a character other than white space (no indented continuation),
 * is not `---`/`+++` (front matter or a thematic break that chunking would
 * turn into front matter), does not follow indented code, and lies outside a
 * fence or a raw HTML block.
 */
export function chunkStarts(text: string): number[] {
  return scanChunks(text, 0, () => false).starts;
}

export interface ChunkScan {
  starts: number[];
  /** Set when the scan stopped because `inStep` said the rest is as before. */
  resyncedAt?: number;
  openAtEnd: boolean;
}

/**
 * Scans chunk boundaries from `from`, which must be 0 or a chunk start (the
 * scanner's state is neutral there). Stops early at a chunk start for which
 * `inStep` returns true: from there on the chunks are known.
 */
/** List items that may interrupt a paragraph (CommonMark): a bullet or an ordered item numbered 1, with text. */
const ITEM_HEADING = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+#{1,6}(?:[ \t]|$)/;
const INTERRUPTS_PARAGRAPH = /^ {0,3}(?:[-*+]|1[.)])[ \t]+\S/;

export function scanChunks(text: string, from: number, inStep: (start: number) => boolean): ChunkScan {
  const starts = [from];
  let fence: string | undefined;
  let html: RegExp | undefined;
  /** The open fence or raw HTML block began on an indented line in a list: it is in an item, and ends with it. */
  let inItem = false;
  let prevBlank = false;
  /** The last non-blank line outside fences and raw HTML was indented code (or a line that could be). */
  let prevIndented = false;
  /** Inside a list: an indented line is the item's text, not code (set by an item's line, ended by a blank line and a line at the margin). */
  let inList = false;
  /** The last line was a list item whose text is an ATX heading. */
  let itemHeading = false;
  let i = from;
  let first = from === 0;
  while (i < text.length) {
    const j = lineEndFrom(text, i);
    const line = text.slice(i, j);
    const next = j < text.length && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    const blank = line.trim() === '';
    // A line at the margin ends every list item, and a fence or HTML block in one with it (only a paragraph takes a lazy line).
    if (inItem && !blank && !/^\s/.test(line)) {
      fence = undefined;
      html = undefined;
      inItem = false;
    }
    if (fence !== undefined) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.slice(m[0].length).trim() === '') fence = undefined;
    } else if (html !== undefined) {
      if (html.test(line)) html = undefined;
    } else {
      // After indented code micromark reads what follows differently (`2. x`, also inside `- 2. x`, is a paragraph there, a list alone): no chunk starts there.
      if (prevBlank && !first && !blank && !prevIndented && !/^[\s]/.test(line) && !/^(?:---|\+\+\+)/.test(line)) {
        if (inStep(i)) return { starts, resyncedAt: i, openAtEnd: false };
        starts.push(i);
      }
      const f = FENCE.exec(line);
      // A backtick fence's info string cannot contain a backtick (then it is inline code).
      if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) fence = f[1];
      else if (RAW_HTML_OPEN.test(line)) {
        const close = htmlCloseOf(line);
        if (!close.test(htmlOpenerRest(line))) html = close;
      }
      inItem = (fence !== undefined || html !== undefined) && inList && /^\s/.test(line);
    }
    if (first && /^(?:---|\+\+\+)\s*$/.test(line)) {
      // Front matter: no chunk boundary until it closes.
      const closeAt = text.slice(next).search(line.startsWith('-') ? /^---[ \t]*$/m : /^\+\+\+[ \t]*$/m);
      // An unclosed opener makes micromark parse the rest unlike its chunks: keep one chunk.
      if (closeAt < 0) return { starts, openAtEnd: false };
      i = lineEndFrom(text, next + closeAt);
      prevBlank = false;
      first = false;
      if (i < text.length) i = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      continue;
    }
    if (!blank && fence === undefined && html === undefined) {
      const indented = /^(?: {0,3}\t| {4})/.test(line);
      if (!indented && prevBlank && !/^[\s]/.test(line)) inList = false;
      // Only a paragraph takes a lazy line: after an item that holds a heading ("2. # Title"), a line at the margin ends the list.
      if (!indented && itemHeading && !LIST_ITEM.test(line)) inList = false;
      itemHeading = !indented && LIST_ITEM.test(line) && ITEM_HEADING.test(line);
      // An item starts a list after a blank line or in a list; inside a paragraph only "-", "*", "+" or "1." can ("In\n2. ro." is one paragraph).
      if (!indented && LIST_ITEM.test(line) && !THEMATIC_BREAK.test(line) && (prevBlank || first || inList || INTERRUPTS_PARAGRAPH.test(line))) inList = true;
      prevIndented = indented && !inList;
    }
    first = false;
    prevBlank = blank;
    i = next;
  }
  return { starts, openAtEnd: fence !== undefined || html !== undefined };
}

/**
 * How a chunk's last block is closed when it is a fenced code block or a raw
 * HTML block (comment, `<?`, `<!X`, CDATA, script/pre/style/textarea) that
 * the parse left open at the chunk's end: a test for the closing line. Open
 * at the top level, it runs on past the chunk; open inside a list item or a
 * quote, it ends with its container at the next chunk's first line, but it
 * took in the blank lines before it, which a parse of the whole text does not.
 */
export function openBlockAtEnd(piece: string, nodes: RootContent[]): ((line: string) => boolean) | undefined {
  let last: Nodes | undefined = nodes[nodes.length - 1];
  let nested = false;
  while (last && (last.type === 'list' || last.type === 'listItem' || last.type === 'blockquote' || last.type === 'footnoteDefinition')) {
    last = last.children[last.children.length - 1];
    nested = true;
  }
  if (!last?.position || (last.type !== 'code' && last.type !== 'html')) return undefined;
  const s = last.position.start.offset!;
  const e = last.position.end.offset!;
  if (nested) return e > piece.trimEnd().length ? () => true : undefined;
  const src = piece.slice(s, Math.min(e, piece.length));
  const firstEnd = lineEndFrom(src, 0);
  const firstLine = src.slice(0, firstEnd);
  const rest = src.slice(firstEnd);
  if (last.type === 'code') {
    const m = FENCE.exec(firstLine);
    if (!m) return undefined; // indented code ends at the chunk's blank line
    const closes = (line: string) => {
      const c = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      return !!c && c[1][0] === m[1][0] && c[1].length >= m[1].length;
    };
    if (e > piece.length) return closes;
    const lines = rest.split(/\r\n|\r|\n/);
    return lines.length > 1 && closes(lines[lines.length - 1]) ? undefined : closes;
  }
  if (!RAW_HTML_OPEN.test(firstLine)) return undefined; // other HTML blocks end at a blank line
  const close = htmlCloseOf(firstLine);
  const closes = (line: string) => close.test(line);
  if (e > piece.length) return closes;
  return close.test(htmlOpenerRest(firstLine)) || close.test(rest) ? undefined : closes;
}

/** Offset just past the first line at or after `from` that `closes` accepts (the text's end when none does). */
export function closingLineEnd(text: string, from: number, closes: (line: string) => boolean): number {
  for (let i = from; i < text.length; ) {
    const j = lineEndFrom(text, i);
    const next = j < text.length && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    if (closes(text.slice(i, j))) return Math.min(next, text.length);
    i = next;
  }
  return text.length;
}

export function lineEndFrom(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}


/** Texts shorter than this are parsed whole. */
const BATCH_MIN = 16 * 1024;
/** About how much text one parse takes in (whole chunks). */
const BATCH = 8 * 1024;

/**
 * `parseMarkdown(text)` for the linter, in batches of whole chunks of about
 * 16 KB, each node's offsets based at its batch (`bases`). The model read from
 * it equals the one read from a parse of the whole text (lists split at a
 * chunk boundary are read item by item either way). Short texts, texts with a
 * BOM and texts that may define links or footnotes (`]:`, which act across
 * blocks) are parsed whole.
 */
export function parseInBatches(text: string): ParsedMarkdown {
  if (text.length < BATCH_MIN || text.charCodeAt(0) === 0xfeff || text.includes(']:')) return parseMarkdown(text);
  const { starts } = scanChunks(text, 0, () => false);
  if (starts.length < 2) return parseMarkdown(text);
  const children: RootContent[] = [];
  const bases: number[] = [];
  for (let i = 0; i < starts.length; ) {
    let j = i + 1;
    while (j < starts.length && starts[j] - starts[i] < BATCH) j++;
    for (;;) {
      const end = j < starts.length ? starts[j] : text.length;
      const piece = text.slice(starts[i], end);
      const { tree } = parseMarkdown(piece);
      const open = end < text.length ? openBlockAtEnd(piece, tree.children) : undefined;
      if (!open) {
        for (const n of tree.children) {
          children.push(n);
          bases.push(starts[i]);
        }
        break;
      }
      const until = closingLineEnd(text, end, open);
      while (j < starts.length && starts[j] < until) j++;
    }
    i = j;
  }
  const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } };
  return { tree, base: 0, bases };
}
