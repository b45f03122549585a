/**
 * The playbook model: the Markdown tree turned into what sales rules reason
 * about — sections with types, units of text (paragraphs, list items, table
 * cells, quotes, plain fences) split into speaker turns, each turn knowing
 * whether it is speech meant for the buyer and which contexts it carries.
 */
import { lineOf, lineStartsOf } from '../parse/positions';
import type { Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { bareLinkRanges } from '../parse/bare-links';
import { readFrontMatter, type FrontMatter } from '../parse/front-matter';
import { parseMarkdown, type ParsedMarkdown } from '../parse/parse';
import { BANK_TAGS, isCustomerFacingHeading, tagsForHeading, DOCUMENT_TYPE_TAGS } from './section-types';
import { createSpeakerClassifier, speakerName, type SpeakerRole } from './speakers';
import { TextBuilder, type MappedText } from '../parse/text-builder';
import type { ConfigError, Section } from '../types';
import type { Cue } from './evidence';
import { NAMED_MESSAGE, isTitleLine, readTurns, showsMessage, threadSubject, type Channel, type DocumentReading, type Voice } from './voice';
import { findPlaceholders, type PlaceholderHit } from './words';

export interface SectionNode extends Section {
  index: number;
  parent: number | null;
  /** Tags from this heading's own words (or front matter / a section comment). */
  ownTags: string[];
  customerFacing: boolean;
  /** Below a "what not to say" heading: nothing here is linted as speech. */
  anti: boolean;
}

export type UnitKind = 'paragraph' | 'list-item' | 'table-cell' | 'blockquote' | 'fence';

export interface Unit extends MappedText {
  kind: UnitKind;
  /**
   * Added to `starts` and `ends` when a reused segment moved (an edit above
   * it), so moving costs one addition per unit. Read offsets of characters
   * with `startAt` and `endAt`.
   */
  shift: number;
  /** Original range of the block the unit came from. */
  start: number;
  end: number;
  section: SectionNode;
  /** Ranges of `text` that were emphasised (`*x*`, `**x**`): a way of quoting. */
  emphasis: Array<[number, number]>;
  /** Marked as a bad example by `<!-- example: bad -->`, or a struck-through block. */
  anti: boolean;
  /** A task-list item (`- [ ]`): checklists are instructions, not speech. */
  task: boolean;
  /** A table cell: its column's header, and all the table's headers (shared by its cells). */
  table?: { header: string; headers: readonly string[]; row: number; column: number };
  /** Language of a fenced block ('' when none). */
  lang?: string;
  /** The quote block a `blockquote` unit belongs to: its paragraphs are one message. */
  quote?: object;
  turns: Turn[];
}

export interface Turn {
  unit: Unit;
  /** Range in `unit.text`, label excluded. */
  a: number;
  b: number;
  role: SpeakerRole | 'none';
  label?: string;
  /** Customer-facing words the rules read: the rep's words to the buyer (`voice === 'rep'`). */
  speech: boolean;
  /** Who speaks to whom (see voice.ts). */
  voice: Voice;
  /** Where the rep's words go; 'none' for other voices. */
  channel: Channel;
  /** The cues behind `voice`, for `--explain`; an explicit marker has an infinite weight. */
  evidence: Cue[];
  /** Contexts for rule scoping: section tags plus `rep`, `subject`, and `email` for an email read from its shape. */
  contexts: Set<string>;
}

export interface Directive {
  start: number;
  end: number;
  value: string;
}

export interface PlaybookModel {
  text: string;
  sections: SectionNode[];
  /** Every unit in document order (built on first read: the editor's rules mostly read segments). */
  units: Unit[];
  /** Every turn in document order (built on first read). */
  turns: Turn[];
  /** The document cut at top-level headings, in order; their units and turns, concatenated, are `units` and `turns`. */
  segments: Segment[];
  frontMatter: FrontMatter;
  /** HTML comments, in order: disable/enable directives and section markers. */
  comments: Directive[];
  /** Offsets where each line starts. */
  lineStarts: number[];
  configErrors: ConfigError[];
  /** What the document as a whole says about itself; every turn was read with it. */
  reading: DocumentReading;
}

/** Fence languages that hold scripts and templates; anything else is code or data. */
const PLAIN_FENCES = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'email', 'script', 'call', 'voicemail', 'md', 'markdown', 'quote', 'none']);
const ANTI_MARKER = /^\s*(?:[❌🚫✗✘⛔×]|:x:|:no_entry:)/u;
/** A short line ending in a colon that calls what follows a bad example. */
const ANTI_LEAD_IN = /^\W*(?:[^:\n]{0,40}\b)?(?:bad|weak|wrong|cringe|not this|don'?t (?:do|send|say|write) (?:this|that)|do not (?:do|send|say|write) (?:this|that)|never send this)\b[^:\n]{0,60}:\W*$/i;
const POSITIVE_MARKER = /^\s*(?:[✅✔✓]|:white_check_mark:)/u;
const SECTION_COMMENT = /^<!--\s*section:\s*([\w-]+(?:\s*,\s*[\w-]+)*)\s*-->$/i;
const SUBJECT_HEADING = /\bsubject lines?\b/i;
const MESSAGE_TAGS = new Set(['email', 'voicemail', 'sms', 'follow-up']);
/** A heading that numbers one message of a cadence: "Email 2", "Day 5 — Text 2", "Voicemail 3". */
const ONE_MESSAGE = /\b(?:e-?mail|texts?|sms|voice-?mail|vm|touch|step|message|linkedin)\s*#?\d+\b/i;
const EXAMPLE_BAD_COMMENT = /^<!--\s*example:\s*bad\s*-->$/i;

/**
 * A segment is one heading and the blocks up to the next top-level heading
 * (the first segment holds what comes before any heading). Every unit and
 * turn belongs to exactly one segment, the segment of its innermost section,
 * and what a segment's units look like depends only on its own blocks, the
 * front matter and the sections above it. So the editor can keep segments
 * whose blocks and ancestry did not change: `SegmentCache`.
 */
export interface Segment {
  /** The heading's section (the preamble for the first segment). */
  section: SectionNode;
  units: Unit[];
  turns: Turn[];
  comments: Directive[];
  /** Range of the segment in the text. */
  start: number;
  end: number;
  /**
   * Offset of its first block (its start when it has none). A reused segment
   * moves by how far this moved: the preamble's range always starts at 0,
   * yet its blocks move when blank lines are typed above them.
   */
  anchor: number;
  /** Some unit here has a message shape (greeting, subject, speaker label, merge field). */
  showsMessages: boolean;
  /** The document reading its turns were read with (`readingKey`); read again when it changes. */
  readWith: string;
  /**
   * What later stages derived from this segment's turns, by name, each with
   * the `readWith` it was derived under (kept on the segment: a keystroke asks
   * for every segment's, and a lookup by segment identity costs more).
   */
  memo?: Map<string, { readWith: string; value: unknown }>;
  /** Its self-introduced speakers and thread subjects, found once: they depend on its own turns' labels and text only. */
  found?: { speakers: SpeakersFound; subjects: readonly string[] };
}

/**
 * Segments built for one document, keyed by the identity of their mdast nodes
 * and by everything they inherit. Only useful with a parser that hands back
 * the same node objects for unchanged blocks (the incremental linter).
 */
export class SegmentCache {
  /** By the segment's first node (the parser hands out each node object once); the empty preamble by `NO_NODES`. */
  private entries = new Map<object, KeptSegment>();
  private next = new Map<object, KeptSegment>();
  private frontMatterKey = '';
  private frontMatter: { fm: FrontMatter; errors: ConfigError[] } | undefined;

  private readonly chainIds = new WeakMap<SectionNode, number>();
  private readonly texts = new WeakMap<object, BuiltText>();
  private interned = new Map<string, number>();
  private nextId = 1;

  /**
   * A small number standing for `section` and every section above it (what
   * a child segment inherits): equal for equal content, so a section rebuilt
   * after an edit in its body gets the id its old self had.
   */
  chainId(section: SectionNode, parentChain: number): number {
    let id = this.chainIds.get(section);
    if (id === undefined) {
      id = this.intern(`${parentChain}\u0002${inheritedKey(section)}`);
      this.chainIds.set(section, id);
    }
    return id;
  }

  /** Ids are never reused, so forgetting old strings only costs cache misses. */
  intern(key: string): number {
    let id = this.interned.get(key);
    if (id === undefined) {
      if (this.interned.size > 100_000) this.interned = new Map();
      this.interned.set(key, (id = this.nextId++));
    }
    return id;
  }

  /** The segment last built from exactly `nodes[from, to)` under the ancestry `chain`. */
  find(chain: number, nodes: readonly RootContent[], from: number, to: number): KeptSegment | undefined {
    const kept = this.entries.get(from < to ? nodes[from] : NO_NODES);
    if (!kept || kept.chain !== chain || kept.nodes.length !== to - from) return undefined;
    for (let k = 0; k < kept.nodes.length; k++) if (kept.nodes[k] !== nodes[from + k]) return undefined;
    return kept;
  }

  keep(kept: KeptSegment): void {
    this.next.set(kept.nodes.length > 0 ? kept.nodes[0] : NO_NODES, kept);
  }

  /** Drops the segments the last build did not use. */
  endBuild(): void {
    this.entries = this.next;
    this.next = new Map();
  }

  /** The inline text built from a node (see `inlineUnit` in buildModel). */
  builtText(node: object): BuiltText | undefined {
    return this.texts.get(node);
  }

  keepText(node: object, built: BuiltText): void {
    this.texts.set(node, built);
  }

  /** The front matter read from `yaml` at `offset`, parsed once per distinct text. */
  readFrontMatter(yaml: string, offset: number): { fm: FrontMatter; errors: ConfigError[] } {
    const key = `${offset}\u0000${yaml}`;
    if (!this.frontMatter || this.frontMatterKey !== key) {
      const errors: ConfigError[] = [];
      this.frontMatter = { fm: readFrontMatter(yaml, offset, errors), errors };
      this.frontMatterKey = key;
    }
    return this.frontMatter;
  }
}

/** A unit's text built from one node: offsets as they were with the node's offsets based at `base`. */
interface BuiltText {
  base: number;
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  emphasis: Array<[number, number]>;
  comments: Directive[];
}

interface KeptSegment {
  segment: Segment;
  /** `chainId` of the section above it (with the front matter). */
  chain: number;
  nodes: readonly RootContent[];
}

const NO_NODES = {};

/** What a section hands down to the sections below it: tags, and titles for paths and time budgets. */
function inheritedKey(s: SectionNode): string {
  return JSON.stringify([s.depth, s.title, s.ownTags, s.tags, s.customerFacing, s.anti]);
}

/** What the incremental linter already has; the model is the same as one built from the text alone. */
export interface ModelInputs {
  /** The file's name (no folders needed): "follow_up_1.md" names what a headingless template is. */
  fileName?: string;
  /** Must equal `parseMarkdown(text)` in offsets (the incremental linter passes a spliced tree). */
  parsed?: ParsedMarkdown;
  /** Segments whose nodes and ancestry are unchanged are reused from here, shifted to their new offsets. */
  segments?: SegmentCache;
  /** Must equal `lineStartsOf(text)`. */
  lineStarts?: number[];
}

export function buildModel(text: string, inputs: ModelInputs = {}): PlaybookModel {
  const { tree, base, bases } = inputs.parsed ?? parseMarkdown(text);
  const cache = inputs.segments;
  const baseOf = (k: number) => (bases ? bases[k] : base);
  // What to add to the offsets of the top-level node being read and its descendants.
  let nodeBase = base;
  const configErrors: ConfigError[] = [];
  const model = withFlatLists({ text, sections: [], segments: [], frontMatter: { yamlOffset: 0 }, comments: [], lineStarts: [], configErrors, reading: { declaredType: false, showsMessages: false } });

  const off = (n: Nodes, side: 'start' | 'end') => (n.position ? n.position[side].offset! + nodeBase : 0);

  let fmKey = '';
  const fmIndex = tree.children.findIndex((c) => c.type === 'yaml');
  const fmNode = tree.children[fmIndex];
  if (fmNode && fmNode.position) {
    nodeBase = baseOf(fmIndex);
    const s = off(fmNode, 'start');
    const nl = text.indexOf('\n', s);
    const yaml = (fmNode as { value: string }).value;
    const at = nl < 0 ? s : nl + 1;
    if (cache) {
      const read = cache.readFrontMatter(yaml, at);
      model.frontMatter = read.fm;
      configErrors.push(...read.errors);
      fmKey = `${at}\u0000${yaml}`;
    } else model.frontMatter = readFrontMatter(yaml, at, configErrors);
  }
  const fm = model.frontMatter;
  const docTag = fm.type ? DOCUMENT_TYPE_TAGS[fm.type] : undefined;
  const classify = speakerClassifier(fm.speakers);

  // Sections enclosing the next heading; the preamble stays at the bottom.
  const stack: SectionNode[] = [];
  // With a cache: `chainId` of each stack entry.
  const chains: number[] = [cache ? cache.intern(`fm\u0000${fmKey}\u0000${inputs.fileName ?? ''}`) : 0];
  let segment: Segment;
  let antiNext = false;

  const newSection = (node: (Nodes & { depth: number }) | undefined, parent: SectionNode | undefined): SectionNode => {
    if (!node || !parent) {
      return {
        index: 0, parent: null, title: null, depth: 0, start: 0, end: text.length, headingStart: 0, headingEnd: 0,
        ownTags: docTag ? [docTag] : [], tags: docTag ? [docTag] : [], customerFacing: !!docTag, anti: false,
      };
    }
    const title = plainText(node as Nodes).trim();
    const override = fm.sections?.[title.toLowerCase()];
    const own = override ? [override] : tagsForHeading(title, parent.tags);
    // A heading that names one message ("Day 5 — Text 2", "Voicemail 3") holds that message, even on a page about the cadence.
    const namesMessage = !own.includes('process') && own.some((t) => MESSAGE_TAGS.has(t)) && ONE_MESSAGE.test(title);
    // Under a page of "objections and discovery questions", a "Discovery questions" heading holds questions, not objections (and the reverse).
    const inherited = parent.tags.filter((t) => !(namesMessage && t === 'process') && !(BANK_TAGS.includes(t) && !own.includes(t) && own.some((o) => BANK_TAGS.includes(o))));
    const tags = [...new Set([...inherited, ...own])];
    const anti = parent.anti || own.includes('anti-example');
    return {
      index: 0, parent: parent.index, title, depth: node.depth,
      start: off(node, 'start'), end: text.length, headingStart: off(node, 'start'), headingEnd: off(node, 'end'),
      ownTags: own, tags: anti && !tags.includes('anti-example') ? [...tags, 'anti-example'] : tags,
      customerFacing: !anti && isCustomerFacingHeading(own, parent.customerFacing), anti,
    };
  };

  const newUnit = (kind: UnitKind, node: Nodes, extra: Partial<Unit> = {}): { unit: Unit; b: TextBuilder } => {
    const unit = {
      kind, start: off(node, 'start'), end: off(node, 'end'),
      section: segment.section, emphasis: [], anti: antiNext, task: false, turns: [], text: '', starts: new Int32Array(), ends: new Int32Array(), shift: 0,
      ...extra,
    } as Unit;
    return { unit, b: new TextBuilder() };
  };

  const finish = (unit: Unit, b: TextBuilder) => {
    Object.assign(unit, b.build());
    if (unit.text.length === 0) return;
    segment.units.push(unit);
  };
  const phrasing = (nodes: PhrasingContent[], unit: Unit, b: TextBuilder) => {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
          b.pushAligned(n.value, text, off(n, 'start'), off(n, 'end'), bareLinkRanges(n.value));
          break;
        case 'emphasis':
        case 'strong': {
          const from = b.length;
          phrasing(n.children, unit, b);
          unit.emphasis.push([from, b.length]);
          break;
        }
        case 'delete': // struck through: a bad example, not the rep's words
          break;
        case 'break':
          b.newline(off(n, 'start'));
          break;
        case 'html':
          segment.comments.push({ start: off(n, 'start'), end: off(n, 'end'), value: n.value });
          break;
        case 'inlineCode':
        case 'link':
        case 'linkReference':
        case 'image':
        case 'imageReference':
          b.opaque(off(n, 'start'), off(n, 'end'));
          break;
        default:
          break; // footnote references
      }
    }
  };

  /**
   * Fills a unit with the text of `node`'s inline content. The editor keeps
   * what it built per node object (an unchanged block keeps its nodes), so
   * re-building a segment after a keystroke re-reads only the changed blocks.
   */
  const inlineUnit = ({ unit, b }: { unit: Unit; b: TextBuilder }, node: Parent & { children: PhrasingContent[] }) => {
    const kept = cache?.builtText(node);
    if (kept) {
      const d = nodeBase - kept.base;
      Object.assign(unit, { text: kept.text, starts: kept.starts, ends: kept.ends, shift: d, emphasis: kept.emphasis });
      for (const c of kept.comments) segment.comments.push({ start: c.start + d, end: c.end + d, value: c.value });
      if (unit.text.length > 0) segment.units.push(unit);
      return;
    }
    const commentsBefore = segment.comments.length;
    phrasing(node.children, unit, b);
    finish(unit, b);
    cache?.keepText(node, { base: nodeBase, text: unit.text, starts: unit.starts, ends: unit.ends, emphasis: unit.emphasis, comments: segment.comments.slice(commentsBefore).map((c) => ({ ...c })) }); // copies: shiftSegment moves the segment's own
  };

  const block = (node: RootContent, ctx: { inQuote: boolean; inList: boolean; task: boolean; quote?: object }) => {
    switch (node.type) {
      case 'heading': // top-level headings start segments; nested ones are not sections
        return;
      case 'paragraph': {
        const kind: UnitKind = ctx.inQuote ? 'blockquote' : ctx.inList ? 'list-item' : 'paragraph';
        inlineUnit(newUnit(kind, node, { task: ctx.task, quote: ctx.quote }), node);
        return;
      }
      case 'blockquote':
        for (const c of node.children) block(c, { ...ctx, inQuote: true, quote: ctx.quote ?? node });
        return;
      case 'list':
        // A sub-item of a checklist item is part of that to-do, whatever its own marker.
        for (const item of node.children) for (const c of item.children) block(c, { ...ctx, inList: true, task: ctx.task || item.checked === true || item.checked === false });
        return;
      case 'table':
        table(node);
        return;
      case 'code': {
        const lang = (node.lang ?? '').toLowerCase();
        if (!PLAIN_FENCES.has(lang)) return;
        const s = off(node, 'start');
        const e = off(node, 'end');
        const firstNl = text.indexOf('\n', s);
        if (firstNl < 0 || firstNl >= e) return;
        const fenced = /^\s*(`{3,}|~{3,})/.test(text.slice(s, firstNl));
        if (!fenced) return; // indented code is code
        let contentEnd = e;
        const lastNl = text.lastIndexOf('\n', e - 1);
        if (lastNl > firstNl && /^\s*(`{3,}|~{3,})\s*$/.test(text.slice(lastNl + 1, e))) contentEnd = lastNl;
        const { unit, b } = newUnit('fence', node, { lang });
        b.pushSource(text, firstNl + 1, contentEnd);
        finish(unit, b);
        return;
      }
      case 'html': {
        const value = node.value.trim();
        segment.comments.push({ start: off(node, 'start'), end: off(node, 'end'), value });
        const sm = SECTION_COMMENT.exec(value);
        if (sm) {
          const sec = segment.section;
          const own = sm[1].split(/\s*,\s*/);
          sec.ownTags = [...new Set([...sec.ownTags, ...own])];
          sec.tags = [...new Set([...sec.tags, ...own])];
          sec.anti = sec.anti || own.includes('anti-example');
          sec.customerFacing = !sec.anti && isCustomerFacingHeading(own, sec.customerFacing);
        }
        if (EXAMPLE_BAD_COMMENT.test(value)) {
          antiNext = true;
          return; // keep the flag for the next block
        }
        return;
      }
      default:
        return;
    }
  };

  const table = (node: Table) => {
    const headers = (node.children[0]?.children ?? []).map((c) => plainText(c).trim());
    node.children.forEach((row, r) => {
      row.children.forEach((cell, c) => {
        inlineUnit(newUnit('table-cell', cell, { table: { header: headers[c] ?? '', headers, row: r, column: c } }), cell);
      });
    });
  };

  /** Builds the segment of `children[from, to)`, led by a heading unless it is the preamble. */
  const buildSegment = (section: SectionNode, from: number, to: number, start: number, end: number, anchor: number): Segment => {
    segment = { section, units: [], turns: [], comments: [], start, end, anchor, showsMessages: false, readWith: '' };
    antiNext = false;
    for (let k = from; k < to; k++) {
      const node = children[k];
      nodeBase = baseOf(k);
      const hadAnti = antiNext;
      block(node, { inQuote: false, inList: false, task: false });
      if (hadAnti && node.type !== 'html') antiNext = false;
      // "**Bad output (don't do this):**" on its own line: the block below it is a bad example.
      if (node.type === 'paragraph' && ANTI_LEAD_IN.test(plainText(node))) antiNext = true;
    }
    for (const unit of segment.units) splitTurns(unit, classify, segment.turns);
    segment.showsMessages = segment.units.some(showsMessage);
    return segment;
  };

  const children = tree.children;
  const startOf = (k: number) => (children[k].position?.start.offset ?? 0) + baseOf(k);
  // The first segment is the preamble: the blocks before the first heading, maybe none.
  for (let i = 0, j = 0; model.segments.length === 0 || i < children.length; i = j) {
    const heading = model.segments.length > 0 ? (children[i] as Nodes & { depth: number }) : undefined;
    j = heading ? i + 1 : i;
    while (j < children.length && children[j].type !== 'heading') j++;
    const end = j < children.length ? startOf(j) : text.length;
    const start = heading ? startOf(i) : 0;
    const anchor = i < j ? startOf(i) : start;
    // Close the sections this heading ends (they are exactly the ones popped).
    if (heading) {
      while (stack.length > 1 && stack[stack.length - 1].depth >= heading.depth) {
        stack.pop()!.end = start;
        chains.pop();
      }
    }
    const parent = stack[stack.length - 1];
    const chain = chains[chains.length - 1];
    const kept = cache?.find(chain, children, i, j);
    let seg: Segment;
    if (kept) {
      seg = kept.segment;
      shiftSegment(seg, start, end, anchor, text.length);
      cache!.keep(kept);
    } else {
      nodeBase = baseOf(i);
      seg = buildSegment(newSection(heading, parent), i, j, start, end, anchor);
      cache?.keep({ segment: seg, chain, nodes: children.slice(i, j) });
    }
    const sec = seg.section;
    sec.index = model.sections.length;
    sec.parent = parent ? parent.index : null;
    model.sections.push(sec);
    stack.push(sec);
    chains.push(cache ? cache.chainId(sec, chains[chains.length - 1]) : 0);
    model.segments.push(seg);
    for (let k = 0; k < seg.comments.length; k++) model.comments.push(seg.comments[k]);
  }
  cache?.endBuild();
  // Read every turn once the document is known: a generic heading counts for more in a document that shows messages.
  const named = documentName(inputs.fileName, model.segments[0]);
  const { subjects, callers } = documentSpeakersAndSubjects(model.segments);
  model.reading = {
    declaredType: !!docTag,
    showsMessages: !!docTag || !!named || model.segments.some((g) => g.showsMessages),
    ...(named ? { named } : {}),
    ...(subjects.length ? { subjects } : {}),
    ...(callers.length ? { callers } : {}),
  };
  const key = readingKey(model.reading);
  const path = (s: SectionNode) => sectionPath(model.sections, s);
  for (const seg of model.segments) {
    if (seg.readWith === key) continue;
    readTurns(seg.units, model.reading, path);
    seg.readWith = key;
  }
  model.lineStarts = inputs.lineStarts ?? lineStartsOf(text);
  return model;
}

/**
 * `createSpeakerClassifier(speakers)`, made once per speakers list (the
 * editor's front matter is read once per text, so a keystroke reuses it).
 */
const classifiers = new WeakMap<object, ReturnType<typeof createSpeakerClassifier>>();
const NO_SPEAKERS = {};
function speakerClassifier(speakers: FrontMatter['speakers']): ReturnType<typeof createSpeakerClassifier> {
  const key = speakers ?? NO_SPEAKERS;
  let classify = classifiers.get(key);
  if (!classify) classifiers.set(key, (classify = createSpeakerClassifier(speakers)));
  return classify;
}

/** The model with `units` and `turns` concatenated from its segments when first read (not on every keystroke). */
function withFlatLists(model: Omit<PlaybookModel, 'units' | 'turns'>): PlaybookModel {
  let units: Unit[] | undefined;
  let turns: Turn[] | undefined;
  return Object.defineProperties(model as PlaybookModel, {
    units: { enumerable: true, get: () => (units ??= model.segments.flatMap((seg) => seg.units)) },
    turns: { enumerable: true, get: () => (turns ??= model.segments.flatMap((seg) => seg.turns)) },
  });
}

/** Moves a reused segment to `start` (its units, section and comments); the section's end is set again by the caller. */
function shiftSegment(seg: Segment, start: number, end: number, anchor: number, textLength: number): void {
  const delta = anchor - seg.anchor;
  seg.anchor = anchor;
  seg.start = start;
  seg.end = end;
  seg.section.end = textLength;
  if (delta === 0) return;
  const sec = seg.section;
  if (sec.depth > 0) {
    sec.start += delta;
    sec.headingStart += delta;
    sec.headingEnd += delta;
  }
  // Indexed loops: a keystroke moves every segment after it, and for-of allocates an iterator per loop before V8 optimises this.
  for (let i = 0; i < seg.units.length; i++) {
    const u = seg.units[i];
    u.start += delta;
    u.end += delta;
    u.shift += delta;
  }
  for (let i = 0; i < seg.comments.length; i++) {
    const c = seg.comments[i];
    c.start += delta;
    c.end += delta;
  }
}

/** Offset in the document where character `i` of `unit.text` starts (undefined past the end). */
export function startAt(unit: Unit, i: number): number {
  const s = unit.starts[i];
  return s === undefined ? s : s + unit.shift;
}

/** Offset in the document where character `i` of `unit.text` ends (undefined past the end). */
export function endAt(unit: Unit, i: number): number {
  const e = unit.ends[i];
  return e === undefined ? e : e + unit.shift;
}

/**
 * The segments of `section` and its subsections, in order: the section's own
 * segment and those after it until a heading at its level or above. Needs the
 * whole model (a document-reach rule's), where segment i holds section i.
 */
export function subtree(model: PlaybookModel, section: SectionNode): Segment[] {
  const out: Segment[] = [];
  for (let i = section.index; i < model.segments.length; i++) {
    const seg = model.segments[i];
    if (i > section.index && seg.section.depth <= section.depth) break;
    out.push(seg);
  }
  return out;
}

const placeholderHits = new WeakMap<Unit, readonly PlaceholderHit[]>();

/** `findPlaceholders(unit.text)`, kept with the unit (units of unchanged segments are reused between lints). */
export function placeholdersOf(unit: Unit): readonly PlaceholderHit[] {
  let hits = placeholderHits.get(unit);
  if (!hits) placeholderHits.set(unit, (hits = findPlaceholders(unit.text)));
  return hits;
}

function splitTurns(unit: Unit, classify: ReturnType<typeof createSpeakerClassifier>, out: Turn[]): void {
  const { text } = unit;
  let lineStart = 0;
  let current: Turn | undefined;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let label = classify(line);
    // In a list of subject lines "URGENT: your audit" is a subject, not a persona speaking.
    if (label && label.role === 'other' && unit.kind === 'list-item' && SUBJECT_HEADING.test(unit.section.title ?? '')) label = undefined;
    // A subject is one line: the body below it is the email, not more subject; a bold title line
    // ("**Note A**", "**Derek, nine days later**") names what follows it, and the message starts below.
    if (label || !current || current.role === 'subject' || (lineStart > 0 && current.a === 0 && isTitleLine(unit, current.b))) {
      const role: Turn['role'] = label ? label.role : 'none';
      current = { unit, a: lineStart + (label ? label.textStart : 0), b: lineEnd, role, label: label?.label, speech: false, voice: 'guidance', channel: 'none', evidence: [], contexts: new Set() };
      if (ANTI_MARKER.test(line)) current.role = 'anti';
      else if (POSITIVE_MARKER.test(line) && current.role === 'none') current.role = 'positive';
      unit.turns.push(current);
      out.push(current);
    } else {
      current.b = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Moved to the parse wing (parse/positions.ts); re-exported here while callers move. */
export { lineStartsOf, lineOf };

export type { Root };

/** The sections from the document root down to `section`. */
export function sectionPath(sections: readonly SectionNode[], section: SectionNode): SectionNode[] {
  const out: SectionNode[] = [];
  for (let s: SectionNode | undefined = section; s; s = s.parent === null ? undefined : sections[s.parent]) out.unshift(s);
  return out;
}

/** The key of what the document says about itself: segments are read again, and re-linted, when it changes. */
export function readingKey(r: DocumentReading): string {
  return `${r.declaredType ? 1 : 0}${r.showsMessages ? 1 : 0}${r.named?.title ?? ''}\u0001${r.subjects?.join('\u0001') ?? ''}\u0002${r.callers?.join('\u0001') ?? ''}`;
}

/**
 * Named speakers ("Mei:", "[00:00:03] Mei (Ordwell):") who introduce themselves in their own turn ("it's Mei
 * from Ordwell", "this is Mei"): in a transcript or a role-play the one who says who they are and why they
 * called is the rep, whatever their name; a buyer returning the rep's call introduces themselves too, and then
 * the rep is the one who answers them. A transcript's list of who was on the call ("Derek Voss (AE, Meridian)")
 * names the rep by their sales role. Lower-cased label names.
 */
function selfIntroducedSpeakers(turns: readonly Turn[]): SpeakersFound {
  const out = new Set<string>();
  // A legend of who speaks ("Speakers: **JR** = Jordan Reyes (Brightbite), **FD** = front desk"): the name a label stands for.
  const legend: Array<[string, string]> = [];
  const introductions: Array<[string, string]> = [];
  for (const t of turns) {
    if (t.role !== 'none' && !(t.role === 'other' && LEGEND_LABEL.test(t.label ?? ''))) continue;
    const text = t.unit.text.slice(t.a, t.b);
    if (!text.includes('=')) continue;
    for (const m of text.matchAll(LEGEND_ENTRY)) legend.push([m[1].toLowerCase(), m[2]]);
  }
  // Indexed loop: every turn of a new segment, on each keystroke.
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i];
    // A transcript's list of who was on the call names the seller by their sales role: "Derek Voss (AE, Meridian)",
    // in a plain line or after a "Participants:" label.
    if ((t.role === 'none' || (t.role === 'other' && PARTICIPANTS_LABEL.test(t.label ?? ''))) && t.unit.kind === 'paragraph' && SELLER_ROLE_HINT.test(t.unit.text)) {
      for (const m of t.unit.text.slice(t.a, t.b).matchAll(SELLER_ROLE)) out.add(m[1].toLowerCase());
      continue;
    }
    if (t.role !== 'other' || !t.label) continue;
    // A caller who never gives their name but says why they called and what they sell ("The reason I'm calling is
    // I saw Halvorsen opened the Joliet cross-dock, and I work with a few 3PLs…"): a buyer calling in gives a reason, not a pitch.
    CALLS_TO_SELL.lastIndex = t.a;
    const calls = CALLS_TO_SELL.exec(t.unit.text);
    if (calls && calls.index < t.b) {
      const said = t.unit.text.slice(t.a, t.b).replace(/[’]/g, "'");
      const name = speakerName(t.label);
      if (CALLER_REASON.test(said) && SELLER_SAYS.test(said) && !RETURNS_CALL.test(said) && /^\p{Lu}[\p{L}'-]+$/u.test(name)) out.add(name.toLowerCase());
    }
    // The one who asks for the other by name as the call opens is the caller: "Hello, am I speaking with Kulkarni sir?"
    const opening = t.unit.text.slice(t.a, Math.min(t.b, t.a + 120));
    if (ASKS_FOR_CALLEE.test(opening) && !RETURNS_CALL.test(opening) && /^\p{Lu}[\p{L}'-]+$/u.test(speakerName(t.label))) {
      out.add(speakerName(t.label).toLowerCase());
      continue;
    }
    // Most turns hold no self-introduction: look for one in place before slicing anything.
    SELF_INTRO_ANYWHERE.lastIndex = t.a;
    const hint = SELF_INTRO_ANYWHERE.exec(t.unit.text);
    if ((!hint || hint.index >= t.b) && !GREETS_THEN.test(t.unit.text.slice(t.a, Math.min(t.b, t.a + 40)))) continue;
    const name = speakerName(t.label);
    if (!/^\p{Lu}[\p{L}'-]+$/u.test(name)) continue;
    const said = t.unit.text.slice(t.a, t.b).replace(/[’]/g, "'");
    // The name right after "it's", "this is", or a greeting to the buyer ("Hi Victor, Lauren Ortiz with Coolpath").
    const namesSelfAt = (at: number) => said.startsWith(name, at) && !/^[\p{L}\p{N}_]/u.test(said.slice(at + name.length));
    const greeted = GREETS_THEN.exec(said);
    const introEnds = [...said.matchAll(SELF_INTRO)].map((m) => m.index! + m[0].length);
    // Or the name and the firm said as a sentence of their own: "… I know the phones never stop. Jordan from Brightbite."
    const nameFrom = NAME_FROM.exec(said);
    if (!(greeted && namesSelfAt(greeted[0].length)) && nameFrom?.[1] !== name && !introEnds.some(namesSelfAt)) {
      // A name the label does not show ("JR: … Jordan from Brightbite"): a legend elsewhere may say whose it is.
      const intro = nameFrom?.[1] ?? introEnds.map((at) => /^\p{Lu}[\p{L}'-]+/u.exec(said.slice(at))?.[0]).find(Boolean);
      if (intro) introductions.push([name.toLowerCase(), intro]);
      continue;
    }
    if (!RETURNS_CALL.test(said)) {
      out.add(name.toLowerCase());
      continue;
    }
    // The buyer returning the rep's call introduces themselves first: the rep is the one who answers.
    const answer = turns.slice(i + 1).find((n) => n.role === 'other' && n.label && speakerName(n.label) !== name);
    const rep = answer?.label && speakerName(answer.label);
    if (rep && /^\p{Lu}[\p{L}'-]+$/u.test(rep)) out.add(rep.toLowerCase());
  }
  return { callers: [...out], legend, introductions };
}

/** Asking for someone by name, as a caller does: "am I speaking with Kulkarni sir?", "is that Sandra?", "could I speak to Mr Shah?". */
const ASKS_FOR_CALLEE = /\b(?:am I speaking (?:with|to)|(?:may|could|can) I (?:speak|talk) (?:with|to)|is (?:this|that)) (?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?\p{Lu}[\p{L}'-]+[^.?!\n]{0,20}\?/u;
/** Looked for in place before slicing (like `SELF_INTRO_ANYWHERE`): the turn may say why its speaker called. */
const CALLS_TO_SELL = /\b(?:calling|ringing|call)\b/gi;
/** The speaker says why they called: "the reason I'm calling", "I'm calling because…", "thanks for taking my call". */
const CALLER_REASON = /\b(?:the reason (?:I'm|I am) (?:calling|ringing)|the reason for my call|(?:I'm|I am) (?:calling|ringing)(?: you)? (?:because|since|as)\b|thanks? (?:you )?for taking my call)/i;
/** What a seller says of their own work: "I work with a few 3PLs", "we help clinics", "our customers". */
const SELLER_SAYS = /\b(?:I work with|we (?:help|work with)|our (?:customers|clients|platform|product|software|service|team)|(?:I|we) (?:saw|noticed|read|spotted) (?:that )?(?:you|your|\p{Lu}))/u;

/** What one segment says of its speakers: callers it shows itself, a legend's entries, names said in an introduction under another label. */
interface SpeakersFound {
  callers: readonly string[];
  legend: ReadonlyArray<[string, string]>;
  introductions: ReadonlyArray<[string, string]>;
}
/** "Jordan from Brightbite Supply" as a sentence of its own. */
const NAME_FROM = /(?:^|[.!?—–]\s+)(\p{Lu}[\p{L}'-]+)(?: again| here)? (?:from|with|at) \p{Lu}/u;
/** The label of a legend of who speaks, and one entry: a label, "=", and the first name it stands for. */
const LEGEND_LABEL = /^\s*(?:speakers|key|legend|who(?:'s| is) who|cast|roles)\s*$/i;
const LEGEND_ENTRY = /(?<![\p{L}\p{N}])\**(\p{Lu}[\p{L}]{0,20})\**\s*=\s*\**(\p{Lu}[\p{L}'-]+)/gu;

/** The label of a transcript's list of who was on the call. */
const PARTICIPANTS_LABEL = /^\s*(?:participants|attendees|on the call|present|speakers|people on the call|who was on the call)\s*$/i;

/** Sales roles, as a transcript's list of participants gives them: "AE", "SDR", "account manager" or "Account Manager", "sales lead". */
const SELLER_ROLES = String.raw`(?:AE|SDR|BDR|BDM|[Aa]ccount (?:[Ee]xecutive|[Mm]anager)|[Ss]ales(?: [Rr]ep(?:resentative)?| [Ll]ead| [Ee]xecutive| [Mm]anager)?|[Bb]usiness [Dd]evelopment(?: [Mm]anager| [Rr]ep(?:resentative)?| [Ee]xecutive)?|[Rr]ep|[Ss]eller|us)`;
/** A participant named with a sales role in brackets: "Derek Voss (AE, Meridian Calibration)", "Priya (SDR)", "Tom Reilly (account manager)". */
const SELLER_ROLE = new RegExp(String.raw`\b(\p{Lu}[\p{Ll}'-]+)(?:\s+\p{Lu}[\p{L}'-]+)?\s*\((?:[^()\n]{0,40}?[\s,;/])?${SELLER_ROLES}(?:[\s,;/][^()\n]{0,60})?\)`, 'gu');
/** A quick look for a bracketed sales role before the names are read. */
const SELLER_ROLE_HINT = new RegExp(String.raw`\((?:[^()\n]{0,40}?[\s,;/])?${SELLER_ROLES}\b`, 'u');

/** A caller who is returning the other's call: "I'm returning a voicemail from…", "just ringing you back", "got your message". */
const RETURNS_CALL = /\b(?:return(?:s|ed|ing)? (?:a|your|the|his|her|their) (?:[\w-]+ )?(?:call|voicemail|voice-?mail|message)|(?:calling|ringing|phoning|getting) (?:you )?back|got (?:a|your) (?:voicemail|voice-?mail|message)|you (?:left|called|rang) (?:me|us)|(?:saw|had) (?:a )?missed call)\b/i;
/** A greeting to someone else, then a comma: what comes before a caller's name in "Hi Victor, Lauren Ortiz with Coolpath". */
const GREETS_THEN = /^\W*(?:hi|hey|hello|morning|afternoon|good (?:morning|afternoon|evening))\b[^,.!?\n]{0,25}[,.!—–-]\s*/iu;
/** "it's Mei", "this is Mei", "my name is Mei", "myself Rohit" (Indian English): what comes before the name the speaker gives for themselves. */
const SELF_INTRO = /\b(?:this is|it's|it is|I'm|I am|my name is|my name's|myself)\s+/gu;
/** Found wherever `SELF_INTRO` is in a turn's text (a curly apostrophe, no word boundary: the turn may start mid-word of its unit). */
const SELF_INTRO_ANYWHERE = /(?:this is|it['’]s|it is|I['’]m|I am|my name is|my name['’]s|myself)\s/gu;

/** Subjects of a segment's emails that are not themselves replies. */
function threadSubjects(turns: readonly Turn[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i];
    if (t.role !== 'subject') continue;
    const subject = t.unit.text.slice(t.a, t.b);
    if (!/^\s*(?:re|fwd?)\s*:/i.test(subject)) out.push(threadSubject(subject));
  }
  return out;
}

/**
 * The document's self-introduced speakers and thread subjects, sorted and
 * without repeats: what each segment holds, found once per segment (a
 * keystroke would otherwise read every turn of the document again).
 */
function documentSpeakersAndSubjects(segments: readonly Segment[]): { callers: string[]; subjects: string[] } {
  const callers = new Set<string>();
  const subjects = new Set<string>();
  // A label whose speaker introduces themselves by the name a legend gives it ("JR = Jordan Reyes", "… Jordan from Brightbite").
  const legend = new Map<string, string>();
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    const found = (seg.found ??= { speakers: selfIntroducedSpeakers(seg.turns), subjects: threadSubjects(seg.turns) });
    for (let i = 0; i < found.speakers.callers.length; i++) callers.add(found.speakers.callers[i]);
    for (let i = 0; i < found.subjects.length; i++) subjects.add(found.subjects[i]);
    for (const [label, name] of found.speakers.legend) legend.set(label, name);
  }
  if (legend.size > 0) for (const g of segments) for (const [label, name] of g.found!.speakers.introductions) if (legend.get(label) === name) callers.add(label);
  return { callers: [...callers].sort(), subjects: [...subjects].sort() };
}

/** What a headingless template file calls itself: its `Title:` line, else its file name, when that names a message. */
function documentName(fileName: string | undefined, preamble: Segment): DocumentReading['named'] {
  const titleTurn = preamble.turns.find((t) => t.label && /^(?:title|name|template)$/i.test(t.label));
  const candidates = [titleTurn ? titleTurn.unit.text.slice(titleTurn.a, titleTurn.b) : undefined, fileName?.replace(/^.*[\\/]/, '').replace(/\.(?:md|markdown|txt)$/i, '').replace(/[_.]+/g, ' ')];
  for (const title of candidates) {
    if (!title || !NAMED_MESSAGE.test(title)) continue;
    const tags = tagsForHeading(title).filter((t) => t !== 'process' && t !== 'anti-example');
    if (tags.length) return { title: title.trim(), tags };
  }
  return undefined;
}
