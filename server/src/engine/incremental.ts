/**
 * Incremental linting for the editor. A `DocumentLinter` keeps the parse of
 * every top-level chunk of the document (chunks split at blank lines where
 * Markdown cannot carry a construct across: outside fences, HTML blocks and
 * front matter, before a line that starts at column 0), keyed by the chunk's
 * text. On a change only chunks whose text changed are re-parsed; the trees of
 * the others are reused with their offsets shifted. The model and the rules
 * then run on the spliced tree.
 *
 * Contract: `lint(text)` returns exactly what `lintText(text, options)` does
 * (test/robustness/incremental.test.ts checks it on random edit sequences).
 * Link and footnote definitions act across blocks, so every chunk is parsed
 * with the document's definitions appended. Documents where chunking could
 * still change the parse (definitions with a fence left open at the end, a
 * BOM, pathological nesting) are linted whole.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { lintModel, lintText, MAX_NESTING, nestingDepth, type LintOptions } from './lint';
import { buildModel } from './model';
import { parseMarkdown } from './parse';
import type { LintResult } from './types';

interface Chunk {
  text: string;
  /** Top-level nodes with offsets relative to the chunk's start plus `base`. */
  nodes: RootContent[];
  base: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_OPEN = /^ {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[\s>]|$))/i;
const DEFINITION = /^ {0,3}\[[^\]\n]*\]:/m;

/**
 * Chunk start offsets: 0, then every line start that follows a blank line,
 * begins with a character other than white space (no indented continuation),
 * is not `---`/`+++` (front matter or a thematic break that chunking would
 * turn into front matter), and lies outside a fence or a raw HTML block.
 */
export function chunkStarts(text: string): number[] {
  return scanChunks(text).starts;
}

interface ChunkScan {
  starts: number[];
  /** First lines of link and footnote definitions outside fences and HTML. */
  definitions: string[];
  /** The text ends inside a fence or a raw HTML block. */
  openAtEnd: boolean;
}

function scanChunks(text: string): ChunkScan {
  const starts = [0];
  const definitions: string[] = [];
  let fence: string | undefined;
  let html: RegExp | undefined;
  let prevBlank = false;
  let i = 0;
  let first = true;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    const line = text.slice(i, j);
    const next = j < text.length && text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    const blank = line.trim() === '';
    if (fence !== undefined) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.slice(m[0].length).trim() === '') fence = undefined;
    } else if (html !== undefined) {
      if (html.test(line)) html = undefined;
    } else {
      if (prevBlank && !first && !blank && !/^[\s]/.test(line) && !/^(?:---|\+\+\+)/.test(line)) starts.push(i);
      if (DEFINITION.test(line)) definitions.push(line);
      const f = FENCE.exec(line);
      // A backtick fence's info string cannot contain a backtick (then it is inline code).
      if (f && !(f[1][0] === '`' && line.slice(f[0].length).includes('`'))) fence = f[1];
      else if (RAW_HTML_OPEN.test(line)) {
        const close = line.startsWith('<!--') || /^ {0,3}<!--/.test(line) ? /-->/ : /^ {0,3}<\?/.test(line) ? /\?>/ : /^ {0,3}<!\[CDATA\[/.test(line) ? /\]\]>/ : /^ {0,3}<![A-Za-z]/.test(line) ? />/ : /<\/(?:script|pre|style|textarea)>/i;
        const after = line.replace(/^ {0,3}<(?:!--|\?|!\[CDATA\[|!|[a-z]+)/i, '');
        if (!close.test(after)) html = close;
      }
    }
    if (first && /^(?:---|\+\+\+)\s*$/.test(line)) {
      // Front matter: no chunk boundary until it closes.
      const closeAt = text.slice(next).search(line.startsWith('-') ? /^---[ \t]*$/m : /^\+\+\+[ \t]*$/m);
      // An unclosed opener makes micromark parse the rest unlike its chunks: keep one chunk.
      if (closeAt < 0) return { starts, definitions: [], openAtEnd: false };
      if (closeAt >= 0) {
        let k = next + closeAt;
        while (k < text.length && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
        i = k;
        prevBlank = false;
        first = false;
        if (i < text.length) i = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        continue;
      }
    }
    first = false;
    prevBlank = blank;
    i = next;
  }
  return { starts, definitions, openAtEnd: fence !== undefined || html !== undefined };
}

function shift(node: Nodes, delta: number): void {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      n.position.start.offset! += delta;
      n.position.end.offset! += delta;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
}

export class DocumentLinter {
  private chunks = new Map<string, Chunk>();

  constructor(private readonly options: LintOptions) {}

  /** Lints `text`, reusing the parse of unchanged chunks from the previous call. */
  lint(text: string): LintResult {
    const scan = text.charCodeAt(0) === 0xfeff || nestingDepth(text, MAX_NESTING) > MAX_NESTING ? undefined : scanChunks(text);
    if (!scan || (scan.definitions.length > 0 && scan.openAtEnd)) {
      this.chunks.clear();
      return lintText(text, this.options);
    }
    const { starts } = scan;
    // Definitions act across blocks: each chunk is parsed with the document's
    // definitions appended after a blank line, and the appended nodes dropped.
    const defs = scan.definitions.join('\n');
    const next = new Map<string, Chunk>();
    const children: RootContent[] = [];
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k];
      const e = k + 1 < starts.length ? starts[k + 1] : text.length;
      const piece = text.slice(s, e);
      // The same text at two places gets two entries (keyed by start too when repeated).
      let key = defs ? `${defs}\u0001${piece}` : piece;
      if (next.has(key)) key = `${s}\u0000${key}`;
      let chunk = this.chunks.get(key);
      if (!chunk) {
        const { tree } = parseMarkdown(defs ? `${piece}\n\n${defs}\n` : piece);
        const nodes = defs ? tree.children.filter((n) => (n.position?.start.offset ?? 0) < piece.length) : tree.children;
        chunk = { text: piece, nodes, base: 0 };
      }
      if (chunk.base !== s) {
        for (const n of chunk.nodes) shift(n, s - chunk.base);
        chunk.base = s;
      }
      next.set(key, chunk);
      children.push(...chunk.nodes);
    }
    this.chunks = next;
    const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } };
    let model;
    try {
      model = buildModel(text, { tree, base: 0 });
    } catch (e) {
      if (e instanceof RangeError) return lintText(text, this.options);
      throw e;
    }
    return lintModel(model, this.options);
  }
}
