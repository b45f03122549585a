/**
 * What the structure rules (stale-playbook, unsourced-claim, talk-ratio,
 * objection-handling, sequence-*, playbook-structure) read from the playbook
 * model, in one place. Today they read turns (`speech`, `role`, `contexts`)
 * and section tags; when the reading layer gives every turn a `voice` and a
 * `message`, only these functions change.
 */
import { startAt, endAt, type PlaybookModel, type Turn, type Unit } from '../../read/model';

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
