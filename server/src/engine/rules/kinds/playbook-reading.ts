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
