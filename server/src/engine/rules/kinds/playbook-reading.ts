/**
 * What the structure rules (stale-playbook, unsourced-claim, talk-ratio,
 * objection-handling, sequence-touches, playbook-structure) read from the
 * playbook model, in one place. They ask the reading layer, not headings:
 * a turn's `voice` (rep, buyer, guidance) and `channel` say who speaks and
 * where; headings only group what the reading found (a call script's
 * sections, a sequence's numbered touches).
 */
import { startAt, endAt, subtree, type PlaybookModel, type Segment, type SectionNode, type Turn, type Unit } from '../../read/model';
import { countWords } from '../../read/words';
import { LETS_GO } from '../../read/thread';
import { isTitleLine, REP_SAYS } from '../../read/voice';

const outOfPlay = (t: Turn) => t.unit.anti || t.unit.section.anti;

/** Is this turn the rep's words to the buyer (spoken or written), subject lines aside? */
export function isRepVoice(t: Turn): boolean {
  return t.voice === 'rep' && t.channel !== 'subject' && t.role !== 'subject' && !outOfPlay(t);
}

/** Is this turn the buyer speaking (a prospect or persona label, an objection cell)? */
export function isBuyerVoice(t: Turn): boolean {
  return t.voice === 'buyer' && !outOfPlay(t);
}

/** The words of a turn, label excluded. */
export function turnText(t: Turn): string {
  return t.unit.text.slice(t.a, t.b);
}

/** The unit's Markdown as written (links, footnote references and all). */
export function unitSource(model: PlaybookModel, unit: Unit): string {
  return model.text.slice(unit.start, unit.end);
}

/**
 * A turn's word count, kept with the turn: its range and its unit's text
 * never change once read, and the editor reuses the turns of unchanged
 * segments, so the document-wide shares cost one count per new turn.
 */
const turnWordCounts = new WeakMap<Turn, number>();
export function turnWords(t: Turn): number {
  let n = turnWordCounts.get(t);
  if (n === undefined) turnWordCounts.set(t, (n = countWords(turnText(t))));
  return n;
}

/**
 * What a document-reach reading (call dialogues, sequences, objection
 * sections) computes from one model, computed once per model: several rules
 * and the lint's playbook type ask for the same reading on every lint.
 * Callers must not change what they get.
 */
const perModel = new WeakMap<PlaybookModel, Map<string, unknown>>();
export function oncePerModel<T>(model: PlaybookModel, key: string, compute: () => T): T {
  let m = perModel.get(model);
  if (!m) perModel.set(model, (m = new Map()));
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}

/**
 * What a segment's turns say as read with `seg.readWith`, kept with the
 * segment: the turns' voices change only when the segment is read again.
 * `compute` takes the segment (asked for every segment on each keystroke, a
 * closure per call would be allocated for nothing).
 */
function oncePerSegment<T>(seg: Segment, key: string, compute: (seg: Segment) => T): T {
  const m = (seg.memo ??= new Map());
  const kept = m.get(key);
  if (kept && kept.readWith === seg.readWith) return kept.value as T;
  const value = compute(seg);
  m.set(key, { readWith: seg.readWith, value });
  return value;
}

/** Original range of `[a, b)` of a turn's unit text. */
export function turnRange(t: Turn, a = t.a, b = t.b): { start: number; end: number } {
  return { start: startAt(t.unit, a), end: endAt(t.unit, Math.max(a, b - 1)) };
}

/** A live conversation written out with speaker labels: the rep's and the buyer's turns. */
export interface Dialogue {
  /** The section that holds the conversation (the preamble when the whole file is one script). */
  section: SectionNode;
  rep: Turn[];
  buyer: Turn[];
  /** How often the speaker changes from one labelled turn to the next. */
  switches: number;
}

/**
 * Who speaks in a dialogue turn, as the reading layer read it: the rep on a
 * call (a rep label or a script step), the buyer (a prospect label; a
 * persona's name only where the caller says so), or neither. Unlabelled text
 * is not part of the dialogue: coaching between the lines, or a template the
 * rep reads out, has no buyer turn to weigh against.
 */
export function dialogueSide(t: Turn, personaIsBuyer = false): 'rep' | 'buyer' | undefined {
  if (outOfPlay(t) || t.label === undefined || !SPOKEN_WORD.test(turnText(t).replace(PLACEHOLDER_SLOT, ' '))) return undefined;
  if (t.voice === 'rep' && (t.role === 'rep' || t.role === 'structural') && (t.channel === 'call' || t.channel === 'message')) return 'rep';
  if (t.voice === 'buyer' && (t.role === 'prospect' || (t.role === 'other' && personaIsBuyer))) return 'buyer';
  return undefined;
}

/** A turn that is only a slot to fill ("Prospect: [COMPANY]") is a form's field, not a line of a conversation. */
const PLACEHOLDER_SLOT = /\{\{[^}]*\}\}|\[[^\]]*\]|\{[^}]*\}|<[^>]*>/g;
const SPOKEN_WORD = /\p{L}{2,}/u;
/** Persona labels that name a field of a page, not a person ("Solution:", "Typical features:"). */
const FIELD_PERSONA = /\b(?:solution|problem|result|value|features?|description|summary|benefits?|challenges?|outcome|answer|question|context|scenario|signals?|command|stage|segment|persona|pain|impact|proof|use case|industry|company|title|name|price|budget|timeline|status)s?\b/i;

const hasDialogue = (seg: Segment) => oncePerSegment(seg, 'hasDialogue', holdsDialogueTurn);
const holdsDialogueTurn = (seg: Segment) => seg.turns.some((t) => dialogueSide(t) !== undefined);
/** A segment with the rep's or the buyer's words that are not a labelled dialogue (a template, an email, a field list). */
const hasOtherVoice = (seg: Segment) => oncePerSegment(seg, 'hasOtherVoice', holdsOtherVoice);
const holdsOtherVoice = (seg: Segment) =>
  seg.turns.some((t) => (isRepVoice(t) || isBuyerVoice(t)) && dialogueSide(t) === undefined && SPOKEN_WORD.test(turnText(t).replace(PLACEHOLDER_SLOT, ' ')));

/**
 * Call scripts written as dialogue, found from the speaker turns: each run of
 * sections holding labelled rep and buyer turns, grouped under the highest
 * section that holds only the call (no email or voicemail written out in
 * it and nothing but dialogues below it). The whole file for `type:
 * call-script` / `discovery-guide`. A persona label ("Dana:") is the buyer
 * when the script has a rep label, no buyer label and exactly one persona
 * that is not a page's field ("Solution:"); several personas are a page's
 * fields or a cast, not a call.
 */
export function callDialogues(model: PlaybookModel): readonly Dialogue[] {
  return oncePerModel(model, 'callDialogues', () => findCallDialogues(model));
}

function findCallDialogues(model: PlaybookModel): Dialogue[] {
  const docType = model.frontMatter.type ?? '';
  const wholeFile = docType === 'call-script' || docType === 'discovery-guide';
  const roots: SectionNode[] = [];
  if (wholeFile) roots.push(model.sections[0]);
  else {
    const covered = new Set<SectionNode>();
    // Whether a section holds only a call (decided once per section: many dialogues may ask about one parent).
    const holdsOnlyCall = new Map<SectionNode, boolean>();
    const onlyCall = (p: SectionNode): boolean => {
      let yes = holdsOnlyCall.get(p);
      if (yes === undefined) {
        const segs = subtree(model, p);
        // No other channel's messages, and it is a dialogue itself or groups only dialogues.
        yes =
          !segs.some((g) => g.turns.some((t) => isRepVoice(t) && t.channel !== 'call' && t.channel !== 'message')) &&
          (hasDialogue(model.segments[p.index]) || (segs.filter(hasDialogue).length >= 2 && !segs.some((g) => !hasDialogue(g) && hasOtherVoice(g))));
        holdsOnlyCall.set(p, yes);
      }
      return yes;
    };
    // Indexed loops over the document's segments and sections here and in findSequences: read on every keystroke, often before V8 optimises them.
    for (let i = 0; i < model.segments.length; i++) {
      const seg = model.segments[i];
      if (covered.has(seg.section) || seg.section.anti || !hasDialogue(seg)) continue;
      let root = seg.section;
      while (root.parent !== null) {
        const p = model.sections[root.parent];
        if (p.anti || p.depth === 0 || !onlyCall(p)) break;
        root = p;
      }
      roots.push(root);
      for (const g of subtree(model, root)) covered.add(g.section);
    }
    // A later root may hold an earlier one (a dialogue under a section that is one too).
    const held = new Set(roots.flatMap((r) => subtree(model, r).slice(1).map((g) => g.section)));
    for (let i = roots.length - 1; i >= 0; i--) if (held.has(roots[i])) roots.splice(i, 1);
  }
  const out: Dialogue[] = [];
  for (const section of roots) {
    const turns = subtree(model, section).flatMap((seg) => seg.turns);
    const personas = new Set(turns.filter((t) => t.role === 'other' && t.voice === 'buyer').map((t) => t.label?.toLowerCase()));
    const [persona] = personas;
    const personaIsBuyer =
      personas.size === 1 && !FIELD_PERSONA.test(persona ?? '') && !turns.some((t) => t.role === 'prospect' && t.voice === 'buyer') && turns.some((t) => t.role === 'rep' && t.voice === 'rep');
    const rep: Turn[] = [];
    const buyer: Turn[] = [];
    const order: Array<'rep' | 'buyer'> = [];
    for (const t of turns) {
      const side = dialogueSide(t, personaIsBuyer);
      if (side === 'rep') rep.push(t);
      else if (side === 'buyer') buyer.push(t);
      if (side) order.push(side);
    }
    if (rep.length > 0 || buyer.length > 0) out.push({ section, rep, buyer, switches: order.filter((x, i) => i > 0 && x !== order[i - 1]).length });
  }
  return out;
}

/**
 * A dialogue that reads as a conversation, not a list of roles: at least two
 * rep turns and one buyer turn, the speakers taking turns at least twice
 * (rep, buyer, rep), and one rep label ("SDR:" and "AE:" in a row list roles).
 */
export function isConversation(d: Dialogue): boolean {
  const repLabels = new Set(d.rep.filter((t) => t.role === 'rep').map((t) => t.label?.toLowerCase()));
  return d.rep.length >= 2 && d.buyer.length >= 1 && d.switches >= 2 && repLabels.size <= 1;
}

/** Words of the turns that are in play (bad examples left out), and those read as the rep's or the buyer's. */
export function voiceShare(model: PlaybookModel, turns?: readonly Turn[]): { all: number; spoken: number } {
  if (turns) return shareOf(turns);
  let all = 0;
  let spoken = 0;
  for (let i = 0; i < model.segments.length; i++) {
    const s = oncePerSegment(model.segments[i], 'voiceShare', segmentShare);
    all += s.all;
    spoken += s.spoken;
  }
  return { all, spoken };
}

const segmentShare = (seg: Segment) => shareOf(seg.turns);

function shareOf(turns: readonly Turn[]): { all: number; spoken: number } {
  let all = 0;
  let spoken = 0;
  for (const t of turns) {
    if (outOfPlay(t) || t.role === 'anti') continue;
    const n = turnWords(t);
    all += n;
    if (t.voice !== 'guidance') spoken += n;
  }
  return { all, spoken };
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
  /** The rep's answer: turns read as the rep's words; empty when the answer is coaching prose. */
  response: Turn[];
  /** How the pair was written. */
  shape: 'table' | 'labels' | 'heading' | 'bold' | 'if-they-say';
}

const OBJECTION_COLUMN = /\b(?:objections?|they say|prospect says|buyer says|customer says|concerns?|push-?back)\b/i;
const RESPONSE_COLUMN = new RegExp(String.raw`\b(?:responses?|rebuttals?|replies|reply|answers?|what to say|${REP_SAYS}|talk track|script)\b`, 'i');
const OBJECTION_LABEL = /^(?:objection|they say|they|prospect|buyer|customer|concern)s?\b/i;
const IF_THEY_SAY = /^\s*(?:if|when) (?:they|the (?:prospect|buyer|customer)|a (?:prospect|buyer|customer)) (?:says?|tells? you|responds?|replies|objects?)\b[^"“]*["“]([^"”]+)["”]\s*(?:[,:→—–-]|->)?\s*/i;
const QUOTED = /^\s*["“'‘].+["”'’]\s*[.?!]?\s*$/s;
/** A heading that is the buyer's words, maybe numbered: `"Too expensive"`, `Objection 2: "Not now"`. */
const OBJECTION_TITLE = /^\s*(?:(?:objection|concern|push-?back)\s*#?\s*\d*\s*[:.—–-]\s*)?(["“'‘].+["”'’])\s*[.?!]?\s*$/is;

/**
 * The sections about objections: the whole file for `type: objection-handling`;
 * else each outermost section that holds objection → answer pairs written as
 * the buyer's words and the rep's (a table of objections and responses, "If
 * they say …" branches) or that a heading names as objections. The pairs are
 * judged only where the reading layer reads the answer as the rep's words.
 */
export function objectionRoots(model: PlaybookModel): readonly SectionNode[] {
  return oncePerModel(model, 'objectionRoots', () => findObjectionRoots(model));
}

function findObjectionRoots(model: PlaybookModel): SectionNode[] {
  if (model.frontMatter.type === 'objection-handling') return [model.sections[0]];
  const candidates = model.sections.filter((s) => objectionCandidate(model.segments[s.index]));
  const set = new Set(candidates);
  return candidates.filter((s) => !ancestorsOf(model, s).some((p) => set.has(p)));
}

/** A section that may hold an objection bank, by its own heading and turns (kept with its segment: asked for every section on each keystroke). */
const objectionCandidate = (seg: Segment | undefined) => (seg ? oncePerSegment(seg, 'objectionCandidate', isObjectionCandidate) : false);
const isObjectionCandidate = (seg: Segment) => !seg.section.anti && (seg.section.ownTags.includes('objection') || IF_THEY_SAY.test(seg.section.title ?? '') || holdsObjectionPairs(seg));

/** A segment with an objection table (a buyer column and a rep column) or an "If they say …" branch answered in the rep's words. */
function holdsObjectionPairs(seg: Segment | undefined): boolean {
  if (!seg) return false;
  const rows = new Map<string, { buyer: boolean; rep: boolean }>();
  let tableNo = 0;
  let lastRow = -1;
  for (let i = 0; i < seg.turns.length; i++) {
    const t = seg.turns[i];
    const tab = t.unit.table;
    if (!tab) {
      // Answered on the same line, or by the rep's own labelled turn right after it.
      const next = seg.turns[i + 1];
      if (IF_THEY_SAY.test(turnText(t)) && (isRepVoice(t) || (next !== undefined && next.label !== undefined && isRepVoice(next)))) return true;
      continue;
    }
    if (tab.row < lastRow) tableNo++;
    lastRow = tab.row;
    if (tab.row === 0) continue;
    const row = rows.get(`${tableNo}:${tab.row}`) ?? { buyer: false, rep: false };
    if (isBuyerVoice(t) && OBJECTION_COLUMN.test(tab.header)) row.buyer = true;
    else if (isRepVoice(t)) row.rep = true;
    rows.set(`${tableNo}:${tab.row}`, row);
  }
  return [...rows.values()].some((r) => r.buyer && r.rep);
}

/** The objection → response pairs under an objection section, in the shapes real playbooks use; read once per lint (several rules ask). */
export function objectionPairs(model: PlaybookModel, root: SectionNode): readonly ObjectionPair[] {
  return oncePerModel(model, `objectionPairs:${root.index}`, () => findObjectionPairs(model, root));
}

function findObjectionPairs(model: PlaybookModel, root: SectionNode): ObjectionPair[] {
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
      else if (isRepVoice(t)) row.response.push(t);
      rows.set(key, row);
    }
    for (const row of rows.values()) if (row.objection && row.response.length) pairs.push({ objection: row.objection, response: row.response, shape: 'table' });
    // Labelled turns, bold objections and "If they say …" lines.
    for (let i = 0; i < turns.length; i++) {
      const t = turns[i];
      if (t.unit.table) continue;
      const text = turnText(t);
      const next = turns[i + 1];
      // The buyer by role ("Prospect:"), or by name or title when the rep answers under a "Rep:" label ("Owner:", "Dana:").
      const isObjectionTurn = t.label !== undefined && ((isBuyerVoice(t) && (t.role === 'prospect' || next?.role === 'rep')) || OBJECTION_LABEL.test(t.label));
      if (isObjectionTurn && next && next.label !== undefined && isRepVoice(next)) {
        pairs.push({ objection: text, response: [next], shape: 'labels' });
        i++;
        continue;
      }
      const ifm = IF_THEY_SAY.exec(text);
      if (ifm) {
        const rest = ifm[0].length < text.length ? { ...t, a: t.a + ifm[0].length } : undefined;
        // The answer follows: in the next block, or on the next line under its own label ("**Rep:** …").
        const below = next && answerBelow(t, next);
        const response = rest && QUOTED.test(turnText(rest)) ? [rest] : below ? [below] : [];
        pairs.push({ objection: ifm[1], response, shape: 'if-they-say' });
        continue;
      }
      const below = t.label === undefined && isWhollyEmphasised(t) && next ? answerBelow(t, next) : undefined;
      if (below) {
        pairs.push({ objection: text, response: [below], shape: 'bold' });
        i++;
      }
    }
    // A section titled with the buyer's words: ### "It's too expensive", #### Objection 2: "Not now",
    // ## If they say "We already have a cleaner" (a subsection of an objection guide or of a script, or one
    // objection per top-level section).
    const titled = OBJECTION_TITLE.exec(seg.section.title ?? '') ?? IF_THEY_SAY.exec(seg.section.title ?? '');
    if (titled) {
      const answer = turns.find((t) => isRepVoice(t) && isSpokenAnswer(t));
      pairs.push({ objection: titled[1], response: answer ? [answer] : [], shape: 'heading' });
    }
  }
  return pairs;
}

/**
 * The rep's spoken answer to the objection line `t`, when `next` is one: in the next block, under its own
 * label, or below a bold objection line in the same paragraph (`**If they say "…"**` then `→ "…"`, the
 * answer read from its opening quote).
 */
function answerBelow(t: Turn, next: Turn): Turn | undefined {
  if (!isRepVoice(next)) return undefined;
  if (next.unit !== t.unit || next.label !== undefined) return isSpokenAnswer(next) ? next : undefined;
  if (!isTitleLine(t.unit, t.b)) return undefined;
  const arrow = /^\s*(?:→|->|=>|—|–)?\s*/.exec(turnText(next))![0].length;
  const answer = arrow > 0 ? { ...next, a: next.a + arrow } : next;
  return isSpokenAnswer(answer) ? answer : undefined;
}

/** The rep's spoken answer, not coaching prose: a rep or script label, a quote, or a plain fence or blockquote. */
function isSpokenAnswer(t: Turn): boolean {
  return t.role === 'rep' || t.role === 'structural' || t.role === 'positive' || t.unit.kind === 'blockquote' || t.unit.kind === 'fence' || QUOTED.test(turnText(t));
}

function isWhollyEmphasised(t: Turn): boolean {
  const text = t.unit.text;
  return t.unit.emphasis.some(([a, b]) => a <= t.a + (text.slice(t.a).length - text.slice(t.a).trimStart().length) && b >= t.b - (text.slice(0, t.b).length - text.slice(0, t.b).trimEnd().length));
}

/** One touch of a sequence: an `Email N` / `Day N` / `Touch N` / `Step N` (or first / final email) section holding a message. */
export interface Touch {
  section: SectionNode;
  /** The heading (or bold line) as written, e.g. "Email 2 — Day 3". */
  label: string;
  /** Where findings about the touch go: its heading, or its bold line. */
  anchor: { start: number; end: number };
  /** The cadence day, when the heading gives one. */
  day?: number;
  /** The touch's number in the sequence when the heading gives one ("Email 2"); a repeated number is another version of that touch. */
  number?: number;
  /** The rep's words in the touch, one entry per line (subject, greeting and sign-off left out). */
  lines: string[];
  /** The touch is a break-up: its heading says so ("closing the loop", "final email") or its text lets the buyer go ("I'll assume the timing is off"). */
  breakup: boolean;
}

/**
 * A step of a sequence: "Email 2", "Touch 3", "Day 4", "D+3" or "T+3", "Chaser 2 — Day 6", "Step 4 (email)", a
 * numbered step named by its weekday ("3) Wednesday, wee nudge"), a week ("Week 2 — Tuesday", "Wk 3 · Mon"), a dated weekday ("Wed 5 Nov: first email") or a weekday alone ("Wednesday"); a weekday heading
 * over no message of the rep's makes no touch. "Text 2" or "InMail 3" alone is as often one of a library of
 * alternatives as a step, so it is not one; with its day ("Text 2 — day 3", "Text 1 — day of the visit") it is.
 */
const TOUCH_HEADING = /^\W*(?:(?:e-?mail|touch|message|follow[- ]?up|chaser)\s*#?\s*\d+|day\s*[−–-]?\s*\d+|(?:week|wk)\s*\d+|(?:mon|tue|tues|wed|thu|thur|thurs|fri)\.?,?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|[dt]\s?\+\s?\d+|step\s*\d+\b.*\b(?:e-?mail|call|linkedin|voicemail|touch|day\s*\d+)|(?:text|sms|inmail|dm|whatsapp|call|voicemail)\s*#?\s*\d+\b.*\bday\b|(?:\d{1,2}[).:]\s*)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
/** "First email", "Final follow-up", "Break-up email": a touch named by its place rather than a number. */
const PLACED_TOUCH = /^\W*(?:(?:the )?(?:first|second|third|fourth|fifth|initial|final|last|break-?up)\b[^.?!]{0,20}\b(?:e-?mail|touch|follow[- ]?up|message|note|bump)s?)\b/i;
const TOUCH_NUMBER = /\b(?:e-?mail|touch|message|follow[- ]?up|step|chaser|text|sms|inmail|dm|whatsapp|call|voicemail)\s*#?\s*(\d+)|^\W*(\d{1,2})[).:]\s/i;
/** The cadence day; before a date it counts down ("Day −60" before the renewal). */
const DAY = /\b(?:day\s*([−–-]?\s*\d{1,3})|[dt]\s?\+\s?(\d{1,3}))\b/i;
const BREAKUP_HEADING = /\b(?:break-?up|closing (?:the )?loop|final (?:e-?mail|touch|note|follow[- ]?up)|close (?:your|the) file|last (?:e-?mail|touch))\b/i;
const GREETING_LINE = /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon))\b[^.!?\n]{0,40}[,!:]?\s*$/i;
const SIGN_OFF_LINE = /^\s*(?:best(?: regards)?|thanks|thank you|cheers|regards|kind regards|talk soon|sincerely|all the best|—|--)\s*[,.!]?\s*(?:\S.{0,40})?$/i;

const isTouchHeading = (title: string) => TOUCH_HEADING.test(title) || PLACED_TOUCH.test(title);

/**
 * The sequences of a playbook: sibling sections (same parent) whose headings
 * name touches (numbered, `Step N` only when it names a channel or a day, or
 * "first" / "final" / "break-up" email), or bold lines of their own naming
 * touches within one section (`**Email 2 — Day 4**`), at least two of them holding a
 * message the reading layer reads as the rep's words (email, message or
 * call; a voicemail is judged by its own rules). Each touch reads the rep's
 * words in its section and subsections; an onboarding plan's "Day 1" has none.
 */
export function sequences(model: PlaybookModel): readonly Touch[][] {
  return oncePerModel(model, 'sequences', () => findSequences(model));
}

function findSequences(model: PlaybookModel): Touch[][] {
  const groups = new Map<unknown, Touch[]>();
  const add = (key: unknown, touch: Touch) => {
    const list = groups.get(key) ?? [];
    list.push(touch);
    groups.set(key, list);
  };
  const inTouch = new Set<SectionNode>();
  for (let i = 0; i < model.segments.length; i++) {
    if (!titledAsTouch(model.segments[i])) continue;
    const s = model.segments[i].section;
    if (ancestorsOf(model, s).some((p) => p.title && isTouchHeading(p.title))) continue;
    const segs = subtree(model, s);
    for (const g of segs) inTouch.add(g.section);
    add(s.parent, touchOf(s, s.title ?? '', { start: s.headingStart, end: s.headingEnd }, segs.flatMap((g) => g.turns)));
  }
  // Touches marked by a bold line of their own inside one section: **Email 2 — Day 4**
  for (let i = 0; i < model.segments.length; i++) {
    const seg = model.segments[i];
    if (inTouch.has(seg.section) || seg.section.anti) continue;
    const heads = boldTouchLines(seg);
    if (heads.size === 0) continue;
    let current: { label: string; anchor: { start: number; end: number }; turns: Turn[] } | undefined;
    const flush = () => {
      if (current) add(seg, touchOf(seg.section, current.label, current.anchor, current.turns));
    };
    for (const t of seg.turns) {
      const text = heads.get(t);
      if (text !== undefined) {
        flush();
        current = { label: text, anchor: { start: t.unit.start, end: t.unit.end }, turns: [] };
      } else if (current) current.turns.push(t);
    }
    flush();
  }
  return [...groups.values()].filter((ts) => ts.filter((t) => t.lines.length > 0).length >= 2);
}

// Sequences are read on every lint; what a segment's heading or lines say is kept with it (the editor reuses it).
const titledAsTouch = (seg: Segment) => oncePerSegment(seg, 'titledAsTouch', touchTitled);
const touchTitled = (seg: Segment) => !!seg.section.title && !seg.section.anti && isTouchHeading(seg.section.title);

/** The segment's bold lines of their own that name a touch (`**Email 2 — Day 4**`), by turn, with their label. */
const boldTouchLines = (seg: Segment) => oncePerSegment(seg, 'boldTouchLines', findBoldTouchLines);
function findBoldTouchLines(seg: Segment): Map<Turn, string> {
  const heads = new Map<Turn, string>();
  for (const t of seg.turns) {
    if (t.label !== undefined || t.unit.turns.length !== 1 || t.unit.table || !isWhollyEmphasised(t)) continue;
    const text = turnText(t).trim().replace(/[:：]$/, '');
    if (isTouchHeading(text)) heads.set(t, text);
  }
  return heads;
}

/** A touch from its label and the turns under it: the rep's message lines, greeting and sign-off left out. */
function touchOf(section: SectionNode, label: string, anchor: { start: number; end: number }, turns: readonly Turn[]): Touch {
  const d = DAY.exec(label);
  const n = TOUCH_NUMBER.exec(label);
  const lines: string[] = [];
  for (const t of turns) {
    if (!isRepVoice(t) || t.channel === 'voicemail' || t.contexts.has('voicemail')) continue;
    for (const line of turnText(t).split('\n')) if (line.trim()) lines.push(line.trim());
  }
  while (lines.length && GREETING_LINE.test(lines[0])) lines.shift();
  const signOff = lines.findIndex((l, i) => i > 0 && i >= lines.length - 4 && SIGN_OFF_LINE.test(l) && l.split(/\s+/).length <= 6);
  if (signOff > 0) lines.length = signOff;
  return { section, label, anchor, day: d ? Number((d[1] ?? d[2]).replace(/[−–]/, '-').replace(/\s/g, '')) : undefined, number: n ? Number(n[1] ?? n[2]) : undefined, lines, breakup: BREAKUP_HEADING.test(label) || LETS_GO.test(lines.join(' ').replace(/[’‘]/g, "'")) };
}

/** The touches before `i` that it follows: another version of the same numbered touch ("Email 2, rewritten") is not one of them. */
export function touchesBefore(touches: readonly Touch[], i: number): Touch[] {
  const t = touches[i];
  return touches.slice(0, i).filter((e) => t.number === undefined || e.number === undefined || e.number < t.number);
}
