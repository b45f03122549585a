/**
 * Incremental linting for the editor. A `DocumentLinter` keeps, between
 * calls, the document cut into chunks (split at blank lines where Markdown
 * cannot carry a construct across: outside fences, HTML blocks and front
 * matter, before a line that starts at column 0) with the parse of each, the
 * model's segments and the findings per segment.
 *
 * On a change it finds the edited span (common prefix and suffix with the
 * previous text), re-scans chunk boundaries from just before it until they
 * fall back into step with the old ones, re-parses only chunks whose text
 * changed and shifts the others. The model reuses segments whose nodes and
 * ancestry are unchanged, and the rules re-run only on new segments (see
 * `SegmentCache`, `LintCache`), so a keystroke costs about one block's parse
 * and one section's rules.
 *
 * Contract: `lint(text)` returns exactly what `lintText(text, options)` does
 * (test/robustness/incremental.test.ts checks it on random edit sequences).
 * Link and footnote definitions act across blocks, so every chunk is parsed
 * with the document's definitions appended: the labels the parser itself
 * found defined in the chunks (a `[x]: y` line continuing a table or a
 * paragraph is no definition), re-parsing every chunk when they change.
 * Documents where chunking could still change the parse (definitions with a
 * fence left open at the end, a BOM, pathological nesting) are linted whole.
 */
import type { Html, List, ListItem, Nodes, Root, RootContent, Table } from 'mdast';
import type { Point } from 'unist';
import { LintCache, lintModel, lintText, MAX_NESTING, nestingDepth, type LintOptions } from '../lint';
import { buildModel, lineOf, lineStartsOf, SegmentCache } from '../read/model';
import { parseMarkdown } from '../parse/parse';
import { FENCE, RAW_HTML_OPEN, closingLineEnd, htmlCloseOf, htmlOpenerRest, lineEndFrom, openBlockAtEnd, scanChunks } from '../parse/chunks';
export { chunkStarts } from '../parse/chunks';
import type { LintResult } from '../types';

interface Chunk {
  start: number;
  end: number;
  /** Top-level nodes, with offsets relative to the chunk's start (never shifted). */
  nodes: RootContent[];
  /** The definitions text the chunk was parsed with. */
  parsedWith: string;
  /** The link and footnote definitions the parser found in this chunk, as `[label]: #` lines. */
  definitions: string[];
  /** Deepest list/quote nesting of its lines (see `nestingDepth`). */
  depth: number;
  /**
   * Set when the chunk's last top-level block is a fenced code or raw HTML
   * block left open at the chunk's end: it tells which later line closes it.
   * Such a chunk is joined with the chunks after it (the scanner's guess of
   * where a fence or HTML block ends can be wrong inside list items and
   * `<div>` blocks, and the parse has the last word); only the last chunk of
   * the text may stay open.
   */
  open?: (line: string) => boolean;
}

interface DocumentState {
  text: string;
  chunks: Chunk[];
  lineStarts: number[];
  /** The text ends inside a fence or a raw HTML block. */
  openAtEnd: boolean;
  /**
   * The chunks' top-level nodes in order and, for each, its chunk's start: the
   * tree handed to the model. Updated in place where chunks changed (a
   * keystroke would otherwise copy thousands of entries into new arrays).
   */
  children: RootContent[];
  bases: number[];
  /** Some chunk nests deeper than `MAX_NESTING` (then the text is linted whole). */
  deep: boolean;
}

/**
 * Length of the common prefix of `a` and `b`, and of the common suffix of
 * what remains. Compares blocks natively first, halving the block size down
 * to single characters: an editor's text is usually a cons string, on which
 * a `charCodeAt` loop is slow, and on a long text few large blocks cost less
 * than many small ones.
 */
function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  let p = 0;
  for (let block = 1 << 16; block >= 64; block >>= 2) {
    while (p + block <= n && a.slice(p, p + block) === b.slice(p, p + block)) p += block;
  }
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  for (let block = 1 << 16; block >= 64; block >>= 2) {
    while (s + block <= n - p && a.slice(a.length - s - block, a.length - s) === b.slice(b.length - s - block, b.length - s)) s += block;
  }
  while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { prefix: p, suffix: s };
}

/**
 * `lineStartsOf(text)`, made from the previous text's line starts and the
 * edited span, in place (a keystroke in a long document would otherwise copy
 * thousands of entries; nothing else keeps the array).
 */
function updateLineStarts(starts: number[], text: string, prefix: number, oldEnd: number, newEnd: number): number[] {
  const delta = newEnd - oldEnd;
  // A line start L depends on the characters at L - 1 and L (a lone CR): keep those before prefix - 1.
  const k = lineOf(starts, prefix - 1) + 1;
  const m = lineOf(starts, oldEnd) + 1;
  const fresh: number[] = [];
  for (let i = Math.max(prefix - 1, 0); i < newEnd && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) fresh.push(i + 1);
  }
  starts.splice(k, m - k, ...fresh);
  if (delta !== 0) for (let i = k + fresh.length; i < starts.length; i++) starts[i] += delta;
  return starts;
}

export class DocumentLinter {
  private state: DocumentState | undefined;
  private readonly segments = new SegmentCache();
  private readonly results = new LintCache();

  constructor(private readonly options: LintOptions) {}

  /** Lints `text`, reusing what the previous call computed for unchanged parts. */
  lint(text: string): LintResult {
    let state: DocumentState | undefined;
    try {
      state = text.charCodeAt(0) === 0xfeff ? undefined : this.update(text);
    } catch (e) {
      this.state = undefined; // the kept state may be half-updated
      throw e;
    }
    this.state = state;
    if (!state || state.deep || ((state.openAtEnd || state.chunks[state.chunks.length - 1].open) && state.chunks.some((c) => c.definitions.length > 0))) {
      this.state = undefined;
      return lintText(text, this.options);
    }
    const tree: Root = { type: 'root', children: state.children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } };
    let model;
    try {
      model = buildModel(text, { parsed: { tree, base: 0, bases: state.bases }, segments: this.segments, lineStarts: state.lineStarts, fileName: this.options.fileName });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      this.state = undefined;
      return lintText(text, this.options);
    }
    return lintModel(model, this.options, this.results);
  }

  /** The chunks of `text`: the previous ones where the text is unchanged, new ones where it changed. */
  private update(text: string): DocumentState {
    const prev = this.state;
    if (!prev) {
      const scan = scanChunks(text, 0, () => false);
      const chunks = this.withDefinitions(text, this.parseChunks(text, scan.starts, text.length, '', [], undefined));
      return { text, chunks, lineStarts: lineStartsOf(text), openAtEnd: scan.openAtEnd, ...treeOf(chunks) };
    }
    const { prefix, suffix } = commonEnds(prev.text, text);
    const oldEnd = prev.text.length - suffix;
    const newEnd = text.length - suffix;
    const delta = newEnd - oldEnd;
    const old = prev.chunks;
    let k = 0;
    while (k + 1 < old.length && old[k + 1].start <= prefix) k++;
    const row = reparseInside(old[k], k + 1 < old.length ? old[k + 1].start : undefined, prev, text, prefix, oldEnd, newEnd, this.keepMovedText);
    if (row) {
      shiftChunks(old, k + 1, delta);
      // The previous state is given up: its arrays become the new state's.
      const replaced = old.splice(k, 1, row);
      spliceTree(prev, old, k, replaced, [row], delta);
      return { ...prev, text, chunks: old, lineStarts: updateLineStarts(prev.lineStarts, text, prefix, oldEnd, newEnd), deep: row.depth > MAX_NESTING };
    }
    // Re-scan from the chunk before the one holding the edit: whether a line
    // starts a chunk depends on the line before it.
    const from = Math.max(0, k - 1);
    // Every chunk of a settled state was parsed with the document's definitions.
    const defs = old[0].parsedWith;
    const rescan = (resync: boolean) => {
      let m = k;
      const scan = scanChunks(text, old[from].start, (start) => {
        if (!resync || start < newEnd || start - delta < oldEnd) return false;
        while (m < old.length && old[m].start < start - delta) m++;
        return m < old.length && old[m].start === start - delta;
      });
      const resynced = scan.resyncedAt !== undefined;
      const replaced = old.slice(from, resynced ? m : old.length);
      const window = this.parseChunks(text, scan.starts, resynced ? scan.resyncedAt! : text.length, defs, replaced, prev.text);
      return { scan, resynced, m, replaced, window };
    };
    let r = rescan(true);
    // A block left open at the window's end runs into the chunks after it: parse on to the end.
    if (r.resynced && r.window[r.window.length - 1].open) r = rescan(false);
    const { scan, resynced, replaced, window } = r;
    if (resynced) shiftChunks(old, r.m, delta);
    old.splice(from, replaced.length, ...window);
    const definitionsMoved = window.some((c) => c.definitions.length > 0) || replaced.some((c) => c.definitions.length > 0);
    const chunks = definitionsMoved ? this.withDefinitions(text, old) : old;
    const lineStarts = updateLineStarts(prev.lineStarts, text, prefix, oldEnd, newEnd);
    const openAtEnd = resynced ? prev.openAtEnd : scan.openAtEnd;
    // Kept states are never deep (lint drops them), so only new chunks can be.
    if (chunks !== old) return { text, chunks, lineStarts, openAtEnd, ...treeOf(chunks) };
    spliceTree(prev, chunks, from, replaced, window, delta);
    return { text, chunks, lineStarts, openAtEnd, children: prev.children, bases: prev.bases, deep: window.some((c) => c.depth > MAX_NESTING) };
  }

  /**
   * Hands the text built from a block that moved within its chunk (a later
   * row or item after an edit in one) to its moved copy, so the model does
   * not build it again: the copy's offsets are `offset` further on.
   */
  private readonly keepMovedText = (from: Nodes, to: Nodes, offset: number): void => {
    const built = this.segments.builtText(from);
    if (built) this.segments.keepText(to, { ...built, base: built.base - offset });
  };

  /** `chunks`, every one parsed with the definitions they hold between them (definitions do not depend on other definitions, so one re-parse settles it). */
  private withDefinitions(text: string, chunks: Chunk[]): Chunk[] {
    const defs = definitionsOf(chunks);
    if (chunks.every((c) => c.parsedWith === defs)) return chunks;
    return this.parseChunks(text, chunks.map((c) => c.start), text.length, defs, [], undefined);
  }

  /**
   * Chunks for `starts` (the last one ending at `end`), parsed with `defs`
   * appended, reusing the parse of a replaced chunk with the same text and
   * definitions.
   */
  private parseChunks(text: string, startsIn: number[], end: number, defs: string, replaced: Chunk[], oldText: string | undefined): Chunk[] {
    const byLength = new Map<number, Chunk[]>();
    for (const c of replaced) byLength.set(c.end - c.start, [...(byLength.get(c.end - c.start) ?? []), c]);
    const starts = [...startsIn];
    const out: Chunk[] = [];
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i];
      let chunk: Chunk;
      for (;;) {
        const e = i + 1 < starts.length ? starts[i + 1] : end;
        chunk = this.parseChunk(text, s, e, defs, byLength, oldText);
        if (!chunk.open || i + 1 >= starts.length) break;
        // A block left open runs on: the chunk takes in every chunk up to the line that closes it.
        const until = closingLineEnd(text, e, chunk.open);
        let j = i + 1;
        while (j < starts.length && starts[j] < until) j++;
        starts.splice(i + 1, j - i - 1);
      }
      out.push(chunk);
    }
    return out;
  }

  /** The chunk `text[s, e)`: a replaced chunk's parse when it had the same text and definitions, else a new parse. */
  private parseChunk(text: string, s: number, e: number, defs: string, byLength: Map<number, Chunk[]>, oldText: string | undefined): Chunk {
    const candidates = byLength.get(e - s);
    const at = oldText === undefined || !candidates ? -1 : candidates.findIndex((c) => c.parsedWith === defs && oldText.startsWith(text.slice(s, e), c.start));
    if (at >= 0) {
      // Each old parse is used once: two equal chunks must not share nodes.
      const [reused] = candidates!.splice(at, 1);
      return { ...reused, start: s, end: e };
    }
    const piece = flatCopy(text.slice(s, e));
    const { tree } = parseMarkdown(defs ? `${piece}\n\n${defs}\n` : piece);
    const nodes = defs ? tree.children.filter((n) => (n.position?.start.offset ?? 0) < piece.length) : tree.children;
    const open = openBlockAtEnd(piece, nodes);
    return { start: s, end: e, nodes, parsedWith: defs, definitions: definitionsIn(nodes), depth: nestingDepth(piece, MAX_NESTING), ...(open ? { open } : {}) };
  }
}

/**
 * The chunk after an edit within one line of a block that can be re-read on
 * its own: a body row of a GFM table, a line inside a multi-line raw HTML
 * block (a comment left open over a long stretch is one block), or a line of
 * one item of a top-level list. Undefined when the edit is anything else, or
 * when it could change where this chunk or its blocks end: then the chunk is
 * parsed as usual. `nextStart` is the next chunk's start (undefined for the
 * last chunk).
 */
function reparseInside(chunk: Chunk, nextStart: number | undefined, prev: DocumentState, text: string, prefix: number, oldEnd: number, newEnd: number, keepText: KeepMovedText): Chunk | undefined {
  const row = reparseTableRow(chunk, prev.text, text, prefix, oldEnd, newEnd, keepText);
  if (row) return row;
  const oldText = prev.text;
  const lineStart = lineStartBefore(oldText, prefix);
  const lineEnd = lineEndFrom(oldText, oldEnd);
  if (lineStart <= chunk.start || lineEnd >= chunk.end || /[\r\n]/.test(oldText.slice(prefix, oldEnd)) || /[\r\n]/.test(text.slice(prefix, newEnd))) return undefined;
  const delta = newEnd - oldEnd;
  const line = text.slice(lineStart, lineEnd + delta);
  if (/\r/.test(line)) return undefined;
  const rel = prefix - chunk.start;
  const t = chunk.nodes.findIndex((n) => n.position!.start.offset! <= rel && oldEnd - chunk.start <= n.position!.end.offset!);
  const node = chunk.nodes[t];
  if (node?.type !== 'html' && node?.type !== 'list') return undefined;
  // The chunk scanner must find the same chunk, ending in the same state.
  const end = chunk.end + delta;
  const scan = scanChunks(text, chunk.start, (start) => start >= end);
  if (scan.starts.length !== 1 || (nextStart !== undefined ? scan.resyncedAt !== end : scan.resyncedAt !== undefined || scan.openAtEnd !== prev.openAtEnd)) return undefined;
  const spliced = node.type === 'html' ? reparseHtmlLine(chunk, node, oldText, text, lineStart, lineEnd, delta) : reparseListItem(chunk, node, oldText, text, prefix, lineStart, lineEnd, delta, keepText);
  if (!spliced) return undefined;
  return {
    ...chunk,
    end,
    nodes: [...chunk.nodes.slice(0, t), spliced, ...chunk.nodes.slice(t + 1).map((n) => moved(n, delta, 0, keepText))],
    depth: Math.max(chunk.depth, nestingDepth(line, MAX_NESTING)),
  };
}

/**
 * A raw HTML block of one of the kinds that end only at a closing marker
 * (`-->`, `?>`, `>`, `]]>`, `</script>`…), after an edit in a line strictly
 * between its first and its last line that does not add the marker: the
 * block still ends at the same line, and its value is the new text.
 */
function reparseHtmlLine(chunk: Chunk, node: Html, oldText: string, text: string, lineStart: number, lineEnd: number, delta: number): Html | undefined {
  const s = chunk.start + node.position!.start.offset!;
  const e = chunk.start + node.position!.end.offset!;
  const firstEnd = lineEndFrom(oldText, s);
  if (lineStart <= firstEnd || lineEnd >= lineStartBefore(oldText, e) || oldText.slice(s, e) !== node.value) return undefined;
  const opener = oldText.slice(lineStartBefore(oldText, s), firstEnd);
  if (!RAW_HTML_OPEN.test(opener)) return undefined;
  const close = htmlCloseOf(opener);
  if (close.test(htmlOpenerRest(opener)) || close.test(text.slice(lineStart, lineEnd + delta))) return undefined;
  return { ...node, value: flatCopy(text.slice(s, e + delta)), position: { start: { ...node.position!.start }, end: shiftPoint(node.position!.end, delta, 0) } };
}

/** A line that opens a fenced code or raw HTML block, maybe inside list items or quotes: such blocks can take in the blank lines after an item. */
const BLOCK_OPENER_IN_ITEM = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:`{3,}|~{3,}|<(?:!--|\?|!\[CDATA\[|![A-Za-z]|(?:script|pre|style|textarea)(?:[\s>]|$)))/im;

/**
 * A top-level list after an edit in one line of one of its items, with only
 * that item parsed again: from its marker line to the first non-blank line
 * after it, so that the parse also shows whether the item still ends where
 * it did. Undefined when the edit touches the marker or what follows it on
 * the first line, when the item holds (or would hold) a fence or raw HTML
 * block (they can swallow the blank lines between items, which decide how
 * loose the list is), when its definitions change, or when the item would
 * not end at the same place.
 */
function reparseListItem(chunk: Chunk, list: List, oldText: string, text: string, prefix: number, lineStart: number, lineEnd: number, delta: number, keepText: KeepMovedText): List | undefined {
  // After indented code micromark reads a list differently from the list alone ("2. x" is a paragraph there): parse the chunk.
  const listStart = chunk.start + list.position!.start.offset!;
  if (/(?:^|\n)(?: {4}|\t)[^\n]*\S[^\n]*\n[ \t\n]*$/.test(oldText.slice(Math.max(0, listStart - 400), listStart))) return undefined;
  const rel = prefix - chunk.start;
  const r = list.children.findIndex((it) => it.position!.start.offset! <= rel && lineEnd - chunk.start <= it.position!.end.offset!);
  const item = list.children[r];
  // A list that interrupts a paragraph reads its first item differently from the item alone ("1. 2. x" holds no nested list there): parse the chunk.
  if (r === 0 && !followsBlankLine(oldText, lineStartBefore(oldText, listStart), chunk.start)) return undefined;
  // A blank line can end an item or make the list loose.
  if (!item || oldText.slice(lineStart, lineEnd).trim() === '' || text.slice(lineStart, lineEnd + delta).trim() === '') return undefined;
  const itemStart = chunk.start + item.position!.start.offset!;
  const itemEnd = chunk.start + item.position!.end.offset!;
  const winStart = lineStartBefore(oldText, itemStart);
  if (oldText.slice(winStart, itemStart).trim() !== '') return undefined;
  if (lineStart === winStart) {
    // On the marker line: only after the first character of the content (the marker, its spacing and whether the item is empty stay).
    const first = item.children[0];
    if (!first || first.position!.start.line !== item.position!.start.line || prefix <= chunk.start + first.position!.start.offset!) return undefined;
  }
  // The window: the item's lines, the blank lines after it and the next line.
  let winEnd = lineEndFrom(oldText, itemEnd);
  for (let at = winEnd; at < oldText.length; ) {
    const next = oldText.charCodeAt(at) === 13 && oldText.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    winEnd = lineEndFrom(oldText, next);
    if (oldText.slice(next, winEnd).trim() !== '') break;
    at = winEnd;
  }
  const oldWindow = oldText.slice(winStart, winEnd);
  const window = flatCopy(text.slice(winStart, winEnd + delta));
  if (BLOCK_OPENER_IN_ITEM.test(oldWindow) || BLOCK_OPENER_IN_ITEM.test(window) || /\r/.test(window)) return undefined;
  const defs = chunk.parsedWith;
  const { tree } = parseMarkdown(defs ? `${window}\n\n${defs}\n` : window);
  const mini = tree.children[0];
  const fresh = mini?.type === 'list' ? mini.children[0] : undefined;
  if (
    !fresh ||
    mini.type !== 'list' ||
    mini.ordered !== list.ordered ||
    fresh.spread !== item.spread ||
    fresh.position!.start.offset !== itemStart - winStart ||
    fresh.position!.end.offset !== itemEnd + delta - winStart ||
    definitionsIn([fresh]).join('\n') !== definitionsIn([item]).join('\n')
  ) {
    return undefined;
  }
  const newItem: ListItem = moved(fresh, winStart - chunk.start, item.position!.start.line - fresh.position!.start.line);
  const items = [...list.children.slice(0, r), newItem, ...list.children.slice(r + 1).map((n) => moved(n, delta, 0, keepText))];
  const last = r === list.children.length - 1;
  // The list ends where its last item ends (on the edited line, its column moved too).
  if (last && list.position!.end.offset !== item.position!.end.offset) return undefined;
  return { ...list, children: items, position: { start: list.position!.start, end: last ? { ...newItem.position!.end } : shiftPoint(list.position!.end, delta, 0) } };
}

/**
 * The chunk after an edit inside one body row of one of its top-level GFM
 * tables, parsing only that row (with the table's header and delimiter rows
 * above it) instead of the whole table: a big table is the slowest block to
 * parse, and a row's cells depend on nothing but its own line. Undefined when
 * the edit is anything else, or when the new line would not stay a row of
 * the table (it would start a fence, a quote, a list…): then the chunk is
 * parsed as usual.
 */
function reparseTableRow(chunk: Chunk, oldText: string, text: string, prefix: number, oldEnd: number, newEnd: number, keepText: KeepMovedText): Chunk | undefined {
  const lineStart = lineStartBefore(oldText, prefix);
  const lineEnd = lineEndFrom(oldText, oldEnd);
  if (lineStart <= chunk.start || lineEnd >= chunk.end || /[\r\n]/.test(oldText.slice(prefix, oldEnd)) || /[\r\n]/.test(text.slice(prefix, newEnd))) return undefined;
  const rel = lineStart - chunk.start;
  const t = chunk.nodes.findIndex((n) => n.position!.start.offset! < rel && rel < n.position!.end.offset!);
  const table = chunk.nodes[t];
  if (table?.type !== 'table') return undefined;
  const r = table.children.findIndex((row) => row.position!.start.offset! >= rel && row.position!.start.offset! <= lineEnd - chunk.start);
  if (r < 1) return undefined; // the header row, the delimiter row or no row at all
  const delta = newEnd - oldEnd;
  const line = text.slice(lineStart, lineEnd + delta);
  // The chunk scanner must see the same line kinds as before (see scanChunks).
  if (line.trim() === '' || FENCE.test(line) || RAW_HTML_OPEN.test(line)) return undefined;
  const headStart = lineStartBefore(oldText, chunk.start + table.position!.start.offset!);
  const headEnd = lineEndFrom(oldText, headStart);
  const delimEnd = lineEndFrom(oldText, headEnd + 1);
  if (/\r/.test(oldText.slice(headStart, delimEnd + 1))) return undefined;
  const head = oldText.slice(headStart, delimEnd + 1);
  const defs = chunk.parsedWith;
  const { tree } = parseMarkdown(defs ? `${head}${line}\n\n${defs}\n` : head + line);
  const mini = tree.children[0];
  const rest = tree.children.slice(1).filter((n) => n.position!.start.offset! < head.length + line.length);
  if (mini?.type !== 'table' || mini.children.length !== 2 || rest.length > 0 || mini.position!.end.offset! > head.length + line.length) return undefined;
  const oldRow = table.children[r];
  const newRow = moved(mini.children[1], rel - head.length, oldRow.position!.start.line - mini.children[1].position!.start.line);
  const rows = [...table.children.slice(0, r), newRow, ...table.children.slice(r + 1).map((n) => moved(n, delta, 0, keepText))];
  const last = rows[rows.length - 1].position!.end;
  const spliced: Table = { ...table, children: rows, position: { start: table.position!.start, end: r === rows.length - 1 ? { ...last } : shiftPoint(table.position!.end, delta, 0) } };
  return {
    ...chunk,
    end: chunk.end + delta,
    nodes: [...chunk.nodes.slice(0, t), spliced, ...chunk.nodes.slice(t + 1).map((n) => moved(n, delta, 0, keepText))],
  };
}

/** A copy of `s` that does not point into the string it was sliced from: parse values are slices of the parsed string and must not keep an old version of the document alive. */
function flatCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** Moves `chunks[from…]` after an edit (their nodes stay relative to their start). */
function shiftChunks(chunks: Chunk[], from: number, delta: number): void {
  if (delta === 0) return;
  for (let i = from; i < chunks.length; i++) {
    chunks[i].start += delta;
    chunks[i].end += delta;
  }
}

/** The tree's children and their bases for `chunks`, and whether one nests too deep. */
function treeOf(chunks: readonly Chunk[]): Pick<DocumentState, 'children' | 'bases' | 'deep'> {
  const children: RootContent[] = [];
  const bases: number[] = [];
  for (const c of chunks) {
    for (const n of c.nodes) {
      children.push(n);
      bases.push(c.start);
    }
  }
  return { children, bases, deep: chunks.some((c) => c.depth > MAX_NESTING) };
}

/**
 * Updates `tree`'s children and bases in place: the nodes of `removed` (which
 * were at chunk index `from`) give way to those of `added` (now at `from` in
 * `chunks`), and the chunks after them moved by `delta`.
 */
function spliceTree(tree: Pick<DocumentState, 'children' | 'bases'>, chunks: readonly Chunk[], from: number, removed: readonly Chunk[], added: readonly Chunk[], delta: number): void {
  let at = 0;
  for (let i = 0; i < from; i++) at += chunks[i].nodes.length;
  let count = 0;
  for (const c of removed) count += c.nodes.length;
  const { children, bases } = treeOf(added);
  tree.children.splice(at, count, ...children);
  tree.bases.splice(at, count, ...bases);
  if (delta !== 0) for (let i = at + children.length; i < tree.bases.length; i++) tree.bases[i] += delta;
}

/** The line at `lineStart` is the chunk's first, or the line before it is blank. */
function followsBlankLine(text: string, lineStart: number, chunkStart: number): boolean {
  if (lineStart <= chunkStart) return true;
  let i = lineStart - 1;
  if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--;
  for (i--; i >= chunkStart; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function lineStartBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function shiftPoint(p: Point, offset: number, line: number): Point {
  return { line: p.line + line, column: p.column, offset: p.offset! + offset };
}

/** Called for each node `moved` copies: `to` is `from` moved `offset` characters on. */
type KeepMovedText = (from: Nodes, to: Nodes, offset: number) => void;

/** A deep copy of `node` with every position moved by `offset` characters and `line` lines (the columns stay). */
function moved<T extends Nodes>(node: T, offset: number, line: number, keepText?: KeepMovedText): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  if (node.position) copy.position = { start: shiftPoint(node.position.start, offset, line), end: shiftPoint(node.position.end, offset, line) };
  if ('children' in node) copy.children = (node.children as Nodes[]).map((c) => moved(c, offset, line, keepText));
  keepText?.(node, copy, offset);
  return copy;
}

/** Definitions among `nodes` and their descendants (in lists and quotes too), as lines that define the same labels. */
function definitionsIn(nodes: RootContent[]): string[] {
  const out: string[] = [];
  const stack: Nodes[] = [...nodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'definition') out.push(`[${(n.label ?? n.identifier).replace(/\s+/g, ' ')}]: #`);
    else if (n.type === 'footnoteDefinition') out.push(`[^${(n.label ?? n.identifier).replace(/\s+/g, ' ')}]: #`);
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return out;
}

function definitionsOf(chunks: Chunk[]): string {
  return chunks.flatMap((c) => c.definitions).join('\n');
}
