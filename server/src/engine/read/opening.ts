/**
 * Where a message opens: its first sentence after the subject, the greeting
 * and any pleasantry or apology ("Hope you're well!", "Sorry for the cold
 * email."). What a buyer reads first decides whether they read on, so some
 * rules judge only that sentence (phrase rules with `options.openingOnly`).
 */
import type { Turn } from './model';
import { sentenceAt } from './words';
import { GREETING_WORD, HONORIFIC } from './evidence';

const GREETS = String.raw`${GREETING_WORD}\b(?:\s+${HONORIFIC}\.)?`;

/** A line that is only a greeting: "Hi Tom," "Good morning team!" */
export const GREETING_LINE = new RegExp(String.raw`^\s*${GREETS}[^.!?\n]{0,40}[,!:]?\s*$`, 'i');

/** A pleasantry sentence that says nothing yet: "Hope you're well!", "I trust this finds you well.", "How are you?", "Happy Friday!" */
const PLEASANTRY = String.raw`(?:(?:I |we )?(?:hope|trust)\b[^.!?\n]{0,100}[.!?]+|how(?:'s| are| is) (?:you|things|everything|it going|your (?:week|day))[^.!?\n]{0,30}[.!?]+|happy \p{L}+[!.]+)\s*`;

/** An apology for writing at all ("Apologies for landing in your inbox unannounced."): like a pleasantry, it comes before the point. */
const APOLOGY = String.raw`(?:(?:I |we )?apologi[sz]e|apologies|(?:I'm |I am |so |very )*sorry|forgive me|pardon (?:me|the))\b[^.!?\n]{0,120}[.!?]+\s*`;

/** A salutation that is only the buyer's name on its own line: "Megan,". */
const NAME_LINE = String.raw`\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?[ \t]*[,—–-][ \t]*\n\s*`;
/** What may come before the opening sentence inside one turn: header lines, a greeting, pleasantries and apologies. */
const LEAD = new RegExp(String.raw`^\s*(?:(?:subject|re|fwd?)\s*:[^\n]*\n\s*)*(?:${GREETS}[^\n.!?]{0,40}[,!.:—–-]?\s*|${NAME_LINE})?(?:${PLEASANTRY}|${APOLOGY})*$`, 'iu');
/** A turn that holds only a greeting, pleasantries and apologies: the message opens after it. */
const LEAD_ONLY = new RegExp(String.raw`^\s*(?:${GREETS}[^\n.!?]{0,40}[,!.:—–-]?\s*)?(?:${PLEASANTRY}|${APOLOGY})+$`, 'iu');

/** A turn that opens with a greeting to someone starts a message ("Hey Hannah, my name's Josh…" under a bold title). */
const OPENS_WITH_GREETING = new RegExp(String.raw`^\s*${GREETS}[^\n.!?]{0,40}[,!:—–-]`, 'iu');

/** Turns that start a message's body: the first rep words of their section, the first after a subject or a greeting-only line, or one that opens with a greeting. */
const starts = new WeakMap<readonly Turn[], Set<Turn>>();

function startingTurns(turns: readonly Turn[]): Set<Turn> {
  let set = starts.get(turns);
  if (set) return set;
  set = new Set();
  let prev: Turn | undefined;
  for (const t of turns) {
    if (!t.speech) continue;
    const said = prev?.unit.text.slice(prev.a, prev.b) ?? '';
    if (!prev || prev.unit.section !== t.unit.section || prev.role === 'subject' || GREETING_LINE.test(said) || LEAD_ONLY.test(said) || OPENS_WITH_GREETING.test(t.unit.text.slice(t.a, t.b))) set.add(t);
    prev = t;
  }
  starts.set(turns, set);
  return set;
}

/** Whether offset `at` of the turn lies in the opening sentence of its message (`turns`: the model's turns, in order). */
export function opensMessage(turns: readonly Turn[], turn: Turn, at: number): boolean {
  if (!startingTurns(turns).has(turn)) return false;
  const text = turn.unit.text;
  return LEAD.test(text.slice(turn.a, sentenceAt(text, turn.a, turn.b, at).a));
}
