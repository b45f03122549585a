/**
 * What the structure rules (stale-playbook, unsourced-claim, talk-ratio,
 * objection-handling, sequence-*, playbook-structure) read from the playbook
 * model, in one place. Today they read turns (`speech`, `role`, `contexts`)
 * and section tags; when the reading layer gives every turn a `voice` and a
 * `message`, only these functions change.
 */
import { startAt, endAt, subtree, type PlaybookModel, type SectionNode, type Turn, type Unit } from '../../read/model';

/** Is this turn the rep's words to the buyer (spoken or written)? */
export function isRepVoice(t: Turn): boolean {
  return t.speech && t.contexts.has('rep') && t.role !== 'prospect' && t.role !== 'subject' && !t.unit.anti && !t.unit.section.anti;
}

/** Is this turn the buyer speaking (a prospect label)? */
export function isBuyerVoice(t: Turn): boolean {
  return t.role === 'prospect' && !t.unit.anti && !t.unit.section.anti;
}

/** The words of a turn, label excluded. */
export function turnText(t: Turn): string {
  return t.unit.text.slice(t.a, t.b);
}

/** The unit's Markdown as written (links, footnote references and all). */
export function unitSource(model: PlaybookModel, unit: Unit): string {
  return model.text.slice(unit.start, unit.end);
}

/** Original range of `[a, b)` of a turn's unit text. */
export function turnRange(t: Turn, a = t.a, b = t.b): { start: number; end: number } {
  return { start: startAt(t.unit, a), end: endAt(t.unit, Math.max(a, b - 1)) };
}

const CALL_TAGS = ['call-script', 'discovery', 'opener', 'objection'];
const NOT_CALL_TAGS = ['voicemail', 'email', 'anti-example', 'ooo'];

/** A live conversation written out with speaker labels: the rep's and the buyer's turns. */
export interface Dialogue {
  /** The outermost call section (the preamble when the whole file is one script). */
  section: SectionNode;
  rep: Turn[];
  buyer: Turn[];
}

/** Who speaks in a dialogue turn: a rep label (or a script step), the buyer, or neither. */
export function dialogueSide(t: Turn, personaIsBuyer: boolean): 'rep' | 'buyer' | undefined {
  if (t.unit.anti || t.unit.section.anti) return undefined;
  if (t.role === 'rep' || (t.role === 'structural' && t.label !== undefined)) return 'rep';
  if (t.role === 'prospect' || (t.role === 'other' && personaIsBuyer)) return 'buyer';
  return undefined;
}

/**
 * Call scripts written as dialogue: each outermost section tagged as a call
 * (call script, discovery, opener, objections) — or the whole file for
 * `type: call-script` / `discovery-guide` — with its labelled rep and buyer
 * turns. A persona label ("Dana:") counts as the buyer when the section has
 * no buyer label and exactly one persona.
 */
export function callDialogues(model: PlaybookModel): Dialogue[] {
  const docType = model.frontMatter.type ?? '';
  const roots = docType === 'call-script' || docType === 'discovery-guide' ? [model.sections[0]] : model.sections.filter((s) => isCallSection(s) && !ancestorsOf(model, s).some(isCallSection));
  const out: Dialogue[] = [];
  for (const section of roots) {
    const turns = subtree(model, section).flatMap((seg) => seg.turns).filter((t) => !NOT_CALL_TAGS.some((tag) => t.contexts.has(tag)));
    const personas = new Set(turns.filter((t) => t.role === 'other').map((t) => t.label?.toLowerCase()));
    const personaIsBuyer = !turns.some((t) => t.role === 'prospect') && personas.size === 1;
    const rep: Turn[] = [];
    const buyer: Turn[] = [];
    for (const t of turns) {
      const side = dialogueSide(t, personaIsBuyer);
      if (side === 'rep') rep.push(t);
      else if (side === 'buyer') buyer.push(t);
    }
    out.push({ section, rep, buyer });
  }
  return out;
}

function isCallSection(s: SectionNode): boolean {
  return !s.anti && CALL_TAGS.some((t) => s.ownTags.includes(t)) && !NOT_CALL_TAGS.some((t) => s.tags.includes(t));
}

export function ancestorsOf(model: PlaybookModel, s: SectionNode): SectionNode[] {
  const out: SectionNode[] = [];
  for (let p = s.parent; p !== null; p = model.sections[p].parent) out.push(model.sections[p]);
  return out;
}

/** Where to show something about a section: its heading; for the whole file, its first heading or first line. */
export function sectionAnchor(model: PlaybookModel, s: SectionNode): { start: number; end: number } {
  if (s.headingEnd > s.headingStart) return { start: s.headingStart, end: s.headingEnd };
  const first = model.sections.find((x) => x.headingEnd > x.headingStart);
  if (first) return { start: first.headingStart, end: first.headingEnd };
  const nl = model.text.indexOf('\n', s.start);
  const start = s.start;
  let end = nl < 0 ? model.text.length : nl;
  if (model.text[end - 1] === '\r') end--;
  return { start, end };
}

/** One objection and the rep's answer to it. */
export interface ObjectionPair {
  /** The objection as written (the buyer's words, or a heading naming it). */
  objection: string;
  /** The rep's answer: turns that are speech; empty when the answer is coaching prose. */
  response: Turn[];
  /** How the pair was written. */
  shape: 'table' | 'labels' | 'heading' | 'bold' | 'if-they-say';
}

const OBJECTION_COLUMN = /\b(?:objections?|they say|prospect says|buyer says|customer says|concerns?|push-?back)\b/i;
const RESPONSE_COLUMN = /\b(?:responses?|rebuttals?|replies|reply|answers?|what to say|say|talk track|script)\b/i;
const OBJECTION_LABEL = /^(?:objection|they say|they|prospect|buyer|customer|concern)s?\b/i;
const IF_THEY_SAY = /^\s*(?:if|when) (?:they|the (?:prospect|buyer|customer)|a (?:prospect|buyer|customer)) (?:says?|tells? you|responds?|replies|objects?)\b[^"“]*["“]([^"”]+)["”]\s*(?:[,:→—–-]|->)?\s*/i;
const QUOTED = /^\s*["“'‘].+["”'’]\s*[.?!]?\s*$/s;

/** The sections about objections: outermost `objection` sections, or the whole file for `type: objection-handling`. */
export function objectionRoots(model: PlaybookModel): SectionNode[] {
  if (model.frontMatter.type === 'objection-handling') return [model.sections[0]];
  return model.sections.filter((s) => s.ownTags.includes('objection') && !s.anti && !ancestorsOf(model, s).some((p) => p.ownTags.includes('objection')));
}

/** The objection → response pairs under an objection section, in the shapes real playbooks use. */
export function objectionPairs(model: PlaybookModel, root: SectionNode): ObjectionPair[] {
  const pairs: ObjectionPair[] = [];
  const segs = subtree(model, root);
  for (const seg of segs) {
    if (seg.section.anti) continue;
    const turns = seg.turns.filter((t) => !t.unit.anti);
    // Table rows: objection cell + response cell of the same row.
    const rows = new Map<string, { objection?: string; response: Turn[] }>();
    let tableNo = 0;
    let lastRow = -1;
    for (const t of seg.turns) {
      const tab = t.unit.table;
      if (!tab) continue;
      if (tab.row < lastRow) tableNo++; // a new table starts (its header row is row 0)
      lastRow = tab.row;
      if (tab.row === 0 || t.unit.anti) continue;
      const key = `${tableNo}:${tab.row}`;
      const row = rows.get(key) ?? { response: [] };
      if (OBJECTION_COLUMN.test(tab.header) && !RESPONSE_COLUMN.test(tab.header)) row.objection = turnText(t);
      else if (RESPONSE_COLUMN.test(tab.header) && t.speech) row.response.push(t);
      rows.set(key, row);
    }
    for (const row of rows.values()) if (row.objection && row.response.length) pairs.push({ objection: row.objection, response: row.response, shape: 'table' });
    // Labelled turns, bold objections and "If they say …" lines.
    for (let i = 0; i < turns.length; i++) {
      const t = turns[i];
      if (t.unit.table) continue;
      const text = turnText(t);
      const next = turns[i + 1];
      const isObjectionTurn = t.role === 'prospect' || (t.label !== undefined && OBJECTION_LABEL.test(t.label));
      if (isObjectionTurn && next && (next.role === 'rep' || next.role === 'structural' || next.role === 'positive') && next.speech) {
        pairs.push({ objection: text, response: [next], shape: 'labels' });
        i++;
        continue;
      }
      const ifm = IF_THEY_SAY.exec(text);
      if (ifm) {
        const rest = ifm[0].length < text.length ? { ...t, a: t.a + ifm[0].length } : undefined;
        const response = rest && QUOTED.test(turnText(rest)) ? [rest] : next && next.unit !== t.unit && next.speech && isSpokenAnswer(next) ? [next] : [];
        pairs.push({ objection: ifm[1], response, shape: 'if-they-say' });
        continue;
      }
      if (t.label === undefined && isWhollyEmphasised(t) && next && next.unit !== t.unit && next.speech && isSpokenAnswer(next)) {
        pairs.push({ objection: text, response: [next], shape: 'bold' });
        i++;
      }
    }
    // A subsection titled with the buyer's words: ### "It's too expensive"
    const title = seg.section.title ?? '';
    if (seg.section !== root && QUOTED.test(title)) {
      const answer = turns.find((t) => t.speech && isSpokenAnswer(t));
      pairs.push({ objection: title, response: answer ? [answer] : [], shape: 'heading' });
    }
  }
  return pairs;
}

/** The rep's spoken answer, not coaching prose: a rep or script label, a quote, or a plain fence or blockquote. */
function isSpokenAnswer(t: Turn): boolean {
  return t.role === 'rep' || t.role === 'structural' || t.role === 'positive' || t.unit.kind === 'blockquote' || t.unit.kind === 'fence' || QUOTED.test(turnText(t));
}

function isWhollyEmphasised(t: Turn): boolean {
  const text = t.unit.text;
  return t.unit.emphasis.some(([a, b]) => a <= t.a + (text.slice(t.a).length - text.slice(t.a).trimStart().length) && b >= t.b - (text.slice(0, t.b).length - text.slice(0, t.b).trimEnd().length));
}

/** One touch of a sequence: an `Email N` / `Day N` / `Touch N` / `Step N` section. */
export interface Touch {
  section: SectionNode;
  /** The heading as written, e.g. "Email 2 — Day 3". */
  label: string;
  /** The cadence day, when the heading gives one. */
  day?: number;
  /** The rep's words in the touch, one entry per line (subject, greeting and sign-off left out). */
  lines: string[];
  /** The touch is a break-up ("closing the loop", "final email"). */
  breakup: boolean;
}

const TOUCH_HEADING = /^\W*(?:(?:e-?mail|touch|day|message|follow[- ]?up)\s*#?\s*\d+|d\+\d+|step\s*\d+\b.*\b(?:e-?mail|call|linkedin|voicemail|touch|day\s*\d+))\b/i;
const DAY = /\b(?:day\s*(\d{1,3})|d\+(\d{1,3}))\b/i;
const BREAKUP_HEADING = /\b(?:break-?up|closing (?:the )?loop|final (?:e-?mail|touch|note|follow[- ]?up)|close (?:your|the) file|last (?:e-?mail|touch))\b/i;
const GREETING_LINE = /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon))\b[^.!?\n]{0,40}[,!:]?\s*$/i;
const SIGN_OFF_LINE = /^\s*(?:best(?: regards)?|thanks|thank you|cheers|regards|kind regards|talk soon|sincerely|all the best|—|--)\s*[,.!]?\s*(?:\S.{0,40})?$/i;

/**
 * The sequences of a playbook: sibling sections (same parent) whose headings
 * name numbered touches (`Step N` only when it names a channel or a day), at
 * least two of them with the rep's words in them. Each touch reads the rep's
 * words in its section and subsections; an onboarding plan's "Day 1" has none.
 */
export function sequences(model: PlaybookModel): Touch[][] {
  const byParent = new Map<number | null, Touch[]>();
  for (const s of model.sections) {
    if (!s.title || s.anti || !TOUCH_HEADING.test(s.title)) continue;
    if (ancestorsOf(model, s).some((p) => p.title && TOUCH_HEADING.test(p.title))) continue;
    const d = DAY.exec(s.title);
    const lines: string[] = [];
    for (const seg of subtree(model, s)) {
      for (const t of seg.turns) {
        if (!isRepVoice(t) || t.contexts.has('voicemail')) continue;
        for (const line of turnText(t).split('\n')) if (line.trim()) lines.push(line.trim());
      }
    }
    while (lines.length && GREETING_LINE.test(lines[0])) lines.shift();
    const signOff = lines.findIndex((l, i) => i > 0 && i >= lines.length - 4 && SIGN_OFF_LINE.test(l) && l.split(/\s+/).length <= 6);
    if (signOff > 0) lines.length = signOff;
    const touch: Touch = { section: s, label: s.title, day: d ? Number(d[1] ?? d[2]) : undefined, lines, breakup: BREAKUP_HEADING.test(s.title) };
    const list = byParent.get(s.parent) ?? [];
    list.push(touch);
    byParent.set(s.parent, list);
  }
  return [...byParent.values()].filter((ts) => ts.filter((t) => t.lines.length > 0).length >= 2);
}
