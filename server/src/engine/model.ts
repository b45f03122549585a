/**
 * The playbook model: the Markdown tree turned into what sales rules reason
 * about — sections with types, units of text (paragraphs, list items, table
 * cells, quotes, plain fences) split into speaker turns, each turn knowing
 * whether it is speech meant for the buyer and which contexts it carries.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { bareLinkRanges } from './bare-links';
import { readFrontMatter, type FrontMatter } from './front-matter';
import { parseMarkdown, type ParsedMarkdown } from './parse';
import { isCustomerFacingHeading, tagsForHeading, DOCUMENT_TYPE_TAGS } from './section-types';
import { createSpeakerClassifier, type SpeakerRole } from './speakers';
import { TextBuilder, type MappedText } from './text-builder';
import type { ConfigError, Section } from './types';

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
  index: number;
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
  table?: { header: string; row: number; column: number };
  /** Language of a fenced block ('' when none). */
  lang?: string;
  turns: Turn[];
}

export interface Turn {
  unit: Unit;
  /** Range in `unit.text`, label excluded. */
  a: number;
  b: number;
  role: SpeakerRole | 'none';
  label?: string;
  /** Customer-facing words the rules read. */
  speech: boolean;
  /** Contexts for rule scoping: section tags plus `rep`, `subject`. */
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
  units: Unit[];
  /** Every turn in document order. */
  turns: Turn[];
  frontMatter: FrontMatter;
  /** HTML comments, in order: disable/enable directives and section markers. */
  comments: Directive[];
  /** Offsets where each line starts. */
  lineStarts: number[];
  configErrors: ConfigError[];
}

/** Fence languages that hold scripts and templates; anything else is code or data. */
const PLAIN_FENCES = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'email', 'script', 'call', 'voicemail', 'md', 'markdown', 'quote', 'none']);
const ANTI_MARKER = /^\s*(?:[❌🚫✗✘⛔×]|:x:|:no_entry:)/u;
const POSITIVE_MARKER = /^\s*(?:[✅✔✓]|:white_check_mark:)/u;
const FULLY_QUOTED = /^\s*(?:[-*+]\s+)?"[^"]+"[\s.,!?;:)]*$/;
const ANTI_COLUMN = /[❌🚫⛔✗✘]|\b(?:instead of|don'?t|do not|bad|before|weak|avoid|wrong|never|not this|old|dangerous|vague|clich[ée]s?|banned|red flags?|anti-?patterns?|mistakes?)\b/iu;
const PROSPECT_COLUMN = /\b(?:objection|they say|prospect|buyer|concern|trigger|customer says|if they|situation|scenario)\b/i;
const REP_COLUMN = /\b(?:response|rebuttal|say|reply|script|good|after|better|try|use|template|example|line|opener|message|talk track|wording)\b/i;
const SECTION_COMMENT = /^<!--\s*section:\s*([\w-]+(?:\s*,\s*[\w-]+)*)\s*-->$/i;
const SUBJECT_HEADING = /\bsubject lines?\b/i;
const EXAMPLE_BAD_COMMENT = /^<!--\s*example:\s*bad\s*-->$/i;

/** `parsed`, when given, must be `parseMarkdown(text)` or equal to it in offsets (the incremental linter passes a spliced tree). */
export function buildModel(text: string, parsed?: ParsedMarkdown): PlaybookModel {
  const { tree, base } = parsed ?? parseMarkdown(text);
  const configErrors: ConfigError[] = [];
  const model: PlaybookModel = { text, sections: [], units: [], turns: [], frontMatter: { yamlOffset: 0 }, comments: [], lineStarts: lineStartsOf(text), configErrors };

  const fmNode = tree.children.find((c) => c.type === 'yaml');
  if (fmNode && fmNode.position) {
    const s = fmNode.position.start.offset! + base;
    const nl = text.indexOf('\n', s);
    model.frontMatter = readFrontMatter((fmNode as { value: string }).value, nl < 0 ? s : nl + 1, configErrors);
  }
  const fm = model.frontMatter;
  const docTag = fm.type ? DOCUMENT_TYPE_TAGS[fm.type] : undefined;
  const classify = createSpeakerClassifier(fm.speakers);

  const preamble: SectionNode = {
    index: 0, parent: null, title: null, depth: 0, start: 0, end: text.length, headingStart: 0, headingEnd: 0,
    ownTags: docTag ? [docTag] : [], tags: docTag ? [docTag] : [], customerFacing: !!docTag, anti: false,
  };
  model.sections.push(preamble);
  const stack: SectionNode[] = [preamble];
  let antiNext = false;

  const off = (n: Nodes, side: 'start' | 'end') => (n.position ? n.position[side].offset! + base : 0);

  const openSection = (node: Nodes & { depth: number }) => {
    // Close the sections this heading ends (they are exactly the ones popped).
    while (stack.length > 1 && stack[stack.length - 1].depth >= node.depth) stack.pop()!.end = off(node, 'start');
    const parent = stack[stack.length - 1];
    const title = plainText(node as Nodes).trim();
    const override = fm.sections?.[title.toLowerCase()];
    const own = override ? [override] : tagsForHeading(title);
    const tags = [...new Set([...parent.tags, ...own])];
    const anti = parent.anti || own.includes('anti-example');
    const sec: SectionNode = {
      index: model.sections.length, parent: parent.index, title, depth: node.depth,
      start: off(node, 'start'), end: text.length, headingStart: off(node, 'start'), headingEnd: off(node, 'end'),
      ownTags: own, tags: anti && !tags.includes('anti-example') ? [...tags, 'anti-example'] : tags,
      customerFacing: !anti && isCustomerFacingHeading(own, parent.customerFacing), anti,
    };
    model.sections.push(sec);
    stack.push(sec);
  };

  const newUnit = (kind: UnitKind, node: Nodes, extra: Partial<Unit> = {}): { unit: Unit; b: TextBuilder } => {
    const unit = {
      kind, index: model.units.length, start: off(node, 'start'), end: off(node, 'end'),
      section: stack[stack.length - 1], emphasis: [], anti: antiNext, task: false, turns: [], text: '', starts: new Int32Array(), ends: new Int32Array(),
      ...extra,
    } as Unit;
    return { unit, b: new TextBuilder() };
  };

  const finish = (unit: Unit, b: TextBuilder) => {
    Object.assign(unit, b.build());
    if (unit.text.length === 0) return;
    model.units.push(unit);
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
          model.comments.push({ start: off(n, 'start'), end: off(n, 'end'), value: n.value });
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

  const block = (node: RootContent, ctx: { inQuote: boolean; inList: boolean; task: boolean }) => {
    switch (node.type) {
      case 'heading':
        if (!ctx.inQuote && !ctx.inList) openSection(node);
        return;
      case 'paragraph': {
        const kind: UnitKind = ctx.inQuote ? 'blockquote' : ctx.inList ? 'list-item' : 'paragraph';
        const { unit, b } = newUnit(kind, node, { task: ctx.task });
        phrasing(node.children, unit, b);
        finish(unit, b);
        return;
      }
      case 'blockquote':
        for (const c of node.children) block(c, { ...ctx, inQuote: true });
        return;
      case 'list':
        for (const item of node.children) for (const c of item.children) block(c, { ...ctx, inList: true, task: item.checked === true || item.checked === false });
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
        model.comments.push({ start: off(node, 'start'), end: off(node, 'end'), value });
        const sm = SECTION_COMMENT.exec(value);
        if (sm) {
          const sec = stack[stack.length - 1];
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
        const { unit, b } = newUnit('table-cell', cell, { table: { header: headers[c] ?? '', row: r, column: c } });
        phrasing(cell.children, unit, b);
        finish(unit, b);
      });
    });
  };

  for (const node of tree.children) {
    const hadAnti = antiNext;
    block(node, { inQuote: false, inList: false, task: false });
    if (hadAnti && node.type !== 'html') antiNext = false;
  }

  for (const unit of model.units) splitTurns(unit, classify, model.turns);
  return model;
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
    if (label && label.role === 'other' && isSubjectList(unit)) label = undefined;
    if (label || !current) {
      const role: Turn['role'] = label ? label.role : 'none';
      current = { unit, a: lineStart + (label ? label.textStart : 0), b: lineEnd, role, label: label?.label, speech: false, contexts: new Set() };
      if (ANTI_MARKER.test(line)) current.role = 'anti';
      else if (POSITIVE_MARKER.test(line) && current.role === 'none') current.role = 'positive';
      classifyTurn(current, line);
      unit.turns.push(current);
      out.push(current);
    } else {
      current.b = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
}

/** Instructions to the seller start with an imperative or talk about the rep or buyer in the third person. */
const INSTRUCTION_START = /^(?:\d+[.)]\s*)?(?:leverage|utili[sz]e|use|ask|review|make sure|ensure|schedule|log|update|identify|discover|prepare|consider|avoid|don'?t|do not|never|always|remember|focus|understand|document|confirm|determine|create|build|reach out to|work with|partner with|engage|collaborate|set up|tailor|research|listen|start by|try to|be sure|note that|check|if (?:the|a|they|you're|you are|your) (?:customer|prospect|buyer|rep|seller|AE|SDR)|when (?:the|a) (?:customer|prospect|buyer))\b/i;
const THIRD_PERSON_ROLE = /\b(?:the) (?:customer|prospect|buyer|champion|economic buyer|rep|sales rep|AE|SDR|BDR|SA|CSM|account executive|solutions? architect|decision[- ]maker|seller|salesperson)s?\b|\b(?:prospects|reps|sellers|SDRs|BDRs|AEs|SAs|CSMs)\b/;

function isInstruction(text: string): boolean {
  return INSTRUCTION_START.test(text) || THIRD_PERSON_ROLE.test(text);
}

function isSubjectList(unit: Unit): boolean {
  return unit.kind === 'list-item' && SUBJECT_HEADING.test(unit.section.title ?? '');
}

function classifyTurn(turn: Turn, firstLine: string): void {
  const { unit } = turn;
  const sec = unit.section;
  for (const t of sec.tags) turn.contexts.add(t);
  if (sec.anti || unit.anti) return;
  switch (turn.role) {
    case 'anti':
    case 'guidance':
    case 'prospect':
    case 'other':
      return;
    case 'subject':
      turn.speech = true;
      turn.contexts.add('subject');
      return;
    case 'rep':
    case 'structural':
    case 'positive':
      turn.speech = true;
      turn.contexts.add('rep');
      return;
  }
  // Unlabelled text.
  if (unit.task) return;
  if (unit.table) {
    const header = unit.table.header;
    if (unit.table.row === 0) return;
    if (ANTI_COLUMN.test(header)) return;
    if (PROSPECT_COLUMN.test(header) && !REP_COLUMN.test(header)) return;
    if (REP_COLUMN.test(header) || FULLY_QUOTED.test(unit.text)) {
      turn.speech = true;
      turn.contexts.add('rep');
    }
    return;
  }
  if (isSubjectList(unit)) {
    turn.speech = true;
    turn.contexts.add('subject');
    return;
  }
  if (unit.kind === 'fence' || unit.kind === 'blockquote' || FULLY_QUOTED.test(firstLine)) {
    turn.speech = true;
    turn.contexts.add('rep');
    return;
  }
  // Unlabelled prose under a script or email heading is usually the script, but handbooks
  // also write instructions there: "Leverage the case studies", "the SA must …".
  if (sec.customerFacing && !isInstruction(unit.text.slice(turn.a, turn.b))) {
    turn.speech = true;
    turn.contexts.add('rep');
  }
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** 0-based line of an offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type { Root };
